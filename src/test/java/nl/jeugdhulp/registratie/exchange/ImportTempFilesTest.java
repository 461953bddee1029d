package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files an instance left behind (a crash mid-request) are swept. */
class ImportTempFilesTest {

    @Test
    void onlyUploadFilesOlderThanTheMomentAreDeleted(@TempDir Path folder) throws Exception {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        Path old = Files.createFile(folder.resolve(ImportTempFiles.UPLOAD_PREFIX + "old.upload"));
        Path fresh = Files.createFile(folder.resolve(ImportTempFiles.UPLOAD_PREFIX + "fresh.upload"));
        Path other = Files.createFile(folder.resolve("someone-else.upload"));
        Files.setLastModifiedTime(old, FileTime.from(now.minusSeconds(3 * 3600)));
        Files.setLastModifiedTime(fresh, FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(other, FileTime.from(now.minusSeconds(5 * 3600)));

        int deleted = new ImportTempFiles(Clock.systemUTC()).sweep(folder, now.minusSeconds(2 * 3600));

        assertThat(deleted).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }
}
