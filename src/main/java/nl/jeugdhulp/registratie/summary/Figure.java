package nl.jeugdhulp.registratie.summary;

/**
 * One published count: its value only when {@link #shown()}; {@code text} is what the reader sees
 * (the number, "&lt;5" or the mark for a count hidden against recomputing).
 */
record Figure(long value, SmallNumbers.State state, String text) {

    public boolean shown() {
        return state == SmallNumbers.State.SHOWN;
    }

    /** The value as published (null when hidden), for exports that write numbers. */
    public Long published() {
        return shown() ? value : null;
    }
}
