package nl.jeugdhulp.registratie.reporting.chart;

import java.util.List;
import java.util.Objects;

/**
 * Renders charts as self-contained SVG 1.1 markup.
 *
 * <p>The result is one {@code <svg>} element (no XML declaration), usable inline in a Thymeleaf page
 * ({@code th:utext}), as the content of an {@code .svg} file or in a PDF. It uses no CSS, script, class
 * or external resource, only presentation attributes and the system font {@code sans-serif}, so it
 * passes a Content-Security-Policy without {@code 'unsafe-inline'}. It scales with its container:
 * {@code width="100%"} and a {@code viewBox}; a maximum width is the stylesheet's job (SVG has no
 * attribute for it).
 *
 * <p>Accessibility: the root has {@code role="img"} and {@code aria-labelledby} pointing at its
 * {@code <title>} and {@code <desc>} (and at the "no data" text of an empty chart); every bar carries a
 * {@code <title>} tooltip with its category, series and value. Colours come from {@link #PALETTE}.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class SvgCharts {

    /**
     * Series colours in order: the Okabe–Ito colour-blind-safe colours that have a contrast of at least
     * 3:1 against white (blue 5.2, vermillion 3.9, bluish green 3.4, reddish purple 3.1). Okabe–Ito orange
     * and the light colours are left out for too little contrast.
     */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7");

    private SvgCharts() {
    }

    /**
     * Renders a vertical bar chart; with more than one series the bars of a category stand side by side
     * and a legend is drawn.
     *
     * <ul>
     *   <li>The value axis runs from 0 to a rounded maximum in steps of 1, 2 or 5 times a power of ten
     *       (whole numbers), with a gridline per tick.</li>
     *   <li>Exactly one {@code <rect>} is drawn per non-zero value (inside the group {@code id-bars}); a zero
     *       draws nothing. Heights are proportional to the values, except that a non-zero value gets at least
     *       one unit of height so that it stays visible.</li>
     *   <li>With many categories the bars get thin and only every k-th category is labelled (k = 1, 2, 5,
     *       10, ...; for numeric categories the ones divisible by k) so labels do not overlap.</li>
     *   <li>When the bars are wide enough, each carries its value above it (e.g. F4's three shares).</li>
     *   <li>With no categories, no series or only zeros, the chart shows {@link BarChart#emptyText()}.</li>
     * </ul>
     *
     * @param chart the chart
     * @return the {@code <svg>} element as a string
     */
    public static String barChart(BarChart chart) {
        Objects.requireNonNull(chart, "chart");
        return new BarChartRenderer(chart).render();
    }
}
