package nl.jeugdhulp.registratie.reporting.chart;

import static nl.jeugdhulp.registratie.reporting.chart.Svg.escape;
import static nl.jeugdhulp.registratie.reporting.chart.Svg.num;
import static nl.jeugdhulp.registratie.reporting.chart.Svg.width;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Lays out and writes one {@link BarChart}; one instance per rendering, not shared. */
final class BarChartRenderer {

    static final double WIDTH = 800;
    static final double HEIGHT = 440;
    static final double EMPTY_HEIGHT = 200;

    private static final double PAD = 16;
    private static final double TITLE_SIZE = 17;
    private static final double TITLE_LINE = 21;
    private static final double LEGEND_SIZE = 13;
    private static final double TICK_SIZE = 12;
    private static final double TICK_LINE = 14;
    private static final double AXIS_LABEL_SIZE = 13;
    private static final double MAX_BAR_WIDTH = 80;
    private static final double MIN_BAR_HEIGHT = 1;

    private static final String TEXT = "#222222";
    private static final String MUTED_TEXT = "#555555";
    private static final String GRID = "#d9d9d9";
    private static final String AXIS = "#595959";

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    private final BarChart chart;
    private final StringBuilder out = new StringBuilder(8192);

    BarChartRenderer(BarChart chart) {
        this.chart = chart;
    }

    String render() {
        if (chart.isEmpty()) {
            renderEmpty();
        } else {
            renderBars();
        }
        return out.toString();
    }

    private String id(String suffix) {
        return chart.id() + "-" + suffix;
    }

