package nl.jeugdhulp.registratie.summary;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dated cost assumptions of pilots. Every change is audited in the same transaction. */
@Service
class CostAssumptions {

    private static final String COLUMNS = """
            SELECT id, pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year, housing_cost_per_year, version
              FROM pilot_cost_assumption""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CostAssumptions(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<CostAssumption> of(Collection<Long> pilotIds) {
        if (pilotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE pilot_id IN (:pilots) ORDER BY pilot_id, valid_from")
                .param("pilots", pilotIds).query(CostAssumption.class).list();
    }

    @Transactional(readOnly = true)
    Optional<CostAssumption> find(long pilotId, long id) {
        return jdbc.sql(COLUMNS + " WHERE pilot_id = :pilot AND id = :id").param("pilot", pilotId).param("id", id)
                .query(CostAssumption.class).optional();
    }

    @Transactional
    long create(long pilotId, CostAssumptionForm form) {
        long id = jdbc.sql("""
                        INSERT INTO pilot_cost_assumption (pilot_id, valid_from, amount_per_trajectory, staff_cost_per_year,
                                                           housing_cost_per_year)
                        VALUES (:pilot, :from, :amount, :staff, :housing) RETURNING id""")
                .param("pilot", pilotId).param("from", form.getValidFrom()).param("amount", form.getAmount())
                .param("staff", form.getStaffCost()).param("housing", form.getHousingCost())
                .query(Long.class).single();
        audit.record(AuditEntry.of(AuditAction.CREATE, "COST_ASSUMPTION_CREATED", "COST_ASSUMPTION", id).withPilot(pilotId)
                .withDetails("from " + form.getValidFrom()));
        return id;
    }

    @Transactional
    void update(long pilotId, long id, CostAssumptionForm form) {
        int updated = jdbc.sql("""
                        UPDATE pilot_cost_assumption
                           SET valid_from = :from, amount_per_trajectory = :amount, staff_cost_per_year = :staff,
                               housing_cost_per_year = :housing, version = version + 1
                         WHERE id = :id AND pilot_id = :pilot AND version = :version""")
                .param("from", form.getValidFrom()).param("amount", form.getAmount())
                .param("staff", form.getStaffCost()).param("housing", form.getHousingCost())
                .param("id", id).param("pilot", pilotId).param("version", form.getVersion())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("cost assumption " + id + " changed or removed");
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "COST_ASSUMPTION_UPDATED", "COST_ASSUMPTION", id).withPilot(pilotId)
                .withDetails("from " + form.getValidFrom()));
    }
}
