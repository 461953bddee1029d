package nl.jeugdhulp.registratie.exchange;

/** An export the user may not make or asked for wrongly (400); {@code messageKey} is the Dutch reason. */
class ExportRefusedException extends RuntimeException {

    final String messageKey;

    ExportRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }
}
