package nl.jeugdhulp.registratie.questionnaire;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which responses to count: sent in a period (both days inclusive), within what the user may see
 * ({@code all}, else the pilots {@code scopePilotIds}, or only the supporter {@code scopeSupporterId}),
 * optionally narrowed to a pilot, function type or supporter.
 */
public record ResponseSelection(LocalDate from, LocalDate to, boolean all, Set<Long> scopePilotIds,
                                Long scopeSupporterId, Long pilotId, String functionType, Long supporterId) {

    public ResponseSelection {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period needs from <= to");
        }
        scopePilotIds = scopePilotIds == null ? Set.of() : Set.copyOf(scopePilotIds);
    }

    /** A supporter looking at their own responses: the five-responses rule applies. */
    public boolean ownResponses() {
        return !all && scopeSupporterId != null;
    }
}
