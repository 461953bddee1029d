package nl.jeugdhulp.registratie.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.classification.CapjCode;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a {@link Report} into the API's {@link ReportDocument}, with the page's Dutch titles and labels. */
@Component
class ReportDocuments {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final MessageSource messages;
    private final CapjCatalogue capj;

    ReportDocuments(MessageSource messages, CapjCatalogue capj) {
        this.messages = messages;
        this.capj = capj;
    }

    ReportDocument document(Report report, ReportForm form) {
        Map<String, String> capjLabels = capj.activeCodes().stream()
                .collect(Collectors.toMap(CapjCode::code, c -> c.display() + " " + c.label(), (a, b) -> a));
        ReportFilter filter = report.filter();
        boolean ownPeriod = "EIGEN".equals(form.getPeriode());
        ReportDocument.Filters filters = new ReportDocument.Filters(form.getJaar(), form.getPeriode(),
                ownPeriod ? filter.from() : null, ownPeriod ? filter.to() : null, filter.pilotId(),
                filter.municipalityId(), filter.practiceId(), filter.functionType(), filter.supporterId());
        Map<String, Map<Integer, Long>> distributions = new LinkedHashMap<>();
        report.distributions().forEach((name, d) -> distributions.put(name, new LinkedHashMap<>(d.frequencies())));
        Report.Waiting w = report.waiting();
        return new ReportDocument(new ReportDocument.Period(filter.from(), filter.to()), filters,
                report.intake().stream().map(t -> table(t, capjLabels)).toList(),
                report.process().stream().map(t -> table(t, capjLabels)).toList(),
                distributions,
                new ReportDocument.Waiting(w.started(), w.known(), w.overFiveWeeks(), w.meanDays()),
                report.supporters().groups().stream().map(this::supporters).toList(),
                report.openAtEnd(),
                types(report.types()),
                experiences(report.experiences(), capjLabels));
    }

    private ReportDocument.Table table(ReportTable t, Map<String, String> capjLabels) {
        List<ReportDocument.Code> columns = t.columns().stream()
                .map(c -> new ReportDocument.Code(c, text("report.group." + c, c))).toList();
        List<ReportDocument.Code> rows = t.rows().stream()
                .map(r -> new ReportDocument.Code(r, "report.capj.".equals(t.rowLabelPrefix())
                        ? capjLabels.getOrDefault(r, r) : text(t.rowLabelPrefix() + r, r)))
                .toList();
        Long[][] percentages = new Long[rows.size()][columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                percentages[r][c] = t.percent(r, c);
            }
        }
        return new ReportDocument.Table(t.id(), text("report.table." + t.id(), t.id()),
                new ReportDocument.Code(t.population().name(), text("report.population." + t.population(), null)),
                new ReportDocument.Code(t.breakdown().name(), text("report.breakdown." + t.breakdown(), null)),
                t.multiAnswer(), columns, rows, t.counts(), t.n(), t.missing(), percentages,
                t.test().map(ReportDocuments::test).orElse(null));
    }

    private ReportDocument.Experiences experiences(Report.Experiences e, Map<String, String> capjLabels) {
        if (e.statistics() == null || e.status() != Report.ExperienceStatus.SHOWN) {
            return new ReportDocument.Experiences(e.status().name(), List.of(), null, List.of(), List.of());
        }
        var stats = e.statistics();
        List<ReportDocument.Code> columns = stats.columns().stream()
                .map(c -> new ReportDocument.Code(c, text("report.group." + c, c))).toList();
        List<ReportDocument.Score> scores = stats.scores().stream()
                .map(s -> new ReportDocument.Score(s.item(), text("report.t16.item", null) + " "
                        + text("report.t16." + s.item(), s.item()), s.n(), s.mean(), s.sd(), s.belowSix(), s.suppressed()))
                .toList();
        return new ReportDocument.Experiences(e.status().name(), columns, stats.responses(), scores,
                e.tables().stream().map(t -> table(t, capjLabels)).toList());
    }

    private static ReportDocument.Test test(TestResult r) {
        return new ReportDocument.Test(r.method().name(), finite(r.statistic()), r.degreesOfFreedom(),
                finite(r.pValue()), r.permutations(), r.smallSample());
    }

    private ReportDocument.SupporterGroup supporters(Report.SupporterGroup g) {
        return new ReportDocument.SupporterGroup(g.functionType(), text("report.group." + g.functionType(), null),
                g.supporters(), g.education(), g.experience(), g.meanHours(), g.minHours(), g.maxHours(),
                g.meanBaseTeamHours(), g.meanPractices(), g.meanGps(), g.meanNormPractices(),
                g.meanRegistrationWeeks(), g.minRegistrationWeeks(), g.maxRegistrationWeeks(), g.meanNewPerWeek(), g.sdNewPerWeek(), g.minNewPerWeek(), g.maxNewPerWeek());
    }

    private static ReportDocument.TrajectoryTypes types(TrajectoryTypesResult result) {
        return new ReportDocument.TrajectoryTypes(result.population(), result.clustered(), result.sampled(),
                result.types().stream().map(t -> new ReportDocument.TrajectoryType(t.name().name(), t.name().label(),
                        t.count(), t.share(), t.meanDurationWeeks(), t.meanContacts(), t.shareBridging(),
                        t.shareReferred())).toList());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, DUTCH);
    }

    /** JSON has no NaN or infinity. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
