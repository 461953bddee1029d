package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * GET /api/v1/exports (docs/api.md): the same file as the export page, streamed to a script that
 * sends a bearer token. Same parameters, same scope check ({@link ExportService#check}), same audit
 * (written before the first byte). Errors are JSON in Dutch: 400 with the parameter, 403 when the
 * role may not (free text), 404 for a pilot that does not exist or is outside the caller's scope.
 */
@RestController
class ExportApiController {

    private static final Logger log = LoggerFactory.getLogger(ExportApiController.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final ExportService exports;
    private final MessageSource messages;
    private final Clock clock;

    ExportApiController(ExportService exports, MessageSource messages, Clock clock) {
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
    }

    /** {"error": "..."} for 403, 404 and 500. */
    record ErrorMessage(String error) {
    }

    /** {"errors": [{"field": "...", "message": "..."}]} for 400, like the report API. */
    record Errors(List<FieldMessage> errors) {
    }

    record FieldMessage(String field, String message) {
    }

    @GetMapping("/api/v1/exports")
    void export(@AuthenticationPrincipal AccountPrincipal principal,
                @RequestParam(name = "formaat", defaultValue = "XLSX") ExportFormat format,
                @RequestParam(name = "pilot", required = false) Long pilot,
                @RequestParam(name = "van", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(name = "tot", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(name = "vrijeTekst", defaultValue = "false") boolean freeText,
                HttpServletResponse response) throws IOException {
        ExportRequest request = exports.check(principal.user(), format, pilot, from, to, freeText);
        ExportController.stream(exports, request, LocalDate.now(clock), response, ExportService.Channel.API);
    }

    @ExceptionHandler(ExportRefusedException.class)
    ResponseEntity<?> refused(ExportRefusedException refusal) {
        String text = message(refusal.messageKey);
        if (refusal.status == HttpStatus.BAD_REQUEST) {
            return json(refusal.status, new Errors(List.of(new FieldMessage(refusal.field, text))));
        }
        return json(refusal.status, new ErrorMessage(text));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Errors> wrongValue(MethodArgumentTypeMismatchException e) {
        String key = switch (e.getName()) {
            case "formaat" -> "export.api.error.formaat";
            case "pilot" -> "export.api.error.pilot";
            case "van", "tot" -> "export.api.error.date";
            case "vrijeTekst" -> "export.api.error.vrijeTekst";
            default -> "export.api.error.parameter";
        };
        return json(HttpStatus.BAD_REQUEST, new Errors(List.of(new FieldMessage(e.getName(), message(key)))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Errors> missing(MissingServletRequestParameterException e) {
        return json(HttpStatus.BAD_REQUEST,
                new Errors(List.of(new FieldMessage(e.getParameterName(), message("export.api.error.parameter")))));
    }

    /** Once the file is streaming the status is sent; a failure then can only cut the download short. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorMessage> failed(Exception e, HttpServletResponse response) {
        if (response.isCommitted()) {
            log.warn("An API export broke off after it started: {}", e.toString());
            return null;
        }
        log.error("The export API failed", e);
        response.reset();
        return json(HttpStatus.INTERNAL_SERVER_ERROR, new ErrorMessage(message("export.api.error.internal")));
    }

    private <T> ResponseEntity<T> json(HttpStatus status, T body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, DUTCH);
    }
}
