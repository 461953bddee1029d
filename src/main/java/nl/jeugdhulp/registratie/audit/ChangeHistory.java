package nl.jeugdhulp.registratie.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import nl.jeugdhulp.registratie.database.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The change history of trajectories and supporter profiles (issue 7): per change a revision with
 * who (user id, name and role), when (UTC) and the old and new value of every changed field. The
 * owning feature turns its record into a {@link #snapshot}-style map of field name to stored value
 * (codes, ISO dates, multi-answers as comma-separated codes) before and after the change, in the
 * caller's transaction; labels are applied only when shown ({@link #show}). A supporter's private
 * reference is never passed in (the database refuses the field name too).
 */
@Component
public class ChangeHistory {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    /** Kinds of change, as the CHECK constraint of change_revision lists them. */
    public enum Event { CREATED, UPDATED, CONTACT_ADDED, CLOSED, REOPENED, IMPORTED, PROFILE_SAVED }

    public record Change(String field, String oldValue, String newValue) {
    }

    public record Revision(long id, Instant at, Long userId, String username, String role, Event event,
                           List<Change> changes) {
    }

    /** A change as shown: the field's label and the old and new value in words. */
    public record ShownChange(String label, String before, String after) {
    }

    public record ShownRevision(long id, Instant at, String username, String role, Event event,
                                List<ShownChange> changes) {

        public boolean bySystem() {
            return AuditLog.SYSTEM.equals(role);
        }

        /** The moment in Dutch time, as the pages show dates (stored in UTC). */
        public ZonedDateTime localTime() {
            return at.atZone(DUTCH_TIME);
        }
    }

    /** How a feature names its fields and values on the history page. */
    public interface Labels {

        String label(String field);

        /** The stored value in words; never called with null. */
        String value(String field, String stored);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChangeHistory(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
    }

    /** The fields whose value differs, in the order of {@code after} (then fields only in {@code before}). */
    public static List<Change> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String old = before.get(field);
            String now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.add(new Change(field, old, now));
            }
        }
        return changes;
    }

    /** An ordered map to build a snapshot in; null values are kept (they mean "not registered"). */
    public static Map<String, String> snapshot() {
        return new LinkedHashMap<>();
    }

    /** Records a revision of a trajectory by the current user; nothing when nothing changed. */
    public void recordTrajectory(long trajectoryId, Event event, List<Change> changes) {
        record("trajectory_id", trajectoryId, event, changes);
    }

    /**
     * Records one revision per trajectory of a bulk write (the exchange import) by the current user,
     * in two statements whatever the number of trajectories; trajectories without changes get none.
     */
    public void recordTrajectories(Event event, Map<Long, List<Change>> changesPerTrajectory) {
        List<Long> trajectories = changesPerTrajectory.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        if (trajectories.isEmpty()) {
            return;
        }
        AuditActor actor = currentActor();
        Map<Long, Long> revisions = new HashMap<>();
        template.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO change_revision (trajectory_id, event, user_id, username, role)
                    SELECT t, ?, ?, ?, ? FROM unnest(?::bigint[]) AS t RETURNING trajectory_id, id""");
            ps.setString(1, event.name());
            ps.setObject(2, actor == null ? null : actor.actorId(), Types.BIGINT);
            ps.setString(3, actor == null ? AuditLog.SYSTEM : truncate(actor.actorName(), 60));
            ps.setString(4, actor == null ? AuditLog.SYSTEM : actor.actorRole());
            ps.setArray(5, connection.createArrayOf("bigint", trajectories.toArray()));
            return ps;
        }, rs -> {
            revisions.put(rs.getLong(1), rs.getLong(2));
        });
        List<Long> revisionIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> olds = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (Long trajectory : trajectories) {
            int position = 0;
            for (Change change : changesPerTrajectory.get(trajectory)) {
                revisionIds.add(revisions.get(trajectory));
                positions.add(++position);
                fields.add(change.field());
                olds.add(change.oldValue());
                news.add(change.newValue());
            }
        }
        template.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO change_field (revision_id, position, field, old_value, new_value)
                    SELECT * FROM unnest(?::bigint[], ?::smallint[], ?::varchar[], ?::text[], ?::text[])""");
            ps.setArray(1, connection.createArrayOf("bigint", revisionIds.toArray()));
            ps.setArray(2, connection.createArrayOf("integer", positions.toArray()));
            ps.setArray(3, connection.createArrayOf("varchar", fields.toArray()));
            ps.setArray(4, connection.createArrayOf("text", olds.toArray()));
            ps.setArray(5, connection.createArrayOf("text", news.toArray()));
            return ps;
        });
    }

    /**
     * Records the creation of trajectories by a bulk write (the exchange import) by the current user:
     * one revision row per trajectory that carries its recorded fields and their values itself
     * ({@code created_fields}, {@code created_values}, V18) instead of a {@code change_field} row per
     * field. It reads back as the same changes (old value none, new value as recorded, in snapshot
     * order) as {@link #recordTrajectories} with a diff against nothing would give; at 50,000 imported
     * rows that is 50,000 rows written instead of about 600,000. The rows are built one by one as the
     * caller creates the trajectories (so the import prepares them while the database stores the
     * trajectories), then written with {@link CreatedRows#write()} once the trajectories exist.
     */
    public CreatedRows createdRows(Event event) {
        return new CreatedRows(event, currentActor());
    }

    /** The COPY that stores {@link CreatedRows}' CSV rows. */
    public static final String CREATED_COPY = "COPY change_revision (trajectory_id, event, user_id, username, role, "
            + "created_fields, created_values) FROM STDIN (FORMAT csv)";

    /** Revision rows of created trajectories, collected as COPY CSV; {@link #write()} stores and clears them. */
    public final class CreatedRows {
        private final StringBuilder who = new StringBuilder();
        private final StringBuilder csv = new StringBuilder();
        private final StringBuilder fields = new StringBuilder();
        private final StringBuilder values = new StringBuilder();
        private int rows;

        private CreatedRows(Event event, AuditActor actor) {
            // The revision's columns are the same for every row; written as CSV once.
            CopyIn.quoted(who.append(','), event.name());
            who.append(',');
            if (actor != null) {
                who.append(actor.actorId());
            }
            CopyIn.quoted(who.append(','), actor == null ? AuditLog.SYSTEM : truncate(actor.actorName(), 60));
            CopyIn.quoted(who.append(','), actor == null ? AuditLog.SYSTEM : actor.actorRole());
        }

        /** Adds the revision of one created trajectory; null values (not registered) are left out. */
        public void add(long trajectoryId, Map<String, String> snapshot) {
            fields.setLength(0);
            values.setLength(0);
            for (Map.Entry<String, String> field : snapshot.entrySet()) {
                if (field.getValue() == null) {
                    continue;
                }
                fields.append(fields.isEmpty() ? '{' : ',');
                arrayElement(fields, field.getKey());
                values.append(values.isEmpty() ? '{' : ',');
                arrayElement(values, field.getValue());
            }
            if (fields.isEmpty()) {
                return;
            }
            csv.append(trajectoryId).append(who);
            CopyIn.quoted(csv.append(','), fields.append('}'));
            CopyIn.quoted(csv.append(','), values.append('}'));
            csv.append('\n');
            rows++;
        }

        /** Stores the rows added since the last write, in one COPY on the caller's transaction. */
        public void write() {
            if (rows == 0) {
                return;
            }
            // COPY (CSV) on the caller's transaction: no per-column arrays to encode and unnest.
            CopyIn.copy(template, CREATED_COPY, csv);
            csv.setLength(0);
            rows = 0;
        }

        /**
         * The rows added since the last write or take, as COPY CSV for {@link #CREATED_COPY} (empty when
         * none), for a caller that copies them itself; they are no longer held here.
         */
        public CharSequence take() {
            String taken = csv.toString();
            csv.setLength(0);
            rows = 0;
            return taken;
        }
    }

    /** One element of a PostgreSQL array literal, always quoted ({@code "} and {@code \} escaped). */
    private static void arrayElement(StringBuilder out, String value) {
        out.append('"');
        if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
            out.append(value).append('"'); // the usual case: nothing to escape
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Records a revision of a supporter's profile by the current user; nothing when nothing changed. */
    public void recordProfile(long supporterId, List<Change> changes) {
        record("supporter_id", supporterId, Event.PROFILE_SAVED, changes);
    }

    public List<Revision> ofTrajectory(long trajectoryId) {
        return read("trajectory_id", trajectoryId);
    }

    public List<Revision> ofProfile(long supporterId) {
        return read("supporter_id", supporterId);
    }

    /** The revisions with labels and values in words, as the history page shows them. */
    public static List<ShownRevision> show(List<Revision> revisions, Labels labels) {
        return revisions.stream().map(r -> new ShownRevision(r.id(), r.at(), r.username(), r.role(), r.event(),
                r.changes().stream().map(c -> new ShownChange(labels.label(c.field()),
                        c.oldValue() == null ? null : labels.value(c.field(), c.oldValue()),
                        c.newValue() == null ? null : labels.value(c.field(), c.newValue()))).toList())).toList();
    }

    private void record(String subjectColumn, long subjectId, Event event, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        AuditActor actor = currentActor();
        long revision = jdbc.sql("INSERT INTO change_revision (" + subjectColumn + ", event, user_id, username, role) "
                        + "VALUES (:subject, :event, :userId, :username, :role) RETURNING id")
                .param("subject", subjectId)
                .param("event", event.name())
                .param("userId", actor == null ? null : actor.actorId())
                .param("username", actor == null ? AuditLog.SYSTEM : truncate(actor.actorName(), 60))
                .param("role", actor == null ? AuditLog.SYSTEM : actor.actorRole())
                .query(Long.class).single();
        int position = 0;
        for (Change change : changes) {
            jdbc.sql("""
                            INSERT INTO change_field (revision_id, position, field, old_value, new_value)
                            VALUES (:revision, :position, :field, :old, :new)""")
                    .param("revision", revision).param("position", ++position).param("field", change.field())
                    .param("old", change.oldValue()).param("new", change.newValue())
                    .update();
        }
    }

    /** Newest first; within a revision the fields in the order they were recorded. */
    private List<Revision> read(String subjectColumn, long subjectId) {
        Map<Long, Revision> revisions = new LinkedHashMap<>();
        // A revision's fields are change_field rows, or (an imported new trajectory, V18) its own arrays.
        jdbc.sql("SELECT r.id, r.changed_at, r.user_id, r.username, r.role, r.event, f.field, f.old_value, f.new_value, "
                        + "f.position FROM change_revision r JOIN change_field f ON f.revision_id = r.id "
                        + "WHERE r." + subjectColumn + " = :subject "
                        + "UNION ALL SELECT r.id, r.changed_at, r.user_id, r.username, r.role, r.event, c.field, NULL, c.value, "
                        + "c.position FROM change_revision r "
                        + "CROSS JOIN LATERAL unnest(r.created_fields, r.created_values) WITH ORDINALITY AS c(field, value, position) "
                        + "WHERE r." + subjectColumn + " = :subject AND r.created_fields IS NOT NULL "
                        + "ORDER BY 1 DESC, 10")
                .param("subject", subjectId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    Revision revision = revisions.computeIfAbsent(id, k -> {
                        try {
                            Timestamp at = rs.getTimestamp("changed_at");
                            long user = rs.getLong("user_id");
                            return new Revision(id, at.toInstant(), rs.wasNull() ? null : user, rs.getString("username"),
                                    rs.getString("role"), Event.valueOf(rs.getString("event")), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    revision.changes().add(new Change(rs.getString("field"), rs.getString("old_value"),
                            rs.getString("new_value")));
                });
        return revisions.values().stream().map(r -> new Revision(r.id(), r.at(), r.userId(), r.username(), r.role(),
                r.event(), List.copyOf(r.changes()))).toList();
    }

    private static AuditActor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuditActor actor ? actor : null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
