package nl.jeugdhulp.registratie.questionnaire;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaire's aggregates for reports, counted in one SQL query per selection with
 * {@code GROUPING SETS ((function_type), ())}: every function type and the total in one pass.
 */
@Service
public class QuestionnaireStatistics {

    /** A supporter sees aggregates of their own responses only from this many on. */
    public static final int MINIMUM_OWN = 5;

    public static final List<String> FUNCTION_TYPES = List.of("POH_JEUGD", "SOH_JGGZ", "OJG");

    private final JdbcClient jdbc;

    QuestionnaireStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Level codes of item 5 (goal attainment), worst first. */
    public static List<String> goalLevels() {
        return Scales.GOAL_ATTAINMENT;
    }

    /** Level codes of items 6–8 (agreement). */
    public static List<String> agreementLevels() {
        return Scales.AGREEMENT;
    }

    @Transactional(readOnly = true)
    public ResponseStatistics statistics(ResponseSelection selection) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        where.add("r.response_date BETWEEN :from AND :to");
        params.put("from", selection.from());
        params.put("to", selection.to());
        if (!selection.all()) {
            if (selection.scopeSupporterId() != null) {
                where.add("r.supporter_id = :scopeSupporter");
                params.put("scopeSupporter", selection.scopeSupporterId());
            } else if (selection.scopePilotIds().isEmpty()) {
                where.add("FALSE");
            } else {
                where.add("r.pilot_id IN (:scopePilots)");
                params.put("scopePilots", selection.scopePilotIds());
            }
        }
        if (selection.pilotId() != null) {
            where.add("r.pilot_id = :pilot");
            params.put("pilot", selection.pilotId());
        }
        if (selection.functionType() != null) {
            where.add("r.function_type = :functionType");
            params.put("functionType", selection.functionType());
        }
        if (selection.supporterId() != null) {
            where.add("r.supporter_id = :supporter");
            params.put("supporter", selection.supporterId());
        }

        // Column names and codes below come from Scales, never from input.
        StringBuilder sql = new StringBuilder("SELECT r.function_type AS g, GROUPING(r.function_type) AS x, count(*) AS responses");
        for (String item : Scales.SCORE_ITEMS) {
            sql.append(",\n count(").append(item).append(") AS ").append(item).append("_n")
                    .append(", avg(").append(item).append(") AS ").append(item).append("_mean")
                    .append(", stddev_samp(").append(item).append(") AS ").append(item).append("_sd")
                    .append(", count(*) FILTER (WHERE ").append(item).append(" < 6) AS ").append(item).append("_low");
        }
        levelColumns(sql, "goal_attainment", Scales.GOAL_ATTAINMENT);
        for (String item : Scales.STATEMENT_ITEMS) {
            levelColumns(sql, item, Scales.AGREEMENT);
        }
        sql.append("\n FROM questionnaire_response r WHERE ").append(String.join(" AND ", where))
                .append("\n GROUP BY GROUPING SETS ((r.function_type), ())");

