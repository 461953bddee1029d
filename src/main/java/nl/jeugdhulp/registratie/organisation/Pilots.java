package nl.jeugdhulp.registratie.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pilots (regions) and the municipalities each one covers. Every change is written to the audit log in the same transaction. */
@Service
class Pilots {

    record Pilot(long id, String name, String organisation, LocalDate startDate, LocalDate endDate,
                 List<Long> municipalityIds, int version) {
    }

    record PilotSummary(long id, String name, String organisation, LocalDate startDate, LocalDate endDate,
                        String municipalities) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    Pilots(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<PilotSummary> all() {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.organisation, p.start_date, p.end_date,
                               string_agg(m.name, ', ' ORDER BY m.name) AS municipalities
                          FROM pilot p
                          LEFT JOIN pilot_municipality pm ON pm.pilot_id = p.id
                          LEFT JOIN municipality m ON m.id = pm.municipality_id
                         GROUP BY p.id ORDER BY p.name""")
                .query(PilotSummary.class).list();
    }

    @Transactional(readOnly = true)
    List<Option> options() {
        return jdbc.sql("SELECT id, name FROM pilot ORDER BY name").query(Option.class).list();
    }

    @Transactional(readOnly = true)
    Optional<Pilot> find(long id) {
        List<Long> municipalities = jdbc.sql("SELECT municipality_id FROM pilot_municipality WHERE pilot_id = :id ORDER BY 1")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("SELECT id, name, organisation, start_date, end_date, version FROM pilot WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new Pilot(rs.getLong("id"), rs.getString("name"), rs.getString("organisation"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        municipalities, rs.getInt("version")))
                .optional();
    }

    @Transactional
    long create(PilotForm form) {
        long id = jdbc.sql("""
                        INSERT INTO pilot (name, organisation, start_date, end_date)
                        VALUES (:name, :organisation, :start, :end) RETURNING id""")
                .param("name", form.getName()).param("organisation", blankToNull(form.getOrganisation()))
                .param("start", form.getStartDate()).param("end", form.getEndDate())
                .query(Long.class).single();
        replaceMunicipalities(id, form.getMunicipalityIds());
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "PILOT_CREATED", "PILOT", id).withPilot(id));
        return id;
    }

    @Transactional
    void update(long id, PilotForm form) {
        int updated = jdbc.sql("""
                        UPDATE pilot SET name = :name, organisation = :organisation, start_date = :start, end_date = :end,
                                         version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", form.getName()).param("organisation", blankToNull(form.getOrganisation()))
                .param("start", form.getStartDate()).param("end", form.getEndDate())
                .param("id", id).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("pilot " + id + " changed or removed");
        }
        replaceMunicipalities(id, form.getMunicipalityIds());
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "PILOT_UPDATED", "PILOT", id).withPilot(id));
    }

    private void replaceMunicipalities(long pilotId, List<Long> municipalityIds) {
        jdbc.sql("DELETE FROM pilot_municipality WHERE pilot_id = :id").param("id", pilotId).update();
        for (Long municipality : municipalityIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO pilot_municipality (pilot_id, municipality_id) VALUES (:p, :m)")
                    .param("p", pilotId).param("m", municipality).update();
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
