package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Computes the trimester report in the database, within the user's scope. The tables are counted
 * by a few separate statements without one shared transaction: on a live registration the intake
 * tables may include a trajectory saved a moment after the process tables were counted, which a
 * report can bear.
 */
@Service
public class ReportService {

    static final List<Breakdown> INTAKE_BREAKDOWNS = List.of(Breakdown.FUNCTION_TYPE);
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
        // Independent statements on the report pool (own connections; PostgreSQL answers them on
        // several cores): the started trajectories with every intake table and figure in one pass,
        // the closed ones likewise, the sample for the trajectory types, the supporters with the
        // caseload open at the end, and the client experiences; then the tests per table and the
        // clustering, also in parallel.
        Map<String, List<String>> capj = queries.capjGroups();
        List<TableSpec> intakeSpecs = ReportTables.intake(capj.get("A"), capj.get("D"));
        List<TableSpec> processSpecs = ReportTables.process();
        ReportQueries.Cube started = queries.cube(Population.STARTED);
        intakeSpecs.forEach(spec -> started.table(spec, INTAKE_BREAKDOWNS));
        started.frequencies("verdeling_leeftijd_M", "age_at_start", "gender = 'M' AND age_at_start IS NOT NULL")
                .frequencies("verdeling_leeftijd_V", "age_at_start", "gender = 'V' AND age_at_start IS NOT NULL")
                .figure("wachten", """
                        SELECT 'wachten'::text AS part, NULL::text AS g_0, 1 AS x_0, NULL::text AS g_1, 1 AS x_1,
                               NULL::text AS g_2, 1 AS x_2,
                               ARRAY[sum(pop.k), sum(pop.k) FILTER (WHERE waiting_days IS NOT NULL),
                                     sum(pop.k) FILTER (WHERE waiting_days > 35),
                                     sum(waiting_days * pop.k) / sum(pop.k) FILTER (WHERE waiting_days IS NOT NULL)] AS v
                          FROM {pop}""")
                .figure("aanmelderparen", """
                        SELECT 'aanmelderparen'::text AS part, a1::text AS g_0, 0 AS x_0, a2::text AS g_1, 0 AS x_1,
                               NULL::text AS g_2, 1 AS x_2,
                               ARRAY[sum(pop.k), row_number() OVER (ORDER BY sum(pop.k) DESC, a1, a2)] AS v
                          FROM {pop} CROSS JOIN LATERAL unnest(applicants) a1 CROSS JOIN LATERAL unnest(applicants) a2
                         WHERE a1 < a2 GROUP BY a1, a2 ORDER BY sum(pop.k) DESC, a1, a2 LIMIT 5""");
        ReportQueries.Cube closed = queries.cube(Population.CLOSED);
        processSpecs.forEach(spec -> closed.table(spec, PROCESS_BREAKDOWNS));
        closed.frequencies("verdeling_contacten", "contacts", "contacts IS NOT NULL")
                // Weeks as the study counts them: up to 7 days (closed on the first day too) is week 1, 8-14 days week 2.
                .frequencies("verdeling_weken", "greatest(1, (duration_days + 6) / 7)", "duration_days IS NOT NULL");

        CompletableFuture<ReportQueries.CubeResult> startedWork = supplyAsync(() -> started.count(filter, scope));
        CompletableFuture<ReportQueries.CubeResult> closedWork = supplyAsync(() -> closed.count(filter, scope));
        CompletableFuture<TrajectoryTypesResult> typesWork = supplyAsync(() -> trajectoryTypes.types(filter, scope));
        CompletableFuture<SupporterFigures.Figures> supportersWork = supplyAsync(() -> supporterFigures.figures(filter, scope));
        CompletableFuture<Report.Experiences> experiencesWork = supplyAsync(() -> experiences.experiences(filter, scope));

        ReportQueries.CubeResult startedCounts = join(startedWork);
        List<CompletableFuture<List<ReportTable>>> intakeWork = intakeSpecs.stream()
                .map(spec -> supplyAsync(() -> withTests(startedCounts.tables(spec, INTAKE_BREAKDOWNS)))).toList();
        ReportQueries.CubeResult closedCounts = join(closedWork);
        List<CompletableFuture<List<ReportTable>>> processWork = processSpecs.stream()
                .map(spec -> supplyAsync(() -> withTests(closedCounts.tables(spec, PROCESS_BREAKDOWNS)))).toList();

        Map<String, Distribution> distributions = new LinkedHashMap<>();
        distributions.put("leeftijd_M", new Distribution(startedCounts.frequencies("verdeling_leeftijd_M")));
        distributions.put("leeftijd_V", new Distribution(startedCounts.frequencies("verdeling_leeftijd_V")));
        distributions.put("contacten", new Distribution(closedCounts.frequencies("verdeling_contacten")));
        distributions.put("weken", new Distribution(closedCounts.frequencies("verdeling_weken")));
        ReportQueries.CubeRow waitingRow = startedCounts.part("wachten").get(0);
        Report.Waiting waiting = new Report.Waiting(waitingRow.count(0), waitingRow.count(1), waitingRow.count(2),
                waitingRow.v()[3] == null ? null : waitingRow.v()[3].doubleValue());
        List<Report.ApplicantPair> pairs = startedCounts.part("aanmelderparen").stream()
                .sorted(java.util.Comparator.comparingLong(row -> row.count(1)))
                .map(row -> new Report.ApplicantPair(row.g()[0], row.g()[1], row.count(0))).toList();
        List<ReportTable> intake = joinAll(intakeWork);
        List<ReportTable> process = joinAll(processWork);
        SupporterFigures.Figures supporters = join(supportersWork);
        return new Report(filter, intake, process, distributions, waiting, new Report.Supporters(supporters.groups()),
                supporters.openAtEnd(), join(typesWork), pairs, join(experiencesWork));
    }

    private <T> CompletableFuture<T> supplyAsync(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private static List<ReportTable> joinAll(List<CompletableFuture<List<ReportTable>>> work) {
        List<ReportTable> tables = new ArrayList<>();
        for (CompletableFuture<List<ReportTable>> future : work) {
            tables.addAll(join(future));
        }
        return tables;
    }

    private static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Single-answer tables get a test of independence between the groups (rows x groups, no total). */
    private static List<ReportTable> withTests(List<ReportTable> tables) {
        return tables.stream().map(ReportTestAttacher::attach).toList();
    }
}
