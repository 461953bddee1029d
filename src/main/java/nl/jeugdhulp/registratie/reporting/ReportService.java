package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import nl.jeugdhulp.registratie.reporting.Report.SupporterGroup;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Computes the trimester report in the database, within the user's scope. The tables are counted
 * by separate queries without one shared transaction: on a live registration a table may include a
 * trajectory saved a moment after another table was counted, which a report can bear.
 */
@Service
public class ReportService {

    static final List<Breakdown> PROCESS_BREAKDOWNS = List.of(Breakdown.FUNCTION_TYPE, Breakdown.EDUCATION,
            Breakdown.EXPERIENCE);

    private final ReportQueries queries;
    private final SupporterFigures supporterFigures;
    private final TrajectoryTypeQuery trajectoryTypes;
    private final ExperienceTables experiences;
    private final Executor executor;

    ReportService(ReportQueries queries, SupporterFigures supporterFigures, TrajectoryTypeQuery trajectoryTypes,
                  ExperienceTables experiences, @Qualifier("reportExecutor") Executor executor) {
        this.experiences = experiences;
        this.queries = queries;
        this.supporterFigures = supporterFigures;
        this.trajectoryTypes = trajectoryTypes;
        this.executor = executor;
    }

    public Report report(ReportFilter filter, ReportScope scope) {
        // Each table is one query plus its tests: independent work, so it runs on the report pool in
        // parallel (own connections; PostgreSQL answers them on several cores).
        List<CompletableFuture<List<ReportTable>>> intakeWork = ReportTables.intake(queries.capjGroups("A"),
                        queries.capjGroups("D")).stream()
                .map(spec -> supplyAsync(() -> withTests(queries.tables(spec, List.of(Breakdown.FUNCTION_TYPE), filter, scope))))
                .toList();
        List<CompletableFuture<List<ReportTable>>> processWork = ReportTables.process().stream()
                .map(spec -> supplyAsync(() -> withTests(queries.tables(spec, PROCESS_BREAKDOWNS, filter, scope))))
                .toList();
        CompletableFuture<TrajectoryTypesResult> typesWork = supplyAsync(() -> trajectoryTypes.types(filter, scope));
        CompletableFuture<Report.Experiences> experiencesWork = supplyAsync(() -> experiences.experiences(filter, scope));
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
        List<ReportTable> intake = join(intakeWork);
        List<ReportTable> process = join(processWork);
        TrajectoryTypesResult types = typesWork.join();
        List<Report.ApplicantPair> pairs = queries.list(Population.STARTED, """
                        SELECT a1, a2, count(*) FROM pop
                         CROSS JOIN LATERAL unnest(applicants) a1 CROSS JOIN LATERAL unnest(applicants) a2
                         WHERE a1 < a2 GROUP BY a1, a2 ORDER BY count(*) DESC, a1, a2 LIMIT 5""", filter, scope,
                (rs, i) -> new Report.ApplicantPair(rs.getString(1), rs.getString(2), rs.getLong(3)));
        return new Report(filter, intake, process, distributions, waiting, new Report.Supporters(supporters), open,
                types, pairs, experiencesWork.join());
    }

    private <T> CompletableFuture<T> supplyAsync(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private static List<ReportTable> join(List<CompletableFuture<List<ReportTable>>> work) {
        List<ReportTable> tables = new ArrayList<>();
        try {
            for (CompletableFuture<List<ReportTable>> future : work) {
                tables.addAll(future.join());
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return tables;
    }

    /** Single-answer tables get a test of independence between the groups (rows x groups, no total). */
    private static List<ReportTable> withTests(List<ReportTable> tables) {
        return tables.stream().map(ReportTestAttacher::attach).toList();
    }
}
