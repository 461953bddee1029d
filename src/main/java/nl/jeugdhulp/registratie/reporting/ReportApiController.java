package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trimester report as JSON for scripts (docs/api.md). Same filters, same scope check and same
 * numbers as the page; the caller is the token's user, authenticated by the API's filter chain.
 */
@RestController
class ReportApiController {

    private static final Logger log = LoggerFactory.getLogger(ReportApiController.class);

    private final ReportService reports;
    private final ReportFormCheck check;
    private final ReportDocuments documents;
    private final MessageSource messages;
    private final AuditLog audit;

    ReportApiController(ReportService reports, ReportFormCheck check, ReportDocuments documents,
                        MessageSource messages, AuditLog audit) {
        this.reports = reports;
        this.check = check;
        this.documents = documents;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/reports/trimester", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> trimester(@AuthenticationPrincipal AccountPrincipal principal,
                                @ModelAttribute("apiFilter") ReportForm form, BindingResult result) {
        ReportScope scope = ReportScope.of(principal.user());
        ReportFilter filter = check.filter(form, result, check.choices(scope));
        if (filter == null) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(errors(result));
        }
        Report report = reports.report(filter, scope);
        audit.record(AuditEntry.of(AuditAction.READ, "REPORT_API", "REPORT", "trimester")
                .withPilot(filter.pilotId())
                .withDetails(filter.from() + ".." + filter.to()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(documents.document(report, form));
    }

    /** A practice supporter without a supporter profile has no report (the page answers 404). */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ReportDocument.ErrorMessage> noReport() {
        return error(HttpStatus.FORBIDDEN, "api.error.noReport");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ReportDocument.ErrorMessage> failed(Exception e) {
        log.error("The report API failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "api.error.internal");
    }

    private ResponseEntity<ReportDocument.ErrorMessage> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ReportDocument.ErrorMessage(messages.getMessage(code, null, code, ReportDocuments.DUTCH)));
    }

    private ReportDocument.Errors errors(BindingResult result) {
        List<ReportDocument.FieldMessage> list = result.getAllErrors().stream()
                .map(e -> new ReportDocument.FieldMessage(e instanceof FieldError f ? f.getField() : null,
                        messages.getMessage(e, ReportDocuments.DUTCH)))
                .toList();
        return new ReportDocument.Errors(list);
    }
}
