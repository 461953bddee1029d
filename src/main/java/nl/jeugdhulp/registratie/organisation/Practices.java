package nl.jeugdhulp.registratie.organisation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** GP practices (huisartsenpraktijken): each in one pilot and one municipality. */
@Service
class Practices {

    record Practice(long id, String name, long pilotId, long municipalityId, BigDecimal numberOfGps,
                    BigDecimal averageGpAge, Boolean cooperativeMember, Integer registeredPatients,
                    Integer patientsUnder18, String otherDisciplines, int version) {
    }

    record PracticeSummary(long id, String name, String pilot, String municipality, BigDecimal numberOfGps,
                           Integer registeredPatients, BigDecimal normPractices, Integer patientsUnder18) {
    }

    private final JdbcClient jdbc;

    Practices(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                               registered_patients, patients_under_18 AS patients_under18, other_disciplines, version
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
        return jdbc.sql("""
                        INSERT INTO practice (name, pilot_id, municipality_id, number_of_gps, average_gp_age, cooperative_member,
                                              registered_patients, patients_under_18, other_disciplines)
                        VALUES (:name, :pilot, :municipality, :gps, :age, :cooperative, :patients, :youth, :disciplines)
                        RETURNING id""")
                .params(params(form))
                .query(Long.class).single();
    }

    @Transactional
    void update(long id, PracticeForm form) {
        int updated = jdbc.sql("""
                        UPDATE practice SET name = :name, pilot_id = :pilot, municipality_id = :municipality,
                               number_of_gps = :gps, average_gp_age = :age, cooperative_member = :cooperative,
                               registered_patients = :patients, patients_under_18 = :youth,
                               other_disciplines = :disciplines, version = version + 1
                         WHERE id = :id AND version = :version""")
                .params(params(form))
                .param("id", id).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("practice " + id + " changed or removed");
        }
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
        params.put("disciplines", Pilots.blankToNull(form.getOtherDisciplines()));
        return params;
    }
}
