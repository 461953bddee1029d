package nl.jeugdhulp.registratie.registration;

import java.util.List;

/** The data broke one or more rules; nothing was written. */
public class InvalidTrajectoryException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidTrajectoryException(List<Violation> violations) {
        super(violations.size() + " rule(s) broken");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
