package nl.jeugdhulp.registratie.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.hamcrest.Matchers.containsString;

import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminAccessTest {

    private static final String[] ADMIN_PAGES = {"/beheer", "/beheer/pilots", "/beheer/pilots/nieuw", "/beheer/gemeenten",
            "/beheer/gemeenten/nieuw", "/beheer/praktijken", "/beheer/praktijken/nieuw",
            "/beheer/ondersteuners", "/beheer/ondersteuners/nieuw", "/beheer/gebruikers", "/beheer/gebruikers/nieuw",
            "/beheer/capj", "/beheer/capj/nieuw", "/beheer/capj/A100"};

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "BEHEERDER", mode = EnumSource.Mode.EXCLUDE)
    void everyRoleButTheAdministratorIsForbiddenFromAdministration(Role role) throws Exception {
        RequestPostProcessor someone = principals.newUser(role);
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).with(someone)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/beheer/gemeenten/nieuw").with(someone).with(csrf())
                        .param("name", "Stiekem").param("cbsCode", "GM9999"))
                .andExpect(status().isForbidden());
    }

    @Test
    void administratorSeesEveryAdministrationPage() throws Exception {
        RequestPostProcessor admin = principals.newUser(Role.BEHEERDER);
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).with(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/beheer").with(admin))
                .andExpect(view().name("admin/index"))
                .andExpect(content().string(containsString("href=\"/beheer/capj\"")));
    }
}
