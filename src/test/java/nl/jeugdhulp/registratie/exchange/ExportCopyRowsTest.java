package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of the binary COPY become the trajecten lines: ids, integers and day numbers formatted, the
 * groups' 0/1 columns, the five CAP-J columns, the professional's code and the practice's name, text
 * quoted as the file's CSV quotes it, NULL and the empty string as empty cells.
 */
class ExportCopyRowsTest {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final Map<Long, byte[]> PROFESSIONALS = Map.of(3L, bytes("P001"), 4L, bytes("P002"));
    private static final Map<Long, byte[]> PRACTICES = Map.of(7L, bytes("\"Praktijk \"\"De Linde\"\", Oost\""));
    private static final String[] APPLICANTS = {"JEUGDIGE", "OUDERS", "SCHOOL"};
    private static final String[] INTERVENTIONS = {"TRIAGE_SCREENING", "ANDERS"};
    private static final String[] CONSULTATIONS = {"HUISARTS", "SCHOOL"};
    private static final String[] DESTINATIONS = {"SGGZ", "BGGZ"};

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-dimensional varchar[] (element type 1043), lower bound 1, in PostgreSQL's binary format. */
    static byte[] varcharArray(String... elements) throws IOException {
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(array);
        a.writeInt(elements.length == 0 ? 0 : 1);
        a.writeInt(0);
        a.writeInt(1043);
        if (elements.length > 0) {
            a.writeInt(elements.length);
            a.writeInt(1);
        }
        for (String element : elements) {
            a.writeInt(element.length());
            a.write(bytes(element));
        }
        return array.toByteArray();
    }

    /** One binary COPY row (or the header and a row), written as PostgreSQL's binary format says. */
    private static final class Row {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Row(boolean header, int fields) {
            try {
                if (header) {
                    out.write(HEADER);
                }
                out.writeShort(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Row int8(long value) throws IOException {
            out.writeInt(8);
            out.writeLong(value);
            return this;
        }

        Row int4(int value) throws IOException {
            out.writeInt(4);
            out.writeInt(value);
            return this;
        }

        Row date(LocalDate date) throws IOException {
            return int4((int) (date.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()));
        }

        Row text(String value) throws IOException {
            byte[] text = ExportCopyRowsTest.bytes(value);
            out.writeInt(text.length);
            out.write(text);
            return this;
        }

        Row nulls(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                out.writeInt(-1);
            }
            return this;
        }

        /** A one-dimensional varchar[] (element type 1043), lower bound 1. */
        Row array(String... elements) throws IOException {
            byte[] array = varcharArray(elements);
            out.writeInt(array.length);
            out.write(array);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static String convert(ExportCopyRows rows, byte[] message) throws IOException {
        assertThat(rows.convert(message)).isEqualTo(1);
        return new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8);
    }

    @Test
    void theSelectListHasTheFreeTextsAndCapjCodesOnlyWhenTheRowCarriesThem() {
        assertThat(ExportCopyRows.columns(false, true)).hasSize(21).doesNotContain("t.help_request", "t.chain_partner");
        assertThat(ExportCopyRows.columns(true, true)).hasSize(27).contains("t.help_request", "t.outcome_other_text");
        assertThat(ExportCopyRows.columns(false, false)).hasSize(22);
        assertThat(ExportCopyRows.columns(false, true).get(0)).isEqualTo("t.id");
    }

    @Test
    void aRowWithFreeTextAndCapjCodesBecomesTheLineWithItsGroupsQuotesAndEmptyCells() throws IOException {
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, null, true, APPLICANTS, INTERVENTIONS,
                CONSULTATIONS, DESTINATIONS);
        byte[] row = new Row(true, 28).int8(12).text("b-1").int8(3).int8(7).int4(2014).int4(3).text("ONBEKEND")
                .date(LocalDate.of(2025, 1, 2)).date(LocalDate.of(2025, 1, 3)).nulls(2)
                .text("Zegt \"hoi\",\r\ndan \"ja\"")
                .text("A100 ONG D400")
                .text("GEEN").nulls(1)
                .array("OUDERS", "SCHOOL").int4(4).array().nulls(1)
                .nulls(3).nulls(1)
                .text("").nulls(1).text("é").nulls(1).text("a,b")
                .bytes();

        // bron_id, code, practice (quoted), year, month, gender ONBEKEND empty, 4 dates, hulpvraag quoted with
        // doubled quotes, 5 CAP-J, diagnose_vraag, diagnose, 3 applicants, contacts, 2 interventions (empty
        // array: 0), 2 consultations (NULL: empty), afronding, reden, moment, 2 destinations, 5 free texts.
        assertThat(convert(rows, row)).isEqualTo("b-1,P001,\"Praktijk \"\"De Linde\"\", Oost\",2014,3,,2025-01-02,"
                + "2025-01-03,,,\"Zegt \"\"hoi\"\",\r\ndan \"\"ja\"\"\",A-100,ONG,D-400,,,GEEN,,0,1,1,4,0,0,,,,,,,,"
                + ",,é,,\"a,b\"\r\n");
        assertThat(rows.finished()).isFalse();
    }

