package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns one compact row of PostgreSQL's {@code COPY … (FORMAT csv)} (see {@link #FIELDS}) into the
 * trajecten line of the file, on bytes: PostgreSQL formats what it does cheaply (text, numbers, ISO
 * dates) and sends each multi-answer group as one field of space-separated codes and the CAP-J codes
 * as one field; here they become the file's 0/1 columns and {@code capj_1} … {@code capj_5}, and the
 * practice id its name. Text values keep PostgreSQL's quoting, which is {@link ExportCsv}'s for every
 * non-empty value (a value with a comma, quote, CR or LF quoted, quotes doubled); an empty string,
 * which PostgreSQL writes as {@code ""}, becomes an empty field as ExportCsv writes it.
 */
final class ExportCopyRows {

    /** What each compact field becomes. */
    enum Field { PLAIN, PRACTICE, CAPJ, APPLICANTS, INTERVENTIONS, CONSULTATIONS, DESTINATIONS }

    /** The compact row's fields, in the order of the trajecten columns they become. */
    static final Field[] FIELDS = {
        Field.PLAIN, Field.PLAIN, Field.PRACTICE, Field.PLAIN, Field.PLAIN, Field.PLAIN, // bron_id … geslacht
        Field.PLAIN, Field.PLAIN, Field.PLAIN, Field.PLAIN, // the four dates
        Field.PLAIN, // hulpvraag
        Field.CAPJ,
        Field.PLAIN, Field.PLAIN, // diagnose_vraag, diagnose
        Field.APPLICANTS, Field.PLAIN, Field.INTERVENTIONS, Field.CONSULTATIONS, // …, aantal_contacten, …
        Field.PLAIN, Field.PLAIN, Field.PLAIN, // afronding, afronding_anders_reden, moment_verwijzing
        Field.DESTINATIONS,
        Field.PLAIN, Field.PLAIN, Field.PLAIN, Field.PLAIN, Field.PLAIN, // ketenpartner … free texts
    };

    private final Map<Long, byte[]> practices;
    private final ExportCapj capjById;
    private final byte[][] applicants;
    private final byte[][] interventions;
    private final byte[][] consultations;
    private final byte[][] destinations;
    private byte[] line = new byte[1024];
    /** The practice of the row before (rows come by professional, who mostly works in one practice). */
    private long lastPractice = -1;
    private byte[] lastPracticeName;
    private int length;

    /**
     * @param practices practice id → its name as a CSV field (quoted when needed)
     */
    ExportCopyRows(Map<Long, byte[]> practices, String[] applicants, String[] interventions, String[] consultations,
                   String[] destinations) {
        this(practices, null, applicants, interventions, consultations, destinations);
    }

    /**
     * @param practices practice id → its name as a CSV field (quoted when needed)
     * @param capjById when not {@code null}, the CAP-J field holds the trajectory's id and the codes come
     *                 from here; else it holds the codes themselves, space-separated
     */
    ExportCopyRows(Map<Long, byte[]> practices, ExportCapj capjById, String[] applicants, String[] interventions,
                   String[] consultations, String[] destinations) {
        this.practices = practices;
        this.capjById = capjById;
        this.applicants = bytes(applicants);
        this.interventions = bytes(interventions);
        this.consultations = bytes(consultations);
        this.destinations = bytes(destinations);
    }

