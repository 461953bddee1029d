package nl.jeugdhulp.registratie.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The public facade of accounts: passwords, creation and scope of users. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog auditLog;
    private final ApiTokens tokens;

    AccountService(JdbcClient jdbc, PasswordEncoder encoder, AuditLog auditLog, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.auditLog = auditLog;
        this.tokens = tokens;
    }

    @Transactional
    public void changeOwnPassword(CurrentUser user, String current, String next, Errors errors) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", user.id())
                .query(String.class).single();
        if (!encoder.matches(current, hash)) {
            errors.rejectValue("currentPassword", "password.current.wrong");
            return;
        }
        if (next.equalsIgnoreCase(user.username()) || encoder.matches(next, hash)) {
            errors.rejectValue("newPassword", "password.not.new");
            return;
        }
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, version = version + 1 WHERE id = :id")
                .param("hash", encoder.encode(next)).param("id", user.id()).update();
        auditLog.record(AuditEntry.of(AuditAction.UPDATE, "PASSWORD_CHANGED", "USER", user.id()));
        tokens.revokeAll(user.id(), "wachtwoord gewijzigd");
    }

    /** Creates a user with a password they must change at first login unless {@code temporary} is false. */
    @Transactional
    public long createUser(String username, String password, Role role, boolean temporary,
                           Collection<Long> pilotIds, Collection<Long> municipalityIds) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, must_change_password)
                        VALUES (:username, :hash, :role, :temporary) RETURNING id""")
                .param("username", username.trim().toLowerCase())
                .param("hash", encoder.encode(password))
                .param("role", role.name())
                .param("temporary", temporary)
                .query(Long.class).single();
        replaceScope(id, pilotIds, municipalityIds);
        return id;
    }

    /** Revokes the user's API tokens (a password reset or block by the administrator). */
    void revokeApiTokens(long userId, String reason) {
        tokens.revokeAll(userId, reason);
    }

    /** Replaces the pilots and municipalities of a user; open sessions pick it up at their next request. */
    @Transactional
    public void replaceScope(long userId, Collection<Long> pilotIds, Collection<Long> municipalityIds) {
        jdbc.sql("UPDATE app_user SET version = version + 1 WHERE id = :id").param("id", userId).update();
        jdbc.sql("DELETE FROM user_pilot WHERE user_id = :id").param("id", userId).update();
        jdbc.sql("DELETE FROM user_municipality WHERE user_id = :id").param("id", userId).update();
        for (Long pilot : nullSafe(pilotIds)) {
            jdbc.sql("INSERT INTO user_pilot (user_id, pilot_id) VALUES (:u, :p)").param("u", userId).param("p", pilot).update();
        }
        for (Long municipality : nullSafe(municipalityIds)) {
            jdbc.sql("INSERT INTO user_municipality (user_id, municipality_id) VALUES (:u, :m)")
                    .param("u", userId).param("m", municipality).update();
        }
    }

    /** An account as other features may see it (no password, no scope). */
    public record AccountInfo(long id, String username, Role role, boolean enabled) {
    }

    /** The format the database demands of a user name. */
    public static boolean validUsername(String username) {
        return username != null && username.matches("[a-z0-9._-]{3,60}");
    }

    public Optional<AccountInfo> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, role, enabled FROM app_user WHERE lower(username) = lower(:u)")
                .param("u", username == null ? "" : username.trim())
                .query((rs, i) -> new AccountInfo(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4)))
                .optional();
    }

    /**
     * Creates an account with a generated initial password, which is returned to be shown once and
     * must be changed at first login (as an administrator's temporary password). Audited.
     */
    @Transactional
    public InitialPassword createWithInitialPassword(String username, Role role, String reason) {
        String password = initialPassword();
        long id = createUser(username, password, role, true, List.of(), List.of());
        auditLog.record(AuditEntry.of(AuditAction.CREATE, "USER_CREATED", "USER", id)
                .withDetails("role=" + role + ", " + reason));
        return new InitialPassword(id, username.trim().toLowerCase(), password);
    }

    /** A new account and its one-time initial password. */
    public record InitialPassword(long userId, String username, String password) {
    }

    private static String initialPassword() {
        // No look-alike characters: the password is read from the screen and typed in.
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public boolean anyUserExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    private static <T> Collection<T> nullSafe(Collection<T> values) {
        return values == null ? List.of() : values;
    }
}
