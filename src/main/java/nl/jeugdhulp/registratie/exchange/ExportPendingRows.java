package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Copied trajectory rows on their way to {@link ExportCopyRows}, kept back (bounded) while the CAP-J codes of
 * their trajectory are not all read yet, so that reading the rows goes on meanwhile; they are converted in
 * their order. The table's order need not follow the ids (rows updated or inserted into free space; the
 * benchmark's copies jump by 10,000 ids from row to row), and waiting for the codes at such a row stopped the
 * rows until the CAP-J pass had ended (docs/performance.md, export, sixth round). Beyond {@code maxBytes}
 * the oldest row is converted anyway, which then waits for its codes: the memory stays bounded.
 */
final class ExportPendingRows {

    /** Converts one copy message (of any number of rows) into lines. */
    interface Converter {
        void convert(byte[] message) throws IOException;
    }

    /** What one kept message costs besides its bytes: the array's header and the queue's reference. */
    static final int OVERHEAD = 24;

    private final ExportCapj capj;
    private final long maxBytes;
    private final Converter converter;
    private final ArrayDeque<byte[]> kept = new ArrayDeque<>();
    private long keptBytes;

    /**
     * @param capj the codes being read, or {@code null} when the rows carry their codes (nothing is kept)
     * @param maxBytes the most bytes of messages (plus {@link #OVERHEAD} each) kept at once
     */
    ExportPendingRows(ExportCapj capj, long maxBytes, Converter converter) {
        this.capj = capj;
        this.maxBytes = maxBytes;
        this.converter = converter;
    }

    /** The next message of the COPY: converted now if nothing is kept before it and its codes are in, else kept. */
    void add(byte[] message) throws IOException {
        if (kept.isEmpty() && ready(message)) {
            converter.convert(message);
            return;
        }
        kept.add(message);
        keptBytes += message.length + OVERHEAD;
        while (!kept.isEmpty() && (keptBytes > maxBytes || ready(kept.peek()))) {
            byte[] next = kept.poll();
            keptBytes -= next.length + OVERHEAD;
            converter.convert(next); // over the bound: waits for its codes
        }
    }

    /** After the COPY's last message: converts what is still kept, waiting for the codes as needed. */
    void finish() throws IOException {
        for (byte[] next; (next = kept.poll()) != null; ) {
            keptBytes -= next.length + OVERHEAD;
            converter.convert(next);
        }
    }

    /** Messages kept now. */
    int kept() {
        return kept.size();
    }

    /** Can {@code message} be converted without waiting for the CAP-J codes? (No row in it: yes.) */
    private boolean ready(byte[] message) {
        if (capj == null) {
            return true;
        }
        long id = ExportCopyRows.firstRowId(message);
        return id == ExportCopyRows.NO_ROW || capj.ready(id);
    }
}
