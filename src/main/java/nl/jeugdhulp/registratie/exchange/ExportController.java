package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export page (/export) and the streamed download (/export/download), for researchers,
 * administrators and project leaders. A refused download shows the page again with the reason and
 * the refusal's status (400 wrong period, 403 free text not allowed, 404 unknown or foreign pilot).
 */
@Controller
@RequestMapping("/export")
class ExportController {

    private final ExportService exports;
    private final Clock clock;

    ExportController(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping
    String page(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        fill(principal.user(), model);
        return "exchange/export";
    }

    @GetMapping("/download")
    void download(@AuthenticationPrincipal AccountPrincipal principal,
                  @RequestParam(name = "formaat", defaultValue = "XLSX") ExportFormat format,
                  @RequestParam(name = "pilot", required = false) Long pilot,
                  @RequestParam(name = "van", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(name = "tot", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(name = "vrijeTekst", defaultValue = "false") boolean freeText,
                  HttpServletResponse response) throws IOException {
        ExportRequest request = exports.check(principal.user(), format, pilot, from, to, freeText);
        stream(exports, request, LocalDate.now(clock), response, ExportService.Channel.WEB);
    }

    /** The checked export as a file download; the page and the API differ only in how a refusal answers. */
    static void stream(ExportService exports, ExportRequest request, LocalDate today, HttpServletResponse response,
                       ExportService.Channel channel) throws IOException {
        String filename = "registratiebestand-" + today + "." + request.format().extension;
        response.setContentType(request.format().contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.export(request, response.getOutputStream(), channel);
    }

    @ExceptionHandler(ExportRefusedException.class)
    String refused(ExportRefusedException refusal, @AuthenticationPrincipal AccountPrincipal principal, Model model,
                   HttpServletResponse response) {
        response.setStatus(refusal.status.value());
        fill(principal.user(), model);
        model.addAttribute("error", refusal.messageKey);
        return "exchange/export";
    }

    private void fill(CurrentUser user, Model model) {
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("pilots", exports.pilotChoices(user));
        model.addAttribute("researcher", user.is(Role.ONDERZOEKER));
        model.addAttribute("administrator", user.is(Role.BEHEERDER));
        model.addAttribute("mayFreeText", ExportService.mayExportFreeText(user));
    }
}
