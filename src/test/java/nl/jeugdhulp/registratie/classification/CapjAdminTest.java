package nl.jeugdhulp.registratie.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.account.Role;
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
class CapjAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestData data;

    long adminId;
    RequestPostProcessor admin;

    @BeforeEach
    void administratorAndNoTestCodes() {
        adminId = data.user(Role.BEHEERDER);
        admin = principals.as(adminId);
        jdbc.sql("DELETE FROM capj_code WHERE code IN ('A601', 'C901')").update();
        jdbc.sql("DELETE FROM capj_code WHERE code IN ('A600', 'C900')").update();
    }

    @Test
    void codeTypedWithHyphenIsStoredWithoutAndARubricJoinsItsGroup() throws Exception {
        mvc.perform(post("/beheer/capj/nieuw").with(admin).with(csrf()).param("code", "A-600").param("label", "Nieuwe groep"))
                .andExpect(redirectedUrl("/beheer/capj"));
        mvc.perform(post("/beheer/capj/nieuw").with(admin).with(csrf()).param("code", "a-601").param("label", "Nieuwe rubriek"))
                .andExpect(redirectedUrl("/beheer/capj"));

        assertThat(jdbc.sql("""
                        SELECT code || '/' || axis || '/' || level || '/' || coalesce(group_code, '-') || '/' || active
                          FROM capj_code WHERE code LIKE 'A60%' ORDER BY code""").query(String.class).list())
                .containsExactly("A600/A/GROEP/-/true", "A601/A/RUBRIEK/A600/true");
        assertThat(jdbc.sql("SELECT object_id || '/' || event_type FROM audit_event WHERE object_type = 'CAPJ_CODE' AND user_id = :u ORDER BY id")
                .param("u", adminId).query(String.class).list())
                .containsExactly("A600/CAPJ_CODE_CREATED", "A601/CAPJ_CODE_CREATED");
        mvc.perform(get("/beheer/capj").with(admin))
                .andExpect(content().string(containsString("Nieuwe rubriek")))
                .andExpect(content().string(containsString("As A: Psychosociaal functioneren")));
    }

    @Test
    void wrongFormatMissingGroupAndExistingCodeAreFieldErrors() throws Exception {
        mvc.perform(post("/beheer/capj/nieuw").with(admin).with(csrf()).param("code", "Z-100").param("label", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"));
        mvc.perform(post("/beheer/capj/nieuw").with(admin).with(csrf()).param("code", "C-901").param("label", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "admin.capj.group.missing"))
                .andExpect(content().string(containsString("De groep C900 bestaat nog niet.")));
        mvc.perform(post("/beheer/capj/nieuw").with(admin).with(csrf()).param("code", "A-100").param("label", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "code", "admin.capj.code.duplicate"));

        assertThat(jdbc.sql("SELECT count(*) FROM capj_code WHERE code = 'C901'").query(Integer.class).single()).isZero();
    }

    @Test
    void codeIsRenamedRetiredAndReactivatedAndAStaleRenameIsRefused() throws Exception {
        jdbc.sql("INSERT INTO capj_code (code, axis, level, label) VALUES ('C900', 'C', 'GROEP', 'Oud')").update();

        mvc.perform(post("/beheer/capj/C900").with(admin).with(csrf()).param("label", "Nieuw").param("version", "0"))
                .andExpect(redirectedUrl("/beheer/capj"));
        mvc.perform(post("/beheer/capj/C900").with(admin).with(csrf()).param("label", "Te laat").param("version", "0"))
                .andExpect(status().isConflict());
        mvc.perform(post("/beheer/capj/C900/intrekken").with(admin).with(csrf())).andExpect(redirectedUrl("/beheer/capj"));
        assertThat(state()).isEqualTo("Nieuw/false");

        mvc.perform(post("/beheer/capj/C900/heractiveren").with(admin).with(csrf())).andExpect(redirectedUrl("/beheer/capj"));
        assertThat(state()).isEqualTo("Nieuw/true");
        mvc.perform(post("/beheer/capj/C900/heractiveren").with(admin).with(csrf())).andExpect(redirectedUrl("/beheer/capj"));
        mvc.perform(get("/beheer/capj/X999").with(admin)).andExpect(status().isNotFound());

        assertThat(jdbc.sql("""
                        SELECT action || '/' || event_type FROM audit_event
                         WHERE object_type = 'CAPJ_CODE' AND object_id = 'C900' AND user_id = :u ORDER BY id""")
                .param("u", adminId).query(String.class).list())
                .containsExactly("U/CAPJ_CODE_RENAMED", "U/CAPJ_CODE_RETIRED", "U/CAPJ_CODE_REACTIVATED");
    }

    private String state() {
        return jdbc.sql("SELECT label || '/' || active FROM capj_code WHERE code = 'C900'").query(String.class).single();
    }
}
