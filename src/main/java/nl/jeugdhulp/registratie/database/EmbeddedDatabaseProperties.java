package nl.jeugdhulp.registratie.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that serves when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; survives restarts
 * @param port fixed port, 0 for any free one
 */
@ConfigurationProperties("app.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") String dataDirectory,
                                         @DefaultValue("0") int port) {
}
