package nl.jeugdhulp.registratie.audit;

/**
 * One thing to log. The user and the source address are taken from the request unless given
 * (a failed login has no authenticated user, only the name that was tried).
 */
public record AuditEntry(AuditAction action, String eventType, String objectType, Object objectId, Long pilotId,
                         AuditOutcome outcome, String details) {

    public static AuditEntry of(AuditAction action, String eventType, String objectType, Object objectId) {
        return new AuditEntry(action, eventType, objectType, objectId, null, AuditOutcome.SUCCESS, null);
    }

    public AuditEntry withPilot(Long pilot) {
        return new AuditEntry(action, eventType, objectType, objectId, pilot, outcome, details);
    }

    public AuditEntry withOutcome(AuditOutcome newOutcome) {
        return new AuditEntry(action, eventType, objectType, objectId, pilotId, newOutcome, details);
    }

    public AuditEntry withDetails(String text) {
        return new AuditEntry(action, eventType, objectType, objectId, pilotId, outcome, text);
    }
}
