package nl.jeugdhulp.registratie.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a killed JVM the embedded server's {@code postmaster.pid} stays behind, and the server
 * itself may still run as an orphan. Either would stop the next start: an orphan is shut down
 * cleanly, a pid file whose process is gone (or is now another program) is removed.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(StalePostmaster::isPostgres);
        if (process.isPresent()) {
            log.warn("Stopping an orphaned PostgreSQL (pid {}) left by an earlier run", process.get().pid());
            process.get().destroy(); // SIGTERM: smart shutdown, its clients are gone
            try {
                process.get().onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("Orphaned PostgreSQL did not stop; stop pid " + process.get().pid() + " by hand", e);
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale {}", pidFile);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }
}
