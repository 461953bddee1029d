package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of PostgreSQL's {@code COPY … TO STDOUT (FORMAT binary)} of {@link #columns} into the
 * trajecten lines of the file, on bytes. PostgreSQL only sends the stored values (integers, dates as day
 * numbers, text as its bytes, the multi-answer groups as arrays): formatting them there cost more of its
 * CPU than reading the rows. Here they become the file's cells exactly as {@link ExportCsv} writes them:
 * ISO dates, the 0/1 columns of each group, {@code capj_1} … {@code capj_5}, the professional's code and
 * the practice's name from maps, text quoted when it holds a comma, quote, CR or LF (quotes doubled), an
 * empty string and NULL as an empty cell, gender ONBEKEND as an empty cell
 * ({@link ExchangeColumns#genderForFile}), CRLF line ends.
 *
 * <p>The binary COPY format (PostgreSQL's documentation, "Binary Format"): a signature and header before
 * the first row, then per row a 16-bit field count and per field a 32-bit length (−1 for NULL) and the
 * value in network byte order; a field count of −1 ends the data. PostgreSQL sends one row per copy
 * message (the header with the first); this class accepts any number of whole rows per message.
 */
final class ExportCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days from 1970-01-01 (Java's epoch day) to 2000-01-01 (PostgreSQL's day 0). */
    private static final int POSTGRES_EPOCH_DAY = 10_957;
    private static final int FREE_TEXTS_AFTER = 5;
    /** Dates of the years 1000 to 9999 (four digits, AD) are written by arithmetic; others by {@link #formatDate}. */
    private static final int FIRST_PLAIN_DAY = (int) (LocalDate.of(1000, 1, 1).toEpochDay() - POSTGRES_EPOCH_DAY);
    private static final int LAST_PLAIN_DAY = (int) (LocalDate.of(9999, 12, 31).toEpochDay() - POSTGRES_EPOCH_DAY);

    /**
     * The SELECT list of the COPY, in the order {@link #convert} reads it: the trajectory's id first (bron_id
     * when there is no source id; the key of the CAP-J codes read first), the professional and the
     * practice as ids; the free texts only when the export includes them; the CAP-J codes as one text of
     * space-separated codes only when they were not read first ({@code capjById} {@code false}).
     */
    static List<String> columns(boolean freeText, boolean capjById) {
        return columns(freeText, capjById, false);
    }

    /**
     * The same with the four multi-answer groups as their bit masks ({@code masks}; V19: bit i is option i of
     * the group) instead of their arrays: four bytes each for PostgreSQL instead of an array per group.
     */
    static List<String> columns(boolean freeText, boolean capjById, boolean masks) {
        List<String> columns = new ArrayList<>(List.of("t.id", "t.source_id", "t.supporter_id", "t.practice_id",
                "t.birth_year", "t.birth_month", "t.gender", "t.registration_date", "t.start_date",
                "t.last_contact_date", "t.end_date"));
        if (freeText) {
            columns.add("t.help_request");
        }
        if (!capjById) {
            columns.add("(SELECT string_agg(c.capj_code, ' ' ORDER BY c.position) FROM trajectory_capj c"
                    + " WHERE c.trajectory_id = t.id)");
        }
        String mask = masks ? "_mask" : "";
        columns.addAll(List.of("t.diagnosis_question", "t.diagnosis", "t.applicants" + mask, "t.contacts",
                "t.interventions" + mask, "t.consultations" + mask, "t.outcome", "t.outcome_other_reason", "t.referral_moment",
                "t.referral_destinations" + mask));
        if (freeText) {
            columns.addAll(List.of("t.chain_partner", "t.diagnosis_other", "t.applicant_other", "t.intervention_other",
                    "t.outcome_other_text"));
        }
        return columns;
    }

    private final Map<Long, byte[]> professionals;
    private final Map<Long, byte[]> practices;
    private final ExportCapj capjById;
    private final Kind[] kinds;
    private final int fieldCount;
    private final byte[] genderUnknown = ExchangeColumns.GENDER_UNKNOWN.getBytes(StandardCharsets.UTF_8);
    private final byte[][] applicants;
    private final byte[][] interventions;
    private final byte[][] consultations;
    private final byte[][] destinations;
    /** The elements of the array being read: offsets and lengths in {@link #row}. */
    private int[] elementAt = new int[16];
    private int[] elementLength = new int[16];
    private byte[] line = new byte[32 * 1024];
    private int length;
    private byte[] row;
    private int at;
    private int end;
    private boolean started;
    private boolean finished;
    private long lastProfessional = -1;
    private byte[] lastProfessionalCode;
    private long lastPractice = -1;
    private byte[] lastPracticeName;

    /**
     * @param professionals supporter id → its code as a CSV field (quoted when needed)
     * @param practices practice id → its name as a CSV field (quoted when needed)
     * @param capjById when not {@code null}, the CAP-J codes come from here by trajectory id; else the row
     *                 has them as one field of space-separated codes
     * @param freeText whether the row has the six free-text fields (else their cells stay empty)
     */
    ExportCopyRows(Map<Long, byte[]> professionals, Map<Long, byte[]> practices, ExportCapj capjById, boolean freeText,
                   String[] applicants, String[] interventions, String[] consultations, String[] destinations) {
        this(professionals, practices, capjById, freeText, false, applicants, interventions, consultations, destinations);
    }

    /** @param masks whether the rows carry the groups as bit masks ({@link #columns(boolean, boolean, boolean)}) */
    ExportCopyRows(Map<Long, byte[]> professionals, Map<Long, byte[]> practices, ExportCapj capjById, boolean freeText,
                   boolean masks, String[] applicants, String[] interventions, String[] consultations, String[] destinations) {
        this.professionals = professionals;
        this.practices = practices;
        this.capjById = capjById;
        this.kinds = kinds(freeText, capjById != null, masks);
        this.fieldCount = columns(freeText, capjById != null, masks).size();
        this.applicants = bytes(applicants);
        this.interventions = bytes(interventions);
        this.consultations = bytes(consultations);
        this.destinations = bytes(destinations);
    }

    private static byte[][] bytes(String[] codes) {
        if (codes.length == 0 || codes.length > MAX_OPTIONS) {
            throw new IllegalArgumentException("A group needs 1 to " + MAX_OPTIONS + " options");
        }
        return Arrays.stream(codes).map(code -> code.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /**
     * Converts the rows of one copy message into lines (CRLF included) in {@link #line()} up to
     * {@link #length()}; returns how many rows it held. The header before the first row and the end
     * marker are consumed here; after the end marker {@link #finished()} is true.
     */
    int convert(byte[] message) throws IOException {
        length = 0;
        row = message;
        at = 0;
        end = message.length;
        if (!started) {
            if (end < SIGNATURE.length + 8 || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IOException("The binary COPY does not start with its signature");
            }
            at = SIGNATURE.length + 4; // the flags: no OIDs since PostgreSQL 12
            int extension = int4();
            need(extension);
            at += extension;
            started = true;
        }
        int rows = 0;
        while (at < end) {
            if (finished) {
                throw new IOException("Data after the end of the binary COPY");
            }
            need(2);
            int fields = (short) ((row[at] & 0xFF) << 8 | row[at + 1] & 0xFF);
            at += 2;
            if (fields == -1) {
                finished = true;
                continue;
            }
            if (fields != fieldCount) {
                throw new IOException("A copied row has " + fields + " fields instead of " + fieldCount);
            }
            convertRow();
            rows++;
        }
        return rows;
    }

    /** {@link #firstRowId}: the message holds no row (the end marker) or is not a well-formed row. */
    static final long NO_ROW = Long.MIN_VALUE;

    /**
     * The trajectory id of the first row in a copy message (the header skipped when it comes first), or
     * {@link #NO_ROW}; reads nothing else, so the export can look at a row before it converts it.
     */
    static long firstRowId(byte[] message) {
        int at = 0;
        if (message.length >= SIGNATURE.length + 8
                && Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            int extension = int4(message, SIGNATURE.length + 4);
            if (extension < 0 || extension > message.length) {
                return NO_ROW;
            }
            at = SIGNATURE.length + 8 + extension;
        }
        // A row: its field count (not −1), the id's length 8, the id.
        if (message.length - at < 14 || (short) ((message[at] & 0xFF) << 8 | message[at + 1] & 0xFF) < 1
                || int4(message, at + 2) != 8) {
            return NO_ROW;
        }
        return (long) int4(message, at + 6) << 32 | int4(message, at + 10) & 0xFFFF_FFFFL;
    }

    private static int int4(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | bytes[at + 3] & 0xFF;
    }

    /** Whether the end marker of the COPY has been read. */
    boolean finished() {
        return finished;
    }

    byte[] line() {
        return line;
    }

    int length() {
        return length;
    }

    /** What one field of the row becomes; a loop over these keeps the compiled code small (one copy per kind). */
    private enum Kind { SOURCE, PROFESSIONAL, PRACTICE, INTEGER, GENDER, DATE, TEXT, ABSENT_TEXT, CAPJ_BY_ID, CAPJ_TEXT,
        APPLICANTS, INTERVENTIONS, CONSULTATIONS, DESTINATIONS,
        APPLICANTS_MASK, INTERVENTIONS_MASK, CONSULTATIONS_MASK, DESTINATIONS_MASK }

    /** The cells after the trajectory's id (read first), in file order. */
    private static Kind[] kinds(boolean freeText, boolean capjById, boolean masks) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.SOURCE, Kind.PROFESSIONAL, Kind.PRACTICE, Kind.INTEGER, Kind.INTEGER,
                Kind.GENDER, Kind.DATE, Kind.DATE, Kind.DATE, Kind.DATE, freeText ? Kind.TEXT : Kind.ABSENT_TEXT,
                capjById ? Kind.CAPJ_BY_ID : Kind.CAPJ_TEXT, Kind.TEXT, Kind.TEXT,
                masks ? Kind.APPLICANTS_MASK : Kind.APPLICANTS, Kind.INTEGER,
                masks ? Kind.INTERVENTIONS_MASK : Kind.INTERVENTIONS, masks ? Kind.CONSULTATIONS_MASK : Kind.CONSULTATIONS,
                Kind.TEXT, Kind.TEXT, Kind.TEXT, masks ? Kind.DESTINATIONS_MASK : Kind.DESTINATIONS));
        for (int i = 0; i < FREE_TEXTS_AFTER; i++) {
            kinds.add(freeText ? Kind.TEXT : Kind.ABSENT_TEXT);
        }
        return kinds.toArray(Kind[]::new);
    }

    private void convertRow() throws IOException {
        long id = int8Field();
        if (id < 0) {
            throw new IOException("A copied row lacks its id");
        }
        for (int k = 0; k < kinds.length; k++) {
            if (k > 0) {
                put((byte) ',');
            }
            switch (kinds[k]) {
                case SOURCE -> {
                    if (!text()) { // bron_id: the source id, or the trajectory's own id
                        number(id);
                    }
                }
                case PROFESSIONAL -> put(professional(int8Field()));
                case PRACTICE -> put(practice(int8Field()));
                case INTEGER -> intCell();
                case GENDER -> gender();
                case DATE -> date();
                case TEXT -> text();
                case ABSENT_TEXT -> {
                    // not selected: an empty cell
                }
                case CAPJ_BY_ID -> capjById.write(id, this);
                case CAPJ_TEXT -> capjText();
                case APPLICANTS -> group(applicants);
                case INTERVENTIONS -> group(interventions);
                case CONSULTATIONS -> group(consultations);
                case DESTINATIONS -> group(destinations);
                case APPLICANTS_MASK -> mask(applicants);
                case INTERVENTIONS_MASK -> mask(interventions);
                case CONSULTATIONS_MASK -> mask(consultations);
                case DESTINATIONS_MASK -> mask(destinations);
            }
        }
        put((byte) '\r');
        put((byte) '\n');
    }

    // --- fields ---

    /** The next field's length, −1 for NULL, with the bytes checked to be there. */
    private int fieldLength() throws IOException {
        int fieldLength = int4();
        if (fieldLength < -1) {
            throw new IOException("A copied field has a negative length");
        }
        need(Math.max(fieldLength, 0));
        return fieldLength;
    }

    /** A bigint field; −1 for NULL. */
    private long int8Field() throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            return -1;
        }
        if (fieldLength != 8) {
            throw new IOException("A copied bigint has " + fieldLength + " bytes");
        }
        long value = (long) int4() << 32;
        return value | int4() & 0xFFFF_FFFFL;
    }

    /** An integer field as its decimal cell; empty for NULL. */
    private void intCell() throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            return;
        }
        if (fieldLength != 4) {
            throw new IOException("A copied integer has " + fieldLength + " bytes");
        }
        number(int4());
    }

    /**
     * A text field as a CSV cell: quoted (quotes doubled) when it holds a comma, quote, CR or LF; nothing
     * for NULL or the empty string. Returns whether the field was not NULL.
     */
    private boolean text() throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            return false;
        }
        int from = at;
        int to = at + fieldLength;
        at = to;
        boolean quote = false;
        for (int i = from; i < to; i++) {
            if (QUOTED[row[i] & 0xFF]) {
                quote = true;
                break;
            }
        }
        if (!quote) {
            put(row, from, to - from);
            return true;
        }
        put((byte) '"');
        for (int i = from; i < to; i++) {
            if (row[i] == '"') {
                put((byte) '"');
            }
            put(row[i]);
        }
        put((byte) '"');
        return true;
    }

    /** The bytes that make a cell quoted: comma, quote, CR, LF (UTF-8 never has them inside a character). */
    private static final boolean[] QUOTED = new boolean[256];

    static {
        QUOTED[','] = true;
        QUOTED['"'] = true;
        QUOTED['\r'] = true;
        QUOTED['\n'] = true;
    }

    /** Gender: ONBEKEND (unknown) is an empty cell in the file. */
    private void gender() throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            return;
        }
        if (Arrays.equals(row, at, at + fieldLength, genderUnknown, 0, genderUnknown.length)) {
            at += fieldLength;
            return;
        }
        at -= 4;
        text();
    }

    /**
     * A date (days since 2000-01-01) as PostgreSQL's ISO DateStyle prints it: {@code yyyy-mm-dd} with at
     * least four digits of year, {@code BC} years as {@code yyyy-mm-dd BC}, and the infinities.
     */
    private void date() throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            return;
        }
        if (fieldLength != 4) {
            throw new IOException("A copied date has " + fieldLength + " bytes");
        }
        int days = int4();
        if (days >= FIRST_PLAIN_DAY && days <= LAST_PLAIN_DAY) {
            plainDate(days);
        } else {
            byte[] text = formatDate(days);
            put(text, 0, text.length);
        }
    }

    /**
     * A date of the years 1000–9999 as {@code yyyy-mm-dd}, straight into the line: the days-to-civil
     * algorithm of H. Hinnant ("chrono-compatible low-level date algorithms"), no objects.
     */
    private void plainDate(int days) {
        if (length + 10 > line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        int z = days + POSTGRES_EPOCH_DAY + 719_468; // days since 0000-03-01, positive from the year 1000 on
        int era = z / 146_097;
        int dayOfEra = z - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shifted = (5 * dayOfYear + 2) / 153; // months from March
        int day = dayOfYear - (153 * shifted + 2) / 5 + 1;
        int month = shifted < 10 ? shifted + 3 : shifted - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        byte[] out = line;
        int at = length;
        out[at] = (byte) ('0' + year / 1000);
        out[at + 1] = (byte) ('0' + year / 100 % 10);
        out[at + 2] = (byte) ('0' + year / 10 % 10);
        out[at + 3] = (byte) ('0' + year % 10);
        out[at + 4] = '-';
        out[at + 5] = (byte) ('0' + month / 10);
        out[at + 6] = (byte) ('0' + month % 10);
        out[at + 7] = '-';
        out[at + 8] = (byte) ('0' + day / 10);
        out[at + 9] = (byte) ('0' + day % 10);
        length = at + 10;
    }

    /** The date of day {@code days} (PostgreSQL's day numbers) as PostgreSQL's ISO DateStyle prints it. */
    static byte[] formatDate(int days) {
        if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            return (days == Integer.MAX_VALUE ? "infinity" : "-infinity").getBytes(StandardCharsets.US_ASCII);
        }
        LocalDate date = LocalDate.ofEpochDay((long) days + POSTGRES_EPOCH_DAY);
        int year = date.getYear();
        boolean bc = year <= 0;
        int shown = bc ? 1 - year : year;
        // Plain string building: String.format here made the JIT's compile of date() take seconds.
        StringBuilder text = new StringBuilder(16);
        String digits = Integer.toString(shown);
        for (int i = digits.length(); i < 4; i++) {
            text.append('0');
        }
        text.append(digits).append(date.getMonthValue() < 10 ? "-0" : "-").append(date.getMonthValue())
                .append(date.getDayOfMonth() < 10 ? "-0" : "-").append(date.getDayOfMonth());
        if (bc) {
            text.append(" BC");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The CAP-J codes as one text of space-separated codes (NULL: none), as five cells. */
    private void capjText() throws IOException {
        int fieldLength = fieldLength();
        int from = at;
        int stop = fieldLength == -1 ? at : at + fieldLength;
        at = stop;
        int written = 0;
        for (int code = from; code < stop; ) {
            int to = code;
            while (to < stop && row[to] != ' ') {
                to++;
            }
            if (written < ExchangeColumns.CAPJ_COLUMNS) {
                if (written > 0) {
                    put((byte) ',');
                }
                byte[] text = ExchangeColumns.capjForFile(new String(row, code, to - code, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                put(text, 0, text.length);
            }
            written++;
            code = to + 1;
        }
        for (int i = Math.max(written, 1); i < ExchangeColumns.CAPJ_COLUMNS; i++) {
            put((byte) ',');
        }
    }

    /**
     * A multi-answer array as one 0/1 cell per option: all empty when NULL (not registered), all 0 when
     * empty (registered as none), else 1 for each option among the elements.
     */
    private void group(byte[][] options) throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            put(COMMAS, 0, options.length - 1);
            return;
        }
        int stop = at + fieldLength;
        int elements = arrayElements(stop);
        // All options 0 at once ("0,0,…,0"), then a 1 over option i's 0 at 2 × i for each element that is
        // option i (each element matched once, length and first byte first).
        int start = length;
        put(ZEROS, 0, 2 * options.length - 1);
        for (int e = 0; e < elements; e++) {
            int from = elementAt[e];
            int elementBytes = elementLength[e];
            for (int i = 0; i < options.length; i++) {
                byte[] option = options[i];
                if (option.length == elementBytes && elementBytes > 0 && option[0] == row[from]
                        && Arrays.equals(row, from, from + elementBytes, option, 0, elementBytes)) {
                    line[start + 2 * i] = '1';
                    break;
                }
            }
        }
        at = stop;
    }

    /**
     * A group's bit mask (V19: bit i is option i) as one 0/1 cell per option: all empty when NULL (not
     * registered), all 0 when 0 (registered as none).
     */
    private void mask(byte[][] options) throws IOException {
        int fieldLength = fieldLength();
        if (fieldLength == -1) {
            put(COMMAS, 0, options.length - 1);
            return;
        }
        if (fieldLength != 4) {
            throw new IOException("A copied option mask has " + fieldLength + " bytes");
        }
        int bits = int4();
        if (options.length < Integer.SIZE && bits >>> options.length != 0) {
            throw new IOException("A copied option mask has a bit beyond the group's " + options.length + " options");
        }
        int start = length;
        put(ZEROS, 0, 2 * options.length - 1);
        for (; bits != 0; bits &= bits - 1) {
            line[start + 2 * Integer.numberOfTrailingZeros(bits)] = '1';
        }
    }

    /** The most options a group may have (its 0/1 cells are written from {@link #ZEROS}). */
    private static final int MAX_OPTIONS = 64;
    private static final byte[] ZEROS = "0,".repeat(MAX_OPTIONS).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMAS = ",".repeat(MAX_OPTIONS).getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads an array value up to {@code stop} (dimensions, has-nulls flag, element type, per dimension its
     * size and lower bound, then each element's length and bytes) into {@link #elementAt} and
     * {@link #elementLength}; returns the number of non-NULL elements.
     */
    private int arrayElements(int stop) throws IOException {
        int dimensions = int4();
        at += 8; // has-nulls flag, element type
        int count = dimensions == 0 ? 0 : 1;
        for (int d = 0; d < dimensions; d++) {
            count *= int4();
            at += 4; // lower bound
        }
        int elements = 0;
        for (int e = 0; e < count; e++) {
            int elementBytes = int4();
            if (elementBytes == -1) {
                continue;
            }
            if (elementBytes < 0 || at + elementBytes > stop) {
                throw new IOException("A copied array is malformed");
            }
            if (elements == elementAt.length) {
                elementAt = Arrays.copyOf(elementAt, elements * 2);
                elementLength = Arrays.copyOf(elementLength, elements * 2);
            }
            elementAt[elements] = at;
            elementLength[elements] = elementBytes;
            elements++;
            at += elementBytes;
        }
        if (at != stop) {
            throw new IOException("A copied array is malformed");
        }
        return elements;
    }

    private byte[] professional(long id) throws IOException {
        if (id == lastProfessional) {
            return lastProfessionalCode;
        }
        byte[] code = professionals.get(id);
        if (code == null) {
            throw new IOException("A copied row names an unknown professional");
        }
        lastProfessional = id;
        lastProfessionalCode = code;
        return code;
    }

    private byte[] practice(long id) throws IOException {
        if (id == lastPractice) {
            return lastPracticeName;
        }
        byte[] name = practices.get(id);
        if (name == null) {
            throw new IOException("A copied row names an unknown practice");
        }
        lastPractice = id;
        lastPracticeName = name;
        return name;
    }

    // --- bytes ---

    private void need(int bytes) throws IOException {
        if (bytes < 0 || end - at < bytes) {
            throw new IOException("A copied row ends too early");
        }
    }

    private int int4() throws IOException {
        need(4);
        int value = (row[at] & 0xFF) << 24 | (row[at + 1] & 0xFF) << 16 | (row[at + 2] & 0xFF) << 8 | row[at + 3] & 0xFF;
        at += 4;
        return value;
    }

    /** A whole number in decimal. */
    private void number(long value) {
        if (value < 0) {
            put((byte) '-');
            if (value == Long.MIN_VALUE) {
                byte[] text = Long.toString(value).substring(1).getBytes(StandardCharsets.US_ASCII);
                put(text, 0, text.length);
                return;
            }
            value = -value;
        }
        if (length + 20 > line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        if (value <= Integer.MAX_VALUE) {
            int small = (int) value;
            int digits = small < 10 ? 1 : small < 100 ? 2 : small < 1000 ? 3 : small < 10_000 ? 4 : small < 100_000 ? 5
                    : small < 1_000_000 ? 6 : small < 10_000_000 ? 7 : small < 100_000_000 ? 8 : small < 1_000_000_000 ? 9 : 10;
            for (int i = length + digits - 1; i >= length; i--) {
                line[i] = (byte) ('0' + small % 10);
                small /= 10;
            }
            length += digits;
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            line[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    void put(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }

    void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    void put(byte[] bytes, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }
}
