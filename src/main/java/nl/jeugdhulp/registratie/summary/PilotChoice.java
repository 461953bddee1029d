package nl.jeugdhulp.registratie.summary;

/** A pilot as offered to choose from. */
record PilotChoice(long id, String name) {
}
