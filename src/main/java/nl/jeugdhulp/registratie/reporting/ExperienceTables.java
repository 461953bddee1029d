package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.jeugdhulp.registratie.questionnaire.QuestionnaireStatistics;
import nl.jeugdhulp.registratie.questionnaire.ResponseSelection;
import nl.jeugdhulp.registratie.questionnaire.ResponseStatistics;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import org.springframework.stereotype.Component;

/**
 * T16–T18 of the report from the questionnaire's facade: the report's period, scope, pilot, function
 * type and supporter select the responses; T17 and the T18 statements become report tables (per
 * function type, with the test of independence), so the page, CSV, XLSX and API show them as the
 * other tables.
 */
@Component
class ExperienceTables {

    /** Report table id per questionnaire item: T17, then the three statements of T18. */
    static final Map<String, String> TABLE_IDS = Map.of("goal_attainment", "doelbereik", "recommend", "aanbevelen",
            "learned", "geleerd", "confidence", "vertrouwen");
    static final List<String> IDS = List.of("doelbereik", "aanbevelen", "geleerd", "vertrouwen");

    private final QuestionnaireStatistics statistics;

    ExperienceTables(QuestionnaireStatistics statistics) {
        this.statistics = statistics;
    }

    Report.Experiences experiences(ReportFilter filter, ReportScope scope) {
        ResponseSelection selection = new ResponseSelection(filter.from(), filter.to(), scope.all(), scope.pilotIds(),
                scope.supporterId(), filter.pilotId(), filter.functionType(), filter.supporterId());
        if (filter.practiceId() != null || filter.municipalityId() != null) {
            return new Report.Experiences(Report.ExperienceStatus.NOT_PER_PRACTICE, null, List.of());
        }
        ResponseStatistics stats = statistics.statistics(selection);
        if (stats.hidden()) {
            return new Report.Experiences(Report.ExperienceStatus.TOO_FEW_OWN, stats, List.of());
        }
        List<ReportTable> tables = new ArrayList<>();
        tables.add(table(stats.goalAttainment(), "questionnaire.goal."));
        stats.statements().forEach(s -> tables.add(table(s, "questionnaire.agree.")));
        return new Report.Experiences(Report.ExperienceStatus.SHOWN, stats, List.copyOf(tables));
    }

    private static ReportTable table(ResponseStatistics.Levels levels, String prefix) {
        ReportTable table = new ReportTable(TABLE_IDS.get(levels.item()), Population.RESPONSES, Breakdown.FUNCTION_TYPE,
                false, prefix, levels.levels(), levels.counts(), levels.n(), levels.missing(),
                Optional.<TestResult>empty(), List.of());
        return ReportTestAttacher.attach(table);
    }
}
