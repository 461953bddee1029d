package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElement;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supporter's whole registration flow in a real (headless) browser with app.js running: log in,
 * register with the CAP-J picker, contact today, a refused and then a valid closing with the referral
 * block shown by script, and the filtered worklist. Screenshots: target/screenshots/RegistrationBrowserIT/.
 */
// A real browser keeps a real cookie, so the JDBC session store the test profile leaves out is used here.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
class RegistrationBrowserIT {

    private static HeadlessChromium browser;

    /** The page as it was when a test failed, next to the step screenshots. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("FOUT-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    long pilot;
    long practice;
    Supporter supporter;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start(RegistrationBrowserIT.class.getSimpleName());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        browser.baseUrl("http://localhost:" + port);
        browser.forgetSession();
        pilot = data.pilot();
        practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
    }

    @Test
    void supporterRegistersAddsContactClosesWithReferralAndFindsItInTheWorklist() {
        String reference = TestData.unique("BR-");
        LocalDate start = today.minusWeeks(6);

        // 1. Log in through the form.
        logIn(supporter.username(), "login");
        browser.screenshot("werklijst-leeg");

        // 2. Register a trajectory.
        browser.clickAndWait(browser.visible(By.linkText("Nieuw traject")));
        assertThat(heading()).isEqualTo("Nieuw traject");
        browser.screenshot("nieuw-traject-leeg");

        new Select(browser.find(By.id("practiceId"))).selectByValue(String.valueOf(practice));
        browser.type(browser.find(By.id("privateReference")), reference);
        new Select(browser.find(By.id("birthMonth"))).selectByValue("4");
        browser.type(browser.find(By.id("birthYear")), String.valueOf(start.getYear() - 12));
        browser.tick(input("gender", "V"));
        browser.setDate(browser.find(By.id("startDate")), start.toString());
        browser.type(browser.find(By.id("helpRequest")), "Angstig, wil niet naar school");

        WebElement search = browser.visible(By.id("capj-zoek"));
        browser.type(search, "angst");
        browser.await().until(visibilityOf(capjItem("A102")));
        browser.await().until(invisibilityOf(capjItem("E103")));
        browser.tick(input("capjCodes", "A102"));
        browser.type(search, "spijbelen");
        browser.await().until(visibilityOf(capjItem("E103")));
        assertThat(capjItem("A102").isDisplayed()).as("A102 filtered away by 'spijbelen'").isFalse();
        browser.tick(input("capjCodes", "E103"));
        WebElement chosen = browser.find(By.cssSelector(".capj-chosen"));
        browser.await().until(textToBePresentInElement(chosen, "E-103"));
        assertThat(chosen.getText()).contains("A-102 Angstproblemen").contains("E-103");

        browser.tick(input("applicants", "OUDERS"));
        browser.tick(input("applicants", "SCHOOL"));
        browser.screenshot("nieuw-traject-ingevuld");
        browser.clickAndWait(saveButton());

        browser.await().until(urlMatches("/trajecten/\\d+$"));
        String url = browser.driver().getCurrentUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(successMessage()).isEqualTo("Het traject is geregistreerd.");
        assertThat(heading()).contains(reference).contains("open");
        List<String> capj = browser.all(By.xpath("//h2[normalize-space()='Hulpvraag']/following-sibling::ul[1]/li"))
                .stream().map(WebElement::getText).toList();
        assertThat(capj).hasSize(2).anySatisfy(c -> assertThat(c).startsWith("A-102").contains("Angstproblemen"))
                .anySatisfy(c -> assertThat(c).startsWith("E-103").contains("spijbelen"));
        assertThat(jdbc.sql("""
                        SELECT registration_date IS NULL AND chain_partner IS NULL AND end_date IS NULL
                          FROM trajectory WHERE id = :id""").param("id", id).query(Boolean.class).single())
                .as("fields left empty in the form are empty in the database").isTrue();
        int contacts = contactsOnDetailPage();
        assertThat(contacts).isEqualTo(1);
        browser.screenshot("traject-geregistreerd");

        // 3. Contact today.
        browser.clickAndWait(browser.visible(By.xpath("//main//button[normalize-space()='Contact vandaag']")));
        assertThat(successMessage()).isEqualTo("Er is een contact van vandaag toegevoegd.");
        assertThat(contactsOnDetailPage()).isEqualTo(contacts + 1);
        browser.screenshot("contact-toegevoegd");

        // 4. Close without an outcome: refused, nothing typed is lost, still open.
        browser.clickAndWait(browser.visible(By.xpath("//main//a[normalize-space()='Afsluiten']")));
        assertThat(heading()).isEqualTo("Traject afsluiten");
        WebElement referralBlock = browser.find(By.cssSelector("[data-show-when='outcome=VERWEZEN']"));
        assertThat(referralBlock.isDisplayed()).as("referral block before an outcome is chosen").isFalse();
        browser.screenshot("afsluiten-leeg");
        browser.setDate(browser.find(By.id("endDate")), today.toString());
        browser.type(browser.find(By.id("contacts")), "4");
        browser.type(browser.find(By.id("chainPartner")), "Jeugd-GGZ Oost");
        browser.tick(input("interventions", "PSYCHO_EDUCATIE"));
        browser.tick(input("consultations", "HUISARTS"));
        browser.clickAndWait(closeButton());

        assertThat(heading()).isEqualTo("Traject afsluiten");
        WebElement fieldError = browser.visible(By.id("outcome-fout"));
        assertThat(fieldError.getText()).isEqualTo("Fout: Kies de wijze van afronding.");
        assertThat(fieldError.findElement(By.xpath("ancestor::fieldset[1]")).getAttribute("id")).isEqualTo("outcome");
        WebElement summary = browser.visible(By.id("foutoverzicht"));
        assertThat(browser.driver().switchTo().activeElement()).as("focus moved to the error summary").isEqualTo(summary);
        WebElement summaryLink = summary.findElement(By.cssSelector("a[href='#outcome']"));
        assertThat(summaryLink.getText()).isEqualTo("Kies de wijze van afronding.");
        assertThat(browser.find(By.id("endDate")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(browser.find(By.id("contacts")).getDomProperty("value")).isEqualTo("4");
        assertThat(browser.find(By.id("chainPartner")).getDomProperty("value")).isEqualTo("Jeugd-GGZ Oost");
        assertThat(input("interventions", "PSYCHO_EDUCATIE").isSelected()).isTrue();
        assertThat(input("consultations", "HUISARTS").isSelected()).isTrue();
        assertThat(browser.all(By.cssSelector("input[name='outcome']:checked"))).isEmpty();
        assertThat(jdbc.sql("SELECT (end_date IS NULL AND outcome IS NULL) FROM trajectory WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).as("still open in the database").isTrue();
        browser.screenshot("afsluiten-fout");

        // 5. Outcome "Verwezen": the referral block appears only then; save.
        referralBlock = browser.find(By.cssSelector("[data-show-when='outcome=VERWEZEN']"));
        assertThat(referralBlock.isDisplayed()).isFalse();
        browser.tick(input("outcome", "ZELF_AFGEROND"));
        assertThat(referralBlock.isDisplayed()).as("referral block with outcome ZELF_AFGEROND").isFalse();
        browser.tick(input("outcome", "VERWEZEN"));
        browser.await().until(visibilityOf(referralBlock));
        assertThat(browser.find(By.cssSelector("[data-show-when='outcome=ANDERS']")).isDisplayed()).isFalse();
        browser.tick(input("referralMoment", "NA_BEHANDELING"));
        browser.tick(input("destinations", "SGGZ"));
        browser.tick(input("destinations", "JEUGDCONSULENT"));
        browser.screenshot("afsluiten-verwezen");
        browser.clickAndWait(closeButton());

        browser.await().until(urlMatches("/trajecten/" + id + "$"));
        assertThat(successMessage()).isEqualTo("Het traject is afgesloten.");
        assertThat(heading()).contains("afgesloten");
        browser.screenshot("traject-afgesloten");
        String outcome = jdbc.sql("SELECT outcome || '/' || referral_moment FROM trajectory WHERE id = :id")
                .param("id", id).query(String.class).single();
        assertThat(outcome).isEqualTo("VERWEZEN/NA_BEHANDELING");
        String destinations = jdbc.sql("SELECT array_to_string(referral_destinations, ',') FROM trajectory WHERE id = :id")
                .param("id", id).query(String.class).single();
        assertThat(Arrays.asList(destinations.split(","))).containsExactlyInAnyOrder("SGGZ", "JEUGDCONSULENT");
        assertThat(jdbc.sql("SELECT end_date FROM trajectory WHERE id = :id").param("id", id)
                .query(LocalDate.class).single()).isEqualTo(today);

        // 6. Worklist: closed trajectories filtered by outcome.
        browser.clickAndWait(browser.visible(By.linkText("Werklijst")));
        assertThat(browser.all(By.xpath(openTable() + "//a[normalize-space()='" + reference + "']"))).isEmpty();
        new Select(browser.find(By.id("outcome"))).selectByVisibleText("Verwezen");
        browser.clickAndWait(browser.find(By.xpath("//form[@role='search']//button[normalize-space()='Zoeken']")));
        assertThat(browser.driver().getCurrentUrl()).contains("outcome=VERWEZEN");
        assertThat(new Select(browser.find(By.id("outcome"))).getFirstSelectedOption().getText()).isEqualTo("Verwezen");
        List<WebElement> rows = browser.all(By.xpath(closedTable() + "//tbody/tr"));
        assertThat(rows).hasSize(1);
        List<String> cells = rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells.get(0)).isEqualTo(reference);
        assertThat(cells.get(cells.size() - 1)).isEqualTo("Verwezen");
        assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href")).endsWith("/trajecten/" + id);
        browser.screenshot("werklijst-gefilterd");
    }

    @Test
    void anotherSupportersTrajectoryIsNotFound() {
        Supporter other = data.supporter(pilot, "OJG", practice);
        long foreign = data.trajectory(other, practice, today.minusWeeks(3));

        logIn(supporter.username(), "login-tweede");
        browser.open("/trajecten/" + foreign);

        assertThat(heading()).isEqualTo("Niet gevonden");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("Deze pagina of dit gegeven bestaat niet, of u heeft er geen toegang toe.");
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain("AB-1").doesNotContain("Somberheid en piekeren");
        assertThat(browser.all(By.xpath("//button[normalize-space()='Contact vandaag']"))).isEmpty();
        browser.screenshot("ander-traject-niet-gevonden");
    }

    private void logIn(String username, String screenshot) {
        browser.open("/login");
        browser.type(browser.visible(By.id("username")), username);
        browser.type(browser.find(By.id("password")), TestData.PASSWORD);
        browser.screenshot(screenshot);
        browser.clickAndWait(browser.find(By.cssSelector("main form button[type='submit']")));
        browser.await().until(urlMatches("/trajecten$"));
        assertThat(heading()).isEqualTo("Werklijst");
        assertThat(browser.find(By.cssSelector(".navbar-text")).getText()).isEqualTo(username);
    }

    private WebElement input(String name, String value) {
        return browser.find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }

    /** The row of the CAP-J picker that the search box shows or hides. */
    private WebElement capjItem(String code) {
        return input("capjCodes", code).findElement(By.xpath("ancestor::div[@data-search][1]"));
    }

    private String heading() {
        return browser.visible(By.cssSelector("main h1")).getText().trim().replaceAll("\\s+", " ");
    }

    private String successMessage() {
        return browser.visible(By.cssSelector("main .alert-success")).getText();
    }

    private int contactsOnDetailPage() {
        return Integer.parseInt(browser.visible(
                By.xpath("//dt[starts-with(normalize-space(), 'Totaal aantal contacten')]/following-sibling::dd[1]"))
                .getText().trim());
    }

    private WebElement saveButton() {
        return browser.find(By.xpath("//main//form//button[@type='submit' and normalize-space()='Opslaan']"));
    }

    private WebElement closeButton() {
        return browser.find(By.xpath("//main//form[contains(@action, '/afsluiten')]//button[@type='submit']"));
    }

    private static String openTable() {
        return "//table[@aria-describedby='lopend']";
    }

    private static String closedTable() {
        return "//table[@aria-describedby='afgesloten']";
    }
}
