package nl.jeugdhulp.registratie.summary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.account.CurrentUser;
import nl.jeugdhulp.registratie.account.Role;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The municipal pilot summary page and its downloads (PDF, XLSX, CSV). The choice lives in the URL;
 * a pilot outside the user's scope answers 404, an invalid period 400 with the form and its Dutch
 * messages. A municipality gets the suppressed summary, a project leader and an administrator the
 * full one. Every view and download is audited.
 */
@Controller
class SummaryController {

    static final String VIEW = "summary/page";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final SummaryPilots pilots;
    private final SummaryService service;
    private final SummaryDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    SummaryController(SummaryPilots pilots, SummaryService service, SummaryDocuments documents, AuditLog audit,
                      Clock clock) {
        this.pilots = pilots;
        this.service = service;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/samenvatting")
    String page(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") SummaryForm form,
                BindingResult result, Model model, Locale locale, HttpServletResponse response) {
        if (form.getVan() == null && form.getTot() == null && !result.hasErrors()) {
            LocalDate today = LocalDate.now(clock);
            form.setVan(today.withDayOfYear(1));
            form.setTot(today);
        }
        Summary summary = summary(principal.user(), form, result, model, locale, response);
        if (summary != null) {
            audit.record(AuditEntry.of(AuditAction.READ, "SUMMARY_VIEWED", "SUMMARY", form.getPilot())
                    .withPilot(form.getPilot()).withDetails(summary.from() + ".." + summary.to()));
        }
        return VIEW;
    }

    @GetMapping("/samenvatting/samenvatting.{format}")
    String download(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable String format,
                    @ModelAttribute("form") SummaryForm form, BindingResult result, Model model, Locale locale,
                    HttpServletResponse response) throws IOException {
        if (!List.of("pdf", "xlsx", "csv").contains(format)) {
            throw new NotFoundException();
        }
        Summary summary = summary(principal.user(), form, result, model, locale, response);
        if (summary == null) {
            if (!result.hasErrors()) {
                throw new NotFoundException();
            }
            return VIEW;
        }
        ZonedDateTime generated = ZonedDateTime.now(clock.withZone(DUTCH_TIME));
        String name = "samenvatting-" + summary.from() + "-" + summary.to() + "." + format;
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "SUMMARY_EXPORTED", "SUMMARY", form.getPilot())
                .withPilot(form.getPilot()).withDetails(format.toUpperCase(Locale.ROOT) + " " + summary.from() + ".."
                        + summary.to() + (summary.suppressed() ? " suppressed" : "")));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        OutputStream out = response.getOutputStream();
        switch (format) {
            case "pdf" -> {
                byte[] pdf = documents.pdf(summary, generated, locale);
                response.setContentType(MediaType.APPLICATION_PDF_VALUE);
                out.write(pdf);
            }
            case "xlsx" -> {
                response.setContentType(XLSX.toString());
                documents.xlsx(summary, generated, locale, out);
            }
            default -> {
                response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
                documents.csv(summary, generated, locale, out);
            }
        }
        out.flush();
        return null;
    }

    /** The summary for the form, or null (with status 400 and the page's model) when the form is invalid. */
    private Summary summary(CurrentUser user, SummaryForm form, BindingResult result, Model model, Locale locale,
                            HttpServletResponse response) {
        List<PilotChoice> visible = pilots.visible(user);
        model.addAttribute("pilotOptions", visible);
        List<PilotChoice> chosen = form.getPilot() == null ? visible
                : visible.stream().filter(p -> p.id() == form.getPilot()).toList();
        if (chosen.isEmpty() && form.getPilot() != null) {
            throw new NotFoundException();
        }
        form.validate(result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return null;
        }
        if (chosen.isEmpty()) {
            return null;
        }
        Summary summary = service.summary(chosen, form.getVan(), form.getTot(), user.is(Role.GEMEENTE), locale);
        model.addAttribute("summary", summary);
        return summary;
    }
}
