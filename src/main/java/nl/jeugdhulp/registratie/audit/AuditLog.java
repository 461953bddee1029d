package nl.jeugdhulp.registratie.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes audit records. Never updates or deletes them. */
@Component
public class AuditLog {

    /** The user name and role of records written by the application itself. */
    public static final String SYSTEM = "SYSTEEM";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logs on behalf of the authenticated user of the current request. */
    public void record(AuditEntry entry) {
        AuditActor actor = currentActor();
        write(entry, actor == null ? null : actor.actorId(), actor == null ? null : actor.actorName(),
                actor == null ? null : actor.actorRole(), actor == null ? null : actor.onBehalfOf(entry.pilotId()));
    }

    /** Logs an action of the application itself, such as a scheduled retention job. */
    public void recordSystem(AuditEntry entry) {
        write(entry, null, SYSTEM, SYSTEM, null);
    }

    /** Logs for a named user who is not (or not yet) authenticated, e.g. a failed login. */
    public void recordFor(String username, String role, Long userId, AuditEntry entry) {
        write(entry, userId, username, role, null);
    }

    private void write(AuditEntry entry, Long userId, String username, String role, String onBehalfOf) {
        jdbc.sql("""
                        INSERT INTO audit_event (user_id, username, role, action, event_type, object_type, object_id,
                                                 pilot_id, source_address, outcome, details, on_behalf_of)
                        VALUES (:userId, :username, :role, :action, :eventType, :objectType, :objectId,
                                :pilotId, :address, :outcome, :details, :onBehalfOf)""")
                .param("userId", userId)
                .param("username", truncate(username, 60))
                .param("role", role)
                .param("action", entry.action().code)
                .param("eventType", entry.eventType())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId() == null ? null : String.valueOf(entry.objectId()))
                .param("pilotId", entry.pilotId())
                .param("address", sourceAddress())
                .param("outcome", entry.outcome().name())
                .param("details", truncate(entry.details(), 500))
                .param("onBehalfOf", truncate(onBehalfOf, 100))
                .update();
    }

    private static AuditActor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuditActor actor ? actor : null;
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