    private static byte[][] bytes(String[] codes) {
        return Arrays.stream(codes).map(code -> code.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /** The line for one copied row, CRLF included: {@link #line()} up to {@link #length()}. */
    void convert(byte[] row) throws IOException {
        length = 0;
        int end = row.length - 1;
        if (end < 0 || row[end] != '\n') {
            throw new IOException("A copied CSV row does not end in a line feed");
        }
        int at = 0;
        for (int field = 0; field < FIELDS.length; field++) {
            if (at > end) {
                throw new IOException("A copied CSV row has too few fields");
            }
            if (field > 0) {
                put((byte) ',');
            }
            // One field: [at, stop) as sent; quoted if it starts with a quote.
            int stop;
            boolean quoted = row[at] == '"';
            if (quoted) {
                stop = at + 1;
                while (true) {
                    if (stop >= end) {
                        throw new IOException("A copied CSV row has an unterminated quote");
                    }
                    if (row[stop] == '"') {
                        if (row[stop + 1] == '"') {
                            stop += 2;
                            continue;
                        }
                        stop++;
                        break;
                    }
                    stop++;
                }
            } else {
                stop = at;
                while (stop < end && row[stop] != ',') {
                    stop++;
                }
            }
            boolean empty = quoted ? stop - at == 2 : stop == at;
            boolean isNull = !quoted && stop == at;
            switch (FIELDS[field]) {
                case PLAIN -> {
                    if (!empty) {
                        put(row, at, stop - at);
                    }
                }
                case PRACTICE -> {
                    byte[] name = practice(row, at, stop);
                    put(name, 0, name.length);
                }
                case CAPJ -> {
                    if (capjById == null) {
                        capj(row, at, stop, empty);
                    } else {
                        capjById.write(id(row, at, stop), this);
                    }
                }
                case APPLICANTS -> group(applicants, row, at, stop, quoted, isNull);
                case INTERVENTIONS -> group(interventions, row, at, stop, quoted, isNull);
                case CONSULTATIONS -> group(consultations, row, at, stop, quoted, isNull);
                case DESTINATIONS -> group(destinations, row, at, stop, quoted, isNull);
            }
            at = stop + 1;
        }
        if (at != end + 1) {
            throw new IOException("A copied CSV row has too many fields");
        }
        put((byte) '\r');
        put((byte) '\n');
    }

    byte[] line() {
        return line;
    }

    int length() {
        return length;
    }

    /** The CAP-J codes, space-separated in their order, as five fields ({@link ExchangeColumns#capjForFile}). */
    private void capj(byte[] row, int at, int stop, boolean empty) {
        int written = 0;
        if (!empty) {
            for (int from = at; from < stop; ) {
                int to = from;
                while (to < stop && row[to] != ' ') {
                    to++;
                }
                if (written < ExchangeColumns.CAPJ_COLUMNS) {
                    if (written > 0) {
                        put((byte) ',');
                    }
                    capjCode(row, from, to);
                }
                written++;
                from = to + 1;
            }
        }
        for (int i = Math.max(written, 1); i < ExchangeColumns.CAPJ_COLUMNS; i++) {
            put((byte) ',');
        }
    }

    /**
     * One code as {@link ExchangeColumns#capjForFile} writes it: an ASCII code of four with a letter first
     * gets its hyphen here on bytes (the usual case); anything else goes through that method.
     */
    private void capjCode(byte[] row, int from, int to) {
        if (to - from == 4 && row[from] >= 0 && row[from + 1] >= 0 && row[from + 2] >= 0 && row[from + 3] >= 0) {
            if (Character.isLetter((char) row[from])) {
                put(row[from]);
                put((byte) '-');
                put(row, from + 1, 3);
            } else {
                put(row, from, 4);
            }
            return;
        }
        byte[] text = ExchangeColumns.capjForFile(new String(row, from, to - from, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        put(text, 0, text.length);
    }

    /** The id (a positive whole number) in {@code row[at, stop)}, parsed on bytes. */
    private static long id(byte[] row, int at, int stop) throws IOException {
        long id = 0;
        if (stop == at || stop - at > 18) {
            throw new IOException("A copied row lacks an id");
        }
        for (int i = at; i < stop; i++) {
            int digit = row[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IOException("A copied row lacks an id");
            }
            id = id * 10 + digit;
        }
        return id;
    }

    /** The practice's name field for the id in {@code row[at, stop)}. */
    private byte[] practice(byte[] row, int at, int stop) throws IOException {
        long id = id(row, at, stop);
        if (id == lastPractice && lastPracticeName != null) {
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

    /**
     * One 0/1 field per option: all empty when the array was NULL (not registered; an unquoted empty
     * field), all 0 when it was empty ({@code ""}), else 1 for each option among the codes.
     */
    private void group(byte[][] options, byte[] row, int at, int stop, boolean quoted, boolean isNull) {
        if (quoted) {
            // Only the empty array comes quoted: codes hold no comma, quote or line break (CHECK constraints).
            at++;
            stop--;
        }
        for (int i = 0; i < options.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            if (!isNull) {
                put(contains(row, at, stop, options[i]) ? (byte) '1' : (byte) '0');
            }
        }
    }

    /** Is {@code code} one of the space-separated codes in {@code row[at, stop)}? */
    private static boolean contains(byte[] row, int at, int stop, byte[] code) {
        for (int from = at; from < stop; ) {
            int to = from;
            while (to < stop && row[to] != ' ') {
                to++;
            }
            if (Arrays.equals(row, from, to, code, 0, code.length)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    void put(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }

    void put(byte[] bytes, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }
}
