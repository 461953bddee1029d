package nl.jeugdhulp.registratie.organisation;

import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Municipalities (gemeenten) with their CBS code. Every change is written to the audit log in the same transaction. */
@Service
class Municipalities {

    record Municipality(long id, String name, String cbsCode, int version) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    Municipalities(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<Municipality> all() {
        return jdbc.sql("SELECT id, name, cbs_code, version FROM municipality ORDER BY name, cbs_code")
                .query(Municipality.class).list();
    }

    @Transactional(readOnly = true)
    List<Option> options() {
        return jdbc.sql("SELECT id, name FROM municipality ORDER BY name").query(Option.class).list();
    }

    @Transactional(readOnly = true)
    Optional<Municipality> find(long id) {
        return jdbc.sql("SELECT id, name, cbs_code, version FROM municipality WHERE id = :id")
                .param("id", id).query(Municipality.class).optional();
    }

    @Transactional
    long create(MunicipalityForm form) {
        long id = jdbc.sql("INSERT INTO municipality (name, cbs_code) VALUES (:name, :code) RETURNING id")
                .param("name", form.getName()).param("code", form.getCbsCode())
                .query(Long.class).single();
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "MUNICIPALITY_CREATED", "MUNICIPALITY", id));
        return id;
    }

    @Transactional
    void update(long id, MunicipalityForm form) {
        int updated = jdbc.sql("""
                        UPDATE municipality SET name = :name, cbs_code = :code, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", form.getName()).param("code", form.getCbsCode())
                .param("id", id).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("municipality " + id + " changed or removed");
        }
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "MUNICIPALITY_UPDATED", "MUNICIPALITY", id));
    }
}
