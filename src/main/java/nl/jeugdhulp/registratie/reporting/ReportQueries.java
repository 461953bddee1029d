package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import nl.jeugdhulp.registratie.database.ReportingDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report's SQL. Every query starts from the same population CTE: trajectories in scope and
 * filter, each with the supporter's profile that held at the trajectory's start.
 */
@Component
class ReportQueries {

    /** The profile valid on a day: ranges [from, to) per supporter, the first reaching back to the start of time. */
    private static final String PROFILE_RANGES = """
            profile_range AS (
                SELECT sp.*,
                       CASE WHEN row_number() OVER w = 1 THEN DATE '-infinity' ELSE sp.valid_from END AS range_from,
                       coalesce(lead(sp.valid_from) OVER w, DATE 'infinity') AS range_to
                  FROM supporter_profile sp
                WINDOW w AS (PARTITION BY sp.supporter_id ORDER BY sp.valid_from))""";

    private final JdbcClient jdbc;

    ReportQueries(ReportingDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** {@code WITH profile_range, pop} for a population, and its parameters. */
    Sql population(Population population, ReportFilter filter, ReportScope scope) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(population.condition);
        params.put("from", filter.from());
        params.put("to", filter.to());
        if (!scope.all()) {
            if (scope.supporterId() != null) {
                where.add("t.supporter_id = :scopeSupporter");
                params.put("scopeSupporter", scope.supporterId());
            } else if (scope.pilotIds().isEmpty()) {
                where.add("FALSE");
            } else {
                where.add("s.pilot_id IN (:scopePilots)");
                params.put("scopePilots", scope.pilotIds());
            }
        }
        if (filter.pilotId() != null) {
            where.add("s.pilot_id = :pilot");
            params.put("pilot", filter.pilotId());
        }
        if (filter.municipalityId() != null) {
            where.add("pr.municipality_id = :municipality");
            params.put("municipality", filter.municipalityId());
        }
        if (filter.practiceId() != null) {
            where.add("t.practice_id = :practice");
            params.put("practice", filter.practiceId());
        }
        if (filter.functionType() != null) {
            where.add("p.function_type = :functionType");
            params.put("functionType", filter.functionType());
        }
        if (filter.supporterId() != null) {
            where.add("t.supporter_id = :supporter");
            params.put("supporter", filter.supporterId());
        }
        String sql = "WITH " + PROFILE_RANGES + """
                ,
                pop AS (
                    SELECT t.*, s.pilot_id, s.code AS supporter_code, p.function_type, p.education,
                           CASE WHEN t.birth_year IS NULL THEN NULL
                                ELSE greatest(0, date_part('year', age(t.start_date, make_date(t.birth_year, t.birth_month, 15))))::int
                           END AS age_at_start,
                           t.end_date - t.start_date AS duration_days,
                           CASE WHEN p.experience_years IS NULL THEN NULL
                                WHEN experience.years <= 5 THEN 'LT5'
                                WHEN experience.years <= 10 THEN '6_10'
                                WHEN experience.years <= 15 THEN '11_15'
                                ELSE 'GT15' END AS experience_category
                      FROM trajectory t
                      JOIN supporter s ON s.id = t.supporter_id
                      JOIN practice pr ON pr.id = t.practice_id
                      LEFT JOIN profile_range p ON p.supporter_id = t.supporter_id
                            AND t.start_date >= p.range_from AND t.start_date < p.range_to
                      LEFT JOIN LATERAL (SELECT p.experience_years
                               + greatest(0, date_part('year', age(t.start_date, p.valid_from)))::int AS years) experience ON TRUE
                     WHERE\s""" + String.join("\n       AND ", where) + ")\n";
        return new Sql(sql, params);
    }

