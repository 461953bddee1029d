package nl.jeugdhulp.registratie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Colour contrast (WCAG 1.4.3 text 4.5:1, WCAG 1.4.11 focus ring 3:1), computed with the WCAG formula from the
 * colours the pages really get: Bootstrap's variables from the bundled bootstrap.min.css (light theme, the
 * first definition) and the app's own from app.css. A colour change that breaks a pair fails here.
 */
class ContrastTest {

    private static String bootstrap;
    private static String app;

    @BeforeAll
    static void loadStyles() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] css = resolver.getResources("classpath*:META-INF/resources/webjars/bootstrap/*/css/bootstrap.min.css");
        assertThat(css).hasSize(1);
        bootstrap = css[0].getContentAsString(StandardCharsets.UTF_8);
        app = resolver.getResource("classpath:static/css/app.css").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertThat(ratio(rgb("#000000"), rgb("#ffffff"))).isCloseTo(21.0, within(0.01));
        assertThat(ratio(rgb("#767676"), rgb("#ffffff"))).isCloseTo(4.54, within(0.01));
        assertThat(ratio(rgb("#ffffff"), rgb("#ffffff"))).isCloseTo(1.0, within(0.001));
    }

    @Test
    void textColoursReachFourAndAHalfToOne() {
        double[] white = bs("body-bg");
        double[] striped = over(new double[] {0, 0, 0, 0.05}, white); // .table-striped rows
        List<String> report = new ArrayList<>();
        check(report, "body text on page", bs("body-color"), white, 4.5);
        check(report, "link on page", bs("link-color"), white, 4.5);
        check(report, "secondary text (form hints, text-body-secondary) on page", over(bs("secondary-color"), white), white, 4.5);
        check(report, "secondary text on striped table row", over(bs("secondary-color"), striped), striped, 4.5);
        check(report, "field error text on page", bs("form-invalid-color"), white, 4.5);
        check(report, "white on primary button", white, bs("primary"), 4.5);
        check(report, "white on secondary button or badge", white, bs("secondary"), 4.5);
        check(report, "white on success badge", white, bs("success"), 4.5);
        check(report, "white on danger button", white, bs("danger"), 4.5);
        check(report, "danger alert text (error summary)", bs("danger-text-emphasis"), bs("danger-bg-subtle"), 4.5);
        check(report, "alert-link in danger alert (error summary links)", bs("danger-text-emphasis"), bs("danger-bg-subtle"), 4.5);
        check(report, "warning alert text", bs("warning-text-emphasis"), bs("warning-bg-subtle"), 4.5);
        check(report, "info alert text", bs("info-text-emphasis"), bs("info-bg-subtle"), 4.5);
        check(report, "success alert text", bs("success-text-emphasis"), bs("success-bg-subtle"), 4.5);
        check(report, "header text and links on header", own("app-header-text"), own("app-header-bg"), 4.5);
        report.forEach(System.out::println);
        assertThat(report).noneMatch(line -> line.startsWith("FAIL"));
    }

    @Test
    void theFocusRingStandsOutThreeToOne() {
        List<String> report = new ArrayList<>();
        check(report, "focus ring on page", own("app-focus"), bs("body-bg"), 3);
        check(report, "focus ring on light grey (tertiary background)", own("app-focus"), bs("tertiary-bg"), 3);
        check(report, "focus ring next to a primary button", own("app-focus"), bs("primary"), 3);
        check(report, "focus ring in the header", own("app-focus-on-header"), own("app-header-bg"), 3);
        report.forEach(System.out::println);
        assertThat(report).noneMatch(line -> line.startsWith("FAIL"));
        // The ring is drawn with these variables, not a fixed colour that could drift from what is checked.
        assertThat(app).contains(":focus-visible { outline: 3px solid var(--app-focus) !important;");
        assertThat(app).contains(".app-header :focus-visible { outline-color: var(--app-focus-on-header) !important; }");
    }

    private static void check(List<String> report, String pair, double[] foreground, double[] background, double minimum) {
        double ratio = ratio(foreground, background);
        report.add(String.format(Locale.ROOT, "%s %5.2f:1 (minimum %.1f) %s", ratio >= minimum ? "ok  " : "FAIL", ratio,
                minimum, pair));
    }

    private static double[] bs(String name) {
        return variable(bootstrap, "--bs-" + name);
    }

    private static double[] own(String name) {
        return variable(app, "--" + name);
    }

    /** The first definition: Bootstrap's :root (light) comes before its dark theme. */
    private static double[] variable(String css, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*:\\s*([^;}]+)").matcher(css);
        assertThat(m.find()).as(name).isTrue();
        return rgb(m.group(1).strip());
    }

    /** #rgb, #rrggbb or rgba(r, g, b, a) as {r, g, b, alpha} with r, g, b in 0..255. */
    static double[] rgb(String colour) {
        String c = colour.toLowerCase(Locale.ROOT);
        if (c.startsWith("#")) {
            String hex = c.length() == 4
                    ? "" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3)
                    : c.substring(1);
            int v = Integer.parseInt(hex, 16);
            return new double[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, 1};
        }
        Matcher m = Pattern.compile("rgba?\\(\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*(?:,\\s*([\\d.]+))?\\s*\\)")
                .matcher(c);
        assertThat(m.matches()).as("colour " + colour).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                m.group(4) == null ? 1 : Double.parseDouble(m.group(4))};
    }

    /** A translucent colour as it shows on an opaque background. */
    private static double[] over(double[] top, double[] below) {
        double a = top[3];
        return new double[] {top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1};
    }

    static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] c) {
        return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    }

    private static double channel(double value) {
        double s = value / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
