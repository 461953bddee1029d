package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The CAP-J codes of the exported trajectories, read once in trajectory order
 * ({@code COPY (SELECT trajectory_id, capj_code … ORDER BY trajectory_id, position)}) and looked up
 * per row by id: one ordered pass over trajectory_capj instead of an index probe per row, which
 * was about a third of PostgreSQL's work for the export. The export reads them on a second thread and
 * connection while the rows are read ({@link #startLoading}); a row waits only for codes not yet in.
 *
 * <p>Compact on purpose: per trajectory with codes its id and a {@code long} holding up to five code
 * numbers of {@value #BITS} bits, so 16 bytes a trajectory, in pages of {@value #PAGE} entries allocated as
 * the codes come in. Pages, not one array sized by the count: an array of more than half a G1 region
 * (512 kB with the 256 MB heap) is "humongous", and allocating one started a concurrent GC cycle in
 * every export of 100,000 rows (docs/performance.md, export, sixth round).
 * {@link ExportService} only takes this path up to {@link #MAX_TRAJECTORIES}, which bounds the memory
 * (32 MB); beyond that the codes come from a sub-select per row as before.
 */
final class ExportCapj {

    /** Above this many trajectories the export looks the codes up per row instead (memory bound). */
    static final int MAX_TRAJECTORIES = 2_000_000;

    private static final int BITS = 12;
    private static final long MASK = (1L << BITS) - 1;

    /** The CAP-J list: code number − 1 → the code as the file writes it ({@link ExchangeColumns#capjForFile}). */
    private final byte[][] fileCodes;
    /** Stored code → its number: an open-addressing table of {@link #key}s, at most a quarter full. */
    private final long[] keys;
    private final int[] numbers;
    /** Entries per page: 128 kB of longs, well under half of the smallest G1 region. */
    static final int PAGE = 1 << 14;
    private static final int PAGE_SHIFT = 14;
    /** Trajectory ids, ascending, and their packed codes: entry i is in page i / PAGE at i % PAGE. */
    private long[][] ids;
    private long[][] codes;
    private int size;

    // Loading on another thread while the rows are read (see startLoading): one writer, one reader.
    /** Entries the reader may look at, written before {@link #completeBelow}. */
    private volatile int published;
    /** Every trajectory with a smaller id has all its codes here; {@code Long.MAX_VALUE} once all are. */
    private volatile long completeBelow = Long.MAX_VALUE;
    private volatile Throwable failure;
    /** Set by a reader about to wait on {@link #lock}. */
    private volatile boolean waiting;
    private final Object lock = new Object();
    private boolean started;
    private boolean ended;

    // The reader's view, refreshed from the fields above when a row's id is not known to be complete.
    private long knownComplete = Long.MIN_VALUE;
    private int knownSize;
    private long[][] knownIds;
    private long[][] knownCodes;
    /** Where the last lookup in ascending order ended. */
    private int cursor;

    /**
     * @param capjList every stored CAP-J code (retired ones too)
     * @param expected how many trajectories there can be (the export's count)
     */
    ExportCapj(List<String> capjList, int expected) {
        if (capjList.size() >= MASK) {
            throw new IllegalArgumentException("Too many CAP-J codes to pack");
        }
        fileCodes = new byte[capjList.size()][];
        keys = new long[Integer.highestOneBit(Math.max(capjList.size(), 1)) * 4];
        numbers = new int[keys.length];
        for (int i = 0; i < capjList.size(); i++) {
            byte[] stored = capjList.get(i).getBytes(StandardCharsets.UTF_8);
            fileCodes[i] = ExchangeColumns.capjForFile(capjList.get(i)).getBytes(StandardCharsets.UTF_8);
            if (stored.length > 8) {
                continue; // cannot be stored: capj_code is VARCHAR(6)
            }
            long key = key(stored, 0, stored.length);
            int slot = slot(key);
            while (numbers[slot] != 0) {
                slot = slot + 1 & numbers.length - 1;
            }
            keys[slot] = key;
            numbers[slot] = i + 1;
        }
        ids = new long[Math.max(1, (Math.max(expected, 0) >> PAGE_SHIFT) + 1)][];
        codes = new long[ids.length][];
    }

    /**
     * From now on the codes arrive on another thread ({@link #addCopied}) while {@link #write} reads them:
     * a row waits until the codes of its trajectory are all in (the codes come in trajectory order, so
     * rows in about that order rarely wait). Call before handing this to the reader.
     */
    void startLoading() {
        completeBelow = Long.MIN_VALUE;
    }

    /** All codes are in. */
    void finishLoading() {
        published = size;
        completeBelow = Long.MAX_VALUE;
        wake();
    }

    /** Loading failed: the reader throws {@code cause} (as an IOException) instead of waiting. */
    void failLoading(Throwable cause) {
        failure = cause;
        wake();
    }

    /**
     * Adds the rows of one message of {@code COPY (SELECT trajectory_id, capj_code … ORDER BY trajectory_id,
     * position) TO STDOUT (FORMAT binary)}: the header before the first row, then per row two fields (a
     * bigint and a text), the end marker after the last. Returns whether the end marker was read.
     */
    boolean addCopied(byte[] message) throws IOException {
        int at = 0;
        if (!started) {
            if (message.length < 19 || message[0] != 'P' || message[1] != 'G' || message[5] != 'Y') {
                throw new IOException("The binary COPY of the CAP-J codes does not start with its signature");
            }
            at = 15;
            at += 4 + int4(message, at);
            started = true;
        }
        while (at < message.length) {
            if (ended) {
                throw new IOException("Data after the end of the CAP-J codes");
            }
            need(message, at, 2);
            int fields = (short) ((message[at] & 0xFF) << 8 | message[at + 1] & 0xFF);
            at += 2;
            if (fields == -1) {
                ended = true;
                continue;
            }
            if (fields != 2) {
                throw new IOException("A copied CAP-J row has " + fields + " fields");
            }
            if (int4(message, at) != 8) {
                throw new IOException("A copied CAP-J row has no trajectory id");
            }
            long id = (long) int4(message, at + 4) << 32 | int4(message, at + 8) & 0xFFFF_FFFFL;
            at += 12;
            int length = int4(message, at);
            at += 4;
            need(message, at, length);
            append(id, number(message, at, at + length));
            at += length;
        }
        return ended;
    }

    private static void need(byte[] message, int at, int bytes) throws IOException {
        if (bytes < 0 || message.length - at < bytes) {
            throw new IOException("A copied CAP-J row ends too early");
        }
    }

    private static int int4(byte[] message, int at) throws IOException {
        need(message, at, 4);
        return (message[at] & 0xFF) << 24 | (message[at + 1] & 0xFF) << 16 | (message[at + 2] & 0xFF) << 8
                | message[at + 3] & 0xFF;
    }

    /**
     * Adds one copied row {@code trajectory_id,capj_code\n} (CSV of COPY; codes hold no comma, quote or
     * line break), in trajectory and position order.
     */
    void add(byte[] row) throws IOException {
        int end = row.length - 1;
        if (end < 0 || row[end] != '\n') {
            throw new IOException("A copied CAP-J row does not end in a line feed");
        }
        long id = 0;
        int at = 0;
        for (; at < end && row[at] != ','; at++) {
            int digit = row[at] - '0';
            if (digit < 0 || digit > 9 || at >= 18) {
                throw new IOException("A copied CAP-J row has no trajectory id");
            }
            id = id * 10 + digit;
        }
        if (at == 0 || at == end) {
            throw new IOException("A copied CAP-J row has no trajectory id or code");
        }
        append(id, number(row, at + 1, end));
    }

    /** Adds code {@code number} as the next code of trajectory {@code id} (ids ascending). */
    private void append(long id, long number) throws IOException {
        long last = size == 0 ? 0 : at(ids, size - 1);
        if (size > 0 && last == id) {
            long[] page = codes[size - 1 >> PAGE_SHIFT];
            int in = size - 1 & PAGE - 1;
            long packed = page[in];
            int slot = 0;
            while (slot < ExchangeColumns.CAPJ_COLUMNS && (packed >>> (slot * BITS) & MASK) != 0) {
                slot++;
            }
            if (slot == ExchangeColumns.CAPJ_COLUMNS) {
                throw new IOException("A trajectory has more CAP-J codes than the file has columns");
            }
            page[in] = packed | number << (slot * BITS);
            return;
        }
        if (size > 0 && last > id) {
            throw new IOException("CAP-J rows out of trajectory order");
        }
        int pageNumber = size >> PAGE_SHIFT;
        if (pageNumber == ids.length) {
            // A new directory; a reader keeps seeing the pages of its older one (pages are never replaced).
            ids = Arrays.copyOf(ids, pageNumber * 2);
            codes = Arrays.copyOf(codes, pageNumber * 2);
        }
        if (ids[pageNumber] == null) {
            ids[pageNumber] = new long[PAGE];
            codes[pageNumber] = new long[PAGE];
        }
        ids[pageNumber][size & PAGE - 1] = id;
        codes[pageNumber][size & PAGE - 1] = number;
        size++;
        if (completeBelow != Long.MAX_VALUE && (size & 255) == 0) {
            // Every 256 trajectories: all before this one are complete (the arrays are written before).
            published = size;
            completeBelow = id;
            wake();
        }
    }

    private long number(byte[] row, int from, int to) throws IOException {
        if (to - from <= 8) {
            long key = key(row, from, to);
            for (int slot = slot(key); numbers[slot] != 0; slot = slot + 1 & numbers.length - 1) {
                if (keys[slot] == key) {
                    return numbers[slot];
                }
            }
        }
        throw new IOException("A copied CAP-J row has a code that is not in the list");
    }

    /** A stored code of up to 8 bytes as one number (its bytes, then its length), for {@link #numbers}. */
    private static long key(byte[] bytes, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key = key << 8 | bytes[i] & 0xFF;
        }
        return key << 4 | to - from;
    }

    private int slot(long key) {
        return (int) (key * 0x9E3779B97F4A7C15L >>> 40) & numbers.length - 1;
    }

    /**
     * Whether {@link #write} can take trajectory {@code id} now without waiting: its codes are all in (or
     * loading failed, which {@link #write} then throws). Never waits.
     */
    boolean ready(long id) {
        return id < completeBelow || failure != null;
    }

    /** Waits until the codes of trajectory {@code id} are all in; refreshes the reader's view. */
    private void await(long id) throws IOException {
        while (true) {
            long below = completeBelow; // read before published: see append
            // All in: size is final and was written before completeBelow (or on this thread).
            int entries = below == Long.MAX_VALUE ? size : published;
            knownComplete = below;
            knownSize = entries;
            knownIds = ids;
            knownCodes = codes;
            if (id < below) {
                return;
            }
            Throwable cause = failure;
            if (cause != null) {
                throw cause instanceof IOException io ? io : new IOException("The CAP-J codes could not be read", cause);
            }
            // Sleep until the loader publishes (no polling: on two busy cores it would take the loader's time).
            waiting = true;
            synchronized (lock) {
                if (completeBelow <= id && failure == null) {
                    try {
                        lock.wait(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("Interrupted while waiting for the CAP-J codes");
                    }
                }
            }
            waiting = false;
        }
    }

    private static long at(long[][] pages, int index) {
        return pages[index >> PAGE_SHIFT][index & PAGE - 1];
    }

    /** The index of {@code id} among the first {@code size} ids, or −1. */
    private static int binarySearch(long[][] ids, int size, long id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = low + high >>> 1;
            long found = at(ids, middle);
            if (found < id) {
                low = middle + 1;
            } else if (found > id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** Wakes a reader waiting in {@link #await} (after the volatile fields it waits for were written). */
    private void wake() {
        if (waiting) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Appends the five CAP-J cells of trajectory {@code id} (codes in their order, then empty cells),
     * separated by commas, to {@code out} through {@code put}.
     */
    void write(long id, ExportCopyRows out) throws IOException {
        if (id >= knownComplete) {
            await(id);
        }
        long[][] ids = knownIds;
        int size = knownSize;
        int index;
        if (cursor > 0 && at(ids, cursor - 1) >= id) {
            index = binarySearch(ids, size, id);
        } else {
            // Rows in ascending id order (the export's order): step forward from the last one.
            while (cursor < size && at(ids, cursor) < id) {
                cursor++;
            }
            index = cursor < size && at(ids, cursor) == id ? cursor++ : -1;
        }
        long packed = index < 0 ? 0 : at(knownCodes, index);
        for (int slot = 0; slot < ExchangeColumns.CAPJ_COLUMNS; slot++) {
            if (slot > 0) {
                out.put((byte) ',');
            }
            int number = (int) (packed >>> (slot * BITS) & MASK);
            if (number != 0) {
                byte[] code = fileCodes[number - 1];
                out.put(code, 0, code.length);
            }
        }
    }
}
