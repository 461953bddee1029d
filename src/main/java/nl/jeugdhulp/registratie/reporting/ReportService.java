package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.reporting.Report.SupporterGroup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the trimester report in the database, within the user's scope. */
@Service
public class ReportService {

    static final List<Breakdown> PROCESS_BREAKDOWNS = List.of(Breakdown.FUNCTION_TYPE, Breakdown.EDUCATION,
            Breakdown.EXPERIENCE);

    private final ReportQueries queries;
    private final SupporterFigures supporterFigures;
    private final TrajectoryTypeQuery trajectoryTypes;

    ReportService(ReportQueries queries, SupporterFigures supporterFigures, TrajectoryTypeQuery trajectoryTypes) {
        this.queries = queries;
        this.supporterFigures = supporterFigures;
        this.trajectoryTypes = trajectoryTypes;
    }

    @Transactional(readOnly = true)
    public Report report(ReportFilter filter, ReportScope scope) {
        List<ReportTable> intake = new ArrayList<>();
        for (TableSpec spec : ReportTables.intake(queries.capjGroups("A"), queries.capjGroups("D"))) {
            intake.addAll(withTests(queries.tables(spec, List.of(Breakdown.FUNCTION_TYPE), filter, scope)));
        }
        List<ReportTable> process = new ArrayList<>();
        for (TableSpec spec : ReportTables.process()) {
            process.addAll(withTests(queries.tables(spec, PROCESS_BREAKDOWNS, filter, scope)));
        }
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        distributions.put("leeftijd_M", new Distribution(queries.frequencies(Population.STARTED, "age_at_start",
                "gender = 'M' AND age_at_start IS NOT NULL", filter, scope)));
        distributions.put("leeftijd_V", new Distribution(queries.frequencies(Population.STARTED, "age_at_start",
                "gender = 'V' AND age_at_start IS NOT NULL", filter, scope)));
        distributions.put("contacten", new Distribution(queries.frequencies(Population.CLOSED, "contacts",
                "contacts IS NOT NULL", filter, scope)));
        // Weeks as the study counts them: up to 7 days (closed on the first day too) is week 1, 8-14 days week 2.
        distributions.put("weken", new Distribution(queries.frequencies(Population.CLOSED, "greatest(1, (duration_days + 6) / 7)",
                "duration_days IS NOT NULL", filter, scope)));
        Report.Waiting waiting = queries.aggregate(Population.STARTED, """
                        count(*), count(registration_date), count(*) FILTER (WHERE start_date - registration_date > 35),
                        avg(start_date - registration_date)""", filter, scope,
                (rs, i) -> new Report.Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4) == null ? null : rs.getDouble(4)));
        long open = queries.aggregate(Population.OPEN_AT_END, "count(*)", filter, scope, (rs, i) -> rs.getLong(1));
        List<SupporterGroup> supporters = supporterFigures.groups(filter, scope);
        List<Report.ApplicantPair> pairs = queries.list(Population.STARTED, """
                        SELECT a1, a2, count(*) FROM pop
                         CROSS JOIN LATERAL unnest(applicants) a1 CROSS JOIN LATERAL unnest(applicants) a2
                         WHERE a1 < a2 GROUP BY a1, a2 ORDER BY count(*) DESC, a1, a2 LIMIT 5""", filter, scope,
                (rs, i) -> new Report.ApplicantPair(rs.getString(1), rs.getString(2), rs.getLong(3)));
        return new Report(filter, intake, process, distributions, waiting, new Report.Supporters(supporters), open,
                trajectoryTypes.types(filter, scope), pairs);
    }

    /** Single-answer tables get a test of independence between the groups (rows x groups, no total). */
    private static List<ReportTable> withTests(List<ReportTable> tables) {
        return tables.stream().map(ReportTestAttacher::attach).toList();
    }
}
