package nl.jeugdhulp.registratie.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where reports read: a read-only replica when {@code app.reporting.datasource.url} is configured,
 * else the primary database. Reports tolerate the replica's few seconds of lag; registrations never
 * read from it, so a supporter always sees what they just saved.
 */
public final class ReportingDatabase implements AutoCloseable {

    private final JdbcClient jdbc;
    private final HikariDataSource ownPool;
    private final boolean replica;

    ReportingDatabase(JdbcClient jdbc, HikariDataSource ownPool) {
        this.jdbc = jdbc;
        this.ownPool = ownPool;
        this.replica = ownPool != null;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Whether reports read from a separate read-only server. */
    public boolean replica() {
        return replica;
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
