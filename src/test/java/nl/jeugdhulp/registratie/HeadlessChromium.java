package nl.jeugdhulp.registratie;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests: Debian's chromium and chromedriver, never a download
 * (no Selenium Manager), a throw-away profile and explicit waits. Start one per test class in
 * {@code @BeforeAll} and close it in {@code @AfterAll}; point it at the server with {@link #baseUrl(String)}.
 *
 * <p>{@link #check(String, String)} is the per-page routine every visited page goes through: nothing
 * loaded from outside the application, axe-core finds no serious or critical problem, and a full-page
 * screenshot. Everything lands under {@code target/browser/}: {@code screenshots/<role>-<step>.png},
 * {@code axe/<role>-<step>.json} (all violations, any impact) and {@code pages.md} (per page: resources,
 * bytes transferred, violations), rewritten as each browser closes.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path OUTPUT = Path.of("target", "browser");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Every page checked in this JVM, by file name; all browser test classes share one report. */
    private static final Map<String, PageCheck> CHECKED = new ConcurrentHashMap<>();

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private String baseUrl = "";

    private HeadlessChromium() throws IOException {
        // Selenium Manager is consulted only when no driver is known; name it in both places.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        profile = Files.createTempDirectory("chromium-profile-");
        Files.createDirectories(OUTPUT.resolve("screenshots"));
        Files.createDirectories(OUTPUT.resolve("axe"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--lang=nl-NL", "--window-size=1280,900",
                // Bootstrap scrolls smoothly unless reduced motion is asked for; chromedriver would
                // then compute click points while the page is still scrolling.
                "--force-prefers-reduced-motion",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Starts the browser. */
    public static HeadlessChromium start() {
        try {
            return new HeadlessChromium();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a path of the application (or a full URL) and waits until the page has loaded. */
    public void open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        waitForPage();
    }

    /** Forgets the session and every other cookie of the application. */
    public void forgetSession() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** Logs in through the form (checked as {@code <role>-<step>}) and waits for the page the role lands on. */
    public void logIn(String username, String password, String role, String step) {
        open("/login");
        type(visible(By.id("username")), username);
        type(find(By.id("password")), password);
        check(role, step);
        clickAndWait(find(By.cssSelector("main form button[type='submit']")));
        assertThat(find(By.cssSelector(".navbar-text")).getText()).as("logged in as").isEqualTo(username);
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The page's first heading, whitespace collapsed. */
    public String heading() {
        return visible(By.cssSelector("main h1")).getText().trim().replaceAll("\\s+", " ");
    }

    /** Clicks something that loads a new page (a link, a submit button) and waits for that page. */
    public void clickAndWait(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        wait.until(gone(oldPage));
        waitForPage();
    }

    /**
     * Like {@link ExpectedConditions#stalenessOf}, but Chrome sometimes answers for a node of the page
     * being replaced with "does not belong to the document" instead of a stale-element error.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Replaces the text of a field by typing, so the page's own input handlers run. */
    public void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets an {@code <input type=date>} to an ISO date. Typing into a date field in headless Chrome
     * depends on the browser's locale, so the value is set directly and the events a user's input
     * would fire are dispatched.
     */
    public void setDate(WebElement field, String isoDate) {
        driver.executeScript("""
                arguments[0].value = arguments[1];
                arguments[0].dispatchEvent(new Event('input', {bubbles: true}));
                arguments[0].dispatchEvent(new Event('change', {bubbles: true}));""", field, isoDate);
    }

    /** Ticks a checkbox or radio (if not yet ticked) and checks that it is. */
    public void tick(WebElement input) {
        if (!input.isSelected()) {
            wait.until(ExpectedConditions.elementToBeClickable(input)).click();
        }
        wait.until(ExpectedConditions.elementToBeSelected(input));
    }

    /**
     * The routine for every visited page: asserts that every resource came from the application,
     * asserts that axe-core finds no serious or critical violation (all violations are saved to
     * {@code target/browser/axe/<role>-<step>.json}), and saves {@code screenshots/<role>-<step>.png}.
     */
    public PageCheck check(String role, String step) {
        String name = role + "-" + step;
        waitForLoadEvent();
        Resources resources = resources();
        List<String> foreign = resources.names().stream().filter(n -> !n.startsWith(baseUrl + "/")).toList();
        // The full trimester report is a long page; axe needs more than its default 30 s there on a busy machine.
        Results axe = new AxeBuilder().setTimeout(300).analyze(driver);
        assertThat(axe.isErrored()).as("axe-core ran on " + name + ": " + axe.getErrorMessage()).isFalse();
        List<Rule> violations = axe.getViolations();
        write(OUTPUT.resolve("axe").resolve(name + ".json"), violations);
        screenshot(name);
        PageCheck page = new PageCheck(name, driver.getCurrentUrl().substring(baseUrl.length()), resources.names().size(),
                resources.transferred(), resources.decoded(), violations.stream()
                        .map(r -> r.getId() + " (" + r.getImpact() + ", " + r.getNodes().size() + ")").toList());
        CHECKED.put(name, page);

        assertThat(foreign).as("resources of " + name + " loaded from outside " + baseUrl).isEmpty();
        List<String> blocking = violations.stream().filter(r -> BLOCKING.contains(r.getImpact()))
                .map(HeadlessChromium::describe).toList();
        assertThat(blocking).as("serious or critical axe-core violations on " + name
                + " (see target/browser/axe/" + name + ".json)").isEmpty();
        return page;
    }

    /** Saves a PNG of the whole page as {@code target/browser/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = OUTPUT.resolve("screenshots").resolve(name + ".png");
        try {
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Loads a link the way the page's own download would, with the browser's cookies (a same-origin
     * fetch from the page), and answers status, headers and body. For small files only.
     */
    public Download fetch(String url) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.blob().then(b => {
                    const reader = new FileReader();
                    reader.onload = () => done({status: r.status, type: r.headers.get('Content-Type') || '',
                        disposition: r.headers.get('Content-Disposition') || '',
                        body: reader.result.substring(reader.result.indexOf(',') + 1)});
                    reader.readAsDataURL(b);
                  }))
                  .catch(e => done({status: -1, type: String(e), disposition: '', body: ''}));""", url);
        return new Download(((Number) answer.get("status")).intValue(), (String) answer.get("type"),
                (String) answer.get("disposition"), Base64.getDecoder().decode((String) answer.get("body")));
    }

    /** Milliseconds from the start of the last navigation to the end of its load event (Navigation Timing). */
    public double navigationMillis() {
        return navigationTiming("n.loadEventEnd - n.startTime");
    }

    /**
     * Milliseconds of the last navigation's document request, from sending it to the last byte of the
     * answer (Navigation Timing {@code responseEnd - requestStart}): the server's part of a page load.
     */
    public double documentMillis() {
        return navigationTiming("n.responseEnd - n.requestStart");
    }

    /**
     * An expression over the last navigation's timing entry {@code n} (Navigation Timing), once its
     * load event has ended, e.g. {@code n.domInteractive - n.responseEnd}.
     */
    public double navigationTiming(String expression) {
        waitForLoadEvent();
        return ((Number) driver.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return " + expression + ";")).doubleValue();
    }

    private Resources resources() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) driver.executeScript("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({name: e.name, transferred: e.transferSize || 0, decoded: e.decodedBodySize || 0}));""");
        List<String> names = new ArrayList<>();
        long transferred = 0;
        long decoded = 0;
        for (Map<String, Object> e : entries) {
            names.add((String) e.get("name"));
            transferred += ((Number) e.get("transferred")).longValue();
            decoded += ((Number) e.get("decoded")).longValue();
        }
        // The first entry is the page itself; resources are the rest.
        return new Resources(names.subList(1, names.size()), transferred, decoded);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + ": " + rule.getNodes().stream()
                .map(CheckedNode::getTarget).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Makes the window as tall as the page for one viewport screenshot, then restores it. */
    private byte[] fullPage() {
        Dimension window = driver.manage().window().getSize();
        Number inner = (Number) driver.executeScript("return window.innerHeight;");
        Number page = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        int chrome = window.getHeight() - inner.intValue();
        int height = Math.min(Math.max(page.intValue() + chrome, window.getHeight()), 12_000);
        try {
            driver.manage().window().setSize(new Dimension(window.getWidth(), height));
            return driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private void waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** readyState is 'complete' just before the load event runs; timing and resources are final after it. */
    private void waitForLoadEvent() {
        waitForPage();
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : 1;"))
                .doubleValue() > 0);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
            writeReport();
        }
    }

    /** target/browser/pages.md: every page checked so far in this JVM. */
    private static synchronized void writeReport() {
        StringBuilder md = new StringBuilder("""
                # Pages visited by the browser tests

                Per page: resources loaded besides the page (all from the application), bytes transferred
                (page and resources; 0 for a resource served from the browser cache) and decoded, and every
                axe-core violation as rule (impact, elements). Serious and critical ones fail the test.

                | page | path | resources | transferred bytes | decoded bytes | axe violations |
                |---|---|---|---|---|---|
                """);
        CHECKED.values().stream().sorted(Comparator.comparing(PageCheck::name)).forEach(p -> md.append("| ")
                .append(p.name()).append(" | ").append(p.path().replace("|", "\\|")).append(" | ").append(p.resources())
                .append(" | ").append(p.transferred()).append(" | ").append(p.decoded()).append(" | ")
                .append(p.violations().isEmpty() ? "none" : String.join(", ", p.violations())).append(" |\n"));
        try {
            Files.createDirectories(OUTPUT);
            Files.writeString(OUTPUT.resolve("pages.md"), md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
    }

    private static void write(Path file, Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #check} found on one page. */
    public record PageCheck(String name, String path, int resources, long transferred, long decoded,
                            List<String> violations) {
    }

    private record Resources(List<String> names, long transferred, long decoded) {
    }

    /** A response fetched with the browser's cookies. */
    public record Download(int status, String contentType, String disposition, byte[] body) {

        /** The body's first bytes as Latin-1 text, for magic numbers such as {@code %PDF} or {@code PK}. */
        public String start(int length) {
            return new String(body, 0, Math.min(length, body.length), StandardCharsets.ISO_8859_1);
        }
    }
}
