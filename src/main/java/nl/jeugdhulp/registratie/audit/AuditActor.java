package nl.jeugdhulp.registratie.audit;

/** Who acts, as the audit log records it; implemented by the authenticated principal. */
public interface AuditActor {

    long actorId();

    String actorName();

    String actorRole();
}
