package nl.jeugdhulp.registratie.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows whose CAP-J codes are not read yet are kept back while the next rows come, and go out in their
 * order as soon as the codes are in; above the bound the oldest goes out anyway.
 */
class ExportPendingRowsTest {

    /** A binary COPY row of two fields: the trajectory id and one NULL. */
    private static byte[] row(long id) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(2);
        out.writeInt(8);
        out.writeLong(id);
        out.writeInt(-1);
        return bytes.toByteArray();
    }

    private static final byte[] END = {(byte) 0xFF, (byte) 0xFF};

    private static void codes(ExportCapj capj, long fromId, long toId) throws IOException {
        for (long id = fromId; id <= toId; id++) {
            capj.add((id + ",A100\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aRowAheadOfTheCodesIsKeptAndTheRowsAfterItWaitBehindItUntilItsCodesAreIn() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100"), 1_000);
        capj.startLoading();
        List<Long> converted = new ArrayList<>();
        ExportPendingRows pending = new ExportPendingRows(capj, 1_000_000,
                message -> converted.add(ExportCopyRows.firstRowId(message)));

        codes(capj, 1, 256); // published: every id below 256 is complete
        pending.add(row(3));
        assertThat(converted).containsExactly(3L);
        pending.add(row(700)); // ahead of the codes: kept
        pending.add(row(4)); // ready, but behind 700: kept too, the order stays
        assertThat(converted).containsExactly(3L);
        assertThat(pending.kept()).isEqualTo(2);

        codes(capj, 257, 512); // below 512 now: still not 700
        pending.add(row(5));
        assertThat(converted).containsExactly(3L);
        assertThat(pending.kept()).isEqualTo(3);

        codes(capj, 513, 768); // below 768: 700 and everything behind it goes out, in order
        pending.add(row(6));
        assertThat(converted).containsExactly(3L, 700L, 4L, 5L, 6L);
        assertThat(pending.kept()).isZero();

        pending.add(row(900));
        pending.add(END);
        assertThat(pending.kept()).isEqualTo(2);
        capj.finishLoading();
        pending.finish();
        assertThat(converted).containsExactly(3L, 700L, 4L, 5L, 6L, 900L, ExportCopyRows.NO_ROW);
    }

    @Test
    void aboveTheBoundTheOldestKeptRowGoesOutAndWithoutCodesToWaitForNothingIsKept() throws IOException {
        ExportCapj capj = new ExportCapj(List.of("A100"), 10);
        capj.startLoading();
        List<Long> converted = new ArrayList<>();
        long oneRow = row(1).length + ExportPendingRows.OVERHEAD;
        ExportPendingRows pending = new ExportPendingRows(capj, 2 * oneRow,
                message -> converted.add(ExportCopyRows.firstRowId(message)));
        capj.failLoading(new IOException("gone")); // ready from now on (converting then throws): nothing waits
        pending.add(row(1));
        assertThat(converted).containsExactly(1L);

        ExportCapj loading = new ExportCapj(List.of("A100"), 10);
        loading.startLoading();
        List<Long> bounded = new ArrayList<>();
        ExportPendingRows small = new ExportPendingRows(loading, 2 * oneRow, message -> {
            bounded.add(ExportCopyRows.firstRowId(message));
            loading.finishLoading(); // stands in for the wait in ExportCapj.write
        });
        small.add(row(1));
        small.add(row(2));
        assertThat(bounded).isEmpty();
        assertThat(small.kept()).isEqualTo(2);
        small.add(row(3)); // three rows are over the bound of two: the oldest goes, then all are ready
        assertThat(bounded).containsExactly(1L, 2L, 3L);

        List<Long> direct = new ArrayList<>();
        ExportPendingRows withoutCapj = new ExportPendingRows(null, 0, message -> direct.add(ExportCopyRows.firstRowId(message)));
        withoutCapj.add(row(99));
        withoutCapj.add(row(5));
        assertThat(direct).containsExactly(99L, 5L);
        assertThat(withoutCapj.kept()).isZero();
    }
}
