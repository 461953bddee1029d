package nl.jeugdhulp.registratie.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;

import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.classification.CapjCode;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The trimester report page. Every filter lives in the URL; the options offer only what the user may see. */
@Controller
class ReportController {

    private final ReportService reports;
    private final ReportOptions options;
    private final ReportCharts charts;
    private final CapjCatalogue capj;
    private final AuditLog audit;
    private final java.time.Clock clock;

    ReportController(ReportService reports, ReportOptions options, ReportCharts charts, CapjCatalogue capj,
                     AuditLog audit, java.time.Clock clock) {
        this.reports = reports;
        this.options = options;
        this.charts = charts;
        this.capj = capj;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/rapportage")
    String report(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") ReportForm form,
                  BindingResult result, Model model, Locale locale, HttpServletResponse response) {
        ReportRequest request = ReportRequest.of(principal.user(), options);
        ReportScope scope = request.scope();
        model.addAttribute("pilots", scope.supporterId() == null ? request.pilots() : List.of());
        model.addAttribute("municipalities", request.municipalities());
        model.addAttribute("practices", request.practices());
        model.addAttribute("supporters", request.supporters());
        model.addAttribute("periods", ReportForm.PERIODS);
        model.addAttribute("functionTypes", ReportForm.FUNCTION_TYPES);

        ReportFilter filter = request.filter(form, result, java.time.LocalDate.now(clock));
        if (filter == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "report/trimester";
        }
        Report report = reports.report(filter, scope);
        audit.record(AuditEntry.of(AuditAction.READ, "REPORT_VIEWED", "REPORT", "trimester")
                .withDetails(filter.from() + ".." + filter.to()));
        model.addAttribute("report", report);
        model.addAttribute("charts", charts.charts(report, locale));
        model.addAttribute("capjLabels", capj.activeCodes().stream()
                .collect(Collectors.toMap(CapjCode::code, c -> c.display() + " " + c.label(), (a, b) -> a)));
        model.addAttribute("breakdowns", ReportService.PROCESS_BREAKDOWNS);
        return "report/trimester";
    }
}
