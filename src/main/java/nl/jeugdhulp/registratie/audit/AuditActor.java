package nl.jeugdhulp.registratie.audit;

/** Who acts, as the audit log records it; implemented by the authenticated principal. */
public interface AuditActor {

    long actorId();

    String actorName();

    String actorRole();

    /**
     * On whose behalf the actor acts for this entry (NEN 7513 "namens"), e.g. {@code PILOT:12} for a
     * project leader acting for a pilot; null when the user acts for themselves.
     */
    default String onBehalfOf(Long pilotId) {
        return null;
    }
}
