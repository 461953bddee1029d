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

import java.util.List;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UserAdminTest {

    private static final String TEMPORARY = "tijdelijk-wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long adminId;
    RequestPostProcessor admin;

    @BeforeEach
    void administrator() {
        adminId = data.user(Role.BEHEERDER);
        admin = principals.as(adminId);
    }

    @Test
    void passwordShorterThan12IsAFieldErrorAndNoUserIsCreated() throws Exception {
        String username = TestData.unique("kort.");

        mvc.perform(post("/beheer/gebruikers/nieuw").with(admin).with(csrf())
                        .param("username", username).param("role", "ONDERZOEKER").param("password", "elf-tekens!"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "Size"))
                .andExpect(content().string(containsString("Een wachtwoord heeft minstens 12 en hoogstens 128 tekens.")))
                .andExpect(content().string(containsString("value=\"" + username + "\"")));

        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void newProjectLeaderGetsPilotsAsScopeMustChangePasswordAndIsAudited() throws Exception {
        long pilot = data.pilot();
        String username = TestData.unique("pl.");

        mvc.perform(post("/beheer/gebruikers/nieuw").with(admin).with(csrf()).param("username", username.toUpperCase())
                        .param("role", "PROJECTLEIDER").param("password", TEMPORARY)
                        .param("pilotIds", String.valueOf(pilot)).param("municipalityIds", String.valueOf(data.municipality())))
                .andExpect(redirectedUrl("/beheer/gebruikers"));

        long id = userId(username);
        assertThat(jdbc.sql("SELECT pilot_id FROM user_pilot WHERE user_id = :id").param("id", id).query(Long.class).list())
                .containsExactly(pilot);
        assertThat(jdbc.sql("SELECT count(*) FROM user_municipality WHERE user_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(auditOf(id)).containsExactly("C/USER_CREATED/" + adminId);
        mvc.perform(formLogin().user(username).password(TEMPORARY)).andExpect(redirectedUrl("/account/wachtwoord"));
    }

    @Test
    void projectLeaderWithoutPilotAndDuplicateUsernameAreFieldErrors() throws Exception {
        String taken = data.username(data.user(Role.ONDERZOEKER));

        mvc.perform(post("/beheer/gebruikers/nieuw").with(admin).with(csrf())
                        .param("username", taken).param("role", "PROJECTLEIDER").param("password", TEMPORARY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "pilotIds", "admin.user.pilots.required"));
        mvc.perform(post("/beheer/gebruikers/nieuw").with(admin).with(csrf())
                        .param("username", taken).param("role", "ONDERZOEKER").param("password", TEMPORARY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "username", "admin.user.username.duplicate"))
                .andExpect(content().string(containsString("Deze gebruikersnaam bestaat al.")));
    }

    @Test
    void resetPasswordMakesTheUserChangeItAtNextLogin() throws Exception {
        long user = data.user(Role.GEMEENTE);
        String username = data.username(user);

        mvc.perform(post("/beheer/gebruikers/{id}/wachtwoord", user).with(admin).with(csrf()).param("password", "kort"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "Size"));
        mvc.perform(post("/beheer/gebruikers/{id}/wachtwoord", user).with(admin).with(csrf()).param("password", TEMPORARY))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + user));

        mvc.perform(formLogin().user(username).password(TestData.PASSWORD)).andExpect(redirectedUrl("/login?fout"));
        mvc.perform(formLogin().user(username).password(TEMPORARY)).andExpect(redirectedUrl("/account/wachtwoord"));
        assertThat(auditOf(user)).containsExactly("U/PASSWORD_RESET/" + adminId);
    }

    @Test
    void editingRoleReplacesTheScopeAndStaleEditIsRefused() throws Exception {
        long user = data.projectLeader(data.pilot());
        long municipality = data.municipality();
        int version = jdbc.sql("SELECT version FROM app_user WHERE id = :id").param("id", user).query(Integer.class).single();

        mvc.perform(post("/beheer/gebruikers/{id}", user).with(admin).with(csrf()).param("role", "GEMEENTE")
                        .param("municipalityIds", String.valueOf(municipality)).param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/beheer/gebruikers"));
        mvc.perform(post("/beheer/gebruikers/{id}", user).with(admin).with(csrf()).param("role", "ONDERZOEKER")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("SELECT role FROM app_user WHERE id = :id").param("id", user).query(String.class).single())
                .isEqualTo("GEMEENTE");
        assertThat(jdbc.sql("SELECT count(*) FROM user_pilot WHERE user_id = :id").param("id", user).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT municipality_id FROM user_municipality WHERE user_id = :id").param("id", user)
                .query(Long.class).list()).containsExactly(municipality);
        assertThat(auditOf(user)).containsExactly("U/USER_UPDATED/" + adminId);
    }

    @Test
    void blockedUserCannotLogInUntilUnblockedAndAdministratorCannotBlockThemselves() throws Exception {
        long user = data.user(Role.ONDERZOEKER);
        String username = data.username(user);

        mvc.perform(post("/beheer/gebruikers/{id}/blokkeren", user).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/beheer/gebruikers/" + user));
        mvc.perform(formLogin().user(username).password(TestData.PASSWORD)).andExpect(redirectedUrl("/login?fout"));
        mvc.perform(post("/beheer/gebruikers/{id}/deblokkeren", user).with(admin).with(csrf()));
        mvc.perform(formLogin().user(username).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(auditOf(user)).containsExactly("U/USER_DISABLED/" + adminId, "U/USER_ENABLED/" + adminId);

        mvc.perform(post("/beheer/gebruikers/{id}/blokkeren", adminId).with(admin).with(csrf()));
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", adminId).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void listShowsRoleScopeAndUnknownUserAnswers404() throws Exception {
        long pilot = data.pilot();
        long leader = data.projectLeader(pilot);
        String pilotName = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot).query(String.class).single();

        mvc.perform(get("/beheer/gebruikers").with(admin))
                .andExpect(content().string(containsString(data.username(leader))))
                .andExpect(content().string(containsString(pilotName)));
        mvc.perform(get("/beheer/gebruikers/999999999").with(admin)).andExpect(status().isNotFound());
    }

    private long userId(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private List<String> auditOf(long userId) {
        return jdbc.sql("""
                        SELECT action || '/' || event_type || '/' || user_id FROM audit_event
                         WHERE object_type = 'USER' AND object_id = :id AND event_type NOT LIKE 'LOGIN%' ORDER BY id""")
                .param("id", String.valueOf(userId)).query(String.class).list();
    }
}
