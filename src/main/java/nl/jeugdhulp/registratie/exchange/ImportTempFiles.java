package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes local upload temp files left behind. An upload is a temp file only while its request
 * checks it (the checked upload then waits in the database, see {@link ImportStore}), and the
 * request deletes it; this sweep catches what a crash in between leaves.
 */
@Component
class ImportTempFiles {

    static final String UPLOAD_PREFIX = "jeugdhulp-import-";
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(ImportTempFiles.class);

    private final Clock clock;

    ImportTempFiles(Clock clock) {
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    void sweep() {
        sweep(Path.of(System.getProperty("java.io.tmpdir")), Instant.now(clock).minus(MAX_AGE));
    }

    /** Deletes upload files in the folder last modified before the moment; returns how many. */
    int sweep(Path folder, Instant before) {
        int deleted = 0;
        try (DirectoryStream<Path> uploads = Files.newDirectoryStream(folder, UPLOAD_PREFIX + "*.upload")) {
            for (Path upload : uploads) {
                if (Files.getLastModifiedTime(upload).toInstant().isBefore(before) && Files.deleteIfExists(upload)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Oude importbestanden in {} konden niet worden opgeruimd", folder, e);
        }
        return deleted;
    }
}
