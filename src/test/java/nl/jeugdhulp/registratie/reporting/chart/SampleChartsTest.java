package nl.jeugdhulp.registratie.reporting.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Writes the four report figures with study-like numbers to {@code target/charts/*.svg}, for looking at them
 * in a browser (or rendering them to PNG with headless Chromium).
 */
class SampleChartsTest {

    private static final Path DIR = Path.of("target", "charts");

    @Test
    void writesSampleFigures() throws IOException {
        Files.createDirectories(DIR);
        write("f1", SvgChartsTest.f1("f1"));

        List<String> contacts = new ArrayList<>();
        List<Integer> perContact = List.of(520, 430, 300, 200, 140, 100, 70, 55, 40, 30, 18, 12, 9, 7, 5, 4, 3, 2, 1, 1,
                0, 1, 0, 0, 1);
        for (int c = 1; c <= perContact.size(); c++) {
            contacts.add(Integer.toString(c));
        }
        write("f2", new BarChart("f2", "Figuur 2. Aantal contacten per traject (n = 1.972)",
                "Aantal afgesloten trajecten per aantal contacten; 48% had hooguit 2 contacten, 82% hooguit 5.",
                "Aantal contacten", "Aantal trajecten", contacts, List.of(new Series("Trajecten", perContact)),
                ValueFormat.COUNT, "Geen afgesloten trajecten in deze periode.")
                .withCategoryNames(contacts.stream().map(c -> c + (c.equals("1") ? " contact" : " contacten")).toList()));

        write("f2-classes", new BarChart("f2c", "Figuur 2b. Contacten per traject in klassen (n = 1.972)",
                "Aandeel afgesloten trajecten per klasse van het aantal contacten.", "Aantal contacten",
                "Aandeel van de trajecten", List.of("1-2", "3-5", "6-10", "11+"),
                List.of(new Series("Trajecten", List.of(48, 34, 15, 3))), ValueFormat.PERCENT, "Geen gegevens."));

        List<String> weeks = IntStream.rangeClosed(0, 68).mapToObj(Integer::toString).toList();
        List<Integer> perWeek = IntStream.rangeClosed(0, 68)
                .map(w -> w == 0 ? 310 : w <= 10 ? 650 / (w + 1) : w % 7 == 0 ? 0 : Math.max(1, 240 / (w + 2)))
                .boxed().toList();
        write("f3", new BarChart("f3", "Figuur 3. Duur van de trajecten in weken (n = 1.880)",
                "Aantal afgesloten trajecten per duur in weken; 76% duurde hooguit 10 weken, de langste 68 weken.",
                "Duur (weken)", "Aantal trajecten", weeks, List.of(new Series("Trajecten", perWeek)),
                ValueFormat.COUNT, "Geen afgesloten trajecten in deze periode."));

        write("f4", new BarChart("f4", "Figuur 4. Drie typen trajecten (n = 1.840)",
                "Aandeel per type: zelf afgehandeld 39%, snel verwezen 41%, hulp en toch verwezen 20%.",
                "Type traject", "Aandeel van de trajecten",
                List.of("Zelf afgehandeld (7,3 wk; 3,5 contacten)", "Snel verwezen (2,7 wk; 2,1 contacten)",
                        "Hulp en toch verwezen (14,8 wk; 6,0 contacten)"),
                List.of(new Series("Aandeel", List.of(39, 41, 20))), ValueFormat.PERCENT, "Geen gegevens."));

        write("empty", new BarChart("empty", "Figuur 1. Leeftijd bij aanmelding per geslacht", "", "Leeftijd (jaar)",
                "Aantal", List.of(), List.of(), ValueFormat.COUNT, "Geen gestarte trajecten in deze periode."));

        assertThat(DIR.resolve("f1.svg")).exists();
        assertThat(DIR.resolve("f3.svg")).exists();
    }

    private static void write(String name, BarChart chart) throws IOException {
        String svg = SvgCharts.barChart(chart);
        SvgChartsTest.parse(svg);
        Files.writeString(DIR.resolve(name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg,
                StandardCharsets.UTF_8);
    }
}
