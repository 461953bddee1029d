package nl.jeugdhulp.registratie.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where reports read: a read-only replica when {@code app.reporting.datasource.url} is configured,
 * else the primary database. Reports tolerate the replica's few seconds of lag; registrations never
 * read from it, so a supporter always sees what they just saved.
 */
public final class ReportingDatabase implements AutoCloseable {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final HikariDataSource ownPool;
    private final boolean replica;

    ReportingDatabase(DataSource dataSource, HikariDataSource ownPool) {
        this.jdbc = JdbcClient.create(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.ownPool = ownPool;
        this.replica = ownPool != null;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Runs {@code work} (statements through {@link #jdbc()} on this thread) in one read-only
     * transaction whose {@code work_mem} is raised to {@code workMem} for that transaction only
     * ({@code SET LOCAL}): for a few large aggregates that would otherwise sort on disk. The
     * connection returns to the pool with the server's setting.
     *
     * @param workMem a PostgreSQL memory size, e.g. {@code "64MB"}
     */
    public <T> T withWorkMem(String workMem, Supplier<T> work) {
        return readOnly.execute(status -> {
            jdbc.sql("SELECT set_config('work_mem', :workMem, true)").param("workMem", workMem)
                    .query(String.class).single();
            return work.get();
        });
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
