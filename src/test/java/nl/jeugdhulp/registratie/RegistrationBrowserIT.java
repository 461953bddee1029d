package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElement;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.TestData.Supporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supporter's whole registration flow in a real (headless) browser with app.js running: log in,
 * register with the CAP-J picker, contact today, a refused and then a valid closing with the referral
 * block shown by script, and the filtered worklist. Screenshots: target/browser/screenshots/supporter-*.png.
 */
class RegistrationBrowserIT extends BrowserTestSupport {

    private static final String ROLE = "supporter";

    long pilot;
    long practice;
    Supporter supporter;

    @BeforeEach
    void setUp() {
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
        browser.check(ROLE, "werklijst-leeg");

        // 2. Register a trajectory.
        browser.clickAndWait(browser.visible(By.linkText("Nieuw traject")));
        assertThat(heading()).isEqualTo("Nieuw traject");
        browser.check(ROLE, "nieuw-traject-leeg");

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
        browser.check(ROLE, "nieuw-traject-ingevuld");
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
        browser.check(ROLE, "traject-geregistreerd");

        // 3. Contact today.
        browser.clickAndWait(browser.visible(By.xpath("//main//button[normalize-space()='Contact vandaag']")));
        assertThat(successMessage()).isEqualTo("Er is een contact van vandaag toegevoegd.");
        assertThat(contactsOnDetailPage()).isEqualTo(contacts + 1);
        browser.check(ROLE, "contact-toegevoegd");

        // 4. Close without an outcome: refused, nothing typed is lost, still open.
        browser.clickAndWait(browser.visible(By.xpath("//main//a[normalize-space()='Afsluiten']")));
        assertThat(heading()).isEqualTo("Traject afsluiten");
        WebElement referralBlock = browser.find(By.cssSelector("[data-show-when='outcome=VERWEZEN']"));
        assertThat(referralBlock.isDisplayed()).as("referral block before an outcome is chosen").isFalse();
        browser.check(ROLE, "afsluiten-leeg");
        browser.setDate(browser.find(By.id("endDate")), today.toString());
        browser.type(browser.find(By.id("contacts")), "4");
        browser.type(browser.find(By.id("chainPartner")), "Jeugd-GGZ Oost");
        browser.tick(input("interventions", "PSYCHO_EDUCATIE"));
        browser.tick(input("consultations", "HUISARTS"));
        browser.clickAndWait(closeButton());

        assertThat(heading()).isEqualTo("Traject afsluiten");
        WebElement fieldError = browser.visible(By.id("outcome-fout"));
        assertThat(fieldError.getText()).isEqualTo("Fout: Kies de wijze van afronding.");
        assertThat(fieldError.findElement(By.xpath("ancestor::fieldset[1]")).getDomAttribute("aria-describedby"))
                .isEqualTo("outcome-fout");
        WebElement summary = browser.visible(By.id("foutoverzicht"));
        assertThat(browser.driver().switchTo().activeElement()).as("focus moved to the error summary").isEqualTo(summary);
        WebElement summaryLink = summary.findElement(By.cssSelector("a[href='#outcome']"));
        assertThat(summaryLink.getText()).isEqualTo("Kies de wijze van afronding.");
        // Following the summary link to a radio group puts the focus on its first radio, not on the fieldset.
        Keyboard keys = new Keyboard(browser);
        keys.tabTo(d -> "#outcome".equals(d.getDomAttribute("href")));
        keys.press(Keys.ENTER);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getDomAttribute("type")).as("focus after the summary link").isEqualTo("radio");
        assertThat(focused.getDomAttribute("name")).isEqualTo("outcome");
        assertThat(focused.getDomAttribute("id")).isEqualTo("outcome");
        assertThat(focused.getDomAttribute("required")).as("a required radio group").isNotNull();
        assertThat(browser.find(By.cssSelector("label[for='outcome']")).getText()).isEqualTo("Zelf afgerond (geen verwijzing)");
        assertThat(browser.find(By.id("endDate")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(browser.find(By.id("contacts")).getDomProperty("value")).isEqualTo("4");
        assertThat(browser.find(By.id("chainPartner")).getDomProperty("value")).isEqualTo("Jeugd-GGZ Oost");
        assertThat(input("interventions", "PSYCHO_EDUCATIE").isSelected()).isTrue();
        assertThat(input("consultations", "HUISARTS").isSelected()).isTrue();
        assertThat(browser.all(By.cssSelector("input[name='outcome']:checked"))).isEmpty();
        assertThat(jdbc.sql("SELECT (end_date IS NULL AND outcome IS NULL) FROM trajectory WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).as("still open in the database").isTrue();
        browser.check(ROLE, "afsluiten-fout");

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
        browser.check(ROLE, "afsluiten-verwezen");
        browser.clickAndWait(closeButton());

        browser.await().until(urlMatches("/trajecten/" + id + "$"));
        assertThat(successMessage()).isEqualTo("Het traject is afgesloten.");
        assertThat(heading()).contains("afgesloten");
        browser.check(ROLE, "traject-afgesloten");
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
        browser.check(ROLE, "werklijst-gefilterd");

        // 7. Reopen from the trajectory page: open again, the closing data cleared.
        browser.clickAndWait(rows.get(0).findElement(By.tagName("a")));
        browser.clickAndWait(browser.visible(By.xpath("//main//button[normalize-space()='Heropenen']")));
        browser.await().until(urlMatches("/trajecten/" + id + "$"));
        assertThat(successMessage()).isEqualTo("Het traject is heropend.");
        assertThat(heading()).contains(reference).contains("open");
        assertThat(jdbc.sql("SELECT end_date IS NULL AND outcome IS NULL FROM trajectory WHERE id = :id")
                .param("id", id).query(Boolean.class).single()).as("open again in the database").isTrue();
        browser.check(ROLE, "traject-heropend");
    }

    @Test
    void supporterUpdatesTheProfileAndImportsOwnFile() throws IOException {
        logIn(supporter.username(), "login-profiel");

        // Profile: the experience changes from 8 to 9 years, from today on.
        browser.clickAndWait(browser.visible(By.linkText("Mijn profiel")));
        assertThat(heading()).isEqualTo("Mijn profiel");
        browser.check(ROLE, "profiel");
        browser.type(browser.find(By.id("experienceYears")), "9");
        browser.clickAndWait(saveButton());
        assertThat(successMessage()).isEqualTo("Uw profiel is opgeslagen.");
        assertThat(jdbc.sql("""
                        SELECT experience_years FROM supporter_profile WHERE supporter_id = :s
                         ORDER BY valid_from DESC, id DESC LIMIT 1""")
                .param("s", supporter.id()).query(Integer.class).single()).isEqualTo(9);
        browser.check(ROLE, "profiel-opgeslagen");

        // Import: a small CSV of two trajectories, checked first, then imported.
        String practiceName = jdbc.sql("SELECT name FROM practice WHERE id = :id").param("id", practice)
                .query(String.class).single();
        LocalDate start = today.minusMonths(2);
        String csv = "bron_id;praktijk;geboortejaar;geboortemaand;geslacht;startdatum;hulpvraag;capj_1;"
                + "aanmelder_ouders;aantal_contacten\r\n"
                + "IMP-1;" + practiceName + ";2012;4;V;" + start + ";Piekert veel;A-102;1;3\r\n"
                + "IMP-2;" + practiceName + ";2009;10;M;" + start.plusDays(7) + ";Slaapt slecht;A-102;1;2\r\n";
        Path file = HeadlessChromium.OUTPUT.resolve("import-" + supporter.username() + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.clickAndWait(browser.visible(By.linkText("Importeren")));
        assertThat(heading()).isEqualTo("Registratie importeren");
        browser.check(ROLE, "import");
        browser.find(By.id("bestand")).sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWait(browser.find(By.cssSelector("main form button[type='submit']")));
        assertThat(browser.find(By.tagName("main")).getText()).contains("er is nog niets opgeslagen.")
                .contains("Nieuwe trajecten\n2\n").contains("Afgewezen rijen\n0");
        assertThat(trajectoriesOfSupporter()).as("nothing written by the check").isZero();
        browser.check(ROLE, "import-controle");

        browser.clickAndWait(browser.find(By.xpath("//main//form//button[normalize-space()='Importeren']")));
        browser.await().until(urlMatches("/import/taak/[^/]+$"));
        // The progress script reloads the page when the job has finished.
        WebElement result = new WebDriverWait(browser.driver(), Duration.ofMinutes(2))
                .until(visibilityOfElementLocated(By.id("import-resultaat")));
        assertThat(result.getText()).isEqualTo("Geïmporteerd: 2 nieuw, 0 bijgewerkt.");
        assertThat(trajectoriesOfSupporter()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT string_agg(help_request || '/' || birth_year || '/' || contacts, ',' ORDER BY birth_year)
                          FROM trajectory WHERE supporter_id = :s""")
                .param("s", supporter.id()).query(String.class).single())
                .isEqualTo("Slaapt slecht/2009/2,Piekert veel/2012/3");
        browser.check(ROLE, "import-klaar");
    }

    /**
     * The whole form with the keyboard: Tab to reach fields, arrows in selects and radio groups, Space
     * for checkboxes, Enter on the button. A first save without a help request is refused: the error
     * summary (role=alert) takes the focus, its link points at the field, and the typed answers stay.
     */
    @Test
    void theTrajectoryFormCanBeCompletedWithTheKeyboardAlone() {
        logIn(supporter.username(), "login-toetsenbord");
        Keyboard keys = new Keyboard(browser);

        keys.tabTo(d -> "Nieuw traject".equals(d.getText()));
        keys.press(Keys.ENTER);
        browser.await().until(urlMatches("/trajecten/nieuw$"));
        assertThat(heading()).isEqualTo("Nieuw traject");

        keys.tabTo(byId("birthMonth"));
        keys.press(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(browser.find(By.id("birthMonth")).getDomProperty("value")).isEqualTo("4");
        keys.tabTo(byId("birthYear"));
        keys.type("2013");
        keys.tabTo(d -> "gender".equals(d.getDomAttribute("name")));
        keys.press(Keys.SPACE);
        keys.press(Keys.ARROW_RIGHT);
        String gender = browser.find(By.cssSelector("input[name='gender']:checked")).getDomProperty("value");
        assertThat(gender).isEqualTo(browser.all(By.cssSelector("input[name='gender']")).get(1).getDomProperty("value"));
        keys.tabTo(byId("capj-zoek"));
        keys.type("angst");
        browser.await().until(invisibilityOf(capjItem("E103")));
        keys.tabTo(d -> "A102".equals(d.getDomAttribute("value")));
        keys.press(Keys.SPACE);
        keys.tabTo(d -> "applicants".equals(d.getDomAttribute("name")) && "OUDERS".equals(d.getDomAttribute("value")));
        keys.press(Keys.SPACE);
        keys.tabTo(d -> "Opslaan".equals(d.getText()));
        WebElement form = browser.find(By.tagName("html"));
        keys.press(Keys.ENTER);
        browser.await().until(HeadlessChromium.gone(form));

        // Refused: announced and linked to the field.
        WebElement summary = browser.visible(By.id("foutoverzicht"));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        browser.await().until(d -> summary.equals(d.switchTo().activeElement()));
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        assertThat(links).extracting(WebElement::getText).containsExactly("Beschrijf de hulpvraag.");
        assertThat(links.get(0).getDomAttribute("href")).isEqualTo("#helpRequest");
        WebElement target = browser.find(By.id("helpRequest"));
        assertThat(target.getTagName()).isEqualTo("textarea");
        assertThat(target.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(target.getDomAttribute("aria-describedby")).contains("helpRequest-fout");
        assertThat(browser.find(By.id("helpRequest-fout")).getText()).isEqualTo("Fout: Beschrijf de hulpvraag.");
        assertThat(browser.find(By.id("birthYear")).getDomProperty("value")).isEqualTo("2013");
        assertThat(input("capjCodes", "A102").isSelected()).isTrue();
        browser.check(ROLE, "toetsenbord-fout");

        // From the summary: Tab to its link, Enter, and on to the field.
        keys.press(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(links.get(0));
        keys.press(Keys.ENTER);
        keys.tabTo(byId("helpRequest"));
        keys.type("Durft niet naar school");
        keys.tabTo(d -> "Opslaan".equals(d.getText()));
        form = browser.find(By.tagName("html"));
        keys.press(Keys.ENTER);
        browser.await().until(HeadlessChromium.gone(form));

        browser.await().until(urlMatches("/trajecten/\\d+$"));
        assertThat(successMessage()).isEqualTo("Het traject is geregistreerd.");
        String url = browser.driver().getCurrentUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("""
                        SELECT birth_month || '/' || birth_year || '/' || gender || '/' || help_request || '/'
                               || (SELECT string_agg(capj_code, ',') FROM trajectory_capj WHERE trajectory_id = t.id)
                               || '/' || array_to_string(applicants, ',')
                          FROM trajectory t WHERE id = :id AND supporter_id = :s""")
                .param("id", id).param("s", supporter.id()).query(String.class).single())
                .isEqualTo("4/2013/" + gender + "/Durft niet naar school/A102/OUDERS");
        browser.check(ROLE, "toetsenbord-opgeslagen");
    }

    /**
     * Navigation Timing of the registration pages (worklist, new form, save, trajectory page): median
     * of five loads after one warm-up, written to target/browser/timings.md. Reported, not asserted:
     * a shared build machine says little about a target of 300 ms.
     */
    @Test
    void registrationPagesLoadTimesAreMeasured() throws IOException {
        logIn(supporter.username(), "login-tijden");
        // A server in use has its code compiled by the JIT: the pages are first requested 1,000 times
        // each in this session (plain HTTP, no browser; with 200 the form's server time was still about
        // a third above its warm value), then ten browser rounds warm up (they also warm the save) and
        // five are measured.
        warmUpServer(1000, "/trajecten", "/trajecten/nieuw");
        int warmUps = 10;
        int runs = 5;
        Map<String, List<double[]>> times = new LinkedHashMap<>();
        long last = 0;
        for (int run = 0; run < warmUps + runs; run++) {
            boolean warmUp = run < warmUps;
            browser.open("/trajecten");
            record(times, "Werklijst (GET /trajecten)", warmUp, "GET /trajecten");
            browser.open("/trajecten/nieuw");
            record(times, "Nieuw traject (GET /trajecten/nieuw)", warmUp, "GET /trajecten/nieuw");
            new Select(browser.find(By.id("birthMonth"))).selectByValue("6");
            browser.type(browser.find(By.id("birthYear")), "2014");
            browser.tick(input("gender", "M"));
            browser.type(browser.find(By.id("helpRequest")), "Meting " + run);
            browser.tick(input("capjCodes", "A102"));
            browser.tick(input("applicants", "OUDERS"));
            browser.clickAndWait(saveButton());
            browser.await().until(urlMatches("/trajecten/\\d+$"));
            String url = browser.driver().getCurrentUrl();
            last = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            String page = "/trajecten/" + last;
            record(times, "Opslaan (POST /trajecten, redirect, GET /trajecten/{id})", warmUp,
                    "POST /trajecten", "GET " + page);
            browser.open(page);
            record(times, "Traject (GET /trajecten/{id})", warmUp, "GET " + page);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Long.class).single()).as("every measured save stored a trajectory").isEqualTo(warmUps + runs);

        StringBuilder md = new StringBuilder("""
                # Page load in the browser (registration pages)

                Navigation Timing `loadEventEnd - startTime` in headless Chromium on loopback, median of %d
                loads after 1,000 plain requests of the worklist and the form and %d warm-up rounds (the save
                includes the POST, the redirect and the trajectory page). "Document" is `responseEnd -
                requestStart` of the page's own request as the browser saw it (for the save: of the page
                redirected to); "server" is the server's own time for the same request, from entering its first
                filter to leaving it (for the save: the POST plus the page redirected to), so the difference is
                waiting for a core and loopback; "before" is `requestStart - startTime`, "parse"
                `domInteractive - responseEnd` (parsing, style sheets and the synchronous scripts), "to load"
                `loadEventEnd - domInteractive`, each its own median. Target: under 300 ms. Measured on %s
                with %d processors, which Chromium and the server share; load average at the end: %.1f.

                | page | median ms | min ms | max ms | document median ms | server median ms | before ms | parse ms | to load ms |
                |---|---|---|---|---|---|---|---|---|
                """.formatted(runs, warmUps, today, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        times.forEach((page, loads) -> {
            List<Double> sorted = loads.stream().map(load -> load[0]).sorted().toList();
            md.append("| ").append(page).append(" | ").append(Math.round(sorted.get(sorted.size() / 2)))
                    .append(" | ").append(Math.round(sorted.get(0))).append(" | ")
                    .append(Math.round(sorted.get(sorted.size() - 1)));
            for (int part = 1; part < 6; part++) {
                int index = part;
                List<Double> parts = loads.stream().map(load -> load[index]).sorted().toList();
                md.append(" | ").append(Math.round(parts.get(parts.size() / 2)));
            }
            md.append(" |\n");
        });
        Files.createDirectories(HeadlessChromium.OUTPUT);
        Files.writeString(HeadlessChromium.OUTPUT.resolve("timings.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
        assertThat(times.values()).allSatisfy(ms -> assertThat(ms).hasSize(runs));
        browser.check(ROLE, "traject-na-metingen");
    }

    private void warmUpServer(int times, String... paths) throws IOException {
        String cookie = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < times; i++) {
                for (String path : paths) {
                    HttpResponse<Void> page = http.send(HttpRequest.newBuilder(
                            URI.create(browser.baseUrl() + path)).header("Cookie", cookie).build(),
                            HttpResponse.BodyHandlers.discarding());
                    assertThat(page.statusCode()).as(path).isEqualTo(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Records one measured navigation; {@code requests} ("GET /path") are the server requests it made,
     * read once the browser's load event has ended, so the server has recorded them.
     */
    private void record(Map<String, List<double[]>> times, String page, boolean warmUp, String... requests) {
        double navigation = browser.navigationMillis();
        double server = 0;
        for (String request : requests) {
            String[] methodAndPath = request.split(" ", 2);
            server += ServerTimes.last(methodAndPath[0], methodAndPath[1])
                    .orElseThrow(() -> new AssertionError("the server recorded no " + request));
        }
        // The whole load, the document as the browser saw it, the server's own time, and the browser's
        // parts before and after the document.
        double[] load = {navigation, browser.documentMillis(), server,
                browser.navigationTiming("n.requestStart - n.startTime"),
                browser.navigationTiming("n.domInteractive - n.responseEnd"),
                browser.navigationTiming("n.loadEventEnd - n.domInteractive")};
        if (!warmUp) {
            times.computeIfAbsent(page, p -> new ArrayList<>()).add(load);
        }
    }

    private long trajectoriesOfSupporter() {
        return jdbc.sql("SELECT count(*) FROM trajectory WHERE supporter_id = :s").param("s", supporter.id())
                .query(Long.class).single();
    }

    private static java.util.function.Predicate<WebElement> byId(String id) {
        return e -> id.equals(e.getDomAttribute("id"));
    }

    @Test
    void theMenuOpensAndClosesWithItsButtonOnANarrowScreen() {
        logIn(supporter.username(), "login-smal");
        org.openqa.selenium.Dimension wide = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 800));
            browser.open("/trajecten");
            WebElement button = browser.visible(By.cssSelector("button.navbar-toggler"));
            WebElement newTrajectory = browser.find(By.cssSelector("#hoofdmenu a[href='/trajecten/nieuw']"));
            assertThat(newTrajectory.isDisplayed()).as("menu folded").isFalse();
            assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");

            button.sendKeys(Keys.ENTER);
            browser.await().until(visibilityOf(newTrajectory));
            assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
            browser.check(ROLE, "menu-smal-open");

            button.sendKeys(Keys.ENTER);
            browser.await().until(invisibilityOf(newTrajectory));
            assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        } finally {
            browser.driver().manage().window().setSize(wide);
        }
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
        browser.check(ROLE, "ander-traject-niet-gevonden");
    }

    private void logIn(String username, String step) {
        browser.open("/login");
        browser.type(browser.visible(By.id("username")), username);
        browser.type(browser.find(By.id("password")), TestData.PASSWORD);
        browser.check(ROLE, step);
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
        return browser.heading();
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
