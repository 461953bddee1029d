package nl.jeugdhulp.registratie.audit;

/** NEN 7513 action codes. */
public enum AuditAction {
    CREATE("C"), READ("R"), UPDATE("U"), DELETE("D"), EXECUTE("E");

    final String code;

    AuditAction(String code) {
        this.code = code;
    }
}
