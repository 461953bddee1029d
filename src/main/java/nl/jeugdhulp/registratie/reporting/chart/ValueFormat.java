package nl.jeugdhulp.registratie.reporting.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a chart's values and axis ticks are written, in Dutch notation (decimal comma, dot as thousands
 * separator). Values keep at most one decimal (rounded half-up); axis ticks are always whole numbers.
 */
public enum ValueFormat {

    /** Counts: "7", "1.378", "3,5". */
    COUNT(""),

    /** Shares already expressed in percent (39 means 39%): "39%", "12,5%". */
    PERCENT("%");

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final String suffix;

    ValueFormat(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Writes a value with at most one decimal, e.g. {@code 12.5} as "12,5%" in {@link #PERCENT}.
     *
     * @param value the value, finite
     * @return the formatted value
     */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite value: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(DUTCH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(rounded) + suffix;
    }

    /**
     * Writes a whole axis tick, e.g. {@code 20} as "20%" in {@link #PERCENT} or {@code 1000} as "1.000".
     *
     * @param tick the tick value
     * @return the formatted tick
     */
    public String formatTick(long tick) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(DUTCH));
        return format.format(tick) + suffix;
    }
}
