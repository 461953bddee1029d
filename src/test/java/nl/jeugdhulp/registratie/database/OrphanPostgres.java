package nl.jeugdhulp.registratie.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.sql.Connection;
import java.sql.Statement;

/** Started in its own JVM by {@link StalePostmasterTest}: writes a row, says so, and waits to be killed. */
public final class OrphanPostgres {

    static final String READY = "ORPHAN-READY";

    private OrphanPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(new File(args[0]))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setServerConfig("fsync", "on").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        // Only this line tells the parent we are ready; the parent kills us right after.
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        out.println(READY);
        Thread.currentThread().join();
    }
}
