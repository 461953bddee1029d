package nl.jeugdhulp.registratie.summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.registration.Codes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The summary's SQL: one query over the young people seen, one over the trajectories closed, one
 * for the valued trajectories. Every figure is a {@code count(*) FILTER (WHERE ...)} (or an average)
 * named by its cell key; all SQL text is fixed in code.
 */
@Component
class SummaryQueries {

    /** The non-specialist field: a referral only to these saves a specialist trajectory. */
    static final List<String> VOORLIGGEND_VELD = Arrays.stream(Codes.Destination.values())
            .filter(Codes.Destination::voorliggendVeld).map(Enum::name).toList();

    private static final String POP = """
            WITH pop AS (
                SELECT t.*, s.pilot_id,
                       CASE WHEN t.birth_year IS NULL THEN NULL
                            ELSE greatest(0, date_part('year', age(t.start_date, make_date(t.birth_year, t.birth_month, 15))))::int
                       END AS age_at_start
                  FROM trajectory t
                  JOIN supporter s ON s.id = t.supporter_id
                 WHERE s.pilot_id IN (:pilots))
            """;
    /** Seen: started in the period or open on some day of it (both ends inclusive). */
    static final String SEEN = "start_date <= :to AND (end_date IS NULL OR end_date >= :from)";
    static final String CLOSED = "end_date BETWEEN :from AND :to";
    static final String VOORLIGGEND_ONLY = "outcome = 'VERWEZEN' AND referral_destinations <@ ARRAY['"
            + String.join("', '", VOORLIGGEND_VELD) + "']::varchar(20)[]";

    private final JdbcClient jdbc;

    SummaryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts (long) and averages (Double, null without data) by key, over one population. */
    Map<String, Object> figures(Map<String, String> columns, String population, Collection<Long> pilots, LocalDate from,
                                LocalDate to) {
        StringBuilder sql = new StringBuilder(POP).append("SELECT ");
        List<String> keys = List.copyOf(columns.keySet());
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ",\n       ").append(columns.get(keys.get(i))).append(" AS c").append(i);
        }
        sql.append("\n  FROM pop WHERE ").append(population);
        return jdbc.sql(sql.toString()).param("pilots", pilots).param("from", from).param("to", to)
                .query((ResultSet rs, int row) -> read(rs, keys)).single();
    }

    private static Map<String, Object> read(ResultSet rs, List<String> keys) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Object value = rs.getObject("c" + i);
            if (value instanceof BigDecimal average) {
                values.put(keys.get(i), average.doubleValue());
            } else {
                values.put(keys.get(i), value == null ? null : ((Number) value).longValue());
            }
        }
        return values;
    }

    /**
     * The baten in euro: per valued trajectory (closed in the period as ZELF_AFGEROND or referred only
     * to the voorliggend veld) the amount of its pilot's assumption holding on its end date.
     */
    BigDecimal baten(Collection<Long> pilots, LocalDate from, LocalDate to) {
        return jdbc.sql(POP + """
                        , assumption AS (
                            SELECT a.*,
                                   CASE WHEN row_number() OVER w = 1 THEN DATE '-infinity' ELSE a.valid_from END AS range_from,
                                   coalesce(lead(a.valid_from) OVER w, DATE 'infinity') AS range_to
                              FROM pilot_cost_assumption a
                            WINDOW w AS (PARTITION BY a.pilot_id ORDER BY a.valid_from))
                        SELECT coalesce(sum(a.amount_per_trajectory), 0)
                          FROM pop
                          JOIN assumption a ON a.pilot_id = pop.pilot_id AND pop.end_date >= a.range_from
                                           AND pop.end_date < a.range_to
                         WHERE pop.""" + CLOSED + " AND (pop.outcome = 'ZELF_AFGEROND' OR (pop." + VOORLIGGEND_ONLY + "))")
                .param("pilots", pilots).param("from", from).param("to", to)
                .query(BigDecimal.class).single();
    }
}
