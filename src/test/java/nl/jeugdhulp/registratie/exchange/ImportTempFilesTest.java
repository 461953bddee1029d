package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checked upload between dry run and import: kept in a JDBC session, its file swept when forgotten. */
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

    @Test
    void thePendingUploadSurvivesSerialisationAsTheSessionStoreDoesIt() throws Exception {
        ImportPlan plan = new ImportPlan(new ArrayList<>(List.of("bron_id", "startdatum")), List.of("kolom x genegeerd"),
                3, 2, 1, 0, List.of("trajecten, rij 4, startdatum: ontbreekt"), 1,
                List.of(new ImportPlan.Professional(2, "P001", true, null)), 1, 0, 0);
        ImportUploads.Upload upload = new ImportUploads.Upload("id-1", "/tmp/x.upload", "pilot.xlsx",
                new ImportTarget(null, null, 7L, "Pilot Zuid"), plan);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(upload);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isEqualTo(upload);
        assertThat(((ImportUploads.Upload) back).file()).isEqualTo(Path.of("/tmp/x.upload"));
    }
}
