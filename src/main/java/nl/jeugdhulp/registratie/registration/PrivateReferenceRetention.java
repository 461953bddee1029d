package nl.jeugdhulp.registratie.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supporter's private reference ("eigen kenmerk") links a trajectory to their own records; once
 * the trajectory has been closed for {@code app.retention.private-reference-months} months (default
 * 12) the link is no longer needed and is erased, nightly. Each erasure is audited on its trajectory.
 * The version goes up so a form still open with the old reference cannot write it back.
 */
@Component
public class PrivateReferenceRetention {

    private static final Logger log = LoggerFactory.getLogger(PrivateReferenceRetention.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final int months;

    PrivateReferenceRetention(JdbcClient jdbc, AuditLog audit, Clock clock,
                              @Value("${app.retention.private-reference-months:12}") int months) {
        if (months < 0) {
            throw new IllegalStateException("app.retention.private-reference-months must not be negative");
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.months = months;
    }

    @Scheduled(cron = "${app.retention.private-reference-cron:0 30 3 * * *}", zone = "Europe/Amsterdam")
    public void nightly() {
        erase(LocalDate.now(clock));
    }

    /** Erases the references of trajectories that ended on or before {@code today} minus the period. */
    @Transactional
    public int erase(LocalDate today) {
        LocalDate endedOnOrBefore = today.minusMonths(months);
        record Erased(long id, long pilotId) {
        }
        List<Erased> erased = jdbc.sql("""
                        UPDATE trajectory t SET private_reference = NULL, version = t.version + 1
                          FROM supporter s
                         WHERE s.id = t.supporter_id AND t.private_reference IS NOT NULL
                           AND t.end_date IS NOT NULL AND t.end_date <= :limit
                        RETURNING t.id, s.pilot_id""")
                .param("limit", endedOnOrBefore)
                .query((rs, i) -> new Erased(rs.getLong(1), rs.getLong(2))).list();
        for (Erased e : erased) {
            audit.recordSystem(AuditEntry.of(AuditAction.UPDATE, "PRIVATE_REFERENCE_ERASED", "TRAJECTORY", e.id())
                    .withPilot(e.pilotId())
                    .withDetails("afgesloten op of voor " + endedOnOrBefore + " (" + months + " maanden)"));
        }
        if (!erased.isEmpty()) {
            log.info("Erased the private reference of {} trajectories closed on or before {}", erased.size(),
                    endedOnOrBefore);
        }
        return erased.size();
    }
}
