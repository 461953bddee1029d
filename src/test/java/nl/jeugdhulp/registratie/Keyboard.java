package nl.jeugdhulp.registratie;

import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard user: keys go to whatever has the focus, nothing is clicked. {@link #tabTo} presses Tab
 * until the focused element is the one wanted, so a field that Tab cannot reach fails the test.
 */
final class Keyboard {

    private static final int MAX_TABS = 200;

    private final HeadlessChromium browser;

    Keyboard(HeadlessChromium browser) {
        this.browser = browser;
    }

    /**
     * Presses Tab until the focused element matches (none if it already does); fails after
     * {@value #MAX_TABS} presses.
     */
    WebElement tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i <= MAX_TABS; i++) {
            WebElement focused = focused();
            if (wanted.test(focused)) {
                return focused;
            }
            if (i < MAX_TABS) {
                press(Keys.TAB);
            }
        }
        throw new AssertionError("not reachable with Tab within " + MAX_TABS + " presses; focus ended on "
                + focused().getDomProperty("outerHTML"));
    }

    void press(CharSequence... keys) {
        Actions actions = new Actions(browser.driver());
        for (CharSequence key : keys) {
            actions.sendKeys(key);
        }
        actions.perform();
    }

    /** Types into the focused element. */
    void type(String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }
}
