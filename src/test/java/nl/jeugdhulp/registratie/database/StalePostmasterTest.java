package nl.jeugdhulp.registratie.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run keeps its data in a directory and must come back after a killed JVM. */
class StalePostmasterTest {

    @TempDir
    Path dir;

    @Test
    void pidFileOfAGoneProcessIsRemoved() throws Exception {
        Path pid = dir.resolve("postmaster.pid");
        Files.writeString(pid, "999999999\n" + dir + "\n");
        StalePostmaster.clear(dir);
        assertThat(pid).doesNotExist();
    }

    @Test
    void pidFileNamingAnotherProgramIsRemovedWithoutTouchingThatProgram() throws Exception {
        Path pid = dir.resolve("postmaster.pid");
        Files.writeString(pid, ProcessHandle.current().pid() + "\n");
        StalePostmaster.clear(dir);
        assertThat(pid).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void dataSurvivesWhenTheOwningJvmDiedAndLeftTheServerRunning() throws Exception {
        Path data = dir.resolve("pg");
        // First run in a separate JVM that is then killed with SIGKILL: its server stays behind.
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanPostgres.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(OrphanPostgres.READY)) {
                // skip the server's log lines
            }
            jvm.destroyForcibly().waitFor();
        }
        assertThat(data.resolve("postmaster.pid")).exists();

        StalePostmaster.clear(data);

        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgres second = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = second.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
