package nl.jeugdhulp.registratie.exchange;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A file that cannot be read as a registration file at all. It carries a message key (and its
 * arguments) of the message bundles, resolved in the user's language by {@link #message}.
 * {@link #status()} is the HTTP status to answer: 400, or 413 for a file that unpacks too large.
 */
class ImportFileException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    ImportFileException(String code, Object... args) {
        this(400, null, code, args);
    }

    ImportFileException(int status, Throwable cause, String code, Object... args) {
        super(code, cause);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The message in {@code locale}; the key itself if the bundles lack it. */
    String message(MessageSource messages, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }
}
