package nl.jeugdhulp.registratie.organisation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GP practices (huisartsenpraktijken): each in one pilot and one municipality, with the other
 * disciplines working there per category. Every change is written to the audit log in the same transaction.
 */
@Service
class Practices {

    record Practice(long id, String name, long pilotId, long municipalityId, BigDecimal numberOfGps,
                    BigDecimal averageGpAge, Boolean cooperativeMember, Integer registeredPatients,
                    Integer patientsUnder18, int version) {
    }

    record PracticeSummary(long id, String name, String pilot, String municipality, BigDecimal numberOfGps,
                           Integer registeredPatients, BigDecimal normPractices, Integer patientsUnder18) {
    }

    /** One filled-in discipline of a practice, for the list. */
    record Discipline(long practiceId, String category, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    Practices(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<PracticeSummary> all() {
        return jdbc.sql("""
                        SELECT p.id, p.name, pi.name AS pilot, m.name AS municipality, p.number_of_gps,
                               p.registered_patients, round(p.registered_patients / :norm::numeric, 2) AS norm_practices,
                               p.patients_under_18 AS patients_under18
                          FROM practice p JOIN pilot pi ON pi.id = p.pilot_id JOIN municipality m ON m.id = p.municipality_id
                         ORDER BY pi.name, p.name""")
                .param("norm", PracticeForm.NORM_PRACTICE_PATIENTS)
                .query(PracticeSummary.class).list();
    }

    /** The disciplines of every practice, by practice id, each list in the order of {@link PracticeForm#DISCIPLINES}. */
    @Transactional(readOnly = true)
    Map<Long, List<Discipline>> allDisciplines() {
        Map<Long, List<Discipline>> byPractice = new HashMap<>();
        jdbc.sql("SELECT practice_id, category, amount FROM practice_discipline").query(Discipline.class).list().stream()
                .sorted(Comparator.comparingInt(d -> PracticeForm.DISCIPLINES.indexOf(d.category())))
                .forEach(d -> byPractice.computeIfAbsent(d.practiceId(), k -> new ArrayList<>()).add(d));
        return byPractice;
    }

    /** The disciplines of one practice: category to amount, in the order of {@link PracticeForm#DISCIPLINES}. */
    @Transactional(readOnly = true)
    Map<String, BigDecimal> disciplines(long practiceId) {
        Map<String, BigDecimal> stored = new HashMap<>();
        jdbc.sql("SELECT category, amount FROM practice_discipline WHERE practice_id = :id").param("id", practiceId)
                .query((rs, i) -> stored.put(rs.getString(1), rs.getBigDecimal(2))).list();
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        PracticeForm.DISCIPLINES.stream().filter(stored::containsKey).forEach(c -> ordered.put(c, stored.get(c)));
        return ordered;
    }

    /** The form for editing a practice, with its disciplines. */
    @Transactional(readOnly = true)
    Optional<PracticeForm> editForm(long id) {
        return find(id).map(practice -> PracticeForm.of(practice, disciplines(id)));
    }

    /** Every practice, named with its pilot, for choosing the practices a supporter serves. */
    @Transactional(readOnly = true)
    List<PracticeChoice> choices() {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.pilot_id, pi.name AS pilot
                          FROM practice p JOIN pilot pi ON pi.id = p.pilot_id ORDER BY pi.name, p.name""")
                .query(PracticeChoice.class).list();
    }

    @Transactional(readOnly = true)
    Optional<Practice> find(long id) {
        return jdbc.sql("""
                        SELECT id, name, pilot_id, municipality_id, number_of_gps, average_gp_age, cooperative_member,
                               registered_patients, patients_under_18 AS patients_under18, version
                          FROM practice WHERE id = :id""")
                .param("id", id).query(Practice.class).optional();
    }

    @Transactional(readOnly = true)
    boolean pilotCovers(long pilotId, long municipalityId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pilot_municipality WHERE pilot_id = :p AND municipality_id = :m)")
                .param("p", pilotId).param("m", municipalityId).query(Boolean.class).single();
    }

    @Transactional
    long create(PracticeForm form) {
        long id = jdbc.sql("""
                        INSERT INTO practice (name, pilot_id, municipality_id, number_of_gps, average_gp_age, cooperative_member,
                                              registered_patients, patients_under_18)
                        VALUES (:name, :pilot, :municipality, :gps, :age, :cooperative, :patients, :youth)
                        RETURNING id""")
                .params(params(form))
                .query(Long.class).single();
        replaceDisciplines(id, form.filledDisciplines());
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "PRACTICE_CREATED", "PRACTICE", id).withPilot(form.getPilotId()));
        return id;
    }

    @Transactional
    void update(long id, PracticeForm form) {
        int updated = jdbc.sql("""
                        UPDATE practice SET name = :name, pilot_id = :pilot, municipality_id = :municipality,
                               number_of_gps = :gps, average_gp_age = :age, cooperative_member = :cooperative,
                               registered_patients = :patients, patients_under_18 = :youth, version = version + 1
                         WHERE id = :id AND version = :version""")
                .params(params(form))
                .param("id", id).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("practice " + id + " changed or removed");
        }
        replaceDisciplines(id, form.filledDisciplines());
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "PRACTICE_UPDATED", "PRACTICE", id).withPilot(form.getPilotId()));
    }

    /** Replaces the practice's disciplines; only called after the practice row itself was written or version-checked. */
    private void replaceDisciplines(long practiceId, Map<String, BigDecimal> disciplines) {
        jdbc.sql("DELETE FROM practice_discipline WHERE practice_id = :id").param("id", practiceId).update();
        disciplines.forEach((category, amount) ->
                jdbc.sql("INSERT INTO practice_discipline (practice_id, category, amount) VALUES (:id, :category, :amount)")
                        .param("id", practiceId).param("category", category).param("amount", amount).update());
    }

    private static Map<String, Object> params(PracticeForm form) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", form.getName());
        params.put("pilot", form.getPilotId());
        params.put("municipality", form.getMunicipalityId());
        params.put("gps", form.getNumberOfGps());
        params.put("age", form.getAverageGpAge());
        params.put("cooperative", form.getCooperativeMember());
        params.put("patients", form.getRegisteredPatients());
        params.put("youth", form.getPatientsUnder18());
        return params;
    }
}
