package nl.jeugdhulp.registratie.web;

import static nl.jeugdhulp.registratie.HttpForms.cookie;
import static nl.jeugdhulp.registratie.HttpForms.csrf;
import static nl.jeugdhulp.registratie.HttpForms.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A save's message through real HTTP with the JDBC session store: it travels in the "melding" cookie, the
 * session is not written for it, it shows once, and a cookie the client edited is ignored. A flash that is
 * not a message (the new API token) still goes through the session.
 */
// The JDBC session store the test profile leaves out for MockMvc is what the flash must stay out of.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
class FlashCookieHttpTest {

    private static final String SESSION = "SESSION";
    private static final String FLASH = CookieFlashMapManager.COOKIE;
    private static final String SHOWN = "class=\"alert alert-success\" role=\"status\"";
    private static final String CREATED = "Het traject is geregistreerd.";
    private static final Pattern TOKEN = Pattern.compile("value=\"jbh_[A-Za-z0-9_-]{43}\"");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    long practice;
    Supporter supporter;
    String session;

    @BeforeEach
    void logIn() throws Exception {
        long pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        HttpResponse<String> loginPage = send("GET", "/login", null, null);
        session = cookie(loginPage, SESSION);
        HttpResponse<String> login = send("POST", "/login", form(Map.of("username", supporter.username(),
                "password", TestData.PASSWORD, "_csrf", csrf(loginPage.body()))), null);
        assertThat(login.statusCode()).isEqualTo(302);
        session = cookie(login, SESSION);
    }

    @Test
    void aSavedTrajectoryShowsItsMessageOnceWithoutAFlashInTheSession() throws Exception {
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        HttpResponse<String> newForm = send("GET", "/trajecten/nieuw", null, null);
        List<String> before = sessionAttributes();

        HttpResponse<String> saved = send("POST", "/trajecten", form(Map.ofEntries(
                Map.entry("_csrf", csrf(newForm.body())), Map.entry("practiceId", String.valueOf(practice)),
                Map.entry("privateReference", "FL-1"), Map.entry("birthMonth", "4"), Map.entry("birthYear", "2012"),
                Map.entry("gender", "V"), Map.entry("startDate", today), Map.entry("helpRequest", "Slaapt slecht"),
                Map.entry("capjCodes", "A102"), Map.entry("applicants", "OUDERS"), Map.entry("contacts", "1"),
                Map.entry("lastContactDate", today))), null);

        assertThat(saved.statusCode()).isEqualTo(302);
        String target = URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(target).matches("/trajecten/\\d+");
        assertThat(saved.headers().allValues("Set-Cookie")).anySatisfy(header -> assertThat(header)
                .startsWith("melding=").contains("Max-Age=180", "Path=/", "HttpOnly", "SameSite=Lax"));
        assertThat(sessionAttributes()).as("the session is not written for the message").isEqualTo(before)
                .noneMatch(name -> name.contains("FLASH_MAPS"));

        HttpResponse<String> shown = send("GET", target, null, cookie(saved, FLASH));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(SHOWN).contains(CREATED);
        assertThat(cookie(shown, FLASH)).as("the cookie is deleted once shown").isEmpty();
        assertThat(shown.headers().allValues("Set-Cookie")).anySatisfy(header -> assertThat(header)
                .startsWith("melding=;").contains("Max-Age=0"));
        assertThat(sessionAttributes()).isEqualTo(before);

        HttpResponse<String> reload = send("GET", target, null, null);
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(reload.body()).doesNotContain(SHOWN).doesNotContain(CREATED);
    }

    @Test
    void aCookieTheClientEditedIsIgnoredAndCleared() throws Exception {
        long inAMinute = System.currentTimeMillis() + 60_000;
        // The format the application writes, aimed at the worklist: shown, so the edits below are what is refused.
        HttpResponse<String> genuine = send("GET", "/trajecten", null,
                base64(inAMinute + " %2Ftrajecten  message=trajectory.created"));
        assertThat(genuine.body()).contains(SHOWN).contains(CREATED);

        for (String edited : List.of(
                base64(inAMinute + " %2Ftrajecten  created=trajectory.created"),
                base64(inAMinute + " %2Ftrajecten  message=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                base64((System.currentTimeMillis() - 1_000) + " %2Ftrajecten  message=trajectory.created"),
                base64(inAMinute + " %2Ftrajecten  message=trajectory.created\nrommel"),
                "@@geen-base64@@",
                "A".repeat(3000))) {
            HttpResponse<String> page = send("GET", "/trajecten", null, edited);
            assertThat(page.statusCode()).as(edited).isEqualTo(200);
            assertThat(page.body()).as(edited).doesNotContain(SHOWN).doesNotContain("<script>alert");
            assertThat(cookie(page, FLASH)).as(edited).isEmpty();
        }
        assertThat(sessionAttributes()).noneMatch(name -> name.contains("FLASH_MAPS"));
    }

    @Test
    void aNewApiTokenStillTravelsInTheSessionAndIsShownOnce() throws Exception {
        HttpResponse<String> tokens = send("GET", "/account/tokens", null, null);

        HttpResponse<String> created = send("POST", "/account/tokens",
                form(Map.of("_csrf", csrf(tokens.body()), "name", "Kwartaalscript")), null);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().allValues("Set-Cookie")).noneMatch(header -> header.startsWith("melding="));
        assertThat(sessionAttributes()).anyMatch(name -> name.startsWith(CookieFlashMapManager.SESSION_ATTRIBUTE));
        HttpResponse<String> shown = send("GET", "/account/tokens", null, null);
        assertThat(shown.body()).containsPattern(TOKEN);
        assertThat(sessionAttributes()).noneMatch(name -> name.contains("FLASH_MAPS"));
        assertThat(send("GET", "/account/tokens", null, null).body()).doesNotContainPattern(TOKEN);
    }

    /** The session's attributes as name and stored bytes, to see whether a request wrote any. */
    private List<String> sessionAttributes() {
        return jdbc.sql("""
                        SELECT a.attribute_name || ':' || md5(a.attribute_bytes) FROM spring_session_attributes a
                        JOIN spring_session s ON s.primary_id = a.session_primary_id
                        WHERE s.principal_name = :u ORDER BY a.attribute_name""")
                .param("u", supporter.username()).query(String.class).list();
    }

    private HttpResponse<String> send(String method, String path, String form, String flash)
            throws IOException, InterruptedException {
        String cookies = "SESSION=" + session + (flash == null ? "" : "; melding=" + flash);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
