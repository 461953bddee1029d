package nl.jeugdhulp.registratie.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.jeugdhulp.registratie.audit.AuditAction;
import nl.jeugdhulp.registratie.audit.AuditEntry;
import nl.jeugdhulp.registratie.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: "jbh_" followed by 32 random bytes in URL-safe base64. Only the SHA-256 hash
 * is stored, so the token is shown once, when it is made. A token acts as its user: it carries no
 * role or scope of its own.
 */
@Service
class ApiTokens {

    static final String PREFIX = "jbh_";
    /** More than enough for one person's scripts; keeps a forgotten loop from filling the table. */
    static final int MAX_ACTIVE_PER_USER = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A token as its owner sees it in the list; never the token itself. */
    record Listed(long id, String name, LocalDateTime createdAt, LocalDateTime lastUsedAt, LocalDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just made: the only moment its plain text exists outside the script that uses it. */
    // Serializable: it travels to the next page as a flash attribute in the (JDBC) session.
    record Created(long id, String name, String token) implements java.io.Serializable {
    }

    /** What a presented token belongs to; {@code revoked} tokens are found so a rejection can say why. */
    record Owner(long tokenId, long userId, String username, boolean revoked) {
    }

    @Transactional(readOnly = true)
    List<Listed> list(long userId, ZoneId zone) {
        return jdbc.sql("""
                        SELECT id, name, created_at, last_used_at, revoked_at FROM api_token
                         WHERE user_id = :user ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC""")
                .param("user", userId)
                .query((rs, i) -> new Listed(rs.getLong("id"), rs.getString("name"),
                        local(rs.getObject("created_at", OffsetDateTime.class), zone),
                        local(rs.getObject("last_used_at", OffsetDateTime.class), zone),
                        local(rs.getObject("revoked_at", OffsetDateTime.class), zone)))
                .list();
    }

    @Transactional(readOnly = true)
    long activeCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId).query(Long.class).single();
    }

    @Transactional
    Created create(long userId, String name) {
        String token = newToken();
        String trimmed = name.trim();
        long id = jdbc.sql("INSERT INTO api_token (user_id, name, token_hash) VALUES (:user, :name, :hash) RETURNING id")
                .param("user", userId).param("name", trimmed).param("hash", hash(token))
                .query(Long.class).single();
        audit.record(AuditEntry.of(AuditAction.CREATE, "API_TOKEN_CREATED", "API_TOKEN", id));
        return new Created(id, trimmed, token);
    }

    /** Revokes one of the user's own active tokens; false when there is no such token. */
    @Transactional
    boolean revoke(long userId, long tokenId) {
        int changed = jdbc.sql("""
                        UPDATE api_token SET revoked_at = now()
                         WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                .param("id", tokenId).param("user", userId).update();
        if (changed == 0) {
            return false;
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "API_TOKEN_REVOKED", "API_TOKEN", tokenId));
        return true;
    }

    /**
     * Revokes every active token of a user: a changed or reset password, or a blocked account, must
     * also end what scripts could do with the old credentials. Returns how many were revoked.
     */
    @Transactional
    int revokeAll(long userId, String reason) {
        int revoked = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId).update();
        if (revoked > 0) {
            audit.record(AuditEntry.of(AuditAction.UPDATE, "API_TOKENS_REVOKED", "USER", userId)
                    .withDetails("reden=" + reason + ", sleutels=" + revoked));
        }
        return revoked;
    }

    /** Finds the token presented by a script, by its hash; the plain token is never stored or logged. */
    @Transactional(readOnly = true)
    Optional<Owner> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT t.id, t.user_id, u.username, t.revoked_at IS NOT NULL AS revoked
                          FROM api_token t JOIN app_user u ON u.id = t.user_id
                         WHERE t.token_hash = :hash""")
                .param("hash", hash(token))
                .query((rs, i) -> new Owner(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                        rs.getBoolean("revoked")))
                .optional();
    }

    @Transactional
    void markUsed(long tokenId) {
        jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").param("id", tokenId).update();
    }

    private static LocalDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toLocalDateTime();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the whole token, lower-case hex: what the database keeps. */
    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
