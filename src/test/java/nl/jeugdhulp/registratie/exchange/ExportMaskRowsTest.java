package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-answer groups copied as V19's bit masks become the same 0/1 cells as from their arrays: empty
 * cells for NULL, zeros for none, a 1 per set bit at its option's place.
 */
class ExportMaskRowsTest {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final String[] APPLICANTS = {"JEUGDIGE", "OUDERS", "SCHOOL"};
    private static final String[] INTERVENTIONS = {"TRIAGE_SCREENING", "ANDERS"};
    private static final String[] CONSULTATIONS = {"HUISARTS", "SCHOOL"};
    private static final String[] DESTINATIONS = {"SGGZ", "BGGZ"};

    private static ExportCopyRows rows(boolean masks) {
        return new ExportCopyRows(Map.of(3L, "P001".getBytes(StandardCharsets.UTF_8)), Map.of(7L, "Oost".getBytes(StandardCharsets.UTF_8)),
                null, false, masks, APPLICANTS, INTERVENTIONS, CONSULTATIONS, DESTINATIONS);
    }

    /**
     * A row without free text and with the CAP-J codes as text: id 5, the professional 3 and practice 7, ten NULLs
     * (birth, gender, dates, CAP-J, diagnosis), then the groups as given around contacts 2 and three NULLs.
     */
    private static byte[] row(boolean masks, Object applicants, Object interventions, Object consultations, Object destinations)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(HEADER);
        out.writeShort(22);
        out.writeInt(8);
        out.writeLong(5);
        out.writeInt(-1); // source id
        out.writeInt(8);
        out.writeLong(3);
        out.writeInt(8);
        out.writeLong(7);
        for (int i = 0; i < 10; i++) {
            out.writeInt(-1); // birth year and month, gender, four dates, CAP-J, diagnosis question and diagnosis
        }
        group(out, masks, applicants);
        out.writeInt(4);
        out.writeInt(2); // contacts
        group(out, masks, interventions);
        group(out, masks, consultations);
        for (int i = 0; i < 3; i++) {
            out.writeInt(-1); // outcome, reason, moment
        }
        group(out, masks, destinations);
        return bytes.toByteArray();
    }

    /** {@code null}, an {@code Integer} mask or a {@code String[]} array (varchar[], lower bound 1). */
    private static void group(DataOutputStream out, boolean masks, Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else if (masks) {
            out.writeInt(4);
            out.writeInt((Integer) value);
        } else {
            byte[] array = ExportCopyRowsTest.varcharArray((String[]) value);
            out.writeInt(array.length);
            out.write(array);
        }
    }

    private static String line(boolean masks, Object applicants, Object interventions, Object consultations, Object destinations)
            throws IOException {
        ExportCopyRows rows = rows(masks);
        assertThat(rows.convert(row(masks, applicants, interventions, consultations, destinations))).isEqualTo(1);
        return new String(rows.line(), 0, rows.length(), StandardCharsets.UTF_8);
    }

    @Test
    void theSelectListReadsTheMasksInsteadOfTheArrays() {
        List<String> columns = ExportCopyRows.columns(false, false, true);
        assertThat(columns).hasSize(22).contains("t.applicants_mask", "t.interventions_mask", "t.consultations_mask",
                "t.referral_destinations_mask").doesNotContain("t.applicants", "t.referral_destinations");
        assertThat(ExportCopyRows.columns(false, true, true)).hasSize(21);
    }

    @Test
    void masksGiveTheSameCellsAsTheArrays() throws IOException {
        String expected = "5,P001,Oost,,,,,,,,,,,,,,,,0,1,1,2,1,1,,,,,,0,1,,,,,\r\n";
        assertThat(line(false, new String[] {"SCHOOL", "OUDERS"}, new String[] {"ANDERS", "TRIAGE_SCREENING"}, null,
                new String[] {"BGGZ"})).isEqualTo(expected);
        assertThat(line(true, 0b110, 0b11, null, 0b10)).isEqualTo(expected);

        String none = "5,P001,Oost,,,,,,,,,,,,,,,,1,0,0,2,0,0,0,0,,,,,,,,,,\r\n";
        assertThat(line(false, new String[] {"JEUGDIGE"}, new String[0], new String[0], null)).isEqualTo(none);
        assertThat(line(true, 1, 0, 0, null)).isEqualTo(none);
    }

    @Test
    void aMaskWithABitBeyondTheGroupIsRefused() {
        assertThatThrownBy(() -> line(true, 0b1000, 0, 0, null)).isInstanceOf(IOException.class).hasMessageContaining("beyond");
    }
}
