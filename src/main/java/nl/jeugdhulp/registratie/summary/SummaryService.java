package nl.jeugdhulp.registratie.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.jeugdhulp.registratie.registration.Codes;
import nl.jeugdhulp.registratie.reporting.Charts;
import nl.jeugdhulp.registratie.summary.SmallNumbers.Group;
import nl.jeugdhulp.registratie.summary.SmallNumbers.State;
import nl.jeugdhulp.registratie.summary.Summary.Line;
import nl.jeugdhulp.registratie.summary.Summary.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the municipal pilot summary (reports.md, "Municipal pilot summary") for chosen pilots and
 * a period: counts in SQL, then small-number suppression when the reader is a municipality, then
 * labels, percentages and charts in the reader's language.
 */
@Service
class SummaryService {

    private static final List<String> GENDERS = names(Codes.Gender.values());
    private static final List<String> AXES = List.of("A", "B", "C", "D", "E", "GEEN");
    private static final List<String> APPLICANTS = withUnknown(names(Codes.Applicant.values()));
    private static final List<String> INTERVENTIONS = withUnknown(names(Codes.Intervention.values()));
    private static final List<String> CONTACTS = List.of("LE2", "3_5", "6_10", "11PLUS", "ONBEKEND");
    private static final List<String> OUTCOMES = List.of("ZELF_AFGEROND", "NA_VRAAGVERHELDERING", "NA_BEHANDELING",
            "ANDERS");
    private static final List<String> MOMENTS = names(Codes.ReferralMoment.values());
    private static final List<String> DESTINATIONS = names(Codes.Destination.values());

    private final SummaryQueries queries;
    private final CostAssumptions assumptions;
    private final MessageSource messages;
    private final SmallNumbers smallNumbers;

    SummaryService(SummaryQueries queries, CostAssumptions assumptions, MessageSource messages,
                   SummaryProperties properties) {
        this.queries = queries;
        this.assumptions = assumptions;
        this.messages = messages;
        this.smallNumbers = new SmallNumbers(properties.minCell());
    }

