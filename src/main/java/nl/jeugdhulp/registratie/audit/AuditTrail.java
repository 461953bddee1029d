package nl.jeugdhulp.registratie.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log for the administrator: the events on one object (a trajectory) or of one
 * user, in a period, newest first. Pages for the screen, a streamed CSV for export.
 */
@Service
class AuditTrail {

    static final int PAGE_SIZE = 50;
    /** Period filters are Dutch calendar days; times are shown and exported in UTC. */
    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ISO_INSTANT;

    static final List<String> CSV_HEADER = List.of("event_id", "volgnummer", "tijdstip_utc", "actie", "gebeurtenis",
            "uitkomst", "gebruiker_id", "gebruiker", "rol", "namens", "bronadres", "objecttype", "object_id", "pilot_id",
            "details");

    private static final String COLUMNS = """
            SELECT id, event_id, occurred_at, action, event_type, outcome, user_id, username, role, on_behalf_of,
                   source_address, object_type, object_id, pilot_id, details FROM audit_event""";

    /** Whose events: those on one object, or those of one user. */
    record Subject(String column, Object value) {

        static Subject trajectory(long id) {
            return new Subject("object", String.valueOf(id));
        }

        static Subject user(long id) {
            return new Subject("user", id);
        }

        String condition() {
            return column.equals("object") ? "object_type = 'TRAJECTORY' AND object_id = :value" : "user_id = :value";
        }
    }

    record Event(long id, String eventId, Instant occurredAt, String action, String eventType, String outcome,
                 Long userId, String username, String role, String onBehalfOf, String sourceAddress,
                 String objectType, String objectId, Long pilotId, String details) {

        public String time() {
            return ISO_UTC.format(occurredAt);
        }

        List<Object> cells() {
            return java.util.Arrays.asList(eventId, id, time(), action, eventType, outcome, userId, username, role,
                    onBehalfOf, sourceAddress, objectType, objectId, pilotId, details);
        }
    }

    record Page(List<Event> items, int page, long total) {

        public int totalPages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    AuditTrail(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
        template.setFetchSize(500);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Transactional(readOnly = true)
    Page page(Subject subject, LocalDate from, LocalDate to, int page) {
        String where = where(subject);
        long total = bind(jdbc.sql("SELECT count(*) FROM audit_event WHERE " + where), subject, from, to)
                .query(Long.class).single();
        int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(0, page), last);
        List<Event> items = bind(jdbc.sql(COLUMNS + " WHERE " + where + " ORDER BY occurred_at DESC, id DESC"
                        + " LIMIT " + PAGE_SIZE + " OFFSET " + ((long) shown * PAGE_SIZE)), subject, from, to)
                .query((rs, i) -> event(rs)).list();
        return new Page(items, shown, total);
    }

    /** The user name last seen in the log for this user id, for the page heading. */
    @Transactional(readOnly = true)
    String usernameOf(long userId) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class)
                .optional().orElse(null);
    }

    /** Writes every event in the period as CSV, row by row from a database cursor; returns the number of rows. */
    long writeCsv(Subject subject, LocalDate from, LocalDate to, Writer out) {
        Long rows = readOnly.execute(status -> {
            long[] count = {0};
            try {
                csvLine(out, CSV_HEADER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bind(streaming.sql(COLUMNS + " WHERE " + where(subject) + " ORDER BY occurred_at, id"), subject, from, to)
                    .query((ResultSet rs) -> {
                        try {
                            csvLine(out, event(rs).cells());
                            count[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            return count[0];
        });
        return rows == null ? 0 : rows;
    }

    private static String where(Subject subject) {
        return subject.condition() + " AND occurred_at >= :from AND occurred_at < :to";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Subject subject, LocalDate from,
                                                 LocalDate to) {
        return statement.param("value", subject.value()).param("from", start(from)).param("to", end(to));
    }

    private static OffsetDateTime start(LocalDate from) {
        return from == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : from.atStartOfDay(DUTCH).toOffsetDateTime();
    }

    /** The period includes the whole "to" day. */
    private static OffsetDateTime end(LocalDate to) {
        return to == null ? OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : to.plusDays(1).atStartOfDay(DUTCH).toOffsetDateTime();
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("event_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                rs.getString("action"), rs.getString("event_type"), rs.getString("outcome"),
                rs.getObject("user_id", Long.class), rs.getString("username"), rs.getString("role"),
                rs.getString("on_behalf_of"), rs.getString("source_address"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getObject("pilot_id", Long.class), rs.getString("details"));
    }

    /** RFC 4180 line; text that a spreadsheet would run as a formula gets a leading apostrophe. */
    static void csvLine(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
