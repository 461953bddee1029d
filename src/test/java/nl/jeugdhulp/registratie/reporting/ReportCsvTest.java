package nl.jeugdhulp.registratie.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CSV quoting, formula neutralising, sheet names and the table ids the exports accept. */
class ReportCsvTest {

    @Test
    void plainFieldsStayAsTheyAre() {
        assertThat(ReportCsv.quote("Zelf afgerond (geen verwijzing)")).isEqualTo("Zelf afgerond (geen verwijzing)");
        assertThat(ReportCsv.quote("0–5 jaar, jongens")).isEqualTo("0–5 jaar, jongens");
        assertThat(ReportCsv.quote("")).isEmpty();
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(ReportCsv.quote("a;b")).isEqualTo("\"a;b\"");
        assertThat(ReportCsv.quote("zei \"nee\"")).isEqualTo("\"zei \"\"nee\"\"\"");
        assertThat(ReportCsv.quote("regel 1\nregel 2")).isEqualTo("\"regel 1\nregel 2\"");
        assertThat(ReportCsv.quote("regel 1\r\nregel 2")).isEqualTo("\"regel 1\r\nregel 2\"");
        assertThat(ReportCsv.quote(" spatie ")).isEqualTo("\" spatie \"");
    }

    @Test
    void labelsThatLookLikeFormulasAreNeutralised() {
        assertThat(ReportCsv.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ReportCsv.text("+31")).isEqualTo("'+31");
        assertThat(ReportCsv.text("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.text("A102 Angst")).isEqualTo("A102 Angst");
        assertThat(ReportCsv.text("")).isEmpty();
    }

    @Test
    void sheetNamesAreValidShortAndUnique() {
        Set<String> taken = new HashSet<>();
        String longName = "Proces en uitkomst naar jaren werkervaring bij start";
        String first = ReportWorkbook.sheetName(longName, taken);
        String second = ReportWorkbook.sheetName(longName, taken);
        String third = ReportWorkbook.sheetName(longName.toUpperCase(), taken);
        assertThat(List.of(first, second, third)).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(31))
                .doesNotHaveDuplicates();
        assertThat(second).endsWith(" (2)");
        assertThat(third).endsWith(" (3)");
        assertThat(ReportWorkbook.sheetName("Vraag: ja/nee?", taken)).doesNotContain(":", "/", "?");
    }

    @Test
    void intakeTablesExistPerFunctionOnlyProcessTablesPerEveryBreakdown() {
        assertThat(ReportExportController.tableExists("geslacht", Breakdown.FUNCTION_TYPE)).isTrue();
        assertThat(ReportExportController.tableExists("geslacht", Breakdown.EDUCATION)).isFalse();
        assertThat(ReportExportController.tableExists("afronding", Breakdown.EXPERIENCE)).isTrue();
        assertThat(ReportExportController.tableExists("onzin", Breakdown.FUNCTION_TYPE)).isFalse();
        assertThat(ReportExportController.tableExists(null, Breakdown.FUNCTION_TYPE)).isFalse();
    }
}
