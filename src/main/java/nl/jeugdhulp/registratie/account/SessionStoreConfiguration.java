package nl.jeugdhulp.registratie.account;

import java.time.Duration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The JDBC session store as Spring Boot configures it, with two changes. Session attributes are
 * written with PostgreSQL's upsert: two concurrent requests of one session (a page and its background
 * fetch, a double click) each add the same new attribute, and with the default plain INSERT the second
 * save failed with {@code duplicate key spring_session_attributes_pk} (seen in the load test). And the
 * last access time is recorded at most once per {@code app.sessions.access-time-resolution}
 * ({@link CoarseAccessTimeSessions}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String RESOLUTION_PROPERTY = "app.sessions.access-time-resolution";

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Boot builds the session filter around the store itself and offers no hook in between, so
     * the filter is rebuilt around the coarse store, with the same cookie settings (Boot's cookie
     * serializer, as Spring Session's own configuration uses it). Without a session store (the tests'
     * MockMvc profile) nothing changes.
     */
    @Bean
    static BeanPostProcessor coarseSessionAccessTime(BeanFactory beans, Environment environment) {
        Duration resolution = Binder.get(environment).bind(RESOLUTION_PROPERTY, Duration.class)
                .orElse(Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>) || resolution.isZero()) {
                    return bean;
                }
                SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(
                        new CoarseAccessTimeSessions<>(store(beans), resolution));
                CookieHttpSessionIdResolver ids = new CookieHttpSessionIdResolver();
                beans.getBeanProvider(CookieSerializer.class).ifAvailable(ids::setCookieSerializer);
                filter.setHttpSessionIdResolver(ids);
                return filter;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static SessionRepository<Session> store(BeanFactory beans) {
        return (SessionRepository<Session>) beans.getBean(SessionRepository.class);
    }
}
