package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Password policy, login throttling, sessions and API tokens, through the real login form and filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ServerProperties server;

    /** Each test logs in from its own documentation address, so address counts never mix. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    // --- password policy ---

    @Test
    void theCommonPasswordListIsShippedAndTheDemoAndTestPasswordsPass() {
        assertThat(PasswordPolicy.listSize()).isGreaterThan(8000);
        assertThat(PasswordPolicy.isCommon("Wachtwoord123")).isTrue();
        assertThat(PasswordPolicy.isCommon("qwertyuiop12")).isTrue();
        assertThat(PasswordPolicy.isCommon("password1234")).isTrue();
        assertThat(PasswordPolicy.isAcceptable("demo-jeugdhulp")).isTrue();
        assertThat(PasswordPolicy.isAcceptable(TestData.PASSWORD)).isTrue();
        assertThat(PasswordPolicy.isAcceptable("kort-maar")).isFalse();
    }

    @Test
    void anAdministratorCannotGiveACommonPasswordOnCreateOrReset() throws Exception {
        RequestPostProcessor admin = principals.newUser(Role.BEHEERDER);
        String username = TestData.unique("gewoon.");

        mvc.perform(post("/beheer/gebruikers/nieuw").with(admin).with(csrf())
                        .param("username", username).param("role", "ONDERZOEKER").param("password", "welkom123456"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "AcceptablePassword"))
                .andExpect(content().string(containsString("Dit wachtwoord staat in de lijst van veelgebruikte wachtwoorden.")));
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single()).isZero();

        long user = data.user(Role.ONDERZOEKER);
        String hash = passwordHash(user);
        mvc.perform(post("/beheer/gebruikers/" + user + "/wachtwoord").with(admin).with(csrf())
                        .param("password", "Wachtwoord2026!"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("veelgebruikte wachtwoorden")));
        assertThat(passwordHash(user)).isEqualTo(hash);
    }

    @Test
    void aUserCannotChooseACommonPasswordAsTheirOwn() throws Exception {
        long user = data.user(Role.ONDERZOEKER);
        String hash = passwordHash(user);

        mvc.perform(post("/account/wachtwoord").with(principals.as(user)).with(csrf())
                        .param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "iloveyou1234").param("repeatPassword", "iloveyou1234"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "AcceptablePassword"));
        assertThat(passwordHash(user)).isEqualTo(hash);
    }

    private String passwordHash(long user) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", user).query(String.class).single();
    }

    // --- throttling ---

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordWhileOthersCanStillLogIn() throws Exception {
        long user = data.user(Role.ONDERZOEKER);
        String name = data.username(user);
        String address = address();
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(name, "verkeerd-wachtwoord-" + i, address)).andExpect(redirectedUrl("/login?fout"));
        }

        // The sixth attempt is refused before the password is checked, from any address.
        mvc.perform(login(name, TestData.PASSWORD, address())).andExpect(redirectedUrl("/login?te-veel"));
        mvc.perform(get("/login").param("te-veel", ""))
                .andExpect(content().string(containsString(
                        "Te veel mislukte aanmeldpogingen. Aanmelden is tijdelijk geblokkeerd; probeer het over 15 minuten opnieuw")));
        // Someone else from the same address is not affected.
        long other = data.user(Role.ONDERZOEKER);
        mvc.perform(login(data.username(other), TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));

        assertThat(jdbc.sql("""
                        SELECT event_type || '/' || action || '/' || outcome FROM audit_event
                         WHERE lower(username) = :u ORDER BY id""")
                .param("u", name).query(String.class).list())
                .containsExactly("LOGIN_FAILED/E/FAILURE", "LOGIN_FAILED/E/FAILURE", "LOGIN_FAILED/E/FAILURE",
                        "LOGIN_FAILED/E/FAILURE", "LOGIN_FAILED/E/FAILURE", "LOGIN_THROTTLED/E/DENIED");
    }

    @Test
    void failuresOlderThanTheWindowOrBeforeASuccessfulLoginDoNotCount() throws Exception {
        long user = data.user(Role.ONDERZOEKER);
        String name = data.username(user);
        OffsetDateTime sixteenMinutesAgo = OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofMinutes(16));
        for (int i = 0; i < 5; i++) {
            jdbc.sql("""
                            INSERT INTO audit_event (occurred_at, username, action, event_type, outcome, source_address)
                            VALUES (:at, :u, 'E', 'LOGIN_FAILED', 'FAILURE', '203.0.113.9')""")
                    .param("at", sixteenMinutesAgo).param("u", name).update();
        }
        mvc.perform(login(name, TestData.PASSWORD, address())).andExpect(redirectedUrl("/"));

        // Four failures, a success, four more: never five since the last success.
        String address = address();
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(name, "verkeerd-" + i + "-xxxxxx", address)).andExpect(redirectedUrl("/login?fout"));
        }
        mvc.perform(login(name, TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(name, "verkeerd-" + i + "-yyyyyy", address)).andExpect(redirectedUrl("/login?fout"));
        }
        mvc.perform(login(name, TestData.PASSWORD, address)).andExpect(redirectedUrl("/"));
    }

    @Test
    void twentyFailuresFromOneAddressBlockThatAddress() throws Exception {
        String address = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(login(TestData.unique("raden"), "verkeerd-wachtwoord", address))
                    .andExpect(redirectedUrl("/login?fout"));
        }
        long user = data.user(Role.GEMEENTE);

        mvc.perform(login(data.username(user), TestData.PASSWORD, address)).andExpect(redirectedUrl("/login?te-veel"));
        mvc.perform(login(data.username(user), TestData.PASSWORD, address())).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event WHERE event_type = 'LOGIN_THROTTLED' AND source_address = :a""")
                .param("a", address).query(String.class).list())
                .containsExactly("te veel mislukte pogingen vanaf dit adres");
    }

    // --- sessions ---

    @Test
    void loginGivesANewSessionIdAndTheIdleTimeoutIsThirtyMinutes() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String oldId = before.getId();
        long user = data.user(Role.ONDERZOEKER);

        // As a browser does: it sends the cookie of the session it got with the login page.
        MockHttpSession after = (MockHttpSession) mvc.perform(login(data.username(user), TestData.PASSWORD, address())
                        .session(before).with(request -> {
                            request.setRequestedSessionId(oldId);
                            request.setRequestedSessionIdValid(true);
                            return request;
                        }))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();

        assertThat(after.getId()).isNotEqualTo(oldId);
        assertThat(before.isInvalid()).isTrue();
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void logoutIsAudited() throws Exception {
        long user = data.user(Role.ONDERZOEKER);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(data.username(user))
                .password(TestData.PASSWORD)).andReturn().getRequest().getSession();

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?afgemeld"));

        assertThat(jdbc.sql("SELECT event_type || '/' || role FROM audit_event WHERE user_id = :u ORDER BY id")
                .param("u", user).query(String.class).list()).containsExactly("LOGIN/ONDERZOEKER", "LOGOUT/ONDERZOEKER");
    }

    @Test
    void afterAnAdministratorsResetTheUserMustChooseANewPasswordFirst() throws Exception {
        long user = data.projectLeader(data.pilot());
        String name = data.username(user);
        mvc.perform(post("/beheer/gebruikers/" + user + "/wachtwoord").with(principals.newUser(Role.BEHEERDER))
                        .with(csrf()).param("password", "tijdelijk-Zx81-qq"))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + user));

        MockHttpSession session = (MockHttpSession) mvc.perform(login(name, "tijdelijk-Zx81-qq", address()))
                .andExpect(redirectedUrl("/account/wachtwoord")).andReturn().getRequest().getSession();
        mvc.perform(get("/pilot/trajecten").session(session)).andExpect(redirectedUrl("/account/wachtwoord"));
        mvc.perform(get("/export").session(session)).andExpect(redirectedUrl("/account/wachtwoord"));

        mvc.perform(post("/account/wachtwoord").session(session).with(csrf())
                        .param("currentPassword", "tijdelijk-Zx81-qq")
                        .param("newPassword", "mijn-eigen-Qw7-zin").param("repeatPassword", "mijn-eigen-Qw7-zin"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/pilot/trajecten").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdministratorsRoleChangeIsAuditedWithOldAndNewRoleAndScope() throws Exception {
        long pilot = data.pilot();
        long user = data.user(Role.ONDERZOEKER);
        long adminId = data.user(Role.BEHEERDER);
        int version = jdbc.sql("SELECT version FROM app_user WHERE id = :id").param("id", user).query(Integer.class).single();

        mvc.perform(post("/beheer/gebruikers/" + user).with(principals.as(adminId)).with(csrf())
                        .param("role", "PROJECTLEIDER").param("pilotIds", String.valueOf(pilot))
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/beheer/gebruikers"));

        assertThat(jdbc.sql("SELECT action || '/' || details FROM audit_event WHERE user_id = :a AND event_type = 'USER_UPDATED'")
                .param("a", adminId).query(String.class).single())
                .isEqualTo("U/rol=ONDERZOEKER->PROJECTLEIDER; voorheen pilots=-, gemeenten=-, ondersteuner=-; nu pilots="
                        + pilot + ", gemeenten=-, ondersteuner=-");
    }

    // --- API tokens ---

    @Test
    void apiTokensStopWorkingWhenTheOwnerChangesTheirPassword() throws Exception {
        long user = data.user(Role.BEHEERDER);
        String token = tokens.create(user, "script").token();
        mvc.perform(api(token)).andExpect(status().isOk());

        mvc.perform(post("/account/wachtwoord").with(principals.as(user)).with(csrf())
                        .param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "een-nieuw-Kx4-wachtwoord").param("repeatPassword", "een-nieuw-Kx4-wachtwoord"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(api(token)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE user_id = :u AND event_type IN ('API_TOKENS_REVOKED', 'API_TOKEN_REJECTED') ORDER BY id")
                .param("u", user).query(String.class).list())
                .containsExactly("reden=wachtwoord gewijzigd, sleutels=1", "REVOKED");
    }

    @Test
    void apiTokensStopWorkingAfterAnAdministratorsResetOrBlockAndStayRevokedAfterUnblocking() throws Exception {
        RequestPostProcessor admin = principals.newUser(Role.BEHEERDER);
        long reset = data.user(Role.BEHEERDER);
        String resetToken = tokens.create(reset, "script").token();
        long blocked = data.user(Role.BEHEERDER);
        String blockedToken = tokens.create(blocked, "script").token();
        mvc.perform(api(resetToken)).andExpect(status().isOk());
        mvc.perform(api(blockedToken)).andExpect(status().isOk());

        mvc.perform(post("/beheer/gebruikers/" + reset + "/wachtwoord").with(admin).with(csrf())
                .param("password", "tijdelijk-Pq93-zz")).andExpect(status().isFound());
        mvc.perform(post("/beheer/gebruikers/" + blocked + "/blokkeren").with(admin).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/beheer/gebruikers/" + blocked + "/deblokkeren").with(admin).with(csrf()))
                .andExpect(status().isFound());

        mvc.perform(api(resetToken)).andExpect(status().isUnauthorized());
        mvc.perform(api(blockedToken)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE user_id IN (:u) AND revoked_at IS NULL")
                .param("u", List.of(reset, blocked)).query(Long.class).single()).isZero();
    }

    private static MockHttpServletRequestBuilder api(String token) {
        return get("/api/v1/reports/trimester").header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
