package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.registration.Codes.Gender;
import org.junit.jupiter.api.Test;

/**
 * The SPSS and R scripts with labels an administrator could type: an apostrophe, double quotes, a
 * backslash, a line break. Each must stay one string literal in the script.
 */
class ExportScriptsTest {

    private static final String QUOTED = "Ruzie met \"vrienden\" en 's avonds C:\\weg";

    private final ExportScripts scripts = new ExportScripts(
            key -> Map.of("code.gender.M", "Jongen", "code.gender.V", "Meisje", "code.gender.X", "X (anders)",
                    "code.gender.ONBEKEND", "Onbekend").getOrDefault(key, key),
            List.of(new ExportScripts.ValueLabel("A-100", "Emotionele problemen"),
                    new ExportScripts.ValueLabel("E-399", QUOTED),
                    new ExportScripts.ValueLabel("E-398", "Twee\nregels")));

    @Test
    void spssDoublesApostrophesAndKeepsDoubleQuotesAndBackslashes() {
        String sps = scripts.spss(ExchangeColumns.TRAJECTEN);
        assertThat(sps).contains("\n    'E-399' 'Ruzie met \"vrienden\" en ''s avonds C:\\weg'\n",
                "\n    'E-398' 'Twee regels'\n",
                "  /capj_1 capj_2 capj_3 capj_4 capj_5\n    'A-100' 'Emotionele problemen'\n");
        assertThat(ExportScripts.spssString("collega's")).isEqualTo("'collega''s'");
    }

    @Test
    void rEscapesDoubleQuotesBackslashesAndLineBreaks() {
        String r = scripts.r(ExchangeColumns.TRAJECTEN);
        assertThat(r).contains("capj_codes <- c(\"A-100\", \"E-399\", \"E-398\")\n",
                "capj_labels <- c(\"A-100 Emotionele problemen\", "
                        + "\"E-399 Ruzie met \\\"vrienden\\\" en 's avonds C:\\\\weg\", \"E-398 Twee\\nregels\")\n");
        assertThat(ExportScripts.rString("zeg \"nee\"")).isEqualTo("\"zeg \\\"nee\\\"\"");
    }

    @Test
    void everyTrajectoryGenderSurvivesTheFileAndBack() {
        List<String> stored = Arrays.stream(Gender.values()).map(Enum::name).toList();
        assertThat(stored).containsExactly("M", "V", "X", "ONBEKEND");
        assertThat(stored.stream().map(ExchangeColumns::genderForFile).toList()).containsExactly("M", "V", "X", null);
        for (String gender : stored) {
            assertThat(ExchangeColumns.genderFromFile(ExchangeColumns.genderForFile(gender))).isEqualTo(gender);
        }
        assertThat(ExchangeColumns.genderFromFile("")).isEqualTo("ONBEKEND");
        assertThat(ExchangeColumns.genderFromFile("  ")).isEqualTo("ONBEKEND");
        // The codebook lists exactly the stored values: the three codes and the empty cell for onbekend.
        assertThat(ExchangeColumns.trajectColumn("geslacht").orElseThrow().codes())
                .extracting(ExchangeColumns.Code::value, ExchangeColumns.Code::labelKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M", "code.gender.M"),
                        org.assertj.core.groups.Tuple.tuple("V", "code.gender.V"),
                        org.assertj.core.groups.Tuple.tuple("X", "code.gender.X"),
                        org.assertj.core.groups.Tuple.tuple("", "code.gender.ONBEKEND"));
    }
}
