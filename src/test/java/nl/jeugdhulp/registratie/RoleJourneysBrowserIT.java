package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.jeugdhulp.registratie.HeadlessChromium.Download;
import nl.jeugdhulp.registratie.TestData.Supporter;
import nl.jeugdhulp.registratie.account.AccountService;
import nl.jeugdhulp.registratie.account.Role;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main journey of each staff role besides the supporter (see {@link RegistrationBrowserIT}) in a
 * real browser: the project leader's report with filters, its XLSX and the cost assumptions; the
 * municipality's summary and PDF; the researcher's export; the administrator's new user, new practice
 * and audit trail. Every page passes {@link HeadlessChromium#check}. Screenshots:
 * target/browser/screenshots/&lt;role&gt;-&lt;step&gt;.png.
 */
class RoleJourneysBrowserIT extends BrowserTestSupport {

    @Autowired
    AccountService accounts;

    long pilot;
    long municipality;
    long practice;
    String pilotName;
    Supporter supporter;

    /** A pilot of one practice with three trajectories of one supporter, started this year. */
    @BeforeEach
    void setUp() {
        pilot = data.pilot();
        municipality = data.municipality();
        practice = data.practice(pilot, municipality);
        supporter = data.supporter(pilot, "POH_JEUGD", practice);
        for (int i = 0; i < 3; i++) {
            data.trajectory(supporter, practice, today.withDayOfYear(1).plusDays(i));
        }
        pilotName = jdbc.sql("SELECT name FROM pilot WHERE id = :id").param("id", pilot).query(String.class).single();
    }

    @Test
    void projectLeaderFiltersTheReportDownloadsItAndSetsCostAssumptions() throws IOException {
        String leader = data.username(data.projectLeader(pilot));
        logIn(leader, "projectleider", "login");
        browser.check("projectleider", "trajecten-pilot");

        browser.clickAndWait(browser.visible(By.linkText("Rapportage")));
        assertThat(browser.heading()).isEqualTo("Trimesterrapportage");
        browser.check("projectleider", "rapportage");

        // Filters: this pilot, this year, supporters of function POH-Jeugd.
        new Select(browser.find(By.id("periode"))).selectByValue("JAAR");
        browser.type(browser.find(By.id("jaar")), String.valueOf(today.getYear()));
        new Select(browser.find(By.id("pilot"))).selectByValue(String.valueOf(pilot));
        new Select(browser.find(By.id("functie"))).selectByValue("POH_JEUGD");
        browser.clickAndWait(browser.find(By.xpath("//form[@role='search']//button[@type='submit']")));
        assertThat(browser.driver().getCurrentUrl()).contains("pilot=" + pilot).contains("functie=POH_JEUGD")
                .contains("jaar=" + today.getYear());
        assertThat(new Select(browser.find(By.id("pilot"))).getFirstSelectedOption().getText()).isEqualTo(pilotName);
        assertThat(browser.find(By.cssSelector("main p.lead")).getText())
                .isEqualTo("Periode 01-01-" + today.getYear() + " tot en met 31-12-" + today.getYear());
        browser.check("projectleider", "rapportage-gefilterd");

        // The XLSX link carries the filters; fetched with the browser's session it is a workbook.
        WebElement xlsx = browser.find(By.partialLinkText("Excel (XLSX)"));
        assertThat(xlsx.getDomAttribute("href")).contains("pilot=" + pilot).contains("functie=POH_JEUGD");
        Download report = browser.fetch(xlsx.getDomProperty("href"));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(report.disposition()).startsWith("attachment").contains(".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            assertThat(workbook.getNumberOfSheets()).isGreaterThan(1);
        }

        // Cost assumptions: a new one for this pilot.
        browser.clickAndWait(browser.visible(By.linkText("Kostenaannames")));
        assertThat(browser.heading()).isEqualTo("Kostenaannames voor de samenvatting");
        browser.check("projectleider", "kostenaannames");
        browser.clickAndWait(browser.find(By.xpath("//h2[normalize-space()='" + pilotName
                + "']/following-sibling::a[normalize-space()='Nieuwe aanname']")));
        browser.check("projectleider", "kostenaanname-nieuw");
        browser.setDate(browser.find(By.id("validFrom")), today.withDayOfYear(1).toString());
        browser.type(browser.find(By.id("amount")), "2500");
        browser.type(browser.find(By.id("staffCost")), "180000");
        browser.type(browser.find(By.id("housingCost")), "24000");
        browser.clickAndWait(browser.find(By.xpath("//main//form//button[normalize-space()='Opslaan']")));
        browser.await().until(urlMatches("/samenvatting/aannames$"));
        assertThat(browser.visible(By.cssSelector("main .alert-success")).getText()).isEqualTo("De wijzigingen zijn opgeslagen.");
        List<String> row = cells(By.xpath("//h2[normalize-space()='" + pilotName + "']/../following-sibling::table//tbody/tr"));
        assertThat(row.get(0)).isEqualTo(String.format("01-01-%d", today.getYear()));
        assertThat(jdbc.sql("""
                        SELECT amount_per_trajectory || '/' || staff_cost_per_year || '/' || housing_cost_per_year
                          FROM pilot_cost_assumption WHERE pilot_id = :p""")
                .param("p", pilot).query(String.class).single()).isEqualTo("2500.00/180000.00/24000.00");
        browser.check("projectleider", "kostenaannames-opgeslagen");
    }

    @Test
    void municipalityReadsTheSummaryAndDownloadsThePdf() {
        long user = accounts.createUser(TestData.unique("gem"), TestData.PASSWORD, Role.GEMEENTE, false,
                List.of(), List.of(municipality));
        logIn(data.username(user), "gemeente", "login");
        browser.await().until(urlMatches("/samenvatting"));
        assertThat(browser.heading()).isEqualTo("Samenvatting pilot");
        browser.check("gemeente", "samenvatting");

        new Select(browser.find(By.id("pilot"))).selectByValue(String.valueOf(pilot));
        browser.clickAndWait(browser.find(By.xpath("//form[@role='search']//button[@type='submit']")));
        assertThat(browser.driver().getCurrentUrl()).contains("pilot=" + pilot);
        browser.check("gemeente", "samenvatting-pilot");

        WebElement pdfLink = browser.find(By.linkText("Download als PDF"));
        Download pdf = browser.fetch(pdfLink.getDomProperty("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).startsWith("attachment").contains(".pdf");
        assertThat(pdf.start(5)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE user_id = :u AND event_type = 'SUMMARY_EXPORTED' AND details LIKE 'PDF %'""")
                .param("u", user).query(Long.class).single()).as("the download is audited").isEqualTo(1);
    }

    @Test
    void researcherDownloadsTheResearchExport() throws IOException {
        long user = data.user(Role.ONDERZOEKER);
        logIn(data.username(user), "onderzoeker", "login");
        browser.await().until(urlMatches("/export$"));
        assertThat(browser.heading()).isEqualTo("Registratiebestand exporteren");
        browser.check("onderzoeker", "export");

        browser.tick(browser.find(By.id("formaat-XLSX")));
        new Select(browser.find(By.id("pilot"))).selectByValue(String.valueOf(pilot));
        // The form's own GET request, fetched with the session instead of saved by the browser.
        String url = (String) browser.driver().executeScript("""
                const form = document.querySelector('form.export-form');
                return form.action + '?' + new URLSearchParams(new FormData(form)).toString();""");
        Download export = browser.fetch(url);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.disposition()).startsWith("attachment").contains("registratiebestand-" + today + ".xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet trajectories = workbook.getSheet("trajecten");
            assertThat(trajectories.getLastRowNum()).as("data rows: the pilot's three trajectories").isEqualTo(3);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE user_id = :u AND action = 'E'")
                .param("u", user).query(Long.class).single()).as("the export is audited").isGreaterThanOrEqualTo(1);
    }

    @Test
    void administratorCreatesAUserAndAPracticeAndReadsTheAuditTrail() {
        long admin = data.user(Role.BEHEERDER);
        String adminName = data.username(admin);
        logIn(adminName, "beheerder", "login");
        browser.await().until(urlMatches("/beheer$"));
        browser.check("beheerder", "beheer");

        // A new project leader for the pilot.
        String newUser = TestData.unique("pl").toLowerCase();
        browser.open("/beheer/gebruikers/nieuw");
        assertThat(browser.heading()).isEqualTo("Nieuwe gebruiker");
        browser.check("beheerder", "gebruiker-nieuw");
        browser.type(browser.find(By.id("username")), newUser);
        browser.type(browser.find(By.id("password")), "tijdelijk-wachtwoord-42");
        new Select(browser.find(By.id("role"))).selectByValue("PROJECTLEIDER");
        browser.tick(browser.find(By.cssSelector("input[name='pilotIds'][value='" + pilot + "']")));
        browser.clickAndWait(browser.find(By.xpath("//main//form//button[normalize-space()='Opslaan']")));
        assertThat(browser.visible(By.cssSelector("main .alert-success")).getText())
                .startsWith("De gebruiker is aangemaakt.");
        assertThat(jdbc.sql("""
                        SELECT u.role || '/' || p.pilot_id FROM app_user u JOIN user_pilot p ON p.user_id = u.id
                         WHERE u.username = :n""").param("n", newUser).query(String.class).single())
                .isEqualTo("PROJECTLEIDER/" + pilot);
        browser.check("beheerder", "gebruikers");

        // A new practice in the pilot.
        String practiceName = TestData.unique("Praktijk Browser ");
        browser.open("/beheer/praktijken/nieuw");
        browser.check("beheerder", "praktijk-nieuw");
        browser.type(browser.find(By.id("name")), practiceName);
        new Select(browser.find(By.id("pilotId"))).selectByValue(String.valueOf(pilot));
        new Select(browser.find(By.id("municipalityId"))).selectByValue(String.valueOf(municipality));
        browser.type(browser.find(By.id("numberOfGps")), "2");
        browser.type(browser.find(By.id("registeredPatients")), "4700");
        browser.type(browser.find(By.id("patientsUnder18")), "900");
        browser.clickAndWait(browser.find(By.xpath("//main//form//button[normalize-space()='Opslaan']")));
        browser.await().until(urlMatches("/beheer/praktijken$"));
        assertThat(browser.visible(By.cssSelector("main .alert-success")).getText()).isEqualTo("De wijzigingen zijn opgeslagen.");
        assertThat(jdbc.sql("SELECT number_of_gps FROM practice WHERE name = :n AND pilot_id = :p")
                .param("n", practiceName).param("p", pilot).query(BigDecimal.class).single()).isEqualByComparingTo("2");
        browser.check("beheerder", "praktijken");

        // The audit trail: the administrator's own events, newest first.
        browser.open("/beheer/audit");
        assertThat(browser.heading()).isEqualTo("Auditlog");
        browser.check("beheerder", "audit");
        browser.open("/beheer/audit/gebruiker/" + admin);
        List<String> events = new ArrayList<>();
        for (WebElement tr : browser.all(By.cssSelector("table.audit-table tbody tr"))) {
            events.add(tr.findElements(By.tagName("td")).get(2).getText());
        }
        assertThat(events).contains("USER_CREATED", "PRACTICE_CREATED");
        assertThat(events.indexOf("PRACTICE_CREATED")).as("newest first").isLessThan(events.indexOf("USER_CREATED"));
        browser.check("beheerder", "audit-gebruiker");
    }

    private List<String> cells(By row) {
        return browser.visible(row).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
