package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.Principals;
import nl.jeugdhulp.registratie.TestData;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.Role;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a screen-reader or keyboard user relies on in the shared layout and form fragments (WCAG 2.1 AA),
 * checked on rendered pages: labels belong to fields, errors are tied to their field and listed in a summary
 * whose links land on real ids, the page language, one h1 and the landmarks. The browser suite (axe-core)
 * checks what needs a browser: computed colours, focus order, focus movement.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccessibilityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Principals principals;

    @Test
    void anInvalidTrajectoryFormTiesEveryErrorToItsFieldAndListsThemInASummary() throws Exception {
        long pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        Supporter supporter = data.supporter(pilot, "POH_JEUGD", practice);

        MvcResult result = mvc.perform(post("/trajecten").with(principals.as(supporter.userId())).with(csrf())
                        .param("privateReference", "A11Y-1").param("contacts", "veel"))
                .andExpect(status().isUnprocessableContent()).andReturn();
        Page page = new Page(result.getResponse().getContentAsString());

        page.assertLayout("nl");
        page.assertEveryControlHasALabel();
        page.assertEveryReferenceExists();

        // The summary: announced (role=alert), focusable for app.js, one link per field error, each to a real id.
        Element summary = page.byId("foutoverzicht");
        assertThat(summary.getAttributeValue("role")).isEqualTo("alert");
        assertThat(summary.getAttributeValue("tabindex")).isEqualTo("-1");
        assertThat(page.text(page.byId(summary.getAttributeValue("aria-labelledby"))))
                .isEqualTo("Controleer de volgende velden:");
        List<String> targets = page.descendants(summary, "a").stream().map(a -> a.getAttributeValue("href")).toList();
        assertThat(targets).contains("#practiceId", "#birthMonth", "#birthYear", "#gender", "#helpRequest",
                "#capjCodes", "#applicants", "#contacts");
        for (String target : targets) {
            Element field = page.byId(target.substring(1));
            assertThat(field).as("summary link " + target).isNotNull();
            // A link lands on the control itself; for a group on its first input, so the focus moves there.
            assertThat(field.getElementName()).as(target).isIn("input", "select", "textarea");
        }

        // A single field: invalid, described by an error that says "Fout:" in words, not only in red.
        Element birthYear = page.byId("birthYear");
        assertThat(birthYear.getAttributeValue("aria-invalid")).isEqualTo("true");
        assertThat(birthYear.getAttributeValue("aria-describedby")).isEqualTo("birthYear-fout");
        assertThat(page.text(page.byId("birthYear-fout"))).isEqualTo("Fout: Vul het geboortejaar in.");
        assertThat(page.text(page.labelFor("birthYear"))).isEqualTo("Geboortejaar (verplicht)");
        // A group: the fieldset with its legend carries the description; the options have their own labels.
        Element firstGender = page.byId("gender");
        assertThat(firstGender.getAttributeValue("type")).isEqualTo("radio");
        Element gender = (Element) firstGender.getParent().getParent();
        assertThat(gender.getElementName()).isEqualTo("fieldset");
        assertThat(page.text(page.descendants(gender, "legend").get(0))).isEqualTo("Geslacht (verplicht)");
        assertThat(gender.getAttributeValue("aria-describedby")).isEqualTo("gender-fout");
        assertThat(page.text(page.byId("gender-fout"))).isEqualTo("Fout: Kies het geslacht (of onbekend).");
        assertThat(page.text(page.byId("applicants-fout"))).isEqualTo("Fout: Kies minstens één aanmelder.");
        // A valid field is not marked invalid and points at no error.
        Element reference = page.byId("privateReference");
        assertThat(reference.getAttributeValue("value")).isEqualTo("A11Y-1");
        assertThat(reference.getAttributeValue("aria-invalid")).isEqualTo("false");
        assertThat(reference.getAttributeValue("aria-describedby")).isEqualTo("privateReference-hint");
    }

    @Test
    void requiredFieldsAreMarkedInWordsAndErrorsOfAGeneratedFormAreLinked() throws Exception {
        var admin = principals.newUser(Role.BEHEERDER);
        Page empty = new Page(mvc.perform(get("/beheer/pilots/nieuw").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        empty.assertLayout("nl");
        empty.assertEveryControlHasALabel();
        // PilotForm.name is @NotBlank; organisation is optional.
        assertThat(empty.text(empty.labelFor("name"))).isEqualTo("Naam (verplicht)");
        assertThat(empty.byId("name").getAttributeValue("aria-required")).isEqualTo("true");
        assertThat(empty.text(empty.labelFor("organisation"))).isEqualTo("Organisatie die de pilot uitvoert");
        assertThat(empty.byId("organisation").hasAttribute("aria-required")).isFalse();
        assertThat(empty.byIdOrNull("foutoverzicht")).as("no summary without errors").isNull();

        Page invalid = new Page(mvc.perform(post("/beheer/pilots/nieuw").with(admin).with(csrf()).param("name", " "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        invalid.assertEveryReferenceExists();
        assertThat(invalid.byId("name").getAttributeValue("aria-describedby")).isEqualTo("name-fout");
        assertThat(invalid.text(invalid.byId("name-fout"))).startsWith("Fout: ");
        assertThat(invalid.descendants(invalid.byId("foutoverzicht"), "a").stream()
                .map(a -> a.getAttributeValue("href")).toList()).containsExactly("#name");
    }

    @Test
    void theDefaultIsDutchWhateverTheBrowserAsksAndEnglishIsOneLinkAway() throws Exception {
        // An English browser still gets Dutch: the product language, not the browser's, is the default.
        Page dutch = new Page(mvc.perform(get("/login").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        dutch.assertLayout("nl");
        assertThat(dutch.text(dutch.descendants(dutch.root(), "h1").get(0))).isEqualTo("Aanmelden");
        Element toEnglish = dutch.languageLink();
        assertThat(toEnglish.getAttributeValue("href")).isEqualTo("?lang=en");
        assertThat(toEnglish.getAttributeValue("lang")).isEqualTo("en");
        assertThat(dutch.text(toEnglish)).isEqualTo("English");

        MvcResult switched = mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk()).andReturn();
        Page english = new Page(switched.getResponse().getContentAsString());
        english.assertLayout("en");
        assertThat(english.text(english.descendants(english.root(), "h1").get(0))).isEqualTo("Log in");
        assertThat(english.text(english.labelFor("username"))).isEqualTo("Username");
        assertThat(english.text(english.languageLink())).isEqualTo("Nederlands");
        assertThat(english.languageLink().getAttributeValue("href")).isEqualTo("?lang=nl");
        Cookie taal = switched.getResponse().getCookie("taal");
        assertThat(taal).isNotNull();
        assertThat(taal.getValue()).isEqualTo("en");

        // The cookie keeps English on the next page, without the parameter.
        Page next = new Page(mvc.perform(get("/privacy").cookie(new Cookie("taal", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        next.assertLayout("en");
        assertThat(next.text(next.descendants(next.root(), "h1").get(0))).isEqualTo("Privacy and data");
    }

    @Test
    void aLanguageWithoutBundleFallsBackToDutchInsteadOfShowingKeys() throws Exception {
        for (var request : List.of(get("/login").param("lang", "fr"), get("/login").cookie(new Cookie("taal", "de")))) {
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Page page = new Page(html);
            page.assertLayout("nl");
            assertThat(page.text(page.descendants(page.root(), "h1").get(0))).isEqualTo("Aanmelden");
            assertThat(html).doesNotContain("??");
        }
    }

    /** A rendered page, parsed with attoparser (Thymeleaf's own parser). */
    static final class Page {
        private final Document document;
        private final Map<String, Element> ids = new HashMap<>();
        private final List<String> duplicateIds = new ArrayList<>();

        Page(String html) throws Exception {
            document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
            for (Element e : descendants(document, null)) {
                String id = e.getAttributeValue("id");
                if (id != null && ids.put(id, e) != null) {
                    duplicateIds.add(id);
                }
            }
        }

        Element root() {
            return descendants(document, "html").get(0);
        }

        /** html lang, skip link first, one h1, landmarks, the menu named. */
        void assertLayout(String language) {
            assertThat(root().getAttributeValue("lang")).isEqualTo(language);
            assertThat(duplicateIds).as("ids used twice").isEmpty();
            Element body = descendants(document, "body").get(0);
            Element firstLink = descendants(body, "a").get(0);
            assertThat(firstLink.getAttributeValue("href")).as("skip link first").isEqualTo("#inhoud");
            assertThat(byId("inhoud").getElementName()).isEqualTo("main");
            assertThat(descendants(body, "main")).hasSize(1);
            assertThat(descendants(body, "h1")).hasSize(1);
            assertThat(descendants(body, "header")).hasSize(1);
            assertThat(descendants(body, "footer")).hasSize(1);
            List<Element> navs = descendants(descendants(body, "header").get(0), "nav");
            assertThat(navs).hasSize(1);
            assertThat(navs.get(0).getAttributeValue("aria-label")).isEqualTo(language.equals("nl") ? "Hoofdmenu" : "Main menu");
            assertThat(text(descendants(document, "title").get(0))).isNotBlank();
        }

        /** Every visible form control has a label for its id (or a name of its own). */
        void assertEveryControlHasALabel() {
            Set<String> labelled = descendants(document, "label").stream().map(l -> l.getAttributeValue("for"))
                    .collect(Collectors.toSet());
            for (Element control : descendants(document, null)) {
                String name = control.getElementName();
                String type = String.valueOf(control.getAttributeValue("type"));
                boolean field = name.equals("select") || name.equals("textarea")
                        || (name.equals("input") && !Set.of("hidden", "submit", "button", "reset").contains(type));
                if (!field) {
                    continue;
                }
                String id = control.getAttributeValue("id");
                assertThat(id).as("id of " + control.getAttributeMap()).isNotBlank();
                assertThat(labelled.contains(id) || control.hasAttribute("aria-label")).as("label for " + id).isTrue();
            }
        }

        /** Every id named by aria-describedby, aria-labelledby, label for or a #link exists. */
        void assertEveryReferenceExists() {
            for (Element e : descendants(document, null)) {
                for (String attribute : List.of("aria-describedby", "aria-labelledby", "aria-controls")) {
                    String value = e.getAttributeValue(attribute);
                    if (value != null) {
                        for (String id : value.trim().split("\\s+")) {
                            assertThat(ids).as(attribute + " → " + id).containsKey(id);
                        }
                    }
                }
                if (e.getElementName().equals("label") && e.hasAttribute("for")) {
                    assertThat(ids).as("label for → " + e.getAttributeValue("for")).containsKey(e.getAttributeValue("for"));
                }
                String href = e.getAttributeValue("href");
                if (e.getElementName().equals("a") && href != null && href.startsWith("#") && href.length() > 1) {
                    assertThat(ids).as("link → " + href).containsKey(href.substring(1));
                }
            }
        }

        Element byId(String id) {
            Element e = ids.get(id);
            assertThat(e).as("element #" + id).isNotNull();
            return e;
        }

        Element byIdOrNull(String id) {
            return ids.get(id);
        }

        Element labelFor(String id) {
            return descendants(document, "label").stream().filter(l -> id.equals(l.getAttributeValue("for")))
                    .findFirst().orElseThrow(() -> new AssertionError("no label for " + id));
        }

        Element languageLink() {
            return descendants(document, "a").stream()
                    .filter(a -> String.valueOf(a.getAttributeValue("href")).startsWith("?lang="))
                    .findFirst().orElseThrow(() -> new AssertionError("no language link"));
        }

        List<Element> descendants(INestableNode parent, String name) {
            List<Element> found = new ArrayList<>();
            for (INode node : parent.getChildren()) {
                if (node instanceof Element e) {
                    if (name == null || e.getElementName().equalsIgnoreCase(name)) {
                        found.add(e);
                    }
                    found.addAll(descendants(e, name));
                }
            }
            return found;
        }

        /** The text a screen reader reads, whitespace collapsed. */
        String text(INestableNode node) {
            StringBuilder out = new StringBuilder();
            collect(node, out);
            return Arrays.stream(out.toString().trim().split("\\s+")).collect(Collectors.joining(" "));
        }

        private void collect(INestableNode node, StringBuilder out) {
            for (INode child : node.getChildren()) {
                if (child instanceof Text t) {
                    out.append(t.getContent());
                } else if (child instanceof INestableNode n) {
                    collect(n, out);
                }
            }
        }
    }
}
