package nl.jeugdhulp.registratie.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.database.ReportingDatabase;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
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

    /**
     * The columns of {@code pop} a {@link Cube} can group by, in a fixed order. A part of a cube reads
     * only these (found by name in its SQL) and the count {@code k}.
     */
    static final List<String> CUBE_COLUMNS = List.of("function_type", "education", "experience_category", "gender",
            "age_at_start", "applicants", "diagnosis_question", "diagnosis", "waiting_days", "capj_codes",
            "interventions", "consultations", "contacts", "duration_days", "outcome", "outcome_other_reason",
            "referral_moment", "referral_destinations");

    private static final List<Pattern> CUBE_COLUMN_NAMES = CUBE_COLUMNS.stream()
            .map(c -> Pattern.compile("\\b" + c + "\\b")).toList();

    /**
     * {@code work_mem} of a cube's statement. At the default 4 MB the planner expects more groups than
     * fit (it multiplies the columns' distinct values per grouping set) and sorts the population once
     * per set, on disk; with this it hashes all sets in one pass (a few MB actually used at 1,000,000
     * trajectories).
     */
    static final String CUBE_WORK_MEM = "64MB";

    private final ReportingDatabase database;
    private final JdbcClient jdbc;

    ReportQueries(ReportingDatabase database) {
        this.database = database;
        this.jdbc = database.jdbc();
    }

    /** {@code WITH profile_range, pop} for a population, with each trajectory's profile at its start. */
    Sql population(Population population, ReportFilter filter, ReportScope scope) {
        return population(population, filter, scope, true);
    }

    /**
     * {@code WITH profile_range, pop} for a population, and its parameters. Without {@code profile}
     * the population has no profile columns (function type, education, experience) and skips that
     * join, unless the filter needs it; the supporter and practice are joined only when the scope or
     * filter reads them.
     */
    Sql population(Population population, ReportFilter filter, ReportScope scope, boolean profile) {
        return population(population, filter, scope, profile, false);
    }

    /**
     * As {@link #population(Population, ReportFilter, ReportScope, boolean)}; with {@code helpRequests}
     * the sorted {@code capj_codes} of every trajectory of the population come from one pass over the
     * help requests' index instead of one sub-select per trajectory: for statements that read them for
     * (almost) every row. The ids of the trajectories in the population (without a function type
     * filter, which only narrows it further) are collected into an array; PostgreSQL (17 and later)
     * walks the unique index {@code trajectory_capj_once (trajectory_id, capj_code)} once for the
     * sorted array, reading each leaf page once instead of descending from the root per trajectory,
     * and the grouped codes are hash-joined to the population. A trajectory without help requests gets
     * NULL, as the sub-select's {@code array_agg} over no rows gives. The planner cannot know the
     * array's length and expects a handful of rows from the join's inner side; that is harmless while
     * the population is the preserved side of the LEFT JOIN, but a condition on {@code capj_codes}
     * inside a statement over this population turns it into an inner join, which the planner then
     * drives from the codes into the table's heap (tried for the trajectory types: slower than their
     * EXISTS probes), so use it for the cubes, which filter only after grouping.
     */
    Sql population(Population population, ReportFilter filter, ReportScope scope, boolean profile,
                   boolean helpRequests) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add(population.condition);
        params.put("from", filter.from());
        params.put("to", filter.to());
        boolean supporter = false;
        if (!scope.all()) {
            if (scope.supporterId() != null) {
                where.add("t.supporter_id = :scopeSupporter");
                params.put("scopeSupporter", scope.supporterId());
            } else if (scope.pilotIds().isEmpty()) {
                where.add("FALSE");
            } else {
                where.add("s.pilot_id IN (:scopePilots)");
                params.put("scopePilots", scope.pilotIds());
                supporter = true;
            }
        }
        if (filter.pilotId() != null) {
            where.add("s.pilot_id = :pilot");
            params.put("pilot", filter.pilotId());
            supporter = true;
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
            profile = true;
        }
        if (filter.supporterId() != null) {
            where.add("t.supporter_id = :supporter");
            params.put("supporter", filter.supporterId());
        }
        StringBuilder sql = new StringBuilder("WITH ").append(PROFILE_RANGES).append("""
                ,
                pop AS (
                    SELECT t.*,
                           CASE WHEN t.birth_year IS NULL THEN NULL
                                ELSE greatest(0, date_part('year', age(t.start_date, make_date(t.birth_year, t.birth_month, 15))))::int
                           END AS age_at_start,
                           t.end_date - t.start_date AS duration_days,
                           t.start_date - t.registration_date AS waiting_days,
                           """).append(helpRequests ? "capj.capj_codes" : """
                    (SELECT array_agg(tc.capj_code ORDER BY tc.capj_code) FROM trajectory_capj tc
                             WHERE tc.trajectory_id = t.id) AS capj_codes""");
        if (profile) {
            sql.append("""
                    ,
                           p.function_type, p.education,
                           CASE WHEN p.experience_years IS NULL THEN NULL
                                WHEN experience.years <= 5 THEN 'LT5'
                                WHEN experience.years <= 10 THEN '6_10'
                                WHEN experience.years <= 15 THEN '11_15'
                                ELSE 'GT15' END AS experience_category""");
        }
        StringBuilder from = new StringBuilder("\n      FROM trajectory t");
        if (supporter) {
            from.append("\n      JOIN supporter s ON s.id = t.supporter_id");
        }
        if (filter.municipalityId() != null) {
            from.append("\n      JOIN practice pr ON pr.id = t.practice_id");
        }
        sql.append(from);
        if (helpRequests) {
            List<String> idWhere = where.stream().filter(w -> !w.startsWith("p.")).toList();
            sql.append("""

                          LEFT JOIN (SELECT tc.trajectory_id, array_agg(tc.capj_code ORDER BY tc.capj_code) AS capj_codes
                                       FROM trajectory_capj tc
                                      WHERE tc.trajectory_id = ANY (ARRAY(SELECT t.id""").append(from)
                    .append("\n     WHERE ").append(String.join("\n       AND ", idWhere)).append("""
                    ))
                                      GROUP BY tc.trajectory_id) capj ON capj.trajectory_id = t.id""");
        }
        if (profile) {
            sql.append("""

                          LEFT JOIN profile_range p ON p.supporter_id = t.supporter_id
                                AND t.start_date >= p.range_from AND t.start_date < p.range_to
                          LEFT JOIN LATERAL (SELECT p.experience_years
                                   + greatest(0, date_part('year', age(t.start_date, p.valid_from)))::int AS years) experience ON TRUE""");
        }
        sql.append("\n     WHERE ").append(String.join("\n       AND ", where)).append(")\n");
        return new Sql(sql.toString(), params);
    }

    /** A cube over a population: many tables and figures counted in one pass (see {@link Cube}). */
    Cube cube(Population population) {
        return new Cube(population);
    }

    /**
     * Many tables and figures of one population, counted in one statement. The population is read
     * once and grouped by {@code GROUPING SETS}, one set per distinct combination of columns the
     * parts read (a part whose columns are a subset of another set's uses that set); each part then
     * sums the counts {@code k} of its set's groups with its own SQL conditions, so its result equals
     * counting the trajectories themselves. The sets hold a few thousand groups, so the parts cost
     * little next to the one pass.
     */
    final class Cube {

        private final Population population;
        private final List<Part> parts = new ArrayList<>();

        private Cube(Population population) {
            this.population = population;
        }

        /** A part: {@code select} is a whole SELECT over {@code {pop}} returning the result columns. */
        private record Part(String id, BitSet columns, String select) {
        }

        /** A categorical table, per breakdown and in total (the table as {@link #tables} returns it). */
        Cube table(TableSpec spec, List<Breakdown> breakdowns) {
            if (spec.population() != population) {
                throw new IllegalArgumentException(spec.id() + " counts " + spec.population() + ", not " + population);
            }
            StringBuilder select = new StringBuilder("SELECT '").append(spec.id()).append("'::text AS part");
            List<String> sets = new ArrayList<>();
            for (Breakdown b : Breakdown.values()) {
                if (breakdowns.contains(b)) {
                    select.append(", pop.").append(b.column).append("::text AS g_").append(b.ordinal())
                            .append(", GROUPING(pop.").append(b.column).append(") AS x_").append(b.ordinal());
                    sets.add("(pop." + b.column + ")");
                } else {
                    select.append(", NULL::text AS g_").append(b.ordinal()).append(", 1 AS x_").append(b.ordinal());
                }
            }
            sets.add("()");
            select.append(",\n       ARRAY[").append(sum(spec.known())).append(", ").append(sum(spec.missing()));
            for (TableSpec.Row row : spec.rows()) {
                select.append(",\n             ").append(sum("(" + spec.known() + ") AND (" + row.condition() + ")"));
            }
            select.append("]::numeric[] AS v\n  FROM {pop} ").append(spec.joins())
                    .append("\n GROUP BY GROUPING SETS (").append(String.join(", ", sets)).append(")");
            BitSet columns = columns(spec.known() + " " + spec.missing() + " " + spec.joins() + " "
                    + spec.rows().stream().map(TableSpec.Row::condition).reduce("", String::concat));
            breakdowns.forEach(b -> columns.set(CUBE_COLUMNS.indexOf(b.column)));
            parts.add(new Part(spec.id(), columns, select.toString()));
            return this;
        }

        /** Frequencies of a whole number among the trajectories meeting a condition: rows (value, count). */
        Cube frequencies(String id, String expression, String condition) {
            parts.add(new Part(id, columns(expression + " " + condition), """
                    SELECT '%1$s'::text AS part, NULL::text AS g_0, 1 AS x_0, NULL::text AS g_1, 1 AS x_1,
                           NULL::text AS g_2, 1 AS x_2, ARRAY[(%2$s)::numeric, sum(pop.k)] AS v
                      FROM {pop} WHERE %3$s GROUP BY (%2$s)""".formatted(id, expression, condition)));
            return this;
        }

        /**
         * Any other figure: {@code select} is a SELECT over {@code {pop}} (counting with {@code pop.k})
         * returning part, g_0, x_0, g_1, x_1, g_2, x_2 and the numbers as {@code v numeric[]}.
         */
        Cube figure(String id, String select) {
            parts.add(new Part(id, columns(select), select));
            return this;
        }

        private static String sum(String condition) {
            return "coalesce(sum(pop.k) FILTER (WHERE " + condition + "), 0)";
        }

        private static BitSet columns(String sql) {
            BitSet columns = new BitSet();
            for (int i = 0; i < CUBE_COLUMNS.size(); i++) {
                if (CUBE_COLUMN_NAMES.get(i).matcher(sql).find()) {
                    columns.set(i);
                }
            }
            return columns;
        }

        /** Counts every part in one statement. */
        CubeResult count(ReportFilter filter, ReportScope scope) {
            boolean profile = parts.stream().anyMatch(p -> p.columns().get(0) || p.columns().get(1) || p.columns().get(2));
            boolean helpRequests = parts.stream().anyMatch(p -> p.columns().get(CUBE_COLUMNS.indexOf("capj_codes")));
            Sql base = population(population, filter, scope, profile, helpRequests);
            // The grouping sets: each part's columns, or the smallest other set holding them all.
            List<BitSet> sets = new ArrayList<>();
            for (Part part : parts) {
                if (!sets.contains(part.columns())) {
                    sets.add(part.columns());
                }
            }
            List<BitSet> kept = sets.stream().filter(s -> sets.stream().noneMatch(o -> !o.equals(s) && contains(o, s)))
                    .toList();
            BitSet used = new BitSet();
            kept.forEach(used::or);
            List<String> names = used.stream().mapToObj(CUBE_COLUMNS::get).toList();
            StringBuilder sql = new StringBuilder(base.sql()).append(",\ncube AS (\n    SELECT GROUPING(")
                    .append(String.join(", ", names)).append(") AS gid, ").append(String.join(", ", names))
                    .append(", count(*) AS k\n      FROM pop\n     GROUP BY GROUPING SETS (")
                    .append(String.join(", ", kept.stream().map(s -> "(" + String.join(", ",
                            s.stream().mapToObj(CUBE_COLUMNS::get).toList()) + ")").toList()))
                    .append("))\n");
            List<String> selects = new ArrayList<>();
            for (Part part : parts) {
                BitSet set = kept.stream().filter(s -> contains(s, part.columns()))
                        .min(java.util.Comparator.comparingInt(BitSet::cardinality)).orElseThrow();
                int gid = 0;
                for (String name : names) {
                    gid = gid << 1 | (set.get(CUBE_COLUMNS.indexOf(name)) ? 0 : 1);
                }
                List<String> columns = new ArrayList<>(set.stream().mapToObj(CUBE_COLUMNS::get).toList());
                columns.add("k");
                String source = "(SELECT " + String.join(", ", columns) + " FROM cube WHERE gid = " + gid + ") pop";
                selects.add("(" + part.select().replace("{pop}", source) + ")");
            }
            sql.append(String.join("\nUNION ALL\n", selects));
            Map<String, List<CubeRow>> rows = new LinkedHashMap<>();
            parts.forEach(p -> rows.put(p.id(), new ArrayList<>()));
            database.withWorkMem(CUBE_WORK_MEM, () -> {
                jdbc.sql(sql.toString()).params(base.params()).query(rs -> {
                    java.sql.Array array = rs.getArray("v");
                    Object[] values = (Object[]) array.getArray();
                    BigDecimal[] v = new BigDecimal[values.length];
                    for (int i = 0; i < values.length; i++) {
                        v[i] = (BigDecimal) values[i];
                    }
                    rows.get(rs.getString("part")).add(new CubeRow(
                            new String[] {rs.getString("g_0"), rs.getString("g_1"), rs.getString("g_2")},
                            new int[] {rs.getInt("x_0"), rs.getInt("x_1"), rs.getInt("x_2")}, v));
                });
                return null;
            });
            return new CubeResult(rows);
        }

        private static boolean contains(BitSet outer, BitSet inner) {
            BitSet rest = (BitSet) inner.clone();
            rest.andNot(outer);
            return rest.isEmpty();
        }
    }

    /** One result row of a cube part: the group labels g, whether each is rolled up (x = 1), and the numbers. */
    record CubeRow(String[] g, int[] x, BigDecimal[] v) {

        long count(int i) {
            return v[i] == null ? 0 : v[i].longValueExact();
        }
    }

    /** The rows of every part of a cube, by part id. */
    record CubeResult(Map<String, List<CubeRow>> rows) {

        List<CubeRow> part(String id) {
            List<CubeRow> part = rows.get(id);
            if (part == null) {
                throw new IllegalArgumentException("no part " + id);
            }
            return part;
        }

        /** A table part as one table per breakdown: counts, n and missing per group and in total. */
        List<ReportTable> tables(TableSpec spec, List<Breakdown> breakdowns) {
            Map<Breakdown, Counts> byBreakdown = new EnumMap<>(Breakdown.class);
            breakdowns.forEach(b -> byBreakdown.put(b, new Counts(spec.rows().size(), b.groups().size() + 1)));
            for (CubeRow row : part(spec.id())) {
                Breakdown grouped = breakdowns.stream().filter(b -> row.x()[b.ordinal()] == 0).findFirst().orElse(null);
                if (grouped == null) { // the grand total: the last column of every breakdown
                    for (Breakdown b : breakdowns) {
                        byBreakdown.get(b).set(b.groups().size(), row);
                    }
                    continue;
                }
                int column = grouped.groups().indexOf(row.g()[grouped.ordinal()]);
                if (column >= 0) { // a group outside the breakdown (e.g. education unknown) counts in the total only
                    byBreakdown.get(grouped).set(column, row);
                }
            }
            List<String> rows = spec.rows().stream().map(TableSpec.Row::code).toList();
            return breakdowns.stream().map(b -> {
                Counts c = byBreakdown.get(b);
                return new ReportTable(spec.id(), spec.population(), b, spec.multiAnswer(), spec.rowLabelPrefix(), rows,
                        c.counts, c.n, c.missing, Optional.<TestResult>empty(), List.of());
            }).toList();
        }

        /** A frequencies part: value -> count. */
        Map<Integer, Long> frequencies(String id) {
            Map<Integer, Long> result = new java.util.TreeMap<>();
            for (CubeRow row : part(id)) {
                result.put(row.v()[0].intValueExact(), row.count(1));
            }
            return result;
        }
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

        void set(int column, CubeRow row) {
            n[column] = row.count(0);
            missing[column] = row.count(1);
            for (int i = 0; i < counts.length; i++) {
                counts[i][column] = row.count(2 + i);
            }
        }
    }

    /** A query over the population (without the profile columns) returning several rows. */
    <T> List<T> list(Population population, String query, ReportFilter filter, ReportScope scope,
                     org.springframework.jdbc.core.RowMapper<T> mapper) {
        Sql base = population(population, filter, scope, false);
        return jdbc.sql(base.sql() + query).params(base.params()).query(mapper).list();
    }

    /** Ordered group codes of CAP-J axes A and D (for their per-group tables), by axis. */
    Map<String, List<String>> capjGroups() {
        Map<String, List<String>> groups = new HashMap<>(Map.of("A", new ArrayList<>(), "D", new ArrayList<>()));
        jdbc.sql("SELECT axis, code FROM capj_code WHERE axis IN ('A', 'D') AND level = 'GROEP' ORDER BY axis, sort_order, code")
                .query(rs -> {
                    groups.get(rs.getString("axis")).add(rs.getString("code"));
                });
        return groups;
    }

    record Sql(String sql, Map<String, Object> params) {
    }
}
