package nl.jeugdhulp.registratie.registration;

/** Someone saved the trajectory after the user opened it; nothing was written. */
public class StaleEditException extends RuntimeException {

    public StaleEditException() {
        super("stale edit");
    }
}
