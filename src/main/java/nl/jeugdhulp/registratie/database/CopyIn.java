package nl.jeugdhulp.registratie.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk writes with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)} on the caller's transaction
 * (constraints, foreign keys and indexes apply as for INSERT), used by the import's trajectory rows
 * and their history. Errors come back as Spring's {@link DataAccessException}s, like any statement.
 */
public final class CopyIn {

    private CopyIn() {
    }

    /** Runs {@code sql} (a COPY … FROM STDIN) with {@code csv} on the transaction's connection of {@code jdbc}. */
    public static void copy(JdbcTemplate jdbc, String sql, CharSequence csv) {
        var dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw translate(jdbc, sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Opens {@code sql} (a COPY … FROM STDIN) on the transaction's connection of {@code jdbc} and keeps it
     * open while the caller writes rows: PostgreSQL stores the rows it has received while the caller
     * reads and prepares the next ones (two cores work at once instead of taking turns). No other
     * statement may run on the connection until {@link Stream#end()} or {@link Stream#cancel()}.
     */
    public static Stream open(JdbcTemplate jdbc, String sql) {
        var dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new Stream(jdbc, sql, connection, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw translate(jdbc, sql, e);
        }
    }

    /** An open COPY … FROM STDIN: {@link #write} CSV text, then {@link #end} (or {@link #cancel}) it once. */
    public static final class Stream {
        private final JdbcTemplate jdbc;
        private final String sql;
        private final Connection connection;
        private final org.postgresql.copy.CopyIn copy;
        private boolean open = true;

        private Stream(JdbcTemplate jdbc, String sql, Connection connection, org.postgresql.copy.CopyIn copy) {
            this.jdbc = jdbc;
            this.sql = sql;
            this.connection = connection;
            this.copy = copy;
        }

        /** Sends CSV rows (whole lines) to the server. */
        public void write(CharSequence csv) {
            byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                cancel();
                throw translate(jdbc, sql, e);
            }
        }

        /** Sends what the driver still buffers, so the server stores it while the caller goes on. */
        public void flush() {
            try {
                copy.flushCopy();
            } catch (SQLException e) {
                cancel();
                throw translate(jdbc, sql, e);
            }
        }

        /** Finishes the COPY: waits until the server has stored every row (or reports why not). */
        public void end() {
            if (!open) {
                return;
            }
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw translate(jdbc, sql, e);
            } finally {
                close();
            }
        }

        /** Abandons the COPY (nothing of it is stored); the transaction is to be rolled back anyway. */
        public void cancel() {
            if (!open) {
                return;
            }
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // The transaction is rolled back; the COPY's own error is what the caller reports.
            } finally {
                close();
            }
        }

        private void close() {
            open = false;
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    private static DataAccessException translate(JdbcTemplate jdbc, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY", sql, e);
    }

    /** Appends a quoted CSV field ({@code "} doubled): never NULL, an empty value stays an empty string. */
    public static void quoted(StringBuilder csv, CharSequence value) {
        csv.append('"');
        // Copied in runs between quotes, not character by character: most values hold none.
        int length = value.length();
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) == '"') {
                csv.append(value, from, i + 1).append('"');
                from = i + 1;
            }
        }
        csv.append(value, from, length).append('"');
    }
}
