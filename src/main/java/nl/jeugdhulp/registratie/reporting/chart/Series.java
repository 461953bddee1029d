package nl.jeugdhulp.registratie.reporting.chart;

import java.util.List;
import java.util.Objects;

/**
 * One data series of a {@link BarChart}: a name (shown in the legend and the bar tooltips when a chart
 * has more than one series) and one value per category, in the chart's category order.
 *
 * @param name   the series name, e.g. "Meisjes"
 * @param values one finite, non-negative value per category; copied
 */
public record Series(String name, List<? extends Number> values) {

    /** Checks and copies the values; a negative, infinite or NaN value is refused. */
    public Series {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        for (Number value : values) {
            double v = value.doubleValue();
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("series '" + name + "' has a value that is not finite and >= 0: " + value);
            }
        }
    }

    /** @return the value at a category index as a double */
    double value(int index) {
        return values.get(index).doubleValue();
    }
}
