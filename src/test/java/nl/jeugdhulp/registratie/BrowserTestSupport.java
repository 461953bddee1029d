package nl.jeugdhulp.registratie;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every {@code *BrowserIT} shares: the application on a random port, one headless Chromium per
 * test class, a fresh session before each test and a screenshot of the page a test failed on.
 * Every browser test has exactly this configuration, so they all run against one cached Spring context.
 */
// A real browser keeps a real cookie, so the JDBC session store the test profile leaves out is used here.
// Templates are cached as in production, so the page timings measure serving, not template parsing.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", "spring.thymeleaf.cache=true"})
@ActiveProfiles("test")
@Import(ServerTimes.Recording.class)
public abstract class BrowserTestSupport {

    protected static HeadlessChromium browser;

    /** The page as it was when a test failed, next to the step screenshots. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("FOUT-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }
    };

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestData data;
    @Autowired
    protected JdbcClient jdbc;

    protected final LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void pointBrowserAtServer() {
        browser.baseUrl("http://localhost:" + port);
        browser.forgetSession();
    }

    /** Logs in with the test password; the login page is checked as {@code <role>-<step>}. */
    protected void logIn(String username, String role, String step) {
        browser.logIn(username, TestData.PASSWORD, role, step);
    }
}
