package nl.jeugdhulp.registratie.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * WCAG 3.3.2 and 3.3.1 on the trajectory forms: required fields are marked in text (from {@link RequiredMarks},
 * which RequiredMarksTest checks against the rules), and every error summary link points at a focusable
 * input, for radio and checkbox groups their first input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TrajectoryFormAccessibilityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UserDetailsService users;

    long practice;
    Supporter supporter;

    @BeforeEach
    void setUp() {
        long pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
    }

    @Test
    void theNewTrajectoryFormMarksRequiredAndConditionallyRequiredFields() throws Exception {
        String html = mvc.perform(get("/trajecten/nieuw").with(user(users.loadUserByUsername(supporter.username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");

        for (String id : List.of("practiceId", "birthMonth", "birthYear", "startDate", "helpRequest", "contacts")) {
            assertThat(label(html, id)).as("label of " + id).endsWith("<span class=\"required-mark\">(verplicht)</span>");
            assertThat(element(html, id)).as(id).contains("aria-required=\"true\"");
        }
        for (String id : List.of("privateReference", "registrationDate", "lastContactDate", "chainPartner")) {
            assertThat(label(html, id)).as("label of " + id).doesNotContain("verplicht");
            assertThat(element(html, id)).as(id).doesNotContain("aria-required");
        }
        assertThat(label(html, "endDate")).endsWith("<span class=\"required-mark\">(verplicht bij afsluiten)</span>");
        assertThat(element(html, "endDate")).doesNotContain("aria-required");
        assertThat(html).contains("Geslacht <span class=\"required-mark\">(verplicht)</span></legend>")
                .contains("Classificatie hulpvraag (CAP-J) <span class=\"required-mark\">(verplicht)</span></legend>")
                .contains("<span class=\"required-mark\">(verplicht bij afsluiten)</span></legend>")
                .contains("<span class=\"required-mark\">(verplicht bij verwezen)</span></legend>")
                .contains("<span class=\"required-mark\">(verplicht bij een eerdere diagnose)</span></legend>");
        // A required radio group: every radio has the attribute (the form is novalidate, the server judges).
        assertThat(element(html, "gender")).contains("type=\"radio\"").contains("required");
        assertThat(element(html, "outcome")).contains("type=\"radio\"").doesNotContain("required");
        // The CAP-J list: one field marker for the whole list, every code still a labelled checkbox.
        assertThat(html.split("name=\"_capjCodes\"", -1)).hasSize(2);
        assertThat(element(html, "capjCodes")).contains("type=\"checkbox\"").contains("name=\"capjCodes\"");
        assertThat(element(html, "capj-A102")).contains("value=\"A102\"").doesNotContain("checked");
        assertThat(label(html, "capj-A102")).contains("A-102").contains("Angstproblemen");
    }

    @Test
    void summaryLinksOfAnEmptyFormPointAtTheFirstInputOfEachGroup() throws Exception {
        String html = mvc.perform(post("/trajecten").with(user(users.loadUserByUsername(supporter.username())))
                        .with(csrf()).param("capjCodes", "A102").param("_capjCodes", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");

        List<String> targets = Pattern.compile("<a class=\"alert-link\" href=\"#([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(targets).containsExactlyInAnyOrder("practiceId", "birthMonth", "birthYear", "gender", "startDate",
                "helpRequest", "applicants", "contacts");
        for (String id : targets) {
            assertThat(element(html, id)).as("summary target " + id).matches("<(input|select|textarea)\\b.*");
            assertThat(html).as("no other element with id " + id).containsOnlyOnce("id=\"" + id + "\"");
        }
        assertThat(element(html, "gender")).contains("value=\"M\"");
        assertThat(element(html, "applicants")).contains("value=\"JEUGDIGE\"");
        assertThat(html).contains("aria-describedby=\"gender-fout\"").contains("id=\"gender-fout\"");
        assertThat(element(html, "capj-A102")).as("the chosen code stays chosen").contains("checked");
    }

    @Test
    void theClosingFormMarksEndDateAndOutcomeAsRequired() throws Exception {
        long id = data.trajectory(supporter, practice, LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusWeeks(3));
        String html = mvc.perform(get("/trajecten/" + id + "/afsluiten")
                        .with(user(users.loadUserByUsername(supporter.username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");

        assertThat(label(html, "endDate")).endsWith("<span class=\"required-mark\">(verplicht)</span>");
        assertThat(element(html, "endDate")).contains("aria-required=\"true\"");
        assertThat(html).contains("Wijze van afronding <span class=\"required-mark\">(verplicht)</span></legend>");
        assertThat(element(html, "outcome")).contains("type=\"radio\"").contains("required");
    }

    /** The opening tag of the element with this id. */
    static String element(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("an element with id " + id).isTrue();
        return m.group();
    }

    /** The content of the label for this id. */
    static String label(String html, String id) {
        Matcher m = Pattern.compile("<label[^>]*\\bfor=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</label>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a label for " + id).isTrue();
        return m.group(1).strip();
    }
}