        int columns = FUNCTION_TYPES.size() + 1;
        Builder result = new Builder(columns);
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            int column = rs.getInt("x") == 1 ? FUNCTION_TYPES.size() : FUNCTION_TYPES.indexOf(rs.getString("g"));
            if (column >= 0) {
                result.read(column, rs);
            }
        });
        return result.build(selection.ownResponses());
    }

    private static void levelColumns(StringBuilder sql, String item, List<String> levels) {
        sql.append(",\n count(").append(item).append(") AS ").append(item).append("_n")
                .append(", count(*) FILTER (WHERE ").append(item).append(" IS NULL) AS ").append(item).append("_missing");
        for (int i = 0; i < levels.size(); i++) {
            sql.append(", count(*) FILTER (WHERE ").append(item).append(" = '").append(levels.get(i)).append("') AS ")
                    .append(item).append("_").append(i);
        }
    }

    /** Collects the rows of the query, one column (function type or total) per row. */
    private static final class Builder {

        private final int columns;
        private final long[] responses;
        private final Map<String, long[]> n = new HashMap<>();
        private final Map<String, Double[]> mean = new HashMap<>();
        private final Map<String, Double[]> sd = new HashMap<>();
        private final Map<String, long[]> low = new HashMap<>();
        private final Map<String, long[]> missing = new HashMap<>();
        private final Map<String, long[][]> counts = new HashMap<>();

        Builder(int columns) {
            this.columns = columns;
            responses = new long[columns];
            for (String item : Scales.SCORE_ITEMS) {
                n.put(item, new long[columns]);
                mean.put(item, new Double[columns]);
                sd.put(item, new Double[columns]);
                low.put(item, new long[columns]);
            }
            levels("goal_attainment", Scales.GOAL_ATTAINMENT);
            Scales.STATEMENT_ITEMS.forEach(item -> levels(item, Scales.AGREEMENT));
        }

        private void levels(String item, List<String> levels) {
            n.put(item, new long[columns]);
            missing.put(item, new long[columns]);
            counts.put(item, new long[levels.size()][columns]);
        }

        void read(int column, ResultSet rs) throws SQLException {
            responses[column] = rs.getLong("responses");
            for (String item : Scales.SCORE_ITEMS) {
                n.get(item)[column] = rs.getLong(item + "_n");
                mean.get(item)[column] = decimal(rs, item + "_mean");
                sd.get(item)[column] = decimal(rs, item + "_sd");
                low.get(item)[column] = rs.getLong(item + "_low");
            }
            for (String item : counts.keySet()) {
                n.get(item)[column] = rs.getLong(item + "_n");
                missing.get(item)[column] = rs.getLong(item + "_missing");
                long[][] c = counts.get(item);
                for (int level = 0; level < c.length; level++) {
                    c[level][column] = rs.getLong(item + "_" + level);
                }
            }
        }

        private static Double decimal(ResultSet rs, String column) throws SQLException {
            BigDecimal value = rs.getBigDecimal(column);
            return value == null ? null : value.doubleValue();
        }

        ResponseStatistics build(boolean own) {
            List<String> columnNames = new ArrayList<>(FUNCTION_TYPES);
            columnNames.add("TOTAL");
            boolean hidden = own && responses[columns - 1] < MINIMUM_OWN;
            List<ResponseStatistics.Score> scores = new ArrayList<>();
            for (String item : Scales.SCORE_ITEMS) {
                boolean suppressed = false;
                for (int c = 0; c < columns; c++) {
                    if ((own && n.get(item)[c] > 0 && n.get(item)[c] < MINIMUM_OWN) || hidden) {
                        suppressed |= n.get(item)[c] > 0;
                        n.get(item)[c] = 0;
                        mean.get(item)[c] = null;
                        sd.get(item)[c] = null;
                        low.get(item)[c] = 0;
                    }
                }
                scores.add(new ResponseStatistics.Score(item, n.get(item), mean.get(item), sd.get(item), low.get(item),
                        suppressed));
            }
            ResponseStatistics.Levels goal = levelsOf("goal_attainment", Scales.GOAL_ATTAINMENT, own, hidden);
            List<ResponseStatistics.Levels> statements = Scales.STATEMENT_ITEMS.stream()
                    .map(item -> levelsOf(item, Scales.AGREEMENT, own, hidden)).toList();
            if (hidden) {
                java.util.Arrays.fill(responses, 0);
            }
            return new ResponseStatistics(List.copyOf(columnNames), hidden, responses, List.copyOf(scores), goal, statements);
        }

        private ResponseStatistics.Levels levelsOf(String item, List<String> levels, boolean own, boolean hidden) {
            long[] answered = n.get(item);
            long[] empty = missing.get(item);
            long[][] c = counts.get(item);
            boolean suppressed = false;
            for (int column = 0; column < columns; column++) {
                if (hidden || (own && answered[column] > 0 && answered[column] < MINIMUM_OWN)) {
                    suppressed |= answered[column] > 0;
                    answered[column] = 0;
                    empty[column] = 0;
                    for (long[] level : c) {
                        level[column] = 0;
                    }
                }
            }
            return new ResponseStatistics.Levels(item, levels, c, answered, empty, suppressed);
        }
    }
}
