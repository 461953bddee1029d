package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CAP-J codes read first, kept in pages (no array of more than half a G1 region), and what the export
 * looks at before it converts a copied row: its trajectory id, and whether that trajectory's codes are in.
 */
class ExportCapjPagesTest {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ExportCopyRows rows(ExportCapj capj) {
        String[] one = {"JEUGDIGE"};
        return new ExportCopyRows(Map.of(), Map.of(), capj, false, one, one, one, one);
    }

    /** The five CAP-J cells {@link ExportCapj#write} appends for trajectory {@code id}. */
    private static String cells(ExportCapj capj, ExportCopyRows out, long id) throws IOException {
        int before = out.length();
        capj.write(id, out);
        return new String(out.line(), before, out.length() - before, StandardCharsets.US_ASCII);
    }

    @Test
    void codesOfMoreTrajectoriesThanFitInOnePageAreFoundInAscendingAndInAnyOrder() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100", "D400", "ONG"), 0);
        // 40,000 trajectories with odd ids 1 … 79,999 (three pages of 16,384 and part of a fourth); every
        // thousandth also has a second code.
        int trajectories = 40_000;
        for (int i = 0; i < trajectories; i++) {
            long id = 2L * i + 1;
            capj.add(bytes(id + ",A100\n"));
            if (i % 1_000 == 0) {
                capj.add(bytes(id + ",ONG\n"));
            }
        }
        capj.finishLoading();
        ExportCopyRows out = rows(capj);
        // Ascending (stepping forward), across the page borders at entries 16,384 and 32,768.
        assertThat(cells(capj, out, 1)).isEqualTo("A-100,ONG,,,");
        assertThat(cells(capj, out, 2)).isEqualTo(",,,,");
        assertThat(cells(capj, out, 2L * 16_383 + 1)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 2L * 16_384 + 1)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 2L * 32_000 + 1)).isEqualTo("A-100,ONG,,,");
        assertThat(cells(capj, out, 2L * 39_999 + 1)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 80_001)).isEqualTo(",,,,");
        // Then in any order (binary search over the pages), as rows come when the table's order is not the ids'.
        assertThat(cells(capj, out, 2L * 16_384 + 1)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 2L * 5_000 + 1)).isEqualTo("A-100,ONG,,,");
        assertThat(cells(capj, out, 2L * 5_000)).isEqualTo(",,,,");
        assertThat(cells(capj, out, 3)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 2L * 32_768 + 1)).isEqualTo("A-100,,,,");
        assertThat(cells(capj, out, 0)).isEqualTo(",,,,");
    }

    @Test
    void aTrajectoryIsReadyOnlyWhenAllItsCodesAreSurelyIn() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100", "D400"), 1_000);
        capj.startLoading();
        assertThat(capj.ready(1)).isFalse();
        // Published every 256 trajectories: then every smaller id is complete, the 256th itself may still get codes.
        for (long id = 1; id <= 300; id++) {
            capj.add(bytes(id + ",A100\n"));
        }
        assertThat(capj.ready(1)).isTrue();
        assertThat(capj.ready(255)).isTrue();
        assertThat(capj.ready(256)).isFalse();
        assertThat(capj.ready(1_000)).isFalse();
        capj.finishLoading();
        assertThat(capj.ready(1_000)).isTrue();
        assertThat(cells(capj, rows(capj), 256)).isEqualTo("A-100,,,,");

        ExportCapj failed = new ExportCapj(List.of("A100"), 10);
        failed.startLoading();
        assertThat(failed.ready(5)).isFalse();
        failed.failLoading(new IOException("connection lost"));
        assertThat(failed.ready(5)).as("ready, so that writing the row throws instead of waiting").isTrue();
    }

    /** A binary COPY row: its field count, the bigint id, then one NULL field. */
    private static byte[] row(boolean header, long id) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        if (header) {
            out.write(HEADER);
        }
        out.writeShort(2);
        out.writeInt(8);
        out.writeLong(id);
        out.writeInt(-1);
        return bytes.toByteArray();
    }

    @Test
    void theFirstRowsIdIsReadWithOrWithoutTheHeaderAndNoRowIsSaidSo() throws IOException {
        assertThat(ExportCopyRows.firstRowId(row(true, 390_001))).isEqualTo(390_001);
        assertThat(ExportCopyRows.firstRowId(row(false, 7))).isEqualTo(7);
        assertThat(ExportCopyRows.firstRowId(row(false, 5_000_000_000L))).isEqualTo(5_000_000_000L);
        assertThat(ExportCopyRows.firstRowId(new byte[] {(byte) 0xFF, (byte) 0xFF})).isEqualTo(ExportCopyRows.NO_ROW);
        assertThat(ExportCopyRows.firstRowId(HEADER)).isEqualTo(ExportCopyRows.NO_ROW);
        byte[] nullId = {0, 2, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(ExportCopyRows.firstRowId(nullId)).isEqualTo(ExportCopyRows.NO_ROW);
    }
}
