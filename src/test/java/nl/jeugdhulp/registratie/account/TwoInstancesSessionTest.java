package nl.jeugdhulp.registratie.account;

import static nl.jeugdhulp.registratie.HttpForms.cookie;
import static nl.jeugdhulp.registratie.HttpForms.csrf;
import static nl.jeugdhulp.registratie.HttpForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.jeugdhulp.registratie.RegistratieApplication;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two application instances on one database, as behind a load balancer: a login on one is valid on
 * the other, and a logout on the other ends it everywhere, because sessions live in PostgreSQL.
 */
class TwoInstancesSessionTest {


    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        // The test profile excludes the JDBC session store for MockMvc; here it is what is tested
        // (arguments, because builder properties rank below the profile's file).
        return new SpringApplicationBuilder(RegistratieApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.autoconfigure.exclude=");
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOtherUntilLoggedOutThere() throws Exception {
        TestData data = first.getBean(TestData.class);
        long leader = data.projectLeader(data.pilot());
        String username = data.username(leader);

        // Log in on the first instance through the real form, with its CSRF token.
        HttpResponse<String> loginPage = get(first, "/login", null);
        String anonymous = cookie(loginPage, "SESSION");
        HttpResponse<String> login = post(first, "/login", anonymous, form(Map.of("username", username,
                "password", TestData.PASSWORD, "_csrf", csrf(loginPage.body()))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith(":" + port(first) + "/");
        String session = cookie(login, "SESSION");
        assertThat(session).as("the session id is renewed at login").isNotEqualTo(anonymous);

        // The second instance knows the session: the project leader's own page, not the login page.
        HttpResponse<String> page = get(second, "/pilot/trajecten", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(username);
        JdbcClient jdbc = second.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1L);

        // Logging out on the second instance ends the session on the first as well.
        HttpResponse<String> logout = post(second, "/logout", session, form(Map.of("_csrf", csrf(page.body()))));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = get(first, "/pilot/trajecten", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
                .param("u", username).query(Long.class).single()).isZero();
    }

    @Test
    void twoRequestsOfOneSessionAddingTheSameAttributeBothSave() {
        // Both requests loaded the session before either saved, so each sees the attribute as new.
        @SuppressWarnings("unchecked")
        SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>)
                first.getBean(JdbcIndexedSessionRepository.class);
        Session created = sessions.createSession();
        sessions.save(created);
        Session page = sessions.findById(created.getId());
        Session fetch = sessions.findById(created.getId());
        page.setAttribute("worklist.filter", "open");
        fetch.setAttribute("worklist.filter", "closed");

        sessions.save(page);
        sessions.save(fetch);

        assertThat((String) sessions.findById(created.getId()).getAttribute("worklist.filter")).isEqualTo("closed");
        sessions.deleteById(created.getId());
    }

    @Test
    void theLastAccessIsRecordedAtMostOnceAMinuteAndAnIdleSessionStillEnds() throws Exception {
        TestData data = first.getBean(TestData.class);
        String username = data.username(data.projectLeader(data.pilot()));
        HttpResponse<String> loginPage = get(first, "/login", null);
        HttpResponse<String> login = post(first, "/login", cookie(loginPage, "SESSION"), form(Map.of(
                "username", username, "password", TestData.PASSWORD, "_csrf", csrf(loginPage.body()))));
        String session = cookie(login, "SESSION");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=" + session).contains("HttpOnly").contains("SameSite=Lax"));
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        long recorded = lastAccess(jdbc, username);

        // Within the minute: the pages are served, the row is not written again.
        assertThat(get(second, "/pilot/trajecten", session).statusCode()).isEqualTo(200);
        assertThat(get(first, "/pilot/trajecten", session).statusCode()).isEqualTo(200);
        assertThat(lastAccess(jdbc, username)).isEqualTo(recorded);

        // Recorded more than a minute ago: the next request records its own time.
        shiftAccess(jdbc, username, Duration.ofMinutes(2));
        long before = System.currentTimeMillis();
        assertThat(get(second, "/pilot/trajecten", session).statusCode()).isEqualTo(200);
        assertThat(lastAccess(jdbc, username)).isBetween(before, System.currentTimeMillis());

        // Idle for longer than the timeout (30 minutes): the session has ended, on either instance.
        shiftAccess(jdbc, username, Duration.ofMinutes(31));
        HttpResponse<String> idle = get(first, "/pilot/trajecten", session);
        assertThat(idle.statusCode()).isEqualTo(302);
        assertThat(idle.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(get(second, "/pilot/trajecten", session).statusCode()).isEqualTo(302);
    }

    @Test
    void aChangedAttributeIsSavedWithinTheMinuteWithoutMovingTheLastAccess() {
        @SuppressWarnings("unchecked")
        SessionRepository<Session> store = (SessionRepository<Session>) (SessionRepository<?>)
                first.getBean(JdbcIndexedSessionRepository.class);
        CoarseAccessTimeSessions<Session> sessions = new CoarseAccessTimeSessions<>(store, Duration.ofMinutes(1));
        CoarseAccessTimeSessions.Tracked<Session> created = sessions.createSession();
        sessions.save(created);
        Instant recorded = store.findById(created.getId()).getLastAccessedTime();

        CoarseAccessTimeSessions.Tracked<Session> next = sessions.findById(created.getId());
        next.setLastAccessedTime(recorded.plusSeconds(59));
        next.setAttribute("worklist.filter", "open");
        sessions.save(next);

        Session stored = store.findById(created.getId());
        assertThat((String) stored.getAttribute("worklist.filter")).isEqualTo("open");
        assertThat(stored.getLastAccessedTime()).isEqualTo(recorded);

        CoarseAccessTimeSessions.Tracked<Session> later = sessions.findById(created.getId());
        later.setLastAccessedTime(recorded.plusSeconds(60));
        sessions.save(later);
        assertThat(store.findById(created.getId()).getLastAccessedTime()).isEqualTo(recorded.plusSeconds(60));
        sessions.deleteById(created.getId());
        assertThat(store.findById(created.getId())).isNull();
    }

    private static long lastAccess(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = :u")
                .param("u", username).query(Long.class).single();
    }

    /** As if the session's last recorded request were {@code ago} earlier. */
    private static void shiftAccess(JdbcClient jdbc, String username, Duration ago) {
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - :ms, expiry_time = expiry_time - :ms"
                + " WHERE principal_name = :u").param("ms", ago.toMillis()).param("u", username).update();
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path, String session)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String session, String form)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(app, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://localhost:" + port(app) + path);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