    /**
     * One table per breakdown, counted in a single query: counts, n and missing per group of each
     * breakdown (GROUPING SETS) and in total.
     */
    List<ReportTable> tables(TableSpec spec, List<Breakdown> breakdowns, ReportFilter filter, ReportScope scope) {
        Sql base = population(spec.population(), filter, scope);
        StringBuilder select = new StringBuilder(base.sql()).append("SELECT ");
        List<String> sets = new ArrayList<>();
        for (Breakdown b : breakdowns) {
            select.append("pop.").append(b.column).append(" AS g_").append(b.ordinal()).append(", GROUPING(pop.")
                    .append(b.column).append(") AS x_").append(b.ordinal()).append(", ");
            sets.add("(pop." + b.column + ")");
        }
        sets.add("()");
        select.append("\n       count(*) FILTER (WHERE ").append(spec.known()).append(") AS n,\n")
                .append("       count(*) FILTER (WHERE ").append(spec.missing()).append(") AS missing");
        for (int i = 0; i < spec.rows().size(); i++) {
            select.append(",\n       count(*) FILTER (WHERE (").append(spec.known()).append(") AND (")
                    .append(spec.rows().get(i).condition()).append(")) AS c").append(i);
        }
        select.append("\n  FROM ").append(spec.source())
                .append("\n GROUP BY GROUPING SETS (").append(String.join(", ", sets)).append(")");

        Map<Breakdown, Counts> byBreakdown = new java.util.EnumMap<>(Breakdown.class);
        breakdowns.forEach(b -> byBreakdown.put(b, new Counts(spec.rows().size(), b.groups().size() + 1)));
        jdbc.sql(select.toString()).params(base.params()).query(rs -> {
            Breakdown grouped = breakdowns.stream().filter(b -> {
                try {
                    return rs.getInt("x_" + b.ordinal()) == 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElse(null);
            if (grouped == null) { // the grand total: the last column of every breakdown
                for (Breakdown b : breakdowns) {
                    byBreakdown.get(b).set(b.groups().size(), rs);
                }
                return;
            }
            int column = grouped.groups().indexOf(rs.getString("g_" + grouped.ordinal()));
            if (column >= 0) { // a group outside the breakdown (e.g. education unknown) counts in the total only
                byBreakdown.get(grouped).set(column, rs);
            }
        });
        List<String> rows = spec.rows().stream().map(TableSpec.Row::code).toList();
        return breakdowns.stream().map(b -> {
            Counts c = byBreakdown.get(b);
            return new ReportTable(spec.id(), spec.population(), b, spec.multiAnswer(), spec.rowLabelPrefix(), rows,
                    c.counts, c.n, c.missing, Optional.<TestResult>empty(), List.of());
        }).toList();
    }

    private static final class Counts {
        final long[][] counts;
        final long[] n;
        final long[] missing;

        Counts(int rows, int columns) {
            counts = new long[rows][columns];
            n = new long[columns];
            missing = new long[columns];
        }

        void set(int column, java.sql.ResultSet rs) throws java.sql.SQLException {
            n[column] = rs.getLong("n");
            missing[column] = rs.getLong("missing");
            for (int i = 0; i < counts.length; i++) {
                counts[i][column] = rs.getLong("c" + i);
            }
        }
    }

    /** Frequencies of a whole number (contacts, weeks, age) in the population: value -> count. */
    Map<Integer, Long> frequencies(Population population, String expression, String condition, ReportFilter filter,
                                   ReportScope scope) {
        Sql base = population(population, filter, scope);
        Map<Integer, Long> result = new java.util.TreeMap<>();
        jdbc.sql(base.sql() + "SELECT " + expression + " AS v, count(*) AS k FROM pop WHERE " + condition
                        + " GROUP BY 1 ORDER BY 1")
                .params(base.params())
                .query(rs -> {
                    result.put(rs.getInt("v"), rs.getLong("k"));
                });
        return result;
    }

    /** A generic aggregate over the population, for single figures (means, counts). */
    <T> T aggregate(Population population, String selectList, ReportFilter filter, ReportScope scope,
                    org.springframework.jdbc.core.RowMapper<T> mapper) {
        Sql base = population(population, filter, scope);
        return jdbc.sql(base.sql() + "SELECT " + selectList + " FROM pop").params(base.params()).query(mapper).single();
    }

    /** A query over the population returning several rows. */
    <T> List<T> list(Population population, String query, ReportFilter filter, ReportScope scope,
                     org.springframework.jdbc.core.RowMapper<T> mapper) {
        Sql base = population(population, filter, scope);
        return jdbc.sql(base.sql() + query).params(base.params()).query(mapper).list();
    }

    /** Ordered group codes of a CAP-J axis (for the per-group tables of axes A and D). */
    List<String> capjGroups(String axis) {
        return jdbc.sql("SELECT code FROM capj_code WHERE axis = :a AND level = 'GROEP' ORDER BY sort_order, code")
                .param("a", axis).query(String.class).list();
    }

    record Sql(String sql, Map<String, Object> params) {
    }
}
