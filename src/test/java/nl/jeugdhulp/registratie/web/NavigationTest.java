package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The main menu of the layout shows each role exactly its own pages, and nobody's before login. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NavigationTest {

    private static final Pattern MENU = Pattern.compile("<ul class=\"navbar-nav me-auto\">(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Principals principals;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "PRAKTIJKONDERSTEUNER; /trajecten /trajecten/nieuw /profiel /import /rapportage /account/tokens",
            "PROJECTLEIDER; /import /pilot/trajecten /pilot/vragenlijst /rapportage /samenvatting /samenvatting/aannames /export /account/tokens",
            "BEHEERDER; /import /rapportage /samenvatting /samenvatting/aannames /export /account/tokens /beheer",
            "GEMEENTE; /samenvatting",
            "ONDERZOEKER; /export /account/tokens"})
    void eachRoleSeesExactlyItsOwnMenu(Role role, String links) throws Exception {
        String page = mvc.perform(get("/privacy").with(principals.newUser(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Matcher menu = MENU.matcher(page);
        assertThat(menu.find()).as("menu present").isTrue();
        List<String> hrefs = new ArrayList<>();
        Matcher link = LINK.matcher(menu.group(1));
        while (link.find()) {
            hrefs.add(link.group(1));
        }
        assertThat(hrefs).containsExactly(links.split(" "));
        assertThat(page).contains("id=\"hoofdmenu\"", "navbar-toggler", "action=\"/logout\"");
    }

    @Test
    void beforeLoginThereIsNoMenu() throws Exception {
        String page = mvc.perform(get("/privacy")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("hoofdmenu", "navbar-toggler", "/logout", "href=\"/trajecten\"")
                .contains("href=\"/privacy\"");
    }
}
