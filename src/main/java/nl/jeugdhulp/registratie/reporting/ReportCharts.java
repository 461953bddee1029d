package nl.jeugdhulp.registratie.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import nl.jeugdhulp.registratie.reporting.chart.BarChart;
import nl.jeugdhulp.registratie.reporting.chart.Series;
import nl.jeugdhulp.registratie.reporting.chart.SvgCharts;
import nl.jeugdhulp.registratie.reporting.chart.ValueFormat;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** F1–F4 as server-side SVG, with the user's language. */
@Component
class ReportCharts {

    private final MessageSource messages;

    ReportCharts(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> charts(Report report, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        Distribution boys = report.distributions().get("leeftijd_M");
        Distribution girls = report.distributions().get("leeftijd_V");
        List<String> ages = IntStream.rangeClosed(0, 23).mapToObj(String::valueOf).toList();
        charts.put("F1", SvgCharts.barChart(new BarChart("f1", msg("report.f1.title", locale),
                msg("report.f1.desc", locale), msg("report.f1.x", locale), msg("report.axis.trajectories", locale), ages,
                List.of(new Series(msg("report.boys", locale), counts(boys, 0, 23)),
                        new Series(msg("report.girls", locale), counts(girls, 0, 23))),
                ValueFormat.COUNT, msg("report.nodata", locale))));
        charts.put("F2", histogram("f2", "report.f2", report.distributions().get("contacten"), 30, locale));
        charts.put("F3", histogram("f3", "report.f3", report.distributions().get("weken"), 70, locale));
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (TrajectoryType type : report.types().types()) {
            names.add(msg("report.type." + type.name().name(), locale));
            shares.add(Math.round(type.share() * 1000) / 10.0);
        }
        charts.put("F4", SvgCharts.barChart(new BarChart("f4", msg("report.f4.title", locale), msg("report.f4.desc", locale),
                msg("report.f4.x", locale), msg("report.axis.share", locale), names,
                names.isEmpty() ? List.of() : List.of(new Series(msg("report.axis.share", locale), shares)),
                ValueFormat.PERCENT, msg("report.nodata", locale))));
        return charts;
    }

    private String histogram(String id, String key, Distribution distribution, int cap, Locale locale) {
        int max = distribution.max() == null ? 0 : Math.min(cap, distribution.max());
        List<String> categories = IntStream.rangeClosed(0, max).mapToObj(String::valueOf).toList();
        return SvgCharts.barChart(new BarChart(id, msg(key + ".title", locale), msg(key + ".desc", locale),
                msg(key + ".x", locale), msg("report.axis.trajectories", locale), categories,
                distribution.n() == 0 ? List.of() : List.of(new Series(msg("report.axis.trajectories", locale),
                        counts(distribution, 0, max))),
                ValueFormat.COUNT, msg("report.nodata", locale)));
    }

    private static List<Long> counts(Distribution distribution, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(v -> distribution.count(v)).toList();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
