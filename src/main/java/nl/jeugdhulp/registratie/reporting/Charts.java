package nl.jeugdhulp.registratie.reporting;

import java.util.List;
import nl.jeugdhulp.registratie.reporting.chart.BarChart;
import nl.jeugdhulp.registratie.reporting.chart.Series;
import nl.jeugdhulp.registratie.reporting.chart.SvgCharts;
import nl.jeugdhulp.registratie.reporting.chart.ValueFormat;

/**
 * The report's SVG bar charts for other features (the municipal summary), so they need not reach
 * into {@code reporting.chart}. One series of counts over categories; all texts from the caller.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * A self-contained {@code <svg>} bar chart (no scripts, no external resources).
     *
     * @param categoryNames longer names for the bar tooltips, one per category
     */
    public static String bars(String id, String title, String description, String yAxisLabel, List<String> categories,
                              List<String> categoryNames, List<Long> counts, String emptyText) {
        return SvgCharts.barChart(new BarChart(id, title, description, "", yAxisLabel, categories,
                List.of(new Series(yAxisLabel, counts)), ValueFormat.COUNT, emptyText, categoryNames));
    }
}
