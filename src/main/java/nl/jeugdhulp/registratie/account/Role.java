package nl.jeugdhulp.registratie.account;

/** The five roles. Each user has exactly one; its scope (pilots, municipalities, profile) follows from it. */
public enum Role {
    BEHEERDER,
    PROJECTLEIDER,
    PRAKTIJKONDERSTEUNER,
    GEMEENTE,
    ONDERZOEKER;

    public String authority() {
        return "ROLE_" + name();
    }
}
