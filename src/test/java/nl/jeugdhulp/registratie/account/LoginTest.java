package nl.jeugdhulp.registratie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/trajecten")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void loginAndFailedLoginAreAudited() throws Exception {
        long userId = data.user(Role.ONDERZOEKER);
        String username = data.username(userId);

        mvc.perform(formLogin().user(username).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(username).password("wrong-password-x")).andExpect(redirectedUrl("/login?fout"));

        assertThat(jdbc.sql("SELECT event_type || '/' || action || '/' || outcome FROM audit_event WHERE username = :u ORDER BY id")
                .param("u", username).query(String.class).list())
                .containsExactly("LOGIN/E/SUCCESS", "LOGIN_FAILED/E/FAILURE");
        assertThat(jdbc.sql("SELECT source_address FROM audit_event WHERE username = :u LIMIT 1")
                .param("u", username).query(String.class).single()).isEqualTo("127.0.0.1");
    }

    @Test
    void resetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        long userId = data.user(Role.ONDERZOEKER);
        jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE id = :id").param("id", userId).update();

        var session = mvc.perform(formLogin().user(data.username(userId)).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/account/wachtwoord")).andReturn().getRequest().getSession();
        mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(redirectedUrl("/account/wachtwoord"));
    }

    @Test
    void blockingAUserEndsTheirOpenSessionAtOnce() throws Exception {
        long userId = data.user(Role.GEMEENTE);
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                formLogin().user(data.username(userId)).password(TestData.PASSWORD)).andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/samenvatting"));

        jdbc.sql("UPDATE app_user SET enabled = FALSE, version = version + 1 WHERE id = :id").param("id", userId).update();

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?geblokkeerd"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE user_id = :id AND event_type = 'SESSION_ENDED_BLOCKED'")
                .param("id", userId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aChangedScopeAppliesWithoutLoggingInAgain() throws Exception {
        long pilotA = data.pilot();
        long pilotB = data.pilot();
        long practiceB = data.practice(pilotB, data.municipality());
        var supporterB = data.supporter(pilotB, "OJG", practiceB);
        long trajectoryB = data.trajectory(supporterB, practiceB, java.time.LocalDate.of(2026, 5, 1));
        long leader = data.projectLeader(pilotA);
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                formLogin().user(data.username(leader)).password(TestData.PASSWORD)).andReturn().getRequest().getSession();
        mvc.perform(get("/pilot/trajecten/" + trajectoryB).session(session)).andExpect(status().isNotFound());

        accounts.replaceScope(leader, java.util.List.of(pilotB), java.util.List.of());

        mvc.perform(get("/pilot/trajecten/" + trajectoryB).session(session)).andExpect(status().isOk());
    }

    @Test
    void eachRoleStartsOnItsOwnPage() throws Exception {
        java.util.Map<Role, String> start = java.util.Map.of(Role.ONDERZOEKER, "/export", Role.BEHEERDER, "/beheer",
                Role.PROJECTLEIDER, "/pilot/trajecten", Role.GEMEENTE, "/samenvatting");
        for (var entry : start.entrySet()) {
            var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                    formLogin().user(data.username(data.user(entry.getKey()))).password(TestData.PASSWORD))
                    .andReturn().getRequest().getSession();
            mvc.perform(get("/").session(session)).andExpect(redirectedUrl(entry.getValue()));
        }
    }
}
