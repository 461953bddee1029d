package nl.jeugdhulp.registratie.account;

/** A pilot, municipality or supporter offered as a user's scope. */
record ScopeOption(long id, String name) {
}
