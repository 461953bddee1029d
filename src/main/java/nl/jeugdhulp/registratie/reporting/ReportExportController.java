package nl.jeugdhulp.registratie.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.jeugdhulp.registratie.account.AccountPrincipal;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of the trimester report: one table as CSV, the whole report as XLSX. They take the
 * page's filters from the URL and check them with the page's own {@link ReportFormCheck}: invalid
 * filters or a choice outside the user's scope answer 400 with the filter form and its Dutch
 * messages, an unknown table or breakdown 404. Every download is audited, and the file is written
 * straight to the response.
 *
 * <p>The handlers return a view name only for the 400 page; after writing a file they return null,
 * which (with the response as an argument) tells Spring MVC the response is complete.
 */
@Controller
class ReportExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final ReportService reports;
    private final ReportFormCheck check;
    private final ReportLabels labels;
    private final AuditLog audit;
    private final Clock clock;

    ReportExportController(ReportService reports, ReportFormCheck check, ReportLabels labels, AuditLog audit,
                           Clock clock) {
        this.reports = reports;
        this.check = check;
        this.labels = labels;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/rapportage/tabel.csv")
    String csv(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") ReportForm form,
               BindingResult result, @RequestParam(name = "tabel", required = false) String tableId,
               @RequestParam(name = "indeling", required = false) String breakdownName, Model model, Locale locale,
               HttpServletResponse response) throws IOException {
        ReportScope scope = ReportScope.of(principal.user());
        ReportFilter filter = check.filter(form, result, check.choices(scope, model));
        if (filter == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "report/trimester";
        }
        Breakdown breakdown = breakdown(breakdownName);
        if (!tableExists(tableId, breakdown)) {
            throw new NotFoundException();
        }
        ReportTable table = reports.report(filter, scope).table(tableId, breakdown).orElseThrow(NotFoundException::new);
        recordDownload(filter, "CSV " + table.id() + " " + breakdown.name());
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(
                "rapportage-" + table.id() + "-" + breakdown.name() + "-" + filter.from() + "-" + filter.to() + ".csv"));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        ReportCsv.write(table, labels.in(locale), out);
        out.flush();
        return null;
    }

    @GetMapping("/rapportage/export.xlsx")
    String xlsx(@AuthenticationPrincipal AccountPrincipal principal, @ModelAttribute("form") ReportForm form,
                BindingResult result, Model model, Locale locale, HttpServletResponse response) throws IOException {
        ReportScope scope = ReportScope.of(principal.user());
        ReportFormCheck.Choices choices = check.choices(scope, model);
        ReportFilter filter = check.filter(form, result, choices);
        if (filter == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "report/trimester";
        }
        Report report = reports.report(filter, scope);
        ReportLabels.Localized words = labels.in(locale);
        ReportWorkbook.Notes notes = new ReportWorkbook.Notes(filtersInWords(form, scope, choices, words),
                ZonedDateTime.now(clock.withZone(DUTCH_TIME)));
        recordDownload(filter, "XLSX");
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                attachment("rapportage-" + filter.from() + "-" + filter.to() + ".xlsx"));
        ReportWorkbook.write(report, notes, words, response.getOutputStream());
        response.getOutputStream().flush();
        return null;
    }

    private void recordDownload(ReportFilter filter, String format) {
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "REPORT_EXPORTED", "REPORT", "trimester")
                .withPilot(filter.pilotId())
                .withDetails(format + " " + filter.from() + ".." + filter.to()));
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }

    /** The breakdown by its name; the function type when none is given. */
    private static Breakdown breakdown(String name) {
        if (name == null || name.isBlank()) {
            return Breakdown.FUNCTION_TYPE;
        }
        try {
            return Breakdown.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /**
     * Whether the report has this table in this breakdown (intake tables only per function type),
     * known from the table specifications before anything is counted.
     */
    static boolean tableExists(String id, Breakdown breakdown) {
        if (id == null) {
            return false;
        }
        Set<String> intake = ReportTables.intake(List.of(), List.of()).stream().map(TableSpec::id)
                .collect(Collectors.toSet());
        Set<String> process = ReportTables.process().stream().map(TableSpec::id).collect(Collectors.toSet());
        return (breakdown == Breakdown.FUNCTION_TYPE && (intake.contains(id) || ExperienceTables.IDS.contains(id)))
                || (ReportService.PROCESS_BREAKDOWNS.contains(breakdown) && process.contains(id));
    }

    /** The Toelichting's filter lines: what was chosen, by name, or "Alle". */
    private static List<Map.Entry<String, String>> filtersInWords(ReportForm form, ReportScope scope,
                                                                  ReportFormCheck.Choices choices,
                                                                  ReportLabels.Localized words) {
        String all = words.msg("filter.all");
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        String period = words.msg("report.period." + form.getPeriode());
        lines.add(Map.entry(words.msg("report.export.periodType"),
                "EIGEN".equals(form.getPeriode()) ? period : period + " " + form.getJaar()));
        lines.add(Map.entry(words.msg("report.export.scope"), words.msg("report.export.scope."
                + (scope.all() ? "ALL" : scope.supporterId() != null ? "OWN" : "PILOTS"))));
        lines.add(Map.entry(words.msg("report.filter.function"),
                form.getFunctie() == null || form.getFunctie().isBlank() ? all : words.column(form.getFunctie())));
        Stream.of(
                Map.entry("report.filter.pilot", orAll(ReportFormCheck.Choices.label(choices.pilots(), form.getPilot()), all)),
                Map.entry("report.filter.municipality",
                        orAll(ReportFormCheck.Choices.label(choices.municipalities(), form.getGemeente()), all)),
                Map.entry("report.filter.practice",
                        orAll(ReportFormCheck.Choices.label(choices.practices(), form.getPraktijk()), all)),
                Map.entry("report.filter.supporter",
                        orAll(ReportFormCheck.Choices.label(choices.supporters(), form.getOndersteuner()), all)))
                .forEach(e -> lines.add(Map.entry(words.msg(e.getKey()), e.getValue())));
        return lines;
    }

    private static String orAll(String label, String all) {
        return label == null ? all : label;
    }
}
