package nl.jeugdhulp.registratie.organisation;

/** A row as offered in a select list or a set of checkboxes. */
record Option(long id, String name) {
}
