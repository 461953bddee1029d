package nl.jeugdhulp.registratie.classification;

import java.util.ArrayList;
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
 * The CAP-J code list as reference data: add, rename, retire and reactivate codes. Codes are never
 * deleted, since trajectories refer to them; a retired code is no longer offered for new choices.
 * Every change is written to the audit log in the same transaction.
 */
@Service
class CapjAdministration {

    record Code(String code, String axis, String level, String groupCode, String label, boolean active, int version) {
    }

    /** One axis with its codes in list order; the axis of ONG (not classified) is null. */
    record Axis(String code, String label, List<Code> codes) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    CapjAdministration(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<Axis> byAxis() {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.sql("SELECT code, label FROM capj_axis ORDER BY code")
                .query((rs, i) -> labels.put(rs.getString(1), rs.getString(2))).list();
        List<Code> codes = jdbc.sql("""
                        SELECT code, axis, level, group_code, label, active, version FROM capj_code
                         ORDER BY axis NULLS LAST, sort_order, code""")
                .query(Code.class).list();
        List<Axis> axes = new ArrayList<>(labels.entrySet().stream()
                .map(e -> new Axis(e.getKey(), e.getValue(), codes.stream().filter(c -> e.getKey().equals(c.axis())).toList()))
                .toList());
        List<Code> withoutAxis = codes.stream().filter(c -> c.axis() == null).toList();
        if (!withoutAxis.isEmpty()) {
            axes.add(new Axis(null, null, withoutAxis));
        }
        return axes;
    }

    @Transactional(readOnly = true)
    Optional<Code> find(String code) {
        return jdbc.sql("SELECT code, axis, level, group_code, label, active, version FROM capj_code WHERE code = :c")
                .param("c", CapjCodeForm.normalise(code)).query(Code.class).optional();
    }

    @Transactional(readOnly = true)
    boolean exists(String code) {
        return find(code).isPresent();
    }

    /** Adds a group or rubric, placed after the codes before it. */
    @Transactional
    void add(CapjCodeForm form) {
        jdbc.sql("""
                        INSERT INTO capj_code (code, axis, level, group_code, label, sort_order)
                        VALUES (:code, substr(:code, 1, 1), :level, :group, :label,
                                COALESCE((SELECT max(sort_order) FROM capj_code WHERE axis IS NOT NULL AND code < :code), 0) + 1)""")
                .param("code", form.getCode())
                .param("level", form.isGroup() ? "GROEP" : "RUBRIEK")
                .param("group", form.groupCode())
                .param("label", form.getLabel())
                .update();
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "CAPJ_CODE_CREATED", "CAPJ_CODE", form.getCode()));
    }

    @Transactional
    void rename(String code, CapjLabelForm form) {
        int updated = jdbc.sql("UPDATE capj_code SET label = :label, version = version + 1 WHERE code = :c AND version = :v")
                .param("label", form.getLabel()).param("c", code).param("v", form.getVersion()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("CAP-J code " + code + " changed");
        }
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "CAPJ_CODE_RENAMED", "CAPJ_CODE", code));
    }

    /** Retires or reactivates a code; a code already in that state is left alone and not logged. */
    @Transactional
    void setActive(String code, boolean active) {
        int updated = jdbc.sql("UPDATE capj_code SET active = :a, version = version + 1 WHERE code = :c AND active <> :a")
                .param("a", active).param("c", code).update();
        if (updated > 0) {
            auditLog.record(AuditEntry.of(AuditAction.UPDATE, active ? "CAPJ_CODE_REACTIVATED" : "CAPJ_CODE_RETIRED",
                    "CAPJ_CODE", code));
        }
    }
}
