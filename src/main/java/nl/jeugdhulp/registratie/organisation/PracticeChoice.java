package nl.jeugdhulp.registratie.organisation;

/** A practice offered to a supporter's profile, with the pilot it belongs to. */
record PracticeChoice(long id, String name, long pilotId, String pilot) {
}
