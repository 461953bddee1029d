package nl.jeugdhulp.registratie.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes audit records older than the retention period ({@code app.audit.retention}, default five
 * years), nightly. The database trigger allows this delete only inside this transaction, after
 * {@code SET LOCAL app.audit_retention_before}, only for rows older than that cut-off, and only when
 * the cut-off is at least a year ago; so the period cannot be set shorter than a year.
 */
@Component
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    static final Period MINIMUM = Period.ofYears(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Period retention;

    AuditRetention(JdbcClient jdbc, AuditLog audit, Clock clock,
                   @Value("${app.audit.retention:P5Y}") Period retention) {
        if (retention.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new IllegalStateException("app.audit.retention must be at least one year, was " + retention);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${app.audit.retention-cron:0 15 3 * * *}", zone = "Europe/Amsterdam")
    public void nightly() {
        purge(clock.instant());
    }

    /** Deletes every record that occurred before {@code now} minus the retention period; returns how many. */
    @Transactional
    public int purge(Instant now) {
        OffsetDateTime cutoff = now.atOffset(ZoneOffset.UTC).minus(retention);
        // set_config(..., true) is SET LOCAL: the permission ends with this transaction.
        jdbc.sql("SELECT set_config('app.audit_retention_before', :cutoff, true)")
                .param("cutoff", cutoff.toString()).query(String.class).single();
        int deleted = jdbc.sql("DELETE FROM audit_event WHERE occurred_at < :cutoff").param("cutoff", cutoff).update();
        jdbc.sql("SELECT set_config('app.audit_retention_before', '', true)").query(String.class).single();
        audit.recordSystem(AuditEntry.of(AuditAction.DELETE, "AUDIT_RETENTION", "AUDIT_TRAIL", null)
                .withDetails("bewaartermijn=" + retention + ", verwijderd voor=" + cutoff + ", rijen=" + deleted));
        if (deleted > 0) {
            log.info("Audit retention removed {} records older than {}", deleted, cutoff);
        }
        return deleted;
    }
}
