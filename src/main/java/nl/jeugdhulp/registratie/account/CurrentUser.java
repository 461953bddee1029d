package nl.jeugdhulp.registratie.account;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is asking, and what they may see: the pilots of a project leader, the municipalities of a
 * municipal user, the supporter profile of a practice supporter. Built at login; the other
 * features decide visibility from it. Serializable because the session lives in PostgreSQL.
 */
public record CurrentUser(long id, String username, Role role, Set<Long> pilotIds, Set<Long> municipalityIds,
                          Long supporterId) implements Serializable {

    public boolean is(Role other) {
        return role == other;
    }
}
