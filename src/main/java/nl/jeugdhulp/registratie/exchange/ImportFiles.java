package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Local temp files of one request or job (the upload while it is checked, the rejected rows while written). */
final class ImportFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);

    private ImportFiles() {
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Temporary import file {} could not be deleted", file, e);
        }
    }
}
