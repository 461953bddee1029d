package nl.jeugdhulp.registratie.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Session attributes are written with PostgreSQL's upsert. Two concurrent requests of one session
 * (a page and its background fetch, a double click) each add the same new attribute; with the
 * default plain INSERT the second save failed with {@code duplicate key spring_session_attributes_pk}
 * (seen in the load test).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
