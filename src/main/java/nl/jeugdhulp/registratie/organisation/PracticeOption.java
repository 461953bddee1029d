package nl.jeugdhulp.registratie.organisation;

/** A practice as offered in a select list. */
public record PracticeOption(long id, String name) {
}
