package nl.jeugdhulp.registratie.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import nl.jeugdhulp.registratie.audit.ChangeHistory;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import nl.jeugdhulp.registratie.registration.Codes.Applicant;
import nl.jeugdhulp.registratie.registration.Codes.Consultation;
import nl.jeugdhulp.registratie.registration.Codes.Destination;
import nl.jeugdhulp.registratie.registration.Codes.Diagnosis;
import nl.jeugdhulp.registratie.registration.Codes.DiagnosisQuestion;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import nl.jeugdhulp.registratie.registration.Codes.Intervention;
import nl.jeugdhulp.registratie.registration.Codes.OtherReason;
import nl.jeugdhulp.registratie.registration.Codes.Outcome;
import nl.jeugdhulp.registratie.registration.Codes.ReferralMoment;
import nl.jeugdhulp.registratie.database.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bulk import of trajectories for the exchange import: what validation needs is loaded once per
 * import ({@link #knownCapjCodes}, {@link #sourceIds}), rows are checked with the form's own
 * {@link TrajectoryRules} without queries; new rows are streamed into a {@code COPY} per
 * {@value #SEGMENT} rows as they come (see {@link Writer}), updates written in batches of
 * {@value #BATCH_SIZE} rows. The caller opens the transaction (one for the whole import, so all-or-nothing holds); the
 * database CHECK constraints stay the final guard. An update keeps the private reference, which no
 * exchange file carries.
 */
@Service
public class TrajectoryBatch {

    public static final int BATCH_SIZE = 500;
    /** New trajectories per COPY (and ids taken from the sequence at once). */
    static final int SEGMENT = 5000;
    /** CSV text sent to an open COPY at a time. */
    private static final int COPY_CHUNK = 64 * 1024;
    /** CSV text of new rows read ahead while a finished segment's CAP-J or history COPY is being stored. */
    private static final int AHEAD = 256 * 1024;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CapjCatalogue capj;
    private final TrajectoryService trajectories;
    private final ChangeHistory history;

    TrajectoryBatch(JdbcClient jdbc, DataSource dataSource, CapjCatalogue capj, TrajectoryService trajectories,
                    ChangeHistory history) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.capj = capj;
        this.trajectories = trajectories;
        this.history = history;
    }

    /** Every CAP-J code a trajectory may carry (retired codes stay valid, as on the form). */
    public Set<String> knownCapjCodes() {
        return capj.allCodes();
    }

    /** Source id ({@code bron_id}) → trajectory id, per supporter, for the given supporters. */
    public Map<Long, Map<String, Long>> sourceIds(Collection<Long> supporterIds) {
        Map<Long, Map<String, Long>> result = new HashMap<>();
        if (supporterIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT supporter_id, source_id, id FROM trajectory WHERE supporter_id IN (:s) AND source_id IS NOT NULL")
                .param("s", supporterIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return result;
    }

    /** The rules the (normalised) data breaks, as the form checks them; no query. */
    public List<Violation> check(TrajectoryData normalised, Set<String> knownCapj, LongPredicate practiceOk) {
        return TrajectoryRules.check(normalised, trajectories.today(), knownCapj, practiceOk);
    }

    /** A writer for one import; must be used inside the caller's transaction. */
    public Writer writer(Instant now) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A trajectory batch must be written inside a transaction");
        }
        Writer writer = new Writer(now);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (writer.unfinished()) {
                    throw new IllegalStateException("A trajectory batch was committed without flush()");
                }
            }

            @Override
            public void beforeCompletion() {
                // Rolled back with new rows still being copied (all or nothing found a problem): abandon them.
                writer.cancel();
            }
        });
        return writer;
    }

    /**
     * Collects rows and writes them; {@link #flush()} writes the rest. New trajectories go to one
     * {@code COPY} per {@value #SEGMENT} rows that stays open while rows are added, so PostgreSQL
     * stores rows while the import reads and checks the next ones. When a segment is full its COPY is
     * ended and its CAP-J codes and history rows are sent in their own COPYs, one after the other,
     * each left for PostgreSQL to store while the import reads on (the rows read meanwhile wait in
     * memory, at most about {@value #AHEAD} characters per COPY, and go to the next segment's COPY).
     * While anything is open no other statement may run on the transaction's connection:
     * {@link #pause()} ends it all first.
     */
    public final class Writer {
        private final String nowLiteral;
        private final String nowText;
        private final List<Pending> updates = new ArrayList<>();
        private final StringBuilder rowsCsv = new StringBuilder(COPY_CHUNK + 1024);
        private StringBuilder capjCsv = new StringBuilder();
        private final ChangeHistory.CreatedRows createdHistory = history.createdRows(ChangeHistory.Event.IMPORTED);
        /** Ids taken from the sequence for new rows, {@code nextId} the next unused one. */
        private List<Long> ids = List.of();
        private int nextId;
        /** The open COPY of new trajectories, or null. */
        private CopyIn.Stream copying;
        /** A finished segment's CAP-J or history COPY, all rows sent, that PostgreSQL may still be storing; or null. */
        private CopyIn.Stream behind;
        /** A finished segment's history rows, to be copied after its CAP-J codes; or null. */
        private CharSequence historyDue;
        private int segmentRows;
        private int created;
        private int updated;

        private record Pending(long supporterId, String sourceId, Long id, TrajectoryData data) {
        }

        private Writer(Instant now) {
            // Our own clock's instant, so safe to write as a literal.
            this.nowLiteral = "'" + now + "'::timestamptz";
            this.nowText = now.toString();
        }

        /** Adds a valid row: a new trajectory when {@code existingId} is null, else an update of that one. */
        public void add(long supporterId, String sourceId, Long existingId, TrajectoryData normalised) {
            if (existingId == null) {
                insert(supporterId, sourceId, normalised);
            } else {
                updates.add(new Pending(supporterId, sourceId, existingId, normalised));
                if (updates.size() >= BATCH_SIZE) {
                    writeUpdates();
                }
            }
        }

        /** Writes what is pending and answers when it is stored. */
        public void flush() {
            pause();
            writeUpdates();
        }

        /** Stores every new row added so far and ends all COPYs, so the caller may run other statements. */
        public void pause() {
            catchUp();
            if (copying == null) {
                return;
            }
            endRows();
            // The trajectories exist now: their CAP-J codes and history rows can refer to them.
            if (!capjCsv.isEmpty()) {
                copy(CAPJ_COPY, capjCsv);
                capjCsv.setLength(0);
            }
            createdHistory.write();
        }

        public int created() {
            return created;
        }

        public int updated() {
            return updated;
        }

        /** Whether a COPY is open or rows wait to be copied (a commit now would lose rows). */
        private boolean unfinished() {
            return copying != null || behind != null || historyDue != null || segmentRows > 0;
        }

        private void cancel() {
            historyDue = null;
            for (CopyIn.Stream open : new CopyIn.Stream[] {copying, behind}) {
                if (open != null) {
                    open.cancel();
                }
            }
            copying = null;
            behind = null;
        }

        private void insert(long supporterId, String sourceId, TrajectoryData data) {
            if (copying == null && behind == null && historyDue == null) {
                if (nextId == ids.size()) {
                    takeIds();
                }
                // COPY (CSV) straight into the table: no arrays to build, encode and unnest per column, and
                // PostgreSQL writes the rows in multi-row batches; the CHECK constraints, foreign keys and
                // indexes apply as for INSERT, in the caller's transaction.
                copying = CopyIn.open(template, INSERT_COPY);
            }
            long id = ids.get(nextId++);
            csvField(rowsCsv, String.valueOf(id), false);
            csvField(rowsCsv, String.valueOf(supporterId), true);
            csvField(rowsCsv, sourceId, true);
            csvField(rowsCsv, String.valueOf(data.practiceId()), true);
            csvField(rowsCsv, data.privateReference(), true);
            for (java.util.function.Function<TrajectoryData, String> column : VALUES) {
                csvField(rowsCsv, column.apply(data), true);
            }
            csvField(rowsCsv, nowText, true);
            csvField(rowsCsv, nowText, true);
            rowsCsv.append('\n');
            capjRows(capjCsv, id, data.capjCodes());
            // One history row per new trajectory holding its values (V18), not one per field.
            createdHistory.add(id, TrajectoryHistory.snapshot(data));
            segmentRows++;
            if (copying != null) {
                if (rowsCsv.length() >= COPY_CHUNK) {
                    copying.write(rowsCsv);
                    rowsCsv.setLength(0);
                }
            } else if (rowsCsv.length() >= AHEAD) {
                advance();
            }
            if (nextId == ids.size()) {
                endSegment();
            }
        }

        private void takeIds() {
            ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('trajectory', 'id')) FROM generate_series(1, :n)")
                    .param("n", SEGMENT).query(Long.class).list();
            nextId = 0;
        }

        /**
         * A full segment: its trajectories stored, the next segment's ids taken, then its CAP-J codes sent
         * and left for PostgreSQL to store while the import reads on ({@link #advance()} follows up).
         */
        private void endSegment() {
            catchUp();
            endRows();
            takeIds(); // now, while no COPY is open: the rows read next need ids before their COPY starts
            if (!capjCsv.isEmpty()) {
                behind = send(CAPJ_COPY, capjCsv);
                capjCsv = new StringBuilder(capjCsv.capacity());
            }
            historyDue = createdHistory.take();
        }

        /**
         * The next step of a finished segment: waits until PostgreSQL has stored what was sent, then
         * sends the history rows; after those, starts the next segment's COPY with the rows read meanwhile.
         */
        private void advance() {
            if (behind != null) {
                CopyIn.Stream sent = behind;
                behind = null;
                sent.end();
            }
            if (historyDue != null) {
                CharSequence rows = historyDue;
                historyDue = null;
                if (rows.length() > 0) {
                    behind = send(ChangeHistory.CREATED_COPY, rows);
                    return;
                }
            }
            if (segmentRows > 0 && copying == null) {
                copying = CopyIn.open(template, INSERT_COPY);
                copying.write(rowsCsv);
                rowsCsv.setLength(0);
            }
        }

        /** Every step of the finished segment done; the rows read meanwhile are in an open COPY. */
        private void catchUp() {
            while (behind != null || historyDue != null) {
                advance();
            }
            if (segmentRows > 0 && copying == null) {
                advance();
            }
        }

        /** Ends the open COPY of new trajectories after sending the rest of its rows. */
        private void endRows() {
            if (!rowsCsv.isEmpty()) {
                copying.write(rowsCsv);
                rowsCsv.setLength(0);
            }
            CopyIn.Stream done = copying;
            copying = null;
            done.end();
            created += segmentRows;
            segmentRows = 0;
        }

        /** Opens a COPY and sends all of {@code csv}; PostgreSQL stores the rows while the caller goes on. */
        private CopyIn.Stream send(String sql, CharSequence csv) {
            CopyIn.Stream stream = CopyIn.open(template, sql);
            stream.write(csv);
            stream.flush();
            return stream;
        }

        private void writeUpdates() {
            if (updates.isEmpty()) {
                return;
            }
            pause();
            Map<Long, TrajectoryData> before = stored(updates.stream().map(Pending::id).toList());
            template.update(connection -> {
                StringBuilder set = new StringBuilder();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    set.append(COLUMNS.get(c)).append(" = ").append(CAST_LIST.get(c)).append(", ");
                }
                PreparedStatement ps = connection.prepareStatement("UPDATE trajectory t SET practice_id = r.practice_id::bigint, "
                        + set + "updated_at = " + nowLiteral + ", version = t.version + 1 FROM unnest("
                        + "?::text[], ".repeat(2 + COLUMNS.size()).replaceAll(", $", "")
                        + ") AS r(id, practice_id, " + String.join(", ", COLUMNS) + ") WHERE t.id = r.id::bigint");
                ps.setArray(1, text(connection, updates, p -> String.valueOf(p.id())));
                ps.setArray(2, text(connection, updates, p -> String.valueOf(p.data().practiceId())));
                setColumns(ps, 3, connection, updates);
                return ps;
            });
            replaceCapj(updates);
            Map<Long, List<ChangeHistory.Change>> changes = new LinkedHashMap<>();
            for (Pending p : updates) {
                changes.put(p.id(), ChangeHistory.diff(TrajectoryHistory.snapshot(before.get(p.id())),
                        TrajectoryHistory.snapshot(p.data())));
            }
            history.recordTrajectories(ChangeHistory.Event.IMPORTED, changes);
            updated += updates.size();
            updates.clear();
        }

        /** The updated trajectories' CAP-J codes: the stored ones deleted, the new ones copied in. */
        private void replaceCapj(List<Pending> rows) {
            template.update(connection -> {
                PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM trajectory_capj WHERE trajectory_id = ANY (?::bigint[])");
                ps.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Pending::id).toArray()));
                return ps;
            });
            StringBuilder csv = new StringBuilder(rows.size() * 24);
            for (Pending p : rows) {
                capjRows(csv, p.id(), p.data().capjCodes());
            }
            if (!csv.isEmpty()) {
                copy(CAPJ_COPY, csv);
            }
        }

        /** The CSV rows of one trajectory's CAP-J codes, in order. */
        private static void capjRows(StringBuilder csv, long id, List<String> codes) {
            for (int i = 0; i < codes.size(); i++) {
                csv.append(id).append(',').append(i + 1).append(',');
                csvField(csv, codes.get(i), false);
                csv.append('\n');
            }
        }

        /** Binds the shared columns (birth_month .. chain_partner) from index {@code i}. */
        private void setColumns(PreparedStatement ps, int i, Connection c, List<Pending> rows) throws SQLException {
            for (java.util.function.Function<TrajectoryData, String> column : VALUES) {
                ps.setArray(i++, text(c, rows, p -> column.apply(p.data())));
            }
        }
    }

    /** The recorded values of trajectories as stored (without the private reference), for the change history. */
    private Map<Long, TrajectoryData> stored(List<Long> ids) {
        Map<Long, TrajectoryData> result = new HashMap<>();
        template.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    SELECT t.*, (SELECT array_agg(c.capj_code ORDER BY c.position) FROM trajectory_capj c
                                  WHERE c.trajectory_id = t.id) AS capj
                      FROM trajectory t WHERE t.id = ANY (?::bigint[])""");
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            String[] capjCodes = strings(rs.getArray("capj"));
            result.put(rs.getLong("id"), new TrajectoryData(rs.getLong("practice_id"), null,
                    rs.getObject("birth_month", Integer.class), rs.getObject("birth_year", Integer.class),
                    code(Gender.class, rs.getString("gender")), rs.getObject("registration_date", LocalDate.class),
                    rs.getObject("start_date", LocalDate.class), rs.getString("help_request"),
                    capjCodes == null ? List.of() : List.of(capjCodes),
                    code(DiagnosisQuestion.class, rs.getString("diagnosis_question")),
                    code(Diagnosis.class, rs.getString("diagnosis")), rs.getString("diagnosis_other"),
                    codes(Applicant.class, rs.getArray("applicants")), rs.getString("applicant_other"),
                    rs.getObject("contacts", Integer.class), rs.getObject("last_contact_date", LocalDate.class),
                    codes(Intervention.class, rs.getArray("interventions")), rs.getString("intervention_other"),
                    codes(Consultation.class, rs.getArray("consultations")), rs.getObject("end_date", LocalDate.class),
                    code(Outcome.class, rs.getString("outcome")), code(OtherReason.class, rs.getString("outcome_other_reason")),
                    rs.getString("outcome_other_text"), code(ReferralMoment.class, rs.getString("referral_moment")),
                    codes(Destination.class, rs.getArray("referral_destinations")), rs.getString("chain_partner")));
        });
        return result;
    }

    private static String[] strings(java.sql.Array array) throws SQLException {
        return array == null ? null : (String[]) array.getArray();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static <E extends Enum<E>> Set<E> codes(Class<E> type, java.sql.Array array) throws SQLException {
        String[] values = strings(array);
        if (values == null) {
            return null;
        }
        Set<E> set = EnumSet.noneOf(type);
        for (String value : values) {
            set.add(Enum.valueOf(type, value));
        }
        return set;
    }

    /** The shared columns in order, with how each is cast from text, and how its text is made. */
    private static final List<String> COLUMNS = List.of("birth_month", "birth_year", "gender", "registration_date",
            "start_date", "help_request", "diagnosis_question", "diagnosis", "diagnosis_other", "applicants",
            "applicant_other", "contacts", "last_contact_date", "interventions", "intervention_other", "consultations",
            "end_date", "outcome", "outcome_other_reason", "outcome_other_text", "referral_moment",
            "referral_destinations", "chain_partner");
    private static final List<String> CAST_LIST = List.of("r.birth_month::int", "r.birth_year::int", "r.gender",
            "r.registration_date::date", "r.start_date::date", "r.help_request", "r.diagnosis_question", "r.diagnosis",
            "r.diagnosis_other", "r.applicants::varchar(20)[]", "r.applicant_other", "r.contacts::int",
            "r.last_contact_date::date", "r.interventions::varchar(30)[]", "r.intervention_other",
            "r.consultations::varchar(20)[]", "r.end_date::date", "r.outcome", "r.outcome_other_reason",
            "r.outcome_other_text", "r.referral_moment", "r.referral_destinations::varchar(20)[]", "r.chain_partner");
    private static final String CAPJ_COPY = "COPY trajectory_capj (trajectory_id, position, capj_code) FROM STDIN (FORMAT csv)";
    private static final String INSERT_COPY = "COPY trajectory (id, supporter_id, source_id, practice_id, private_reference, "
            + String.join(", ", COLUMNS) + ", created_at, updated_at) FROM STDIN (FORMAT csv)";
    private static final String CASTS = String.join(", ", CAST_LIST);
    private static final List<java.util.function.Function<TrajectoryData, String>> VALUES = List.of(
            d -> string(d.birthMonth()), d -> string(d.birthYear()), d -> name(d.gender()),
            d -> string(d.registrationDate()), d -> string(d.startDate()), TrajectoryData::helpRequest,
            d -> name(d.diagnosisQuestion()), d -> name(d.diagnosis()), TrajectoryData::diagnosisOther,
            d -> literal(d.applicants()), TrajectoryData::applicantOther, d -> string(d.contacts()),
            d -> string(d.lastContactDate()), d -> literal(d.interventions()), TrajectoryData::interventionOther,
            d -> literal(d.consultations()), d -> string(d.endDate()), d -> name(d.outcome()),
            d -> name(d.otherReason()), TrajectoryData::otherReasonText, d -> name(d.referralMoment()),
            d -> literal(d.destinations()), TrajectoryData::chainPartner);

    private static <T> java.sql.Array text(Connection c, List<T> rows, java.util.function.Function<T, String> value)
            throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return c.createArrayOf("text", values);
    }

    /** Runs a COPY ... FROM STDIN on the transaction's connection with the given CSV. */
    private void copy(String sql, CharSequence csv) {
        CopyIn.copy(template, sql, csv);
    }

    /** A CSV field for COPY: null is an empty unquoted field (NULL), a value is always quoted ("" doubled). */
    private static void csvField(StringBuilder csv, String value, boolean comma) {
        if (comma) {
            csv.append(',');
        }
        if (value != null) {
            CopyIn.quoted(csv, value);
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** An array literal of codes ({OUDERS,SCHOOL}); codes are plain capitals, so no quoting is needed. */
    private static String literal(Set<? extends Enum<?>> values) {
        return values == null ? null
                : "{" + String.join(",", values.stream().map(Enum::name).toList()) + "}";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
