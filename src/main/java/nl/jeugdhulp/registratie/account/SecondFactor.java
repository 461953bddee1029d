package nl.jeugdhulp.registratie.account;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import nl.jeugdhulp.registratie.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a TOTP code from an authenticator app, asked once per session after the
 * password, for every role that can see trajectory data (all but GEMEENTE, which sees only
 * aggregates). {@code app.security.second-factor.required} switches it off (demo and test profiles).
 * Five wrong codes within 15 minutes refuse further codes for that account for a while.
 */
@Service
class SecondFactor {

    static final String VERIFIED = SecondFactor.class.getName() + ".VERIFIED";
    static final String PENDING_SECRET = SecondFactor.class.getName() + ".PENDING";
    static final Set<Role> ROLES = EnumSet.of(Role.PRAKTIJKONDERSTEUNER, Role.PROJECTLEIDER, Role.ONDERZOEKER,
            Role.BEHEERDER);
    static final int MAX_FAILURES = 5;
    static final String ISSUER = "Jeugdhulp bij de Huisarts";

    enum Result { OK, WRONG, LOCKED, UNAVAILABLE }

    private static final Logger LOG = LoggerFactory.getLogger(SecondFactor.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean required;
    private final TotpSecretCipher cipher;

    SecondFactor(JdbcClient jdbc, AuditLog audit, Clock clock, TotpSecretCipher cipher,
                 @Value("${app.security.second-factor.required:true}") boolean required) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.required = required;
    }

    boolean requiredFor(CurrentUser user) {
        return required && ROLES.contains(user.role());
    }

    static boolean verified(HttpSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(VERIFIED));
    }

    @Transactional(readOnly = true)
    boolean enrolled(long userId) {
        return secret(userId).isPresent();
    }

    /** Checks a code against the enrolled secret; a wrong code, and a code while locked, are audited. */
    @Transactional
    Result verify(CurrentUser user, String code) {
        if (locked(user.id())) {
            audit.record(AuditEntry.of(AuditAction.EXECUTE, "SECOND_FACTOR_LOCKED", "USER", user.id())
                    .withOutcome(AuditOutcome.DENIED));
            return Result.LOCKED;
        }
        Stored stored = jdbc.sql("SELECT totp_secret, totp_last_step FROM app_user WHERE id = :id FOR UPDATE")
                .param("id", user.id()).query((rs, i) -> new Stored(rs.getString(1), rs.getLong(2))).single();
        String secret;
        try {
            secret = cipher.decrypt(user.id(), stored.secret());
        } catch (TotpSecretCipher.UnreadableSecretException e) {
            // Fail closed: no login without a readable secret, and the operator learns why.
            LOG.error("Second factor refused for user {}: the stored TOTP secret cannot be decrypted with "
                    + "app.security.totp-key ({}); wrong or rotated key? See docs/security.md", user.id(), e.getMessage());
            audit.record(AuditEntry.of(AuditAction.EXECUTE, "SECOND_FACTOR_FAILED", "USER", user.id())
                    .withOutcome(AuditOutcome.FAILURE).withDetails("sleutel onleesbaar"));
            return Result.UNAVAILABLE;
        }
        long step = Totp.match(secret, code, clock.instant().getEpochSecond(), stored.lastStep());
        if (step < 0) {
            audit.record(AuditEntry.of(AuditAction.EXECUTE, "SECOND_FACTOR_FAILED", "USER", user.id())
                    .withOutcome(AuditOutcome.FAILURE));
            return Result.WRONG;
        }
        jdbc.sql("UPDATE app_user SET totp_last_step = :step WHERE id = :id").param("step", step)
                .param("id", user.id()).update();
        audit.record(AuditEntry.of(AuditAction.EXECUTE, "SECOND_FACTOR_VERIFIED", "USER", user.id()));
        return Result.OK;
    }

    /** Confirms enrolment: the first code from the app proves the secret was copied correctly. */
    @Transactional
    Result enrol(CurrentUser user, String secret, String code) {
        if (locked(user.id())) {
            return Result.LOCKED;
        }
        long step = Totp.match(secret, code, clock.instant().getEpochSecond(), 0);
        if (step < 0) {
            audit.record(AuditEntry.of(AuditAction.EXECUTE, "SECOND_FACTOR_FAILED", "USER", user.id())
                    .withOutcome(AuditOutcome.FAILURE).withDetails("bij instellen"));
            return Result.WRONG;
        }
        int updated = jdbc.sql("""
                        UPDATE app_user SET totp_secret = :secret, totp_last_step = :step
                         WHERE id = :id AND totp_secret IS NULL""")
                .param("secret", cipher.encrypt(user.id(), secret)).param("step", step).param("id", user.id()).update();
        if (updated == 0) {
            return Result.WRONG;
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "SECOND_FACTOR_ENROLLED", "USER", user.id()));
        return Result.OK;
    }

    /**
     * The administrator's reset (a lost phone): the user enrols again at their next login. Passkeys go
     * too, since the lost device may hold one.
     */
    @Transactional
    void reset(long userId) {
        jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_last_step = 0, version = version + 1 WHERE id = :id")
                .param("id", userId).update();
        jdbc.sql("""
                        DELETE FROM user_credentials WHERE user_entity_user_id IN
                               (SELECT e.id FROM user_entities e JOIN app_user u ON u.username = e.name WHERE u.id = :id)""")
                .param("id", userId).update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "SECOND_FACTOR_RESET", "USER", userId));
    }

    private boolean locked(long userId) {
        long failures = jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE user_id = :id AND event_type = 'SECOND_FACTOR_FAILED'
                           AND occurred_at > now() - INTERVAL '15 minutes'
                           AND id > coalesce((SELECT max(id) FROM audit_event WHERE user_id = :id
                                                AND event_type IN ('SECOND_FACTOR_VERIFIED', 'SECOND_FACTOR_ENROLLED')), 0)""")
                .param("id", userId).query(Long.class).single();
        return failures >= MAX_FAILURES;
    }

    private Optional<String> secret(long userId) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE id = :id").param("id", userId)
                .query((rs, i) -> rs.getString(1)).optional().filter(s -> s != null);
    }

    private record Stored(String secret, long lastStep) {
    }
}
