package nl.jeugdhulp.registratie.audit;

public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
