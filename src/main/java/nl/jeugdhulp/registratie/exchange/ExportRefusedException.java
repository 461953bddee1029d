package nl.jeugdhulp.registratie.exchange;

import org.springframework.http.HttpStatus;

/**
 * An export the user may not make or asked for wrongly. {@code messageKey} is the Dutch reason,
 * {@code status} the answer (400 a wrong request, 403 not allowed for the role, 404 a pilot that does
 * not exist or is outside the user's scope), {@code field} the request parameter it is about.
 */
class ExportRefusedException extends RuntimeException {

    final String messageKey;
    final HttpStatus status;
    final String field;

    ExportRefusedException(String messageKey, HttpStatus status, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.status = status;
        this.field = field;
    }

    static ExportRefusedException period() {
        return new ExportRefusedException("export.error.period", HttpStatus.BAD_REQUEST, "tot");
    }

    static ExportRefusedException freeText() {
        return new ExportRefusedException("export.error.freeText", HttpStatus.FORBIDDEN, "vrijeTekst");
    }

    /** Unknown and foreign pilots get the same answer, so an id reveals nothing. */
    static ExportRefusedException pilot() {
        return new ExportRefusedException("export.error.pilot", HttpStatus.NOT_FOUND, "pilot");
    }

    static ExportRefusedException role() {
        return new ExportRefusedException("export.error.role", HttpStatus.FORBIDDEN, null);
    }
}