    @Test
    void withoutFreeTextTheCodesReadFirstAndTheOwnIdAsBronId() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100", "D400", "ONG"), 4);
        capj.add(bytes("5,D400\n"));
        capj.add(bytes("9,ONG\n"));
        capj.add(bytes("9,A100\n"));
        capj.add(bytes("9,D400\n"));
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, capj, false, APPLICANTS, INTERVENTIONS,
                CONSULTATIONS, DESTINATIONS);
        String practice = "\"Praktijk \"\"De Linde\"\", Oost\"";

        // Source id NULL: bron_id is the id. Dates around PostgreSQL's day 0 (2000-01-01).
        byte[] first = new Row(true, 21).int8(5).nulls(1).int8(4).int8(7).int4(2001).int4(12).text("V")
                .date(LocalDate.of(1999, 12, 31)).date(LocalDate.of(2000, 1, 1)).nulls(1).date(LocalDate.of(2024, 2, 29))
                .text("EERDERE_DIAGNOSE").text("ADHD")
                .array("JEUGDIGE").int4(0).array("ANDERS", "TRIAGE_SCREENING").array("HUISARTS")
                .text("VERWEZEN").nulls(1).text("NA_BEHANDELING").array("BGGZ")
                .bytes();
        assertThat(convert(rows, first)).isEqualTo("5,P002," + practice + ",2001,12,V,1999-12-31,2000-01-01,,2024-02-29,,"
                + "D-400,,,,,EERDERE_DIAGNOSE,ADHD,1,0,0,0,1,1,1,0,VERWEZEN,,NA_BEHANDELING,0,1,,,,,\r\n");

        // Without the header (not the first message); 6 has no codes, 9 three in their order.
        byte[] none = new Row(false, 21).int8(6).text("").int8(3).int8(7).nulls(3).nulls(1).date(LocalDate.of(2025, 1, 3))
                .nulls(12).bytes();
        assertThat(convert(rows, none)).isEqualTo(",P001," + practice + ",,,,,2025-01-03" + expectedEmptyTail());
        byte[] nine = new Row(false, 21).int8(9).text("b-9").int8(3).int8(7).nulls(3).nulls(1).date(LocalDate.of(2025, 1, 3))
                .nulls(12).bytes();
        assertThat(convert(rows, nine)).startsWith("b-9,P001," + practice + ",,,,,2025-01-03,,,,ONG,A-100,D-400,,,");

        // The end marker: no line, finished.
        assertThat(rows.convert(new byte[] {(byte) 0xFF, (byte) 0xFF})).isZero();
        assertThat(rows.length()).isZero();
        assertThat(rows.finished()).isTrue();
    }

    /**
     * After the start date of a row with nothing else: 2 dates, hulpvraag, 5 CAP-J, 2 diagnosis, 3 applicants,
     * contacts, 2 interventions, 2 consultations, 3 closing, 2 destinations, 5 free texts: 28 empty cells.
     */
    private static String expectedEmptyTail() {
        return ",".repeat(28) + "\r\n";
    }