    /**
     * The summary of {@code pilots} (already checked against the user's scope) from {@code from} to
     * {@code to}, both inclusive; {@code suppress} for a municipal reader.
     */
    @Transactional(readOnly = true)
    Summary summary(List<PilotChoice> pilots, LocalDate from, LocalDate to, boolean suppress, Locale locale) {
        List<Long> ids = pilots.stream().map(PilotChoice::id).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        values.putAll(queries.figures(seenColumns(), SummaryQueries.SEEN, ids, from, to));
        values.putAll(queries.figures(closedColumns(), SummaryQueries.CLOSED, ids, from, to));
        Map<String, Long> cells = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("age.")) {
                cells.put(key, (Long) value);
            }
        });
        Map<String, State> states = suppress ? smallNumbers.suppress(cells, groups())
                : cells.keySet().stream().collect(Collectors.toMap(k -> k, k -> State.SHOWN));
        Words words = new Words(locale, cells, states);

        List<Table> tables = new ArrayList<>();
        tables.add(words.table("geslacht", "seen", prefixed("gender.", GENDERS), "code.gender.", false, key -> {
            Object age = values.get("age." + key.substring("gender.".length()));
            return age == null || !words.figure(key).shown() ? "" : decimal((Double) age);
        }));
        tables.add(words.table("hulpvraag", "seen", prefixed("axis.", AXES), "summary.axis.", true, null));
        tables.add(words.table("aanmelders", "seen", prefixed("applicant.", APPLICANTS), "code.applicant.", true, null));
        tables.add(words.table("werkzaamheden", "closed", prefixed("intervention.", INTERVENTIONS), "code.intervention.",
                true, null));
        tables.add(words.table("contacten", "closed", prefixed("contacts.", CONTACTS), "summary.contacts.", false, null));
        tables.add(words.table("afronding", "closed", prefixed("outcome.", OUTCOMES), "summary.outcome.", false, null));
        for (String moment : MOMENTS) {
            tables.add(words.table("verwijzing_" + moment, "outcome." + moment,
                    prefixed("dest." + moment + ".", DESTINATIONS), "code.destination.", true, null));
        }
        Summary.CostView cost = cost(pilots, from, to, words);
        return new Summary(pilots, from, to, suppress, smallNumbers.minCell(), words.figure("seen"), words.figure("closed"),
                words.percent("outcome.ZELF_AFGEROND", "closed"), tables, cost);
    }

    /** Counts that add up to a published total: the single-answer tables and the valued trajectories. */
    static List<Group> groups() {
        return List.of(new Group("seen", prefixed("gender.", GENDERS)),
                new Group("closed", prefixed("contacts.", CONTACTS)),
                new Group("closed", prefixed("outcome.", OUTCOMES)),
                new Group("baten", List.of("outcome.ZELF_AFGEROND", "baten.VOORLIGGEND")));
    }

    private static Map<String, String> seenColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("seen", "count(*)");
        for (String g : GENDERS) {
            c.put("gender." + g, g.equals("ONBEKEND") ? "count(*) FILTER (WHERE gender IS NULL OR gender = 'ONBEKEND')"
                    : "count(*) FILTER (WHERE gender = '" + g + "')");
            if (!g.equals("ONBEKEND")) {
                c.put("age." + g, "round(avg(age_at_start) FILTER (WHERE gender = '" + g + "'), 1)");
            }
        }
        String requests = "SELECT 1 FROM trajectory_capj tc JOIN capj_code k ON k.code = tc.capj_code WHERE tc.trajectory_id = pop.id";
        for (String axis : AXES) {
            c.put("axis." + axis, axis.equals("GEEN") ? "count(*) FILTER (WHERE NOT EXISTS (" + requests + " AND k.axis IS NOT NULL))"
                    : "count(*) FILTER (WHERE EXISTS (" + requests + " AND k.axis = '" + axis + "'))");
        }
        for (String a : APPLICANTS) {
            c.put("applicant." + a, a.equals("ONBEKEND") ? "count(*) FILTER (WHERE applicants IS NULL)"
                    : "count(*) FILTER (WHERE '" + a + "' = ANY (applicants))");
        }
        return c;
    }

    private static Map<String, String> closedColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("closed", "count(*)");
        for (String i : INTERVENTIONS) {
            c.put("intervention." + i, i.equals("ONBEKEND") ? "count(*) FILTER (WHERE interventions IS NULL)"
                    : "count(*) FILTER (WHERE '" + i + "' = ANY (interventions))");
        }
        c.put("contacts.LE2", "count(*) FILTER (WHERE contacts <= 2)");
        c.put("contacts.3_5", "count(*) FILTER (WHERE contacts BETWEEN 3 AND 5)");
        c.put("contacts.6_10", "count(*) FILTER (WHERE contacts BETWEEN 6 AND 10)");
        c.put("contacts.11PLUS", "count(*) FILTER (WHERE contacts >= 11)");
        c.put("contacts.ONBEKEND", "count(*) FILTER (WHERE contacts IS NULL)");
        c.put("outcome.ZELF_AFGEROND", "count(*) FILTER (WHERE outcome = 'ZELF_AFGEROND')");
        for (String moment : MOMENTS) {
            String referred = "outcome = 'VERWEZEN' AND referral_moment = '" + moment + "'";
            c.put("outcome." + moment, "count(*) FILTER (WHERE " + referred + ")");
            for (String d : DESTINATIONS) {
                c.put("dest." + moment + "." + d, "count(*) FILTER (WHERE " + referred + " AND '" + d
                        + "' = ANY (referral_destinations))");
            }
        }
        c.put("outcome.ANDERS", "count(*) FILTER (WHERE outcome = 'ANDERS')");
        c.put("baten.VOORLIGGEND", "count(*) FILTER (WHERE " + SummaryQueries.VOORLIGGEND_ONLY + ")");
        c.put("baten", "count(*) FILTER (WHERE outcome = 'ZELF_AFGEROND' OR (" + SummaryQueries.VOORLIGGEND_ONLY + "))");
        return c;
    }

    private Summary.CostView cost(List<PilotChoice> pilots, LocalDate from, LocalDate to, Words words) {
        List<CostAssumption> all = assumptions.of(pilots.stream().map(PilotChoice::id).toList());
        List<String> missing = pilots.stream().filter(p -> all.stream().noneMatch(a -> a.pilotId() == p.id()))
                .map(PilotChoice::name).toList();
        Figure zelf = words.figure("outcome.ZELF_AFGEROND");
        Figure voorliggend = words.figure("baten.VOORLIGGEND");
        Figure valued = words.figure("baten");
        if (!missing.isEmpty()) {
            return new Summary.CostView(missing, zelf, voorliggend, valued, "", List.of(), null, null);
        }
        BigDecimal staff = BigDecimal.ZERO;
        BigDecimal housing = BigDecimal.ZERO;
        List<String> used = new ArrayList<>();
        for (PilotChoice pilot : pilots) {
            List<CostAssumption> own = all.stream().filter(a -> a.pilotId() == pilot.id()).toList();
            BigDecimal[] costs = CostBenefit.costs(own, from, to);
            staff = staff.add(costs[0]);
            housing = housing.add(costs[1]);
            own.forEach(a -> used.add(words.msg("summary.cost.used", pilot.name(), Summary.day(a.validFrom()),
                    euro(a.amountPerTrajectory()), euro(a.staffCostPerYear()), euro(a.housingCostPerYear()))));
        }
        CostBenefit.Estimate e = CostBenefit.estimate(from, to, queries.baten(pilots.stream().map(PilotChoice::id).toList(),
                from, to), staff, housing);
        // Baten (and so the net saving) reveal the number of valued trajectories: hidden with it.
        boolean hide = !valued.shown();
        Summary.Amounts period = new Summary.Amounts(hide ? "" : euro(e.baten()), euro(e.staff()), euro(e.housing()),
                hide ? "" : euro(e.net()));
        Summary.Amounts year = new Summary.Amounts(hide ? "" : euro(e.batenYear()), euro(e.staffYear()),
                euro(e.housingYear()), hide ? "" : euro(e.netYear()));
        return new Summary.CostView(List.of(), zelf, voorliggend, valued, decimal(e.months().doubleValue()), used, period,
                year);
    }

    /** "€ 356.000" or "€ 1.234,50". */
    static String euro(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00",
                DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "€ " + format.format(amount);
    }

    /** One decimal, decimal comma: "10,8". */
    static String decimal(double value) {
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> withUnknown(List<String> codes) {
        List<String> all = new ArrayList<>(codes);
        all.add("ONBEKEND");
        return all;
    }

    private static List<String> prefixed(String prefix, List<String> codes) {
        return codes.stream().map(c -> prefix + c).toList();
    }

    /** Labels, figures and percentages in one language for one summary. */
    private final class Words {

        private final Locale locale;
        private final Map<String, Long> cells;
        private final Map<String, State> states;

        Words(Locale locale, Map<String, Long> cells, Map<String, State> states) {
            this.locale = locale;
            this.cells = cells;
            this.states = states;
        }

        String msg(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }

        Figure figure(String key) {
            long value = cells.get(key);
            State state = states.get(key);
            String text = switch (state) {
                case SHOWN -> String.valueOf(value);
                case SMALL -> "<" + smallNumbers.minCell();
                case HIDDEN -> msg("summary.hidden");
            };
            return new Figure(value, state, text);
        }

        /** Whole percent, half up, of a published count of a published total; empty otherwise. */
        String percent(String key, String totalKey) {
            Figure count = figure(key);
            Figure total = figure(totalKey);
            if (!count.shown() || !total.shown() || total.value() == 0) {
                return "";
            }
            return BigDecimal.valueOf(100 * count.value()).divide(BigDecimal.valueOf(total.value()), 0, RoundingMode.HALF_UP)
                    + "%";
        }

        Table table(String id, String totalKey, List<String> keys, String labelPrefix, boolean multiAnswer,
                    java.util.function.Function<String, String> extra) {
            List<Line> lines = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (String key : keys) {
                String code = key.substring(key.lastIndexOf('.') + 1);
                Figure count = figure(key);
                String label = msg(labelPrefix + code);
                lines.add(new Line(label, count, percent(key, totalKey), extra == null ? "" : extra.apply(key)));
                categories.add(count.shown() ? label : label + " (" + count.text() + ")");
                counts.add(count.shown() ? count.value() : 0L);
            }
            String title = msg("summary.table." + id);
            Figure total = figure(totalKey);
            String description = msg("summary.chart.desc", title, total.text())
                    + (keys.stream().anyMatch(k -> states.get(k) != State.SHOWN) ? " " + msg("summary.chart.suppressed") : "");
            String chart = Charts.bars("chart-" + id.replace('_', '-'), title, description, msg("summary.chart.y"),
                    categories, categories, counts, msg("report.nodata"));
            return new Table(id, title, multiAnswer ? msg("summary.multiAnswer") : "", msg("summary.total." + totalKey.replaceAll("\\..*", "")),
                    total, lines, multiAnswer, extra == null ? "" : msg("summary.meanAge"), chart);
        }
    }
}
