package nl.jeugdhulp.registratie.registration;

/** One broken rule: the field (as named on the form) and a message key with its arguments. */
public record Violation(String field, String code, Object... args) {
}
