package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.time.LocalDate;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.reporting.Breakdown;
import nl.jeugdhulp.registratie.reporting.Report;
import nl.jeugdhulp.registratie.reporting.ReportFilter;
import nl.jeugdhulp.registratie.reporting.ReportScope;
import nl.jeugdhulp.registratie.reporting.ReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A parent with a phone-sized browser and no account: opens the supporter's personal link (read from
 * the supporter's own page, as printed on the card), chooses the parent version, answers by tapping
 * the large choices, sends, sees the thank-you page; going back and sending again stores nothing
 * more; the response counts in the trimester report. Screenshots: target/browser/screenshots/ouder-*.png.
 */
class QuestionnaireBrowserIT extends BrowserTestSupport {

    @Autowired
    ReportService reports;

    long pilot;
    Supporter supporter;

    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        long practice = data.practice(pilot, data.municipality());
        supporter = data.supporter(pilot, "SOH_JGGZ", practice);
    }

    @Test
    void aParentAnswersThroughThePersonalLinkAndTheResponseCountsInTheReport() {
        String link = personalLinkFromTheSupportersPage();
        browser.forgetSession();
        Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(link);
            assertThat(heading()).isEqualTo("Vragenlijst over de Specialistisch Ondersteuner Huisarts Jeugd-GGZ (SOH-JGGZ)");
            assertThat(browser.all(By.cssSelector(".navbar-nav"))).as("no staff menu for a client").isEmpty();
            browser.check("ouder", "keuze-versie");
            browser.clickAndWait(browser.visible(By.linkText("Ik ben ouder of verzorger")));

            assertThat(heading()).isEqualTo("Wat vindt u van de Specialistisch Ondersteuner Huisarts Jeugd-GGZ (SOH-JGGZ)?");
            WebElement nine = label("understand-9");
            assertThat(nine.getSize().getHeight()).as("touch target height in px").isGreaterThanOrEqualTo(44);
            assertThat(nine.getSize().getWidth()).isGreaterThanOrEqualTo(44);
            assertThat(browser.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling on a phone").isEqualTo(true);
            browser.check("ouder", "formulier-ouder");

            tap(nine);
            tap(label("listen-10"));
            // involve left empty on purpose.
            browser.type(browser.find(By.id("goal")), "Weer naar school durven");
            tap(label("goalAttainment-MEER_BEREIKT"));
            tap(label("recommend-HELEMAAL_EENS"));
            tap(label("learned-WEL_EENS"));
            tap(label("confidence-WEL_EENS"));
            browser.type(browser.find(By.id("remarks")), "Fijn dat het bij de huisarts kon.");
            assertThat(browser.find(By.id("understand-9")).isSelected()).isTrue();
            browser.check("ouder", "formulier-ingevuld");
            browser.clickAndWait(browser.find(By.cssSelector("button.q-send")));

            browser.await().until(urlMatches("/ouder/bedankt$"));
            assertThat(heading()).isEqualTo("Bedankt!");
            assertThat(browser.find(By.tagName("main")).getText()).contains("Uw antwoorden zijn anoniem verstuurd.");
            browser.check("ouder", "bedankt");

            // Back to the form and send again: the same one-time token, so still one response.
            browser.driver().navigate().back();
            browser.await().until(urlMatches("/ouder$"));
            browser.clickAndWait(browser.find(By.cssSelector("button.q-send")));
            browser.await().until(urlMatches("/ouder/bedankt$"));
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM questionnaire_response
                         WHERE supporter_id = :s AND understand = 9 AND listen = 10 AND involve IS NULL
                           AND goal_attainment = 'MEER_BEREIKT' AND source = 'WEB'""")
                .param("s", supporter.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_response WHERE supporter_id = :s")
                .param("s", supporter.id()).query(Long.class).single()).as("one response after sending twice").isEqualTo(1);

        Report report = reports.report(new ReportFilter(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()),
                pilot, null, null, null, null), ReportScope.everything());
        Report.Experiences experiences = report.experiences();
        assertThat(experiences.statistics().responses()).containsExactly(0, 1, 0, 1);
        assertThat(experiences.statistics().scores().get(0).mean()[3]).isEqualTo(9.0);
        assertThat(report.table("doelbereik", Breakdown.FUNCTION_TYPE).orElseThrow().count("MEER_BEREIKT", "SOH_JGGZ"))
                .isEqualTo(1);
    }

    /** Logs in as the supporter and reads the personal link on their questionnaire page. */
    private String personalLinkFromTheSupportersPage() {
        logIn(supporter.username(), "supporter", "login-vragenlijst");
        browser.open("/profiel");
        browser.clickAndWait(browser.visible(By.partialLinkText("Cliëntvragenlijst: persoonlijke link")));
        String link = browser.visible(By.cssSelector("main code")).getText().trim();
        assertThat(link).matches("http://localhost:" + port + "/v/[A-Za-z0-9_-]{43}");
        browser.check("supporter", "vragenlijst-eigen-vragenlijstpagina");
        // The printable card: its QR code (SVG served by the app) is loaded and drawn.
        browser.clickAndWait(browser.visible(By.linkText("Kaart met QR-code (afdrukken)")));
        WebElement qr = browser.visible(By.cssSelector(".q-card img.q-qr"));
        browser.await().until(d -> ((Number) browser.driver().executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", qr)).intValue() > 0);
        assertThat(browser.find(By.cssSelector(".q-card-link")).getText()).isEqualTo(link);
        browser.check("supporter", "vragenlijst-kaart-a4");
        return link;
    }

    private WebElement label(String inputId) {
        return browser.find(By.cssSelector("label[for='" + inputId + "']"));
    }

    /** Taps a choice's label (the radio itself is visually hidden in the 0-10 rows). */
    private void tap(WebElement label) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
        browser.await().until(d -> d.findElement(By.id(label.getAttribute("for"))).isSelected());
    }

    private String heading() {
        return browser.heading();
    }
}
