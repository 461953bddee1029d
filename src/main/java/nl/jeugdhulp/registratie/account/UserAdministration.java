package nl.jeugdhulp.registratie.account;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's management of accounts. Every change is written to the audit log in the same transaction. */
@Service
class UserAdministration {

    record User(long id, String username, Role role, boolean enabled, int version, List<Long> pilotIds,
                List<Long> municipalityIds, Long supporterId) {
    }

    record UserSummary(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
                       LocalDateTime lastLoginAt, String scope) {
    }

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final PasswordEncoder encoder;
    private final AuditLog auditLog;

    UserAdministration(JdbcClient jdbc, AccountService accounts, PasswordEncoder encoder, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    List<UserSummary> all() {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.role, u.enabled, u.must_change_password,
                               u.last_login_at AT TIME ZONE 'Europe/Amsterdam' AS last_login_at,
                               CASE u.role
                                 WHEN 'PROJECTLEIDER' THEN (SELECT string_agg(p.name, ', ' ORDER BY p.name)
                                                              FROM user_pilot up JOIN pilot p ON p.id = up.pilot_id WHERE up.user_id = u.id)
                                 WHEN 'GEMEENTE' THEN (SELECT string_agg(m.name, ', ' ORDER BY m.name)
                                                         FROM user_municipality um JOIN municipality m ON m.id = um.municipality_id
                                                        WHERE um.user_id = u.id)
                                 WHEN 'PRAKTIJKONDERSTEUNER' THEN (SELECT s.code FROM supporter s WHERE s.user_id = u.id)
                               END AS scope
                          FROM app_user u ORDER BY u.username""")
                .query(UserSummary.class).list();
    }

    @Transactional(readOnly = true)
    Optional<User> find(long id) {
        List<Long> pilots = ids("SELECT pilot_id FROM user_pilot WHERE user_id = :id ORDER BY 1", id);
        List<Long> municipalities = ids("SELECT municipality_id FROM user_municipality WHERE user_id = :id ORDER BY 1", id);
        return jdbc.sql("""
                        SELECT u.id, u.username, u.role, u.enabled, u.version, s.id AS supporter_id
                          FROM app_user u LEFT JOIN supporter s ON s.user_id = u.id WHERE u.id = :id""")
                .param("id", id)
                .query((rs, i) -> new User(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"), rs.getInt("version"), pilots, municipalities,
                        rs.getObject("supporter_id", Long.class)))
                .optional();
    }

    @Transactional(readOnly = true)
    List<ScopeOption> pilotOptions() {
        return jdbc.sql("SELECT id, name FROM pilot ORDER BY name").query(ScopeOption.class).list();
    }

    @Transactional(readOnly = true)
    List<ScopeOption> municipalityOptions() {
        return jdbc.sql("SELECT id, name || ' (' || cbs_code || ')' AS name FROM municipality ORDER BY name")
                .query(ScopeOption.class).list();
    }

    /** Supporters without an account, plus the one already linked to this user. */
    @Transactional(readOnly = true)
    List<ScopeOption> supporterOptions(Long userId) {
        return jdbc.sql("""
                        SELECT s.id, s.code || ' – ' || p.name AS name FROM supporter s JOIN pilot p ON p.id = s.pilot_id
                         WHERE s.user_id IS NULL OR s.user_id = :u ORDER BY s.code""")
                .param("u", userId).query(ScopeOption.class).list();
    }

    @Transactional
    long create(NewUserForm form) {
        long id = accounts.createUser(form.getUsername(), form.getPassword(), form.getRole(), true,
                form.pilotsInScope(), form.municipalitiesInScope());
        linkSupporter(id, form.supporterInScope());
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "USER_CREATED", "USER", id)
                .withDetails("rol=" + form.getRole() + scope(form)));
        return id;
    }

    @Transactional
    void update(long id, EditUserForm form) {
        User before = find(id).orElseThrow(() -> new OptimisticLockingFailureException("user " + id + " removed"));
        int updated = jdbc.sql("UPDATE app_user SET role = :role, version = version + 1 WHERE id = :id AND version = :version")
                .param("role", form.getRole().name()).param("id", id).param("version", form.getVersion()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("user " + id + " changed or removed");
        }
        accounts.replaceScope(id, form.pilotsInScope(), form.municipalitiesInScope());
        linkSupporter(id, form.supporterInScope());
        // A role or scope change is what NEN 7513 asks to be traceable: old and new, in one record.
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "USER_UPDATED", "USER", id)
                .withDetails("rol=" + before.role() + (before.role() == form.getRole() ? "" : "->" + form.getRole())
                        + "; voorheen pilots=" + join(before.pilotIds()) + ", gemeenten=" + join(before.municipalityIds())
                        + ", ondersteuner=" + (before.supporterId() == null ? "-" : before.supporterId())
                        + scope(form)));
    }

    @Transactional
    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :enabled, version = version + 1 WHERE id = :id")
                .param("enabled", enabled).param("id", id).update();
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", id));
        if (!enabled) {
            accounts.revokeApiTokens(id, "account geblokkeerd");
        }
    }

    /** Sets a temporary password that the user must replace at their next login. */
    @Transactional
    void resetPassword(long id, String temporaryPassword) {
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = TRUE, version = version + 1
                         WHERE id = :id""")
                .param("hash", encoder.encode(temporaryPassword)).param("id", id).update();
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "PASSWORD_RESET", "USER", id));
        accounts.revokeApiTokens(id, "wachtwoord opnieuw ingesteld");
    }

    /** Links the user to at most one supporter profile; a supporter already linked to someone else is a conflict. */
    private void linkSupporter(long userId, Long supporterId) {
        jdbc.sql("UPDATE supporter SET user_id = NULL, version = version + 1 WHERE user_id = :u AND id IS DISTINCT FROM :s")
                .param("u", userId).param("s", supporterId).update();
        if (supporterId != null) {
            int linked = jdbc.sql("""
                            UPDATE supporter SET user_id = :u, version = version + 1
                             WHERE id = :s AND user_id IS NULL""")
                    .param("u", userId).param("s", supporterId).update();
            boolean alreadyLinked = jdbc.sql("SELECT EXISTS (SELECT 1 FROM supporter WHERE id = :s AND user_id = :u)")
                    .param("s", supporterId).param("u", userId).query(Boolean.class).single();
            if (linked == 0 && !alreadyLinked) {
                throw new OptimisticLockingFailureException("supporter " + supporterId + " is linked to another user");
            }
        }
    }

    private static String scope(UserScopeForm form) {
        return "; nu pilots=" + join(form.pilotsInScope()) + ", gemeenten=" + join(form.municipalitiesInScope())
                + ", ondersteuner=" + (form.supporterInScope() == null ? "-" : form.supporterInScope());
    }

    private static String join(List<Long> ids) {
        return ids == null || ids.isEmpty() ? "-"
                : ids.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private List<Long> ids(String sql, long userId) {
        return jdbc.sql(sql).param("id", userId).query(Long.class).list();
    }
}
