package nl.jeugdhulp.registratie;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
 * (no Selenium Manager), a throw-away profile, explicit waits and full-page screenshots under
 * {@code target/screenshots/<name>/}. Start one per test class in {@code @BeforeAll} and close it in
 * {@code @AfterAll}; point it at the server with {@link #baseUrl(String)}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final Path screenshots;
    private String baseUrl = "";
    private int shots;

    private HeadlessChromium(String name) throws IOException {
        // Selenium Manager is consulted only when no driver is known; name it in both places.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        profile = Files.createTempDirectory("chromium-profile-");
        screenshots = Path.of("target", "screenshots", name);
        deleteTree(screenshots);
        Files.createDirectories(screenshots);

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
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Starts the browser; screenshots go to {@code target/screenshots/<name>/}. */
    public static HeadlessChromium start(String name) {
        try {
            return new HeadlessChromium(name);
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

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Clicks something that loads a new page (a link, a submit button) and waits for that page. */
    public void clickAndWait(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        wait.until(ExpectedConditions.stalenessOf(oldPage));
        waitForPage();
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

    /** Saves a PNG of the whole page as {@code NN-name.png} and returns its path. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
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

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
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
}
