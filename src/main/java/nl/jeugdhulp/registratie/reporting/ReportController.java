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
        ReportScope scope = ReportScope.of(principal.user());
        List<ReportOptions.Option> pilots = options.pilots(scope);
        List<ReportOptions.Option> municipalities = options.municipalities(scope);
        List<ReportOptions.Option> practices = options.practices(scope);
        List<ReportOptions.Option> supporters = options.supporters(scope);
        model.addAttribute("pilots", scope.supporterId() == null ? pilots : List.of());
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("practices", practices);
        model.addAttribute("supporters", supporters);
        model.addAttribute("periods", ReportForm.PERIODS);
        model.addAttribute("functionTypes", ReportForm.FUNCTION_TYPES);

        ReportFilter filter = result.hasErrors() ? null : form.toFilter(java.time.LocalDate.now(clock), result);
        if (filter != null) {
            checkChoice(form.getPilot(), pilots, "pilot", result);
            checkChoice(form.getGemeente(), municipalities, "gemeente", result);
            checkChoice(form.getPraktijk(), practices, "praktijk", result);
            checkChoice(form.getOndersteuner(), supporters, "ondersteuner", result);
        }
        if (result.hasErrors()) {
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

    private static void checkChoice(Long chosen, List<ReportOptions.Option> allowed, String field, BindingResult result) {
        if (chosen != null && allowed.stream().noneMatch(o -> o.id() == chosen)) {
            result.rejectValue(field, "report.filter.choice.invalid");
        }
    }

}
