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
            DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("COPY", sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Appends a quoted CSV field ({@code "} doubled): never NULL, an empty value stays an empty string. */
    public static void quoted(StringBuilder csv, CharSequence value) {
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}
