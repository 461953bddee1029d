package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Browser hardening: headers, no inline script, CSRF, error pages without internals, the privacy page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;

    @Test
    void pagesSendAStrictContentSecurityPolicyAndTheOtherHardeningHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("script-src 'self';"), containsString("frame-ancestors 'none'"),
                        containsString("object-src 'none'"), not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                // Plain HTTP (the demo): no HSTS, which would lock a browser out of http://localhost.
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/beheer").with(principals.newUser(Role.BEHEERDER)))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void behindATlsProxyTheBrowserIsToldToUseHttpsOnly() throws Exception {
        mvc.perform(get("/login").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "registratie.example.nl"))
                .andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void noTemplateHasInlineScriptEventHandlersOrStyleAttributes() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\s(th:)?on(abort|blur|change|click|dblclick|error|focus\\w*|input|invalid|key\\w+|"
                + "load|mouse\\w+|submit|reset|select|unload|beforeunload|pointer\\w+|touch\\w+|drag\\w*|drop|wheel|"
                + "scroll|resize|contextmenu|copy|cut|paste|animation\\w+|transition\\w+|toggle)\\s*=",
                Pattern.CASE_INSENSITIVE);
        Pattern style = Pattern.compile("\\s(th:)?style\\s*=|<style", Pattern.CASE_INSENSITIVE);
        Pattern jsUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThan(30);
        for (Path file : templates) {
            String html = Files.readString(file);
            for (Pattern p : List.of(inlineScript, handler, style, jsUrl)) {
                Matcher m = p.matcher(html);
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyFormChangeNeedsTheCsrfTokenButTheStatelessApiDoesNotAcceptASessionCookie() throws Exception {
        long user = data.user(Role.BEHEERDER);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(data.username(user))
                .password(TestData.PASSWORD)).andReturn().getRequest().getSession();

        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/beheer/gebruikers/" + user + "/blokkeren").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", data.username(user)).param("password", TestData.PASSWORD))
                .andExpect(status().isForbidden());
        // The API has no CSRF protection because it ignores sessions: the logged-in cookie gets 401 there.
        mvc.perform(get("/api/v1/reports/trimester").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/beheer").session(session)).andExpect(status().isOk());
    }

    @Test
    void errorPagesAndApiErrorsShowNoInternals() throws Exception {
        // MockMvc does not forward to the error page by itself; this is the container's error dispatch.
        String serverError = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/trajecten")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION,
                                new IllegalStateException("ERROR: relation \"trajectory\" SELECT private_reference FROM trajectory")))
                .andExpect(status().isInternalServerError())
                .andReturn().getResponse().getContentAsString();
        String serverErrorJson = mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("SELECT private_reference")))
                .andExpect(status().isInternalServerError())
                .andReturn().getResponse().getContentAsString();
        String notFound = mvc.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/trajecten/99"))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/v1/reports/trimester").header("Authorization", "Bearer jbh_' OR 1=1 --"))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        for (String body : List.of(serverError, serverErrorJson, notFound, api)) {
            assertThat(body).doesNotContain("Exception", "at org.", "at nl.", "SELECT", "private_reference",
                    "Spring Boot", "Tomcat", "Whitelabel", "trace", "4.1.2");
        }
        assertThat(serverError).contains("Er ging iets mis aan onze kant.");
        assertThat(notFound).contains("Deze pagina of dit gegeven bestaat niet");
        mvc.perform(get("/beheer/gebruikers/abc").with(principals.newUser(Role.BEHEERDER))).andExpect(status().isBadRequest());
    }

    @Test
    void thePrivacyPageIsOpenBeforeLoginAndLinkedFromTheLoginPage() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/privacy\"")));
        mvc.perform(get("/privacy"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1 class=\"h3 mb-3\">Privacy en gegevens</h1>"),
                        containsString("We leggen geen namen, burgerservicenummers (BSN), adressen"),
                        containsString("Het eigen kenmerk wordt automatisch gewist 12 maanden nadat een traject is afgesloten."),
                        containsString("De auditlog wordt 5 jaar bewaard"),
                        containsString("NEN 7513"))));
        mvc.perform(get("/privacy").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Privacy and data"),
                        containsString("The audit log is kept for 5 years"))));
        mvc.perform(get("/privacy").with(principals.newUser(Role.GEMEENTE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/privacy\"")));
    }
}
