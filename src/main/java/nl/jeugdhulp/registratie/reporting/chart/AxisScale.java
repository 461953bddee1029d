package nl.jeugdhulp.registratie.reporting.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from 0 to {@code top} in whole steps of 1, 2 or 5 times a power of ten, about five steps.
 *
 * @param step the distance between ticks, at least 1
 * @param top  the axis maximum, a multiple of step and at least the data maximum
 */
record AxisScale(long step, long top) {

    private static final int TARGET_STEPS = 5;

    /** The scale for a data maximum (> 0). */
    static AxisScale forMaximum(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("maximum must be positive and finite: " + max);
        }
        double raw = max / TARGET_STEPS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        long step = Math.max(1, Math.round(nice * magnitude));
        long top = (long) Math.ceil(max / step - 1e-9) * step;
        return new AxisScale(step, Math.max(step, top));
    }

    /** @return the ticks 0, step, 2·step, ..., top */
    List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long tick = 0; tick <= top; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }
}
