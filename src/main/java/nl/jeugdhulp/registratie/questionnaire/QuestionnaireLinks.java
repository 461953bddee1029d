package nl.jeugdhulp.registratie.questionnaire;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supporters' personal links. A link token is 32 random bytes (URL-safe base64), made on first
 * use; the link names nobody and cannot be guessed from the supporter's id or code.
 */
@Service
class QuestionnaireLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a link belongs to, with the function type of their current profile (null without one). */
    record Target(long supporterId, long pilotId, String functionType, String token, String code) {
    }

    private final JdbcClient jdbc;

    QuestionnaireLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The supporter's link token, made now if they have none yet. */
    @Transactional
    String tokenFor(long supporterId) {
        jdbc.sql("INSERT INTO questionnaire_link (supporter_id, token) VALUES (:s, :t) ON CONFLICT (supporter_id) DO NOTHING")
                .param("s", supporterId).param("t", randomToken()).update();
        return jdbc.sql("SELECT token FROM questionnaire_link WHERE supporter_id = :s").param("s", supporterId)
                .query(String.class).single();
    }

    /** The supporter behind a link token; empty for an unknown or malformed token. */
    @Transactional(readOnly = true)
    Optional<Target> find(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT s.id AS supporter_id, s.pilot_id, sp.function_type, l.token, s.code
                          FROM questionnaire_link l JOIN supporter s ON s.id = l.supporter_id
                          LEFT JOIN supporter_profile sp ON sp.id = supporter_profile_at(s.id, CURRENT_DATE)
                         WHERE l.token = :t""")
                .param("t", token).query(Target.class).optional();
    }

    /** The pilot of a supporter; empty for an unknown id. */
    @Transactional(readOnly = true)
    Optional<Long> pilotOf(long supporterId) {
        return jdbc.sql("SELECT pilot_id FROM supporter WHERE id = :s").param("s", supporterId).query(Long.class).optional();
    }

    /** A supporter's link target by id (for paper forms typed in by staff). */
    @Transactional
    Optional<Target> forSupporter(long supporterId) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM supporter WHERE id = :s)").param("s", supporterId)
                .query(Boolean.class).single();
        return exists ? find(tokenFor(supporterId)) : Optional.empty();
    }
}
