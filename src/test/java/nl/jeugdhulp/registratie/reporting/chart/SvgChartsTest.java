package nl.jeugdhulp.registratie.reporting.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SVG bar chart: well-formed XML in the SVG namespace, one {@code <rect>} per non-zero value inside the
 * {@code id-bars} group, proportional heights, 1-2-5 ticks, escaping, accessibility attributes, legend, ids
 * and the empty chart.
 */
class SvgChartsTest {

    static final String SVG = "http://www.w3.org/2000/svg";

    // ---- parsing helpers ----

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    static List<Element> elements(Node root, String localName) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(SVG, localName)
                : ((Element) root).getElementsByTagNameNS(SVG, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    static Element byId(Document doc, String id) {
        return elements(doc, "*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst().orElse(null);
    }

    static List<Element> bars(Document doc, String chartId) {
        Element group = byId(doc, chartId + "-bars");
        return group == null ? List.of() : elements(group, "rect");
    }

    static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    static List<String> texts(Element group) {
        return elements(group, "text").stream().map(Node::getTextContent).toList();
    }

    // ---- fixtures ----

    static List<String> ages() {
        return IntStream.rangeClosed(0, 23).mapToObj(Integer::toString).toList();
    }

    static BarChart f1(String id) {
        List<Integer> boys = List.of(3, 5, 9, 14, 20, 26, 30, 35, 38, 44, 47, 52, 55, 57, 60, 54, 48, 40, 25, 12, 6, 3, 1, 0);
        List<Integer> girls = List.of(2, 4, 6, 9, 12, 18, 22, 26, 30, 33, 38, 46, 34, 68, 80, 86, 79, 70, 50, 30, 14, 7, 3, 1);
        return new BarChart(id, "Figuur 1. Leeftijd bij aanmelding per geslacht (n = 1.573)",
                "Aantal jeugdigen per leeftijd van 0 tot en met 23 jaar, jongens en meisjes naast elkaar.",
                "Leeftijd (jaar)", "Aantal jeugdigen", ages(),
                List.of(new Series("Jongens", boys), new Series("Meisjes", girls)), ValueFormat.COUNT,
                "Geen gegevens in deze periode.")
                .withCategoryNames(IntStream.rangeClosed(0, 23).mapToObj(a -> a + " jaar").toList());
    }

    static BarChart single(String id, List<String> categories, List<? extends Number> values, ValueFormat format) {
        return new BarChart(id, "Titel", "Beschrijving", "x", "y", categories, List.of(new Series("Trajecten", values)),
                format, "Geen gegevens.");
    }

    // ---- tests ----

    @Test
    void f1IsWellFormedSvgWithAccessibleNameAndDescription() {
        String svg = SvgCharts.barChart(f1("f1"));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("f1-title f1-desc");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 440");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("font-family")).isEqualTo("sans-serif");

        Element first = firstElementChild(root);
        assertThat(first.getLocalName()).isEqualTo("title");
        assertThat(first.getAttribute("id")).isEqualTo("f1-title");
        assertThat(first.getTextContent()).isEqualTo("Figuur 1. Leeftijd bij aanmelding per geslacht (n = 1.573)");
        Element desc = byId(doc, "f1-desc");
        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getTextContent()).startsWith("Aantal jeugdigen per leeftijd");

        // No CSS, scripts or external references that a strict CSP or a PDF renderer would trip over.
        assertThat(svg).doesNotContain("style", "<script", "class=", "href", "url(");
    }

    @Test
    void oneRectPerNonZeroValueWithATooltipNamingCategorySeriesAndValue() {
        Document doc = parse(SvgCharts.barChart(f1("f1")));
        List<Element> bars = bars(doc, "f1");

        // 24 ages x 2 series = 48 values, of which one (boys, 23 years) is zero.
        assertThat(bars).hasSize(47);
        List<String> tooltips = bars.stream().map(b -> elements(b, "title").get(0).getTextContent()).toList();
        assertThat(tooltips).contains("12 jaar – Meisjes: 34", "12 jaar – Jongens: 55", "23 jaar – Meisjes: 1")
                .doesNotContain("23 jaar – Jongens: 0");
        assertThat(bars.stream().map(b -> b.getAttribute("fill")).distinct()).containsExactlyInAnyOrder("#0072B2", "#D55E00");
    }

    @Test
    void barHeightsAreProportionalToValuesAndStandOnOneBaseline() {
        Document doc = parse(SvgCharts.barChart(single("p", List.of("a", "b", "c", "d", "e"), List.of(10, 20, 0, 47, 5),
                ValueFormat.COUNT)));
        List<Element> bars = bars(doc, "p");
        assertThat(bars).hasSize(4);
        double h10 = attr(bars.get(0), "height");
        double h20 = attr(bars.get(1), "height");
        double h47 = attr(bars.get(2), "height");
        double h5 = attr(bars.get(3), "height");
        assertThat(h20).isCloseTo(2 * h10, within(0.01));
        assertThat(h47).isCloseTo(4.7 * h10, within(0.01));
        assertThat(h10).isCloseTo(2 * h5, within(0.01));
        // The axis runs to 50, so 47 is 94% of the plot height and 10 is a fifth of it.
        double baseline = attr(bars.get(0), "y") + h10;
        for (Element bar : bars) {
            assertThat(attr(bar, "y") + attr(bar, "height")).isCloseTo(baseline, within(0.01));
        }
        Element ticks = byId(doc, "p-ticks");
        List<Element> gridlines = elements(ticks, "line");
        double top = attr(gridlines.get(gridlines.size() - 1), "y1");
        assertThat(h10).isCloseTo((baseline - top) / 5, within(0.01));
    }

    @Test
    void aMaximumOf47GivesTicksZeroToFiftyInStepsOfTen() {
        Document doc = parse(SvgCharts.barChart(single("t", List.of("a", "b"), List.of(12, 47), ValueFormat.COUNT)));
        assertThat(texts(byId(doc, "t-ticks"))).containsExactly("0", "10", "20", "30", "40", "50");
    }

    @Test
    void niceScalesUseStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisScale.forMaximum(47)).isEqualTo(new AxisScale(10, 50));
        assertThat(AxisScale.forMaximum(50)).isEqualTo(new AxisScale(10, 50));
        assertThat(AxisScale.forMaximum(86)).isEqualTo(new AxisScale(20, 100));
        assertThat(AxisScale.forMaximum(3)).isEqualTo(new AxisScale(1, 3));
        assertThat(AxisScale.forMaximum(0.4)).isEqualTo(new AxisScale(1, 1));
        assertThat(AxisScale.forMaximum(12)).isEqualTo(new AxisScale(5, 15));
        assertThat(AxisScale.forMaximum(650)).isEqualTo(new AxisScale(200, 800));
        assertThat(AxisScale.forMaximum(1378)).isEqualTo(new AxisScale(500, 1500));
        for (double max : new double[] {1, 7, 19, 33, 99, 101, 999, 12345}) {
            AxisScale scale = AxisScale.forMaximum(max);
            assertThat(scale.top()).isGreaterThanOrEqualTo((long) Math.ceil(max));
            assertThat(scale.ticks().size()).isBetween(2, 11);
            long normalised = scale.step();
            while (normalised % 10 == 0) {
                normalised /= 10;
            }
            assertThat(normalised).isIn(1L, 2L, 5L);
        }
    }

    @Test
    void percentChartsWriteDutchPercentagesOnAxisAndTooltipsAndValuesAboveWideBars() {
        BarChart f4 = new BarChart("f4", "Figuur 4. Drie typen trajecten", "Aandeel per type.", "Type traject",
                "Aandeel van de trajecten", List.of("zelf afgehandeld", "snel verwezen", "hulp en toch verwezen"),
                List.of(new Series("Aandeel", List.of(39, 40.5, 20))), ValueFormat.PERCENT, "Geen gegevens.");
        Document doc = parse(SvgCharts.barChart(f4));
        assertThat(texts(byId(doc, "f4-ticks"))).containsExactly("0%", "10%", "20%", "30%", "40%", "50%");
        assertThat(bars(doc, "f4").stream().map(b -> b.getTextContent()))
                .containsExactly("zelf afgehandeld: 39%", "snel verwezen: 40,5%", "hulp en toch verwezen: 20%");
        assertThat(texts(byId(doc, "f4-values"))).containsExactly("39%", "40,5%", "20%");
        assertThat(texts(byId(doc, "f4-categories")))
                .containsExactly("zelf afgehandeld", "snel verwezen", "hulp en toch verwezen");
        assertThat(bars(doc, "f4")).allSatisfy(b -> assertThat(attr(b, "width")).isLessThanOrEqualTo(80));
    }

    @Test
    void valuesAndTicksAreWrittenTheDutchWay() {
        assertThat(ValueFormat.PERCENT.format(12.5)).isEqualTo("12,5%");
        assertThat(ValueFormat.PERCENT.format(12.25)).isEqualTo("12,3%");
        assertThat(ValueFormat.PERCENT.format(39)).isEqualTo("39%");
        assertThat(ValueFormat.COUNT.format(1378)).isEqualTo("1.378");
        assertThat(ValueFormat.COUNT.format(3.5)).isEqualTo("3,5");
        assertThat(ValueFormat.COUNT.formatTick(1500)).isEqualTo("1.500");
        assertThat(ValueFormat.PERCENT.formatTick(20)).isEqualTo("20%");
    }

    @Test
    void manyCategoriesGetThinBarsAndOnlyEveryKthLabelWithoutOverlap() {
        List<String> weeks = IntStream.rangeClosed(0, 68).mapToObj(Integer::toString).toList();
        List<Integer> counts = IntStream.rangeClosed(0, 68).map(w -> w == 0 ? 0 : Math.max(1, 650 / w)).boxed().toList();
        Document doc = parse(SvgCharts.barChart(single("f3", weeks, counts, ValueFormat.COUNT)));

        assertThat(bars(doc, "f3")).hasSize(68).allSatisfy(b -> assertThat(attr(b, "width")).isLessThan(10));
        List<Element> labels = elements(byId(doc, "f3-categories"), "text");
        List<String> shown = labels.stream().map(Node::getTextContent).toList();
        assertThat(shown).hasSizeLessThan(weeks.size()).startsWith("0");
        int k = Integer.parseInt(shown.get(1));
        assertThat(k).isIn(2, 5, 10);
        assertThat(shown).allSatisfy(s -> assertThat(Integer.parseInt(s) % k).isZero());
        // Neighbouring labels are further apart than the widest label (12 px font, ~0.6 em per digit).
        for (int i = 1; i < labels.size(); i++) {
            double gap = attr(labels.get(i), "x") - attr(labels.get(i - 1), "x");
            assertThat(gap).isGreaterThan(2 * 12 * 0.6);
        }
        // Even the smallest non-zero value stays visible.
        assertThat(bars(doc, "f3")).allSatisfy(b -> assertThat(attr(b, "height")).isGreaterThanOrEqualTo(1));
    }

    @Test
    void allTextIsEscaped() {
        String nasty = "A&B <x> \"q\" 'a'";
        BarChart chart = new BarChart("esc", nasty, nasty, nasty, nasty, List.of(nasty, "b"),
                List.of(new Series(nasty, List.of(1, 2)), new Series("</svg>", List.of(2, 1))), ValueFormat.COUNT, nasty);
        String svg = SvgCharts.barChart(chart);
        Document doc = parse(svg);

        assertThat(svg).contains("A&amp;B &lt;x&gt; &quot;q&quot; &apos;a&apos;").doesNotContain("A&B", "<x>");
        assertThat(byId(doc, "esc-title").getTextContent()).isEqualTo(nasty);
        assertThat(byId(doc, "esc-desc").getTextContent()).isEqualTo(nasty);
        assertThat(texts(byId(doc, "esc-legend"))).containsExactly(nasty, "</svg>");
        assertThat(bars(doc, "esc").get(0).getTextContent()).isEqualTo(nasty + " – " + nasty + ": 1");
        assertThat(elements(doc, "svg")).hasSize(1);

        // Characters XML cannot hold are dropped rather than breaking the document.
        parse(SvgCharts.barChart(single("ctl", List.of("a\u0000b\u001Fc\uD800"), List.of(1), ValueFormat.COUNT)));
    }

    @Test
    void aLegendOnlyWithMoreThanOneSeries() {
        Document two = parse(SvgCharts.barChart(f1("two")));
        assertThat(byId(two, "two-legend")).isNotNull();
        assertThat(texts(byId(two, "two-legend"))).containsExactly("Jongens", "Meisjes");
        assertThat(elements(byId(two, "two-legend"), "rect").stream().map(r -> r.getAttribute("fill")))
                .containsExactly("#0072B2", "#D55E00");

        Document one = parse(SvgCharts.barChart(single("one", List.of("a", "b"), List.of(1, 2), ValueFormat.COUNT)));
        assertThat(byId(one, "one-legend")).isNull();
        assertThat(bars(one, "one").get(0).getTextContent()).isEqualTo("a: 1");
    }

    @Test
    void idsAreUniqueWithinAChartAndDistinctBetweenChartsWithDifferentIds() {
        Set<String> first = ids(parse(SvgCharts.barChart(f1("report-f1"))));
        Set<String> second = ids(parse(SvgCharts.barChart(f1("report-f1-tab2"))));
        assertThat(first).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("report-f1"));
        Set<String> shared = new HashSet<>(first);
        shared.retainAll(second);
        assertThat(shared).isEmpty();
        // Everything aria-labelledby points at exists.
        Document doc = parse(SvgCharts.barChart(f1("x")));
        for (String ref : doc.getDocumentElement().getAttribute("aria-labelledby").split(" ")) {
            assertThat(byId(doc, ref)).as(ref).isNotNull();
        }
    }

    private static Set<String> ids(Document doc) {
        List<String> all = elements(doc, "*").stream().map(e -> e.getAttribute("id")).filter(s -> !s.isEmpty()).toList();
        assertThat(all).doesNotHaveDuplicates();
        return new HashSet<>(all);
    }

    @Test
    void emptyChartsAreValidSvgThatSayThereIsNoData() {
        List<BarChart> empties = List.of(
                new BarChart("e1", "Titel", "", "x", "y", List.of(), List.of(), ValueFormat.COUNT, "Geen gegevens & niets"),
                single("e2", List.of("a", "b"), List.of(0, 0), ValueFormat.COUNT),
                new BarChart("e3", "Titel", "d", "x", "y", List.of("a"), List.of(), ValueFormat.PERCENT, "Leeg"));
        for (BarChart chart : empties) {
            assertThat(chart.isEmpty()).isTrue();
            Document doc = parse(SvgCharts.barChart(chart));
            Element root = doc.getDocumentElement();
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(root.getAttribute("aria-labelledby"))
                    .isEqualTo(chart.id() + "-title " + chart.id() + "-desc " + chart.id() + "-empty");
            assertThat(byId(doc, chart.id() + "-title").getTextContent()).isEqualTo("Titel");
            assertThat(byId(doc, chart.id() + "-empty").getTextContent()).isEqualTo(chart.emptyText());
            assertThat(bars(doc, chart.id())).isEmpty();
        }
    }

    @Test
    void coordinatesDoNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("nl-NL"));
            String dutch = SvgCharts.barChart(f1("f1"));
            Locale.setDefault(Locale.ROOT);
            assertThat(dutch).isEqualTo(SvgCharts.barChart(f1("f1")));
            for (Element bar : bars(parse(dutch), "f1")) {
                assertThat(bar.getAttribute("height")).doesNotContain(",");
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void inconsistentChartsAreRefused() {
        List<String> two = List.of("a", "b");
        assertThatThrownBy(() -> single("x", two, List.of(1), ValueFormat.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single("x", two, List.of(1, -1), ValueFormat.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single("x", two, List.of(1, Double.NaN), ValueFormat.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single("has space", two, List.of(1, 2), ValueFormat.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single("1abc", two, List.of(1, 2), ValueFormat.COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        Series s = new Series("s", List.of(1, 2));
        assertThatThrownBy(() -> new BarChart("x", "t", "", "", "", two, List.of(s, s, s, s, s), ValueFormat.COUNT, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> single("x", two, List.of(1, 2), ValueFormat.COUNT).withCategoryNames(List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BarChart("x", " ", "", "", "", two, List.of(s), ValueFormat.COUNT, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Element firstElementChild(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no child elements");
    }
}
