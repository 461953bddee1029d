package nl.jeugdhulp.registratie.reporting.chart;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A vertical (grouped) bar chart: one or more series of values over categories, drawn from zero.
 * All texts come from the caller and are escaped when rendered by {@link SvgCharts#barChart(BarChart)}.
 *
 * @param id            identifier of the chart, unique on the page that shows it; the SVG element ids are
 *                      derived from it ({@code id-title}, {@code id-desc}, ...). Letters, digits, '-', '_' and
 *                      '.', starting with a letter or '_'
 * @param title         the accessible name and visible heading, e.g. "Figuur 1. Leeftijd per geslacht"
 * @param description   the accessible description (what the chart shows, the n), may be empty
 * @param xAxisLabel    label under the category axis, may be empty
 * @param yAxisLabel    label along the value axis, may be empty
 * @param categories    short category labels for the x axis, e.g. "0" .. "23"
 * @param series        one to {@code SvgCharts.PALETTE.size()} series, each with one value per category
 *                      (none when there are no categories)
 * @param format        how values and ticks are written
 * @param emptyText     the text shown instead of bars when there are no categories, no series or only zeros
 * @param categoryNames longer category names used in the bar tooltips, e.g. "12 jaar"; one per category
 */
public record BarChart(String id, String title, String description, String xAxisLabel, String yAxisLabel,
        List<String> categories, List<Series> series, ValueFormat format, String emptyText,
        List<String> categoryNames) {

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Checks the chart: sizes agree, the id is a valid XML id, there are not more series than colours. */
    public BarChart {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a chart needs a title (its accessible name)");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(xAxisLabel, "xAxisLabel");
        Objects.requireNonNull(yAxisLabel, "yAxisLabel");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(emptyText, "emptyText");
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        series = List.copyOf(Objects.requireNonNull(series, "series"));
        categoryNames = List.copyOf(Objects.requireNonNull(categoryNames, "categoryNames"));
        if (categoryNames.size() != categories.size()) {
            throw new IllegalArgumentException(
                    "categoryNames has " + categoryNames.size() + " entries for " + categories.size() + " categories");
        }
        if (series.size() > SvgCharts.PALETTE.size()) {
            throw new IllegalArgumentException(
                    "at most " + SvgCharts.PALETTE.size() + " series can be told apart, got " + series.size());
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    /**
     * A chart whose tooltips use the category labels themselves.
     *
     * @see BarChart the canonical constructor for the parameters
     */
    public BarChart(String id, String title, String description, String xAxisLabel, String yAxisLabel,
            List<String> categories, List<Series> series, ValueFormat format, String emptyText) {
        this(id, title, description, xAxisLabel, yAxisLabel, categories, series, format, emptyText,
                categories);
    }

    /**
     * The same chart with longer category names for the bar tooltips.
     *
     * @param names one name per category, e.g. "12 jaar" for the category "12"
     * @return a copy with those names
     */
    public BarChart withCategoryNames(List<String> names) {
        return new BarChart(id, title, description, xAxisLabel, yAxisLabel, categories, series, format, emptyText, names);
    }

    /** @return whether there is nothing to draw: no categories, no series, or only zeros */
    public boolean isEmpty() {
        return categories.isEmpty() || series.isEmpty()
                || series.stream().allMatch(s -> s.values().stream().allMatch(v -> v.doubleValue() == 0));
    }
}
