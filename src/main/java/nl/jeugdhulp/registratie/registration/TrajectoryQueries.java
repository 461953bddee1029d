package nl.jeugdhulp.registratie.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** List queries in SQL: one page at a time, never loading entities. */
@Component
@Transactional(readOnly = true)
class TrajectoryQueries {

    static final int OPEN_PAGE_SIZE = 50;
    static final int CLOSED_PAGE_SIZE = 25;
    static final int NO_CONTACT_DAYS = 56;

    private static final String COLUMNS = """
            SELECT t.id, t.private_reference, s.code AS supporter_code, p.name AS practice_name, t.start_date,
                   t.contacts, t.last_contact_date, t.end_date, t.outcome,
                   (t.end_date IS NULL AND coalesce(t.last_contact_date, t.start_date) < :stale) AS no_recent_contact
              FROM trajectory t JOIN practice p ON p.id = t.practice_id JOIN supporter s ON s.id = t.supporter_id
            """;

    private final JdbcClient jdbc;

    TrajectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A supporter's open trajectories, oldest start first, flagged when without contact for 8 weeks. */
    PageOf<WorklistRow> open(long supporterId, LocalDate today, int page) {
        Where where = new Where().and("t.supporter_id = :supporter", "supporter", supporterId).and("t.end_date IS NULL");
        return page(where, "t.start_date, t.id", today, page, OPEN_PAGE_SIZE, true);
    }

    /** A supporter's closed trajectories, newest end first, filtered. */
    PageOf<WorklistRow> closed(long supporterId, TrajectoryFilter filter, LocalDate today) {
        Where where = new Where().and("t.supporter_id = :supporter", "supporter", supporterId)
                .and("t.end_date IS NOT NULL");
        if (filter.getQ() != null && !filter.getQ().isBlank()) {
            where.and("t.private_reference ILIKE :q", "q", "%" + escapeLike(filter.getQ().strip()) + "%");
        }
        return page(filtered(where, filter), "t.end_date DESC, t.id DESC", today, filter.getPage(), CLOSED_PAGE_SIZE, true);
    }

    /** A project leader's view of their pilots' trajectories; no private references. */
    PageOf<WorklistRow> ofPilots(Set<Long> pilotIds, TrajectoryFilter filter, Boolean closed, LocalDate today) {
        if (pilotIds.isEmpty()) {
            return new PageOf<>(List.of(), 0, CLOSED_PAGE_SIZE, 0);
        }
        Where where = new Where().and("s.pilot_id IN (:pilots)", "pilots", pilotIds);
        if (Boolean.TRUE.equals(closed)) {
            where.and("t.end_date IS NOT NULL");
        } else if (Boolean.FALSE.equals(closed)) {
            where.and("t.end_date IS NULL");
        }
        if (filter.getSupporter() != null) {
            where.and("t.supporter_id = :supporter", "supporter", filter.getSupporter());
        }
        return page(filtered(where, filter), "t.start_date DESC, t.id DESC", today, filter.getPage(), CLOSED_PAGE_SIZE,
                false);
    }

    private static Where filtered(Where where, TrajectoryFilter filter) {
        if (filter.getFrom() != null) {
            where.and("t.end_date >= :from", "from", filter.getFrom());
        }
        if (filter.getTo() != null) {
            where.and("t.end_date <= :to", "to", filter.getTo());
        }
        if (filter.getPractice() != null) {
            where.and("t.practice_id = :practice", "practice", filter.getPractice());
        }
        if (filter.getOutcome() != null) {
            where.and("t.outcome = :outcome", "outcome", filter.getOutcome().name());
        }
        return where;
    }

    private PageOf<WorklistRow> page(Where where, String order, LocalDate today, int page, int size,
                                     boolean withReference) {
        long total = jdbc.sql("SELECT count(*) FROM trajectory t JOIN supporter s ON s.id = t.supporter_id WHERE "
                        + where.sql())
                .params(where.params).query(Long.class).single();
        int last = (int) Math.max(0, (total - 1) / size);
        int current = Math.min(page, last);
        Map<String, Object> params = new HashMap<>(where.params);
        params.put("stale", today.minusDays(NO_CONTACT_DAYS));
        params.put("limit", size);
        params.put("offset", current * size);
        List<WorklistRow> rows = jdbc.sql(COLUMNS + " WHERE " + where.sql() + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, i) -> new WorklistRow(rs.getLong("id"),
                        withReference ? rs.getString("private_reference") : null, rs.getString("supporter_code"),
                        rs.getString("practice_name"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("contacts", Integer.class), rs.getObject("last_contact_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("no_recent_contact")))
                .list();
        return new PageOf<>(rows, current, size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Conditions joined with AND, with their named parameters. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        Where and(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
            return this;
        }

        String sql() {
            return String.join(" AND ", conditions);
        }
    }
}
