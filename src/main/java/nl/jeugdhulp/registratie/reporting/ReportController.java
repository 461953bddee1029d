package nl.jeugdhulp.registratie.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
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
    private final ReportFormCheck check;
    private final ReportCharts charts;
    private final ReportLabels labels;
    private final AuditLog audit;

    ReportController(ReportService reports, ReportFormCheck check, ReportCharts charts, ReportLabels labels,
                     AuditLog audit) {
        this.reports = reports;
        this.check = check;
        this.charts = charts;
        this.labels = labels;
        this.audit = audit;
    }

    @GetMapping("/rapportage")
    String report(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") ReportForm form,
                  BindingResult result, Model model, Locale locale, HttpServletResponse response) {
        ReportScope scope = ReportScope.of(principal.user());
        ReportFilter filter = check.filter(form, result, check.choices(scope, model));
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "report/trimester";
        }
        Report report = reports.report(filter, scope);
        audit.record(AuditEntry.of(AuditAction.READ, "REPORT_VIEWED", "REPORT", "trimester")
                .withDetails(filter.from() + ".." + filter.to()));
        model.addAttribute("report", report);
        model.addAttribute("charts", charts.charts(report, locale));
        model.addAttribute("capjLabels", labels.capjLabels());
        model.addAttribute("breakdowns", ReportService.PROCESS_BREAKDOWNS);
        return "report/trimester";
    }

}
