package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.reporting.Report.SupporterGroup;
import nl.jeugdhulp.registratie.database.ReportingDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * T1 and T2: the supporters active in the period (with a trajectory open on some day of it), with
 * their profile as it held at the period's end, per function type and in total; and the caseload
 * (trajectories open at the period's end), which is a subset of the same pass.
 */
@Component
class SupporterFigures {

    private final ReportQueries queries;
    private final JdbcClient jdbc;

    SupporterFigures(ReportQueries queries, ReportingDatabase database) {
        this.queries = queries;
        this.jdbc = database.jdbc();
    }

    /** The supporter groups (T1, T2) and the number of trajectories open at the period's end. */
    record Figures(List<SupporterGroup> groups, long openAtEnd) {
    }

    Figures figures(ReportFilter filter, ReportScope scope) {
        ReportQueries.Sql base = queries.population(Population.ACTIVE, filter, scope, false);
        // The per-week figures are doubles: summed in a fixed order (by supporter), they are the same to
        // the last digit whatever order the plan found the trajectories in. The trajectories open at the
        // end (Population.OPEN_AT_END) are the active ones still open after :to: counted in the same pass.
        String sql = base.sql() + """
                , active AS (
                    SELECT pop.supporter_id, count(*) FILTER (WHERE pop.start_date BETWEEN :from AND :to) AS started,
                           count(*) FILTER (WHERE coalesce(pop.end_date, DATE 'infinity') > :to) AS open_at_end
                      FROM pop GROUP BY pop.supporter_id),
                now_profile AS (
                    SELECT a.supporter_id, a.started, a.open_at_end, p.function_type, p.education,
                           p.experience_years + greatest(0, date_part('year', age(:to, p.valid_from)))::int AS experience,
                           p.hours_gp_practice, p.hours_base_team, p.registration_start, p.registration_end,
                           (SELECT count(*) FROM supporter_practice sp WHERE sp.supporter_id = a.supporter_id) AS practices,
                           (SELECT sum(pr.number_of_gps) FROM supporter_practice sp JOIN practice pr ON pr.id = sp.practice_id
                             WHERE sp.supporter_id = a.supporter_id) AS gps,
                           (SELECT sum(pr.registered_patients) / 2350.0 FROM supporter_practice sp
                              JOIN practice pr ON pr.id = sp.practice_id WHERE sp.supporter_id = a.supporter_id) AS norm
                      FROM active a
                      LEFT JOIN profile_range p ON p.supporter_id = a.supporter_id AND :to >= p.range_from AND :to < p.range_to)
                SELECT function_type, GROUPING(function_type) AS is_total, count(*) AS supporters,
                       count(*) FILTER (WHERE education = 'HBO') AS hbo, count(*) FILTER (WHERE education = 'WO') AS wo,
                       count(*) FILTER (WHERE education = 'WO_PLUS') AS wo_plus,
                       count(*) FILTER (WHERE education = 'ANDERS') AS other_education,
                       count(*) FILTER (WHERE experience <= 5) AS lt5, count(*) FILTER (WHERE experience BETWEEN 6 AND 10) AS e6_10,
                       count(*) FILTER (WHERE experience BETWEEN 11 AND 15) AS e11_15, count(*) FILTER (WHERE experience > 15) AS gt15,
                       avg(hours_gp_practice) AS mean_hours, min(hours_gp_practice) AS min_hours, max(hours_gp_practice) AS max_hours,
                       avg(hours_base_team) AS mean_base, avg(practices) AS mean_practices, avg(gps) AS mean_gps,
                       avg(norm) AS mean_norm, avg((registration_end - registration_start) / 7.0) AS mean_weeks,
                       min((registration_end - registration_start) / 7.0) AS min_weeks,
                       max((registration_end - registration_start) / 7.0) AS max_weeks,
                       avg(started / :weeks ORDER BY supporter_id) AS mean_new,
                       stddev_samp(started / :weeks ORDER BY supporter_id) AS sd_new,
                       min(started / :weeks) AS min_new, max(started / :weeks) AS max_new,
                       sum(open_at_end) AS open_at_end
                  FROM now_profile
                 GROUP BY GROUPING SETS ((function_type), ())""";
        Map<String, Object> params = new HashMap<>(base.params());
        params.put("weeks", Math.max(1.0, (filter.to().toEpochDay() - filter.from().toEpochDay() + 1) / 7.0));
        List<SupporterGroup> groups = new ArrayList<>();
        long[] openAtEnd = {0};
        jdbc.sql(sql).params(params).query(rs -> {
            Map<String, Long> education = new LinkedHashMap<>();
            education.put("HBO", rs.getLong("hbo"));
            education.put("WO", rs.getLong("wo"));
            education.put("WO_PLUS", rs.getLong("wo_plus"));
            education.put("ANDERS", rs.getLong("other_education"));
            Map<String, Long> experience = new LinkedHashMap<>();
            experience.put("LT5", rs.getLong("lt5"));
            experience.put("6_10", rs.getLong("e6_10"));
            experience.put("11_15", rs.getLong("e11_15"));
            experience.put("GT15", rs.getLong("gt15"));
            String type = rs.getInt("is_total") == 1 ? "TOTAL" : rs.getString("function_type");
            if (rs.getInt("is_total") == 1) {
                openAtEnd[0] = rs.getLong("open_at_end"); // sum over no supporters is NULL: 0
            }
            groups.add(new SupporterGroup(type == null ? "ONBEKEND" : type, rs.getLong("supporters"), education,
                    experience, decimal(rs, "mean_hours"), decimal(rs, "min_hours"), decimal(rs, "max_hours"),
                    decimal(rs, "mean_base"), decimal(rs, "mean_practices"), decimal(rs, "mean_gps"),
                    decimal(rs, "mean_norm"), decimal(rs, "mean_weeks"), decimal(rs, "min_weeks"), decimal(rs, "max_weeks"), decimal(rs, "mean_new"),
                    decimal(rs, "sd_new"), decimal(rs, "min_new"), decimal(rs, "max_new")));
        });
        List<String> order = List.of("POH_JEUGD", "SOH_JGGZ", "OJG", "ONBEKEND", "TOTAL");
        groups.sort(java.util.Comparator.comparingInt(g -> order.indexOf(g.functionType())));
        return new Figures(groups, openAtEnd[0]);
    }

    private static Double decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
