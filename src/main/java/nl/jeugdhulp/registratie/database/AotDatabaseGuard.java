package nl.jeugdhulp.registratie.database;

import java.util.Arrays;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The production build's AOT code ({@code -Dspring.aot.enabled=true}, docs/deployment.md) holds the bean
 * definitions chosen at build time for the {@code prod} profile with an external database: no embedded
 * PostgreSQL, no demo data, the first administrator from the environment. Those conditions are not evaluated
 * again at run time, so a start with that flag but without {@code prod} or without
 * {@code spring.datasource.url} would run the production beans on the wrong configuration. Refuse it with a
 * clear message instead; without the flag the same jar decides as usual (the demo by default).
 */
class AotDatabaseGuard implements EnvironmentPostProcessor, Ordered {

    static final String AOT_PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        // Spring activates the build's profile by itself; another one (demo) would lay its properties
        // (no second factor, the public TOTP key) over the production beans.
        if (!Arrays.equals(environment.getActiveProfiles(), new String[] {AOT_PROFILE})) {
            throw new IllegalStateException("-Dspring.aot.enabled=true runs the bean definitions built for the '"
                    + AOT_PROFILE + "' profile alone, not for " + Arrays.toString(environment.getActiveProfiles())
                    + ": set SPRING_PROFILES_ACTIVE=" + AOT_PROFILE
                    + ", or start without -Dspring.aot.enabled (the demo)");
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("-Dspring.aot.enabled=true runs the bean definitions built for an"
                    + " external database: set SPRING_DATASOURCE_URL");
        }
    }

    /** After the configuration files and profiles are loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
