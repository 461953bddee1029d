package nl.jeugdhulp.registratie.exchange;

/**
 * A file that cannot be read as a registration file at all; the message is Dutch and shown as is.
 * {@link #status()} is the HTTP status to answer: 400, or 413 for a file that unpacks too large.
 */
class ImportFileException extends RuntimeException {

    private final int status;

    ImportFileException(String message) {
        this(message, 400);
    }

    ImportFileException(String message, int status) {
        super(message);
        this.status = status;
    }

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
        this.status = 400;
    }

    int status() {
        return status;
    }
}
