package nl.jeugdhulp.registratie.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import nl.jeugdhulp.registratie.classification.CapjCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bulk import of trajectories for the exchange import: what validation needs is loaded once per
 * import ({@link #knownCapjCodes}, {@link #sourceIds}), rows are checked with the form's own
 * {@link TrajectoryRules} without queries, and written with JDBC batches of {@value #BATCH_SIZE}
 * rows. The caller opens the transaction (one for the whole import, so all-or-nothing holds); the
 * database CHECK constraints stay the final guard. An update keeps the private reference, which no
 * exchange file carries.
 */
@Service
public class TrajectoryBatch {

    public static final int BATCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CapjCatalogue capj;
    private final TrajectoryService trajectories;

    TrajectoryBatch(JdbcClient jdbc, DataSource dataSource, CapjCatalogue capj, TrajectoryService trajectories) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.capj = capj;
        this.trajectories = trajectories;
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
        return new Writer(now);
    }

    /** Collects rows and writes them in batches; {@link #flush()} writes the rest. */
    public final class Writer {
        private final Timestamp now;
        private final List<Pending> inserts = new ArrayList<>();
        private final List<Pending> updates = new ArrayList<>();
        private int created;
        private int updated;

        private record Pending(long supporterId, String sourceId, Long id, TrajectoryData data) {
        }

        private Writer(Instant now) {
            this.now = Timestamp.from(now);
        }

        /** Adds a valid row: a new trajectory when {@code existingId} is null, else an update of that one. */
        public void add(long supporterId, String sourceId, Long existingId, TrajectoryData normalised) {
            if (existingId == null) {
                inserts.add(new Pending(supporterId, sourceId, null, normalised));
                if (inserts.size() >= BATCH_SIZE) {
                    writeInserts();
                }
            } else {
                updates.add(new Pending(supporterId, sourceId, existingId, normalised));
                if (updates.size() >= BATCH_SIZE) {
                    writeUpdates();
                }
            }
        }

        public void flush() {
            writeInserts();
            writeUpdates();
        }

        public int created() {
            return created;
        }

        public int updated() {
            return updated;
        }

        private void writeInserts() {
            if (inserts.isEmpty()) {
                return;
            }
            List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('trajectory', 'id')) FROM generate_series(1, :n)")
                    .param("n", inserts.size()).query(Long.class).list();
            List<Pending> rows = new ArrayList<>(inserts.size());
            for (int i = 0; i < inserts.size(); i++) {
                Pending p = inserts.get(i);
                rows.add(new Pending(p.supporterId(), p.sourceId(), ids.get(i), p.data()));
            }
            template.batchUpdate("""
                            INSERT INTO trajectory (supporter_id, source_id, practice_id, private_reference, birth_month,
                                   birth_year, gender, registration_date, start_date, help_request, diagnosis_question,
                                   diagnosis, diagnosis_other, applicants, applicant_other, contacts, last_contact_date,
                                   interventions, intervention_other, consultations, end_date, outcome,
                                   outcome_other_reason, outcome_other_text, referral_moment, referral_destinations,
                                   chain_partner, created_at, updated_at, id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows, rows.size(), (ps, p) -> {
                        ps.setLong(1, p.supporterId());
                        ps.setString(2, p.sourceId());
                        ps.setLong(3, p.data().practiceId());
                        ps.setString(4, p.data().privateReference());
                        int next = values(ps, 5, p.data());
                        ps.setTimestamp(next, now);
                        ps.setLong(next + 1, p.id());
                    });
            writeCapj(rows, false);
            created += rows.size();
            inserts.clear();
        }

        private void writeUpdates() {
            if (updates.isEmpty()) {
                return;
            }
            template.batchUpdate("""
                            UPDATE trajectory SET practice_id = ?, birth_month = ?, birth_year = ?, gender = ?,
                                   registration_date = ?, start_date = ?, help_request = ?, diagnosis_question = ?,
                                   diagnosis = ?, diagnosis_other = ?, applicants = ?, applicant_other = ?, contacts = ?,
                                   last_contact_date = ?, interventions = ?, intervention_other = ?, consultations = ?,
                                   end_date = ?, outcome = ?, outcome_other_reason = ?, outcome_other_text = ?,
                                   referral_moment = ?, referral_destinations = ?, chain_partner = ?, updated_at = ?,
                                   version = version + 1
                             WHERE id = ?""",
                    updates, updates.size(), (ps, p) -> {
                        ps.setLong(1, p.data().practiceId());
                        int next = values(ps, 2, p.data());
                        ps.setLong(next, p.id());
                    });
            writeCapj(updates, true);
            updated += updates.size();
            updates.clear();
        }

        /** Sets the shared columns from birth_month up to updated_at; returns the next index. */
        private int values(PreparedStatement ps, int i, TrajectoryData d) throws SQLException {
            Connection c = ps.getConnection();
            setInt(ps, i++, d.birthMonth());
            setInt(ps, i++, d.birthYear());
            ps.setString(i++, name(d.gender()));
            setDate(ps, i++, d.registrationDate());
            setDate(ps, i++, d.startDate());
            ps.setString(i++, d.helpRequest());
            ps.setString(i++, name(d.diagnosisQuestion()));
            ps.setString(i++, name(d.diagnosis()));
            ps.setString(i++, d.diagnosisOther());
            ps.setArray(i++, array(c, d.applicants()));
            ps.setString(i++, d.applicantOther());
            setInt(ps, i++, d.contacts());
            setDate(ps, i++, d.lastContactDate());
            ps.setArray(i++, array(c, d.interventions()));
            ps.setString(i++, d.interventionOther());
            ps.setArray(i++, array(c, d.consultations()));
            setDate(ps, i++, d.endDate());
            ps.setString(i++, name(d.outcome()));
            ps.setString(i++, name(d.otherReason()));
            ps.setString(i++, d.otherReasonText());
            ps.setString(i++, name(d.referralMoment()));
            ps.setArray(i++, array(c, d.destinations()));
            ps.setString(i++, d.chainPartner());
            ps.setTimestamp(i++, now);
            return i;
        }

        private void writeCapj(List<Pending> rows, boolean replace) {
            if (replace) {
                template.batchUpdate("DELETE FROM trajectory_capj WHERE trajectory_id = ?", rows, rows.size(),
                        (ps, p) -> ps.setLong(1, p.id()));
            }
            List<Object[]> codes = new ArrayList<>();
            for (Pending p : rows) {
                List<String> list = p.data().capjCodes();
                for (int i = 0; i < list.size(); i++) {
                    codes.add(new Object[] {p.id(), i + 1, list.get(i)});
                }
            }
            template.batchUpdate("INSERT INTO trajectory_capj (trajectory_id, position, capj_code) VALUES (?, ?, ?)", codes);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void setInt(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate value) throws SQLException {
        ps.setObject(i, value, Types.DATE);
    }

    private static java.sql.Array array(Connection c, Set<? extends Enum<?>> values) throws SQLException {
        return values == null ? null : c.createArrayOf("varchar", values.stream().map(Enum::name).toArray());
    }
}
