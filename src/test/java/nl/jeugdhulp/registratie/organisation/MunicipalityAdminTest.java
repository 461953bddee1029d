package nl.jeugdhulp.registratie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
class MunicipalityAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin;

    @BeforeEach
    void administrator() {
        admin = principals.newUser(Role.BEHEERDER);
    }

    @Test
    void invalidCbsCodeIsShownAtItsFieldAndNothingIsSaved() throws Exception {
        String name = TestData.unique("Gemeente ");

        mvc.perform(post("/beheer/gemeenten/nieuw").with(admin).with(csrf()).param("name", name).param("cbsCode", "GM12"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "cbsCode", "Pattern"))
                .andExpect(content().string(containsString("Een CBS-gemeentecode is GM gevolgd door vier cijfers")))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));

        assertThat(countNamed(name)).isZero();
    }

    @Test
    void validMunicipalityIsSavedWithItsCodeInCapitals() throws Exception {
        String name = TestData.unique("Gemeente ");
        String code = freeCode();

        mvc.perform(post("/beheer/gemeenten/nieuw").with(admin).with(csrf())
                        .param("name", name).param("cbsCode", code.toLowerCase()))
                .andExpect(redirectedUrl("/beheer/gemeenten"))
                .andExpect(flash().attribute("message", "admin.saved"));

        assertThat(jdbc.sql("SELECT cbs_code FROM municipality WHERE name = :n").param("n", name)
                .query(String.class).single()).isEqualTo(code);
        assertThat(jdbc.sql("""
                        SELECT a.action || '/' || a.event_type FROM audit_event a JOIN municipality m ON a.object_id = m.id::text
                         WHERE a.object_type = 'MUNICIPALITY' AND m.name = :n""")
                .param("n", name).query(String.class).list()).containsExactly("C/MUNICIPALITY_CREATED");
    }

    @Test
    void duplicateCbsCodeBecomesAFieldErrorNotAServerError() throws Exception {
        String code = freeCode();
        jdbc.sql("INSERT INTO municipality (name, cbs_code) VALUES ('Eerste', :c)").param("c", code).update();
        String name = TestData.unique("Gemeente ");

        mvc.perform(post("/beheer/gemeenten/nieuw").with(admin).with(csrf()).param("name", name).param("cbsCode", code))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attributeHasFieldErrorCode("form", "cbsCode", "admin.municipality.cbsCode.duplicate"))
                .andExpect(content().string(containsString("Er bestaat al een gemeente met deze CBS-code.")));

        assertThat(countNamed(name)).isZero();
    }

    @Test
    void unknownMunicipalityAnswers404() throws Exception {
        mvc.perform(get("/beheer/gemeenten/999999999").with(admin)).andExpect(status().isNotFound());
    }

    private int countNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM municipality WHERE name = :n").param("n", name).query(Integer.class).single();
    }

    private String freeCode() {
        return jdbc.sql("""
                        SELECT 'GM' || lpad(n::text, 4, '0') FROM generate_series(1, 9999) n
                         WHERE 'GM' || lpad(n::text, 4, '0') NOT IN (SELECT cbs_code FROM municipality)
                         ORDER BY random() LIMIT 1""")
                .query(String.class).single();
    }
}