    @Test
    void capjCodesReadFirstAreFoundInAscendingAndInAnyOrder() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100", "D400", "ONG"), 4);
        capj.add(bytes("5,D400\n"));
        capj.add(bytes("9,ONG\n"));
        capj.add(bytes("9,A100\n"));
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, capj, false, APPLICANTS, INTERVENTIONS,
                CONSULTATIONS, DESTINATIONS);
        rows.convert(HEADER);
        for (long id : new long[] {9, 5, 6, 9, 5}) {
            byte[] row = new Row(false, 21).int8(id).nulls(1).int8(3).int8(7).nulls(4).date(LocalDate.of(2025, 1, 3))
                    .nulls(12).bytes();
            String capjCells = id == 9 ? "ONG,A-100,,," : id == 5 ? "D-400,,,," : ",,,,";
            assertThat(convert(rows, row)).as("trajectory " + id)
                    .startsWith(id + ",P001,").contains(",2025-01-03,,,," + capjCells + ",,");
        }
        assertThatThrownBy(() -> capj.add(bytes("4,A100\n"))).isInstanceOf(IOException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> capj.add(bytes("12,Z999\n"))).isInstanceOf(IOException.class);
    }

    @Test
    void theHeaderAloneAndSeveralRowsInOneMessageAreRead() throws IOException {
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, new ExportCapj(List.of("A100"), 0), false,
                APPLICANTS, INTERVENTIONS, CONSULTATIONS, DESTINATIONS);
        assertThat(rows.convert(HEADER)).isZero();
        byte[] one = new Row(false, 21).int8(1).text("x").int8(3).int8(7).nulls(4).date(LocalDate.of(2025, 1, 3))
                .nulls(12).bytes();
        byte[] two = new byte[one.length * 2 + 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        two[two.length - 2] = (byte) 0xFF;
        two[two.length - 1] = (byte) 0xFF;
        assertThat(rows.convert(two)).isEqualTo(2);
        String line = "x,P001,\"Praktijk \"\"De Linde\"\", Oost\",,,,,2025-01-03" + expectedEmptyTail();
        assertThat(new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8)).isEqualTo(line + line);
        assertThat(rows.finished()).isTrue();
    }

    @Test
    void datesArePrintedAsPostgreSqlPrintsThemInIsoStyle() {
        // Day numbers and texts taken from PostgreSQL 18: SELECT d - DATE '2000-01-01', d::text.
        Map<Integer, String> printed = Map.of(-2451507, "4713-01-01 BC", -730120, "0001-12-31 BC", -730119, "0001-01-01",
                -365574, "0999-02-03", -36525, "1899-12-31", 0, "2000-01-01", 73049, "2200-01-01",
                2921940, "10000-01-01", 2145031948, "5874897-12-31", Integer.MAX_VALUE, "infinity");
        printed.forEach((days, text) -> assertThat(new String(ExportCopyRows.formatDate(days), StandardCharsets.US_ASCII))
                .as("day " + days).isEqualTo(text));
    }

    @Test
    void datesOfEveryDayFromTheYear1000To9999InARowAreWrittenAsIsoDates() throws IOException {
        // These years' dates go straight into the line by arithmetic: every day of the first and last
        // years, of 1895-2105 and the first of every month in between, against java.time's ISO text (and
        // two days on either side of the range, printed the other way).
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, new ExportCapj(List.of("A100"), 0), false,
                APPLICANTS, INTERVENTIONS, CONSULTATIONS, DESTINATIONS);
        assertThat(rows.convert(HEADER)).isZero();
        String before = "x,P001,\"Praktijk \"\"De Linde\"\", Oost\",,,,,";
        for (LocalDate day = LocalDate.of(999, 12, 30); day.isBefore(LocalDate.of(10000, 1, 3));
             day = day.getYear() < 1001 || day.getYear() >= 9999 || day.getYear() >= 1895 && day.getYear() <= 2105
                     ? day.plusDays(1) : day.plusMonths(1).withDayOfMonth(1)) {
            rows.convert(new Row(false, 21).int8(1).text("x").int8(3).int8(7).nulls(4).date(day).nulls(12).bytes());
            String expected = before + day.toString().replace("+", "") + expectedEmptyTail();
            String written = new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8);
            if (!written.equals(expected)) {
                assertThat(written).as("day " + day).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRowWithTheWrongShapeIsRefused() throws IOException {
        ExportCopyRows rows = new ExportCopyRows(PROFESSIONALS, PRACTICES, null, false, APPLICANTS, INTERVENTIONS,
                CONSULTATIONS, DESTINATIONS);
        assertThatThrownBy(() -> rows.convert(bytes("1,P,7\n"))).isInstanceOf(IOException.class)
                .hasMessageContaining("signature");
        rows.convert(HEADER);
        assertThatThrownBy(() -> rows.convert(new Row(false, 21).int8(1).bytes())).isInstanceOf(IOException.class)
                .hasMessageContaining("21 fields instead of 22");
        assertThatThrownBy(() -> rows.convert(new Row(false, 22).int8(1).nulls(1).int8(3).bytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("too early");
        assertThatThrownBy(() -> rows.convert(new Row(false, 22).int8(1).nulls(1).int8(99).bytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown professional");
        assertThatThrownBy(() -> rows.convert(new Row(false, 22).int4(1).bytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("bigint");
    }
}
