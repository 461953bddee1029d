package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one upload a user has checked (dry run) but not yet imported, kept in a temp file between
 * the two requests and referenced by a random id in the user's session. The session lives in
 * PostgreSQL (Spring Session JDBC), so what is kept there is a small immutable, serializable
 * record, replaced or removed with {@code setAttribute}/{@code removeAttribute} (a mutated object
 * would not be saved). The file is deleted when it is imported or a newer upload replaces it;
 * files of sessions that ended are removed by {@link ImportTempFiles}.
 */
final class ImportUploads {

    static final String ATTRIBUTE = ImportUploads.class.getName();
    private static final Logger log = LoggerFactory.getLogger(ImportUploads.class);

    record Upload(String id, String path, String fileName, ImportTarget target, ImportPlan plan) implements Serializable {

        Path file() {
            return Path.of(path);
        }
    }

    private ImportUploads() {
    }

    static Upload keep(HttpSession session, Path file, String fileName, ImportTarget target, ImportPlan plan) {
        discard(session);
        Upload upload = new Upload(UUID.randomUUID().toString(), file.toString(), fileName, target, plan);
        session.setAttribute(ATTRIBUTE, upload);
        return upload;
    }

    /** The upload with this id, left in place. */
    static Optional<Upload> peek(HttpSession session, String id) {
        return Optional.ofNullable(session.getAttribute(ATTRIBUTE)).filter(Upload.class::isInstance)
                .map(Upload.class::cast).filter(upload -> upload.id().equals(id));
    }

    /** The upload with this id, handed over once: the caller must delete its file. */
    static Optional<Upload> take(HttpSession session, String id) {
        Optional<Upload> upload = peek(session, id);
        upload.ifPresent(taken -> session.removeAttribute(ATTRIBUTE));
        return upload;
    }

    static void discard(HttpSession session) {
        if (session.getAttribute(ATTRIBUTE) instanceof Upload pending) {
            session.removeAttribute(ATTRIBUTE);
            delete(pending.file());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Tijdelijk importbestand {} kon niet worden verwijderd", file, e);
        }
    }
}