    private void open(double height, String labelledBy) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" id=\"").append(chart.id())
                .append("\" width=\"100%\" viewBox=\"0 0 ").append(num(WIDTH)).append(' ').append(num(height))
                .append("\" preserveAspectRatio=\"xMidYMin meet\" role=\"img\" aria-labelledby=\"").append(labelledBy)
                .append("\" font-family=\"sans-serif\" fill=\"").append(TEXT).append("\">\n");
        out.append("<title id=\"").append(id("title")).append("\">").append(escape(chart.title())).append("</title>\n");
        out.append("<desc id=\"").append(id("desc")).append("\">").append(escape(chart.description())).append("</desc>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(num(WIDTH)).append("\" height=\"").append(num(height))
                .append("\" fill=\"#ffffff\"/>\n");
    }

    /** Writes the visible title; returns the y below it. */
    private double heading() {
        List<String> lines = Svg.wrap(chart.title(), WIDTH - 2 * PAD, TITLE_SIZE, 3);
        double baseline = PAD + TITLE_SIZE - 3;
        out.append("<text x=\"").append(num(PAD)).append("\" y=\"").append(num(baseline))
                .append("\" font-size=\"").append(num(TITLE_SIZE)).append("\" font-weight=\"bold\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"").append(num(PAD)).append("\" dy=\"").append(i == 0 ? "0" : num(TITLE_LINE))
                    .append("\">").append(escape(lines.get(i))).append("</tspan>");
        }
        out.append("</text>\n");
        return baseline + (lines.size() - 1) * TITLE_LINE + 6;
    }

    private void renderEmpty() {
        open(EMPTY_HEIGHT, id("title") + " " + id("desc") + " " + id("empty"));
        double top = heading() + 8;
        double boxHeight = EMPTY_HEIGHT - PAD - top;
        out.append("<rect x=\"").append(num(PAD)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(WIDTH - 2 * PAD)).append("\" height=\"").append(num(boxHeight))
                .append("\" fill=\"none\" stroke=\"").append(GRID).append("\" stroke-dasharray=\"6 4\"/>\n");
        List<String> lines = Svg.wrap(chart.emptyText(), WIDTH - 4 * PAD, AXIS_LABEL_SIZE + 1, 4);
        double lineHeight = AXIS_LABEL_SIZE + 5;
        double first = top + boxHeight / 2 - (lines.size() - 1) * lineHeight / 2 + 5;
        out.append("<text id=\"").append(id("empty")).append("\" x=\"").append(num(WIDTH / 2)).append("\" y=\"")
                .append(num(first)).append("\" font-size=\"").append(num(AXIS_LABEL_SIZE + 1))
                .append("\" text-anchor=\"middle\" fill=\"").append(MUTED_TEXT).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"").append(num(WIDTH / 2)).append("\" dy=\"").append(i == 0 ? "0" : num(lineHeight))
                    .append("\">").append(escape(lines.get(i))).append("</tspan>");
        }
        out.append("</text>\n</svg>\n");
    }

    private void renderBars() {
        open(HEIGHT, id("title") + " " + id("desc"));
        List<String> categories = chart.categories();
        List<Series> series = chart.series();
        int n = categories.size();
        ValueFormat format = chart.format();

        double max = 0;
        for (Series s : series) {
            for (int i = 0; i < n; i++) {
                max = Math.max(max, s.value(i));
            }
        }
        AxisScale scale = AxisScale.forMaximum(max);
        List<Long> ticks = scale.ticks();

        double headerBottom = heading();
        if (series.size() > 1) {
            headerBottom = legend(headerBottom + 8);
        }

        // Horizontal layout: rotated y-axis label, tick labels, plot.
        double tickWidth = 0;
        for (long tick : ticks) {
            tickWidth = Math.max(tickWidth, width(format.formatTick(tick), TICK_SIZE));
        }
        boolean yLabel = !chart.yAxisLabel().isBlank();
        double plotLeft = PAD + (yLabel ? AXIS_LABEL_SIZE + 10 : 0) + tickWidth + 8;
        double plotRight = WIDTH - PAD;
        double plotWidth = plotRight - plotLeft;
        double band = plotWidth / n;

        // Category labels: all on one line, wrapped to two lines, or every k-th.
        CategoryLabels labels = categoryLabels(categories, band);

        boolean xLabel = !chart.xAxisLabel().isBlank();
        double below = 18 + (labels.lines() - 1) * TICK_LINE + (xLabel ? 24 : 0) + 6;
        double plotTop = headerBottom + 22;
        double plotBottom = HEIGHT - PAD - below;
        double plotHeight = plotBottom - plotTop;

        // Gridlines and tick labels.
        out.append("<g id=\"").append(id("ticks")).append("\" font-size=\"").append(num(TICK_SIZE)).append("\" text-anchor=\"end\">\n");
        for (long tick : ticks) {
            double y = plotBottom - (double) tick / scale.top() * plotHeight;
            if (tick > 0) {
                out.append("<line x1=\"").append(num(plotLeft)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                        .append(num(plotRight)).append("\" y2=\"").append(num(y)).append("\" stroke=\"").append(GRID)
                        .append("\" stroke-width=\"1\"/>\n");
            }
            out.append("<text x=\"").append(num(plotLeft - 8)).append("\" y=\"").append(num(y + 4)).append("\">")
                    .append(escape(format.formatTick(tick))).append("</text>\n");
        }
        out.append("</g>\n");

        // Bars.
        double group = band * 0.8;
        double barWidth = Math.min(group / series.size(), MAX_BAR_WIDTH);
        double groupWidth = barWidth * series.size();
        boolean multi = series.size() > 1;
        List<String> valueLabels = new ArrayList<>();
        double widestValue = 0;
        out.append("<g id=\"").append(id("bars")).append("\" shape-rendering=\"crispEdges\">\n");
        for (int i = 0; i < n; i++) {
            double groupLeft = plotLeft + i * band + (band - groupWidth) / 2;
            for (int j = 0; j < series.size(); j++) {
                Series s = series.get(j);
                double value = s.value(i);
                if (value == 0) {
                    continue;
                }
                double height = Math.max(MIN_BAR_HEIGHT, value / scale.top() * plotHeight);
                double x = groupLeft + j * barWidth;
                double y = plotBottom - height;
                String tooltip = chart.categoryNames().get(i) + (multi ? " – " + s.name() : "") + ": "
                        + format.format(value);
                out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(barWidth)).append("\" height=\"").append(num(height)).append("\" fill=\"")
                        .append(SvgCharts.PALETTE.get(j)).append("\"><title>").append(escape(tooltip))
                        .append("</title></rect>\n");
                String label = format.format(value);
                widestValue = Math.max(widestValue, width(label, TICK_SIZE));
                valueLabels.add("<text x=\"" + num(x + barWidth / 2) + "\" y=\"" + num(y - 5) + "\">" + escape(label)
                        + "</text>\n");
            }
        }
        out.append("</g>\n");

        // Baseline over the bars' feet.
        out.append("<line x1=\"").append(num(plotLeft)).append("\" y1=\"").append(num(plotBottom)).append("\" x2=\"")
                .append(num(plotRight)).append("\" y2=\"").append(num(plotBottom)).append("\" stroke=\"").append(AXIS)
                .append("\" stroke-width=\"1\"/>\n");

        // Values above the bars when they fit.
        if (barWidth >= widestValue + 4) {
            out.append("<g id=\"").append(id("values")).append("\" font-size=\"").append(num(TICK_SIZE)).append("\" text-anchor=\"middle\">\n");
            valueLabels.forEach(out::append);
            out.append("</g>\n");
        }

        // Category labels with a small tick mark.
        out.append("<g id=\"").append(id("categories")).append("\" font-size=\"").append(num(TICK_SIZE)).append("\" text-anchor=\"middle\">\n");
        for (int i = 0; i < n; i++) {
            List<String> lines = labels.text().get(i);
            if (lines.isEmpty()) {
                continue;
            }
            double x = plotLeft + (i + 0.5) * band;
            out.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(plotBottom)).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(num(plotBottom + 4)).append("\" stroke=\"").append(AXIS)
                    .append("\" stroke-width=\"1\"/>\n");
            out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(plotBottom + 18)).append("\">");
            for (int k = 0; k < lines.size(); k++) {
                out.append("<tspan x=\"").append(num(x)).append("\" dy=\"").append(k == 0 ? "0" : num(TICK_LINE))
                        .append("\">").append(escape(lines.get(k))).append("</tspan>");
            }
            out.append("</text>\n");
        }
        out.append("</g>\n");

        // Axis labels.
        if (xLabel) {
            double y = plotBottom + 18 + (labels.lines() - 1) * TICK_LINE + 24;
            out.append("<text x=\"").append(num((plotLeft + plotRight) / 2)).append("\" y=\"").append(num(y))
                    .append("\" font-size=\"").append(num(AXIS_LABEL_SIZE)).append("\" text-anchor=\"middle\">")
                    .append(escape(chart.xAxisLabel())).append("</text>\n");
        }
        if (yLabel) {
            double x = PAD + AXIS_LABEL_SIZE - 2;
            double y = (plotTop + plotBottom) / 2;
            out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                    .append(num(AXIS_LABEL_SIZE)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
                    .append(num(x)).append(' ').append(num(y)).append(")\">").append(escape(chart.yAxisLabel()))
                    .append("</text>\n");
        }
        out.append("</svg>\n");
    }

    /** Writes the legend rows from y = top (swatch and series name per series); returns the y below it. */
    private double legend(double top) {
        double rowHeight = 20;
        double x = PAD;
        double y = top;
        out.append("<g id=\"").append(id("legend")).append("\" font-size=\"").append(num(LEGEND_SIZE)).append("\">\n");
        for (int j = 0; j < chart.series().size(); j++) {
            String name = chart.series().get(j).name();
            double itemWidth = 18 + width(name, LEGEND_SIZE) + 20;
            if (x > PAD && x + itemWidth > WIDTH - PAD) {
                x = PAD;
                y += rowHeight;
            }
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y + 2)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(SvgCharts.PALETTE.get(j)).append("\"/>\n");
            out.append("<text x=\"").append(num(x + 18)).append("\" y=\"").append(num(y + 13)).append("\">")
                    .append(escape(name)).append("</text>\n");
            x += itemWidth;
        }
        out.append("</g>\n");
        return y + rowHeight;
    }

    /** Category labels per category (empty when that category is not labelled) and the most lines one uses. */
    private record CategoryLabels(List<List<String>> text, int lines) {
    }

    private static CategoryLabels categoryLabels(List<String> categories, double band) {
        double widest = 0;
        boolean numeric = true;
        for (String category : categories) {
            widest = Math.max(widest, width(category, TICK_SIZE));
            numeric &= INTEGER.matcher(category.trim()).matches();
        }
        double gap = 6;
        List<List<String>> text = new ArrayList<>();
        if (widest + gap <= band) {
            categories.forEach(c -> text.add(List.of(c)));
            return new CategoryLabels(text, 1);
        }
        if (!numeric) {
            int lines = 1;
            boolean fits = true;
            for (String category : categories) {
                List<String> wrapped = Svg.wrap(category, band - gap, TICK_SIZE, 2);
                for (String line : wrapped) {
                    fits &= width(line, TICK_SIZE) + gap <= band;
                }
                lines = Math.max(lines, wrapped.size());
                text.add(wrapped);
            }
            if (fits) {
                return new CategoryLabels(text, lines);
            }
            text.clear();
        }
        // Thinned-out labels get more air, so that the labelled ones read as a scale.
        double spaced = widest + 2 * gap;
        long every = 1;
        for (long magnitude = 1; every * band < spaced; magnitude *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                every = factor * magnitude;
                if (every * band >= spaced) {
                    break;
                }
            }
        }
        for (int i = 0; i < categories.size(); i++) {
            long position = numeric ? Long.parseLong(categories.get(i).trim()) : i;
            text.add(Math.floorMod(position, every) == 0 ? List.of(categories.get(i)) : List.of());
        }
        return new CategoryLabels(text, 1);
    }
}
