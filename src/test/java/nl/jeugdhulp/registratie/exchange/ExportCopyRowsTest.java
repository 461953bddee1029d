package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact COPY row becomes the trajecten line: the groups' 0/1 columns, the five CAP-J columns,
 * the practice name, and PostgreSQL's quoting kept except for the empty string.
 */
class ExportCopyRowsTest {

    private final ExportCopyRows rows = new ExportCopyRows(
            Map.of(7L, "\"Praktijk \"\"De Linde\"\", Oost\"".getBytes(StandardCharsets.UTF_8)),
            new String[] {"JEUGDIGE", "OUDERS", "SCHOOL"}, new String[] {"TRIAGE_SCREENING", "ANDERS"},
            new String[] {"HUISARTS", "SCHOOL"}, new String[] {"SGGZ", "BGGZ"});

    private String convert(String copied) throws IOException {
        rows.convert(copied.getBytes(StandardCharsets.UTF_8));
        return new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8);
    }

    @Test
    void expandsGroupsCapjAndPracticeAndKeepsQuotedText() throws IOException {
        // bron_id, professional, practice id, year, month, gender, 4 dates, hulpvraag, capj, diagnosis
        // question, diagnosis, applicants, contacts, interventions, consultations, outcome, reason, moment,
        // destinations, 5 free texts. As PostgreSQL writes it: NULL unquoted empty, '' as "".
        String copied = "b-1,P001,7,2014,3,,2025-01-02,2025-01-03,,,\"Zegt \"\"hoi\"\",\r\ndan \"\"ja\"\"\","
                + "A100 ONG D400,GEEN,,OUDERS SCHOOL,4,\"\",,,,,\"\",\"\",,é,,\n";
        assertThat(convert(copied)).isEqualTo("b-1,P001,\"Praktijk \"\"De Linde\"\", Oost\",2014,3,,2025-01-02,"
                + "2025-01-03,,,\"Zegt \"\"hoi\"\",\r\ndan \"\"ja\"\"\",A-100,ONG,D-400,,,GEEN,,0,1,1,4,0,0,,,,,,0,0,"
                + ",,é,,\r\n");
    }

    @Test
    void aRowWithoutCapjAndGroupsHasEmptyCells() throws IOException {
        String copied = "12,P002,7,,,V,,2025-01-03,,,,,,,,,,,,,,,,,,,\n";
        // After the start date: 3 empty cells, 5 CAP-J, 2 diagnosis, 3 applicants, contacts, 2 interventions,
        // 2 consultations, outcome, reason, moment, 2 destinations, 5 free texts: 28 empty cells.
        assertThat(convert(copied)).isEqualTo("12,P002,\"Praktijk \"\"De Linde\"\", Oost\",,,V,,2025-01-03"
                + ",".repeat(28) + "\r\n");
    }

    @Test
    void capjCodesReadFirstAreWrittenByTrajectoryIdInTheirPositionOrder() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100", "D400", "ONG"), 4);
        capj.add("5,D400\n".getBytes(StandardCharsets.UTF_8));
        capj.add("9,ONG\n".getBytes(StandardCharsets.UTF_8));
        capj.add("9,A100\n".getBytes(StandardCharsets.UTF_8));
        capj.add("9,D400\n".getBytes(StandardCharsets.UTF_8));
        ExportCopyRows byId = new ExportCopyRows(Map.of(7L, "Linde".getBytes(StandardCharsets.UTF_8)), capj,
                new String[] {"JEUGDIGE"}, new String[] {"ANDERS"}, new String[] {"SCHOOL"}, new String[] {"SGGZ"});
        // The CAP-J field holds the trajectory id: 9 has three codes, 5 one, 6 none.
        String tail = ",,,,,,,,,,,,,,,\n";
        assertThat(line(byId, "b-9,P001,7,,,,,2025-01-03,,,,9" + tail))
                .isEqualTo("b-9,P001,Linde,,,,,2025-01-03,,,,ONG,A-100,D-400,,,,,,,,,,,,,,,,,\r\n");
        assertThat(line(byId, "b-5,P001,7,,,,,2025-01-03,,,,5" + tail))
                .isEqualTo("b-5,P001,Linde,,,,,2025-01-03,,,,D-400,,,,,,,,,,,,,,,,,,,\r\n");
        assertThat(line(byId, "b-6,P001,7,,,,,2025-01-03,,,,6" + tail))
                .isEqualTo("b-6,P001,Linde,,,,,2025-01-03,,,,,,,,,,,,,,,,,,,,,,,\r\n");
        assertThatThrownBy(() -> capj.add("4,A100\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> capj.add("12,Z999\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    private static String line(ExportCopyRows rows, String copied) throws IOException {
        rows.convert(copied.getBytes(StandardCharsets.UTF_8));
        return new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8);
    }

    @Test
    void aRowWithTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> convert("1,P,7\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> convert("12,P002,7,,,V,,2025-01-03,,,,,,,,,,,,,,,,,,,,\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("too many");
        assertThatThrownBy(() -> convert("12,P002,7,,,V,,2025-01-03,,,,,,,,,,,,,,,,,,,")).isInstanceOf(IOException.class);
    }
}
