package nl.jeugdhulp.registratie.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production build's AOT code holds the prod profile's beans with an external database; a start with
 * {@code -Dspring.aot.enabled=true} on another configuration must stop instead of running them.
 */
class AotDatabaseGuardTest {

    private final AotDatabaseGuard guard = new AotDatabaseGuard();

    @AfterEach
    void aotOff() {
        SpringProperties.setProperty("spring.aot.enabled", null);
    }

    @Test
    void withoutTheFlagTheDemoStartsAsUsual() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aotStartWithProdAndADatabaseUrlIsAllowed() {
        SpringProperties.setFlag("spring.aot.enabled");
        MockEnvironment prod = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/registratie");
        prod.setActiveProfiles("prod");
        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aotStartWithTheDemoProfileAlsoActiveIsRefused() {
        SpringProperties.setFlag("spring.aot.enabled");
        MockEnvironment mixed = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/registratie");
        mixed.setActiveProfiles("prod", "demo");
        assertThatThrownBy(() -> guard.postProcessEnvironment(mixed, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not for [prod, demo]");
    }

    @Test
    void aotStartWithoutADatabaseUrlIsRefused() {
        SpringProperties.setFlag("spring.aot.enabled");
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }
}
