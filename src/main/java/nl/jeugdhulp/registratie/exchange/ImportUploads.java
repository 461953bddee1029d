package nl.jeugdhulp.registratie.exchange;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one upload a user has checked (dry run) but not yet imported, kept in a temp file between
 * the two requests and referenced by a random id in the user's session. The file is deleted when
 * it is imported, when a newer upload replaces it, or when the session ends (logout or timeout):
 * this object is a session attribute and deletes its file when it is unbound. The dry run's plan
 * and target are kept with it, so the import page can be shown again (account choices) without
 * reading the file once more.
 */
final class ImportUploads implements HttpSessionBindingListener {

    static final String ATTRIBUTE = ImportUploads.class.getName();
    private static final Logger log = LoggerFactory.getLogger(ImportUploads.class);

    record Upload(String id, Path file, String fileName, ImportTarget target, ImportPlan plan) {
    }

    private Upload pending;

    synchronized Upload keep(Path file, String fileName, ImportTarget target, ImportPlan plan) {
        discard();
        pending = new Upload(UUID.randomUUID().toString(), file, fileName, target, plan);
        return pending;
    }

    /** The upload with this id, left in place. */
    synchronized Optional<Upload> peek(String id) {
        return Optional.ofNullable(pending).filter(p -> p.id().equals(id));
    }

    /** The upload with this id, handed over once: the caller must delete its file. */
    synchronized Optional<Upload> take(String id) {
        if (pending == null || !pending.id().equals(id)) {
            return Optional.empty();
        }
        Upload upload = pending;
        pending = null;
        return Optional.of(upload);
    }

    synchronized void discard() {
        if (pending != null) {
            delete(pending.file());
            pending = null;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Tijdelijk importbestand {} kon niet worden verwijderd", file, e);
        }
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        discard();
    }
}
