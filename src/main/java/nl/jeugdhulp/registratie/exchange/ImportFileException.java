package nl.jeugdhulp.registratie.exchange;

/** A file that cannot be read as a registration file at all; the message is Dutch and shown as is. */
class ImportFileException extends RuntimeException {

    ImportFileException(String message) {
        super(message);
    }

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
