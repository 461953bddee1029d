package nl.jeugdhulp.registratie;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL per test JVM, shared by every Spring context: a Testcontainers PostgreSQL
 * when a Docker engine answers, else an embedded one (zonky). Registered in META-INF/spring.factories.
 * Force the embedded server with {@code -Dtest.database=embedded}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Map<String, Object> connection;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("testDatabase", connection()));
    }

    static synchronized Map<String, Object> connection() {
        if (connection == null) {
            connection = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return connection;
    }

    private static boolean dockerAvailable() {
        if ("embedded".equals(System.getProperty("test.database"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Ryuk or the shutdown hook stops it
    private static Map<String, Object> startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
        container.start();
        log.info("Tests use PostgreSQL in a container: {}", container.getJdbcUrl());
        return Map.of("spring.datasource.url", container.getJdbcUrl(),
                "spring.datasource.username", container.getUsername(),
                "spring.datasource.password", container.getPassword());
    }

    private static Map<String, Object> startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Tests use embedded PostgreSQL: {}", url);
            return Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                    "spring.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", e);
        }
    }
}
