package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypes;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryTypesResult;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryVector;
import org.springframework.stereotype.Component;

/**
 * F4: the eight variables of closed trajectories complete on all of them, clustered into three
 * types. A large population is sampled in SQL, reproducibly (ordered by a hash of the id), so only
 * the sample leaves the database.
 */
@Component
class TrajectoryTypeQuery {

    /**
     * Complete on all eight variables. "At least one help request" is an EXISTS probe rather than
     * {@code capj_codes IS NOT NULL}, which would build the sorted array for every closed trajectory;
     * the array's cardinality is only taken for the sampled rows.
     */
    private static final String COMPLETE = """
            contacts IS NOT NULL AND applicants IS NOT NULL AND consultations IS NOT NULL
            AND interventions IS NOT NULL AND duration_days IS NOT NULL
            AND EXISTS (SELECT 1 FROM trajectory_capj tc WHERE tc.trajectory_id = pop.id)""";

    private final ReportQueries queries;

    TrajectoryTypeQuery(ReportQueries queries) {
        this.queries = queries;
    }

    TrajectoryTypesResult types(ReportFilter filter, ReportScope scope) {
        // One statement: the complete trajectories are counted (the window, before the limit) and sampled.
        long[] population = {0};
        List<TrajectoryVector> rows = queries.list(Population.CLOSED, """
                        SELECT duration_days / 7.0, contacts, cardinality(applicants), cardinality(capj_codes),
                               cardinality(consultations), cardinality(interventions),
                               'OVERBRUGGINGSHULP' = ANY (interventions), outcome = 'VERWEZEN', count(*) OVER ()
                          FROM pop WHERE\s""" + COMPLETE + "\n" + """
                         ORDER BY hashtext(pop.id::text), pop.id LIMIT\s""" + TrajectoryTypes.SAMPLE_LIMIT,
                filter, scope,
                (rs, i) -> {
                    population[0] = rs.getLong(9);
                    return new TrajectoryVector(rs.getDouble(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8));
                });
        TrajectoryTypesResult clustered = TrajectoryTypes.classify(rows);
        return new TrajectoryTypesResult((int) population[0], clustered.clustered(), population[0] > rows.size(),
                clustered.types());
    }
}
