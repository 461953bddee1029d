package nl.jeugdhulp.registratie.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reporting connection. Deliberately not a second {@link DataSource} bean: that would switch off
 * Boot's primary data source, JPA and Flyway set-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingDatabaseConfiguration.ReplicaProperties.class)
class ReportingDatabaseConfiguration {

    /**
     * @param url JDBC URL of a read replica; empty to let reports read the primary database
     * @param maximumPoolSize connections to the replica
     */
    @ConfigurationProperties("app.reporting.datasource")
    record ReplicaProperties(String url, String username, String password, Integer maximumPoolSize) {
    }

    @Bean(destroyMethod = "close")
    ReportingDatabase reportingDatabase(ReplicaProperties replica, DataSource primary) {
        if (replica.url() == null || replica.url().isBlank()) {
            return new ReportingDatabase(primary, null);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("reporting-replica");
        pool.setJdbcUrl(replica.url());
        pool.setUsername(replica.username());
        pool.setPassword(replica.password());
        pool.setReadOnly(true);
        // PostgreSQL enforces it also for auto-commit statements, not only inside transactions.
        pool.addDataSourceProperty("readOnlyMode", "always");
        pool.setMaximumPoolSize(replica.maximumPoolSize() == null ? 5 : replica.maximumPoolSize());
        return new ReportingDatabase(pool, pool);
    }
}
