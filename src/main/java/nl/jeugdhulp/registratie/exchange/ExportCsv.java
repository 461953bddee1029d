package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ZIP of CSV files, one per sheet ({@code professionals.csv}, …): UTF-8 without BOM, {@code ,}
 * as delimiter, ISO dates, CRLF line ends and RFC 4180 quoting (a field with a comma, quote or line
 * break is quoted, quotes doubled). Rows are written straight into the ZIP entry as they come.
 */
final class ExportCsv implements ExportSink {

    /** Characters per encoder call: a line goes into {@link #line} first, the writer gets whole chunks. */
    private static final int CHUNK = 32 * 1024;

    private final ExportZipPipe zip;
    private final StringBuilder line = new StringBuilder(CHUNK + 1024);
    private boolean copying;
    private Writer writer;

    ExportCsv(ExportZipPipe zip) {
        this.zip = zip;
    }

    @Override
    public void startSheet(String name, List<String> header) throws IOException {
        zip.entry(name + ".csv");
        writer = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
        line(header);
    }

    @Override
    public void row(List<Object> values) throws IOException {
        line(values);
    }

    /**
     * Adds whole lines that are CSV already, CRLF included (trajecten rows of PostgreSQL's COPY after
     * {@link ExportCopyRows}); the ZIP's pipe gathers them into its buffers.
     */
    void copiedLine(byte[] line, int length) throws IOException {
        if (!copying) {
            // The characters before these bytes must reach the ZIP first.
            writer.append(this.line);
            this.line.setLength(0);
            writer.flush();
            copying = true;
        }
        zip.write(line, 0, length);
    }

    /**
     * Ends the sheet's file and waits until it has reached the client's stream (so a client that went
     * away shows here, before the next sheet's rows are counted as written).
     */
    @Override
    public void endSheet() throws IOException {
        copying = false;
        writer.append(line);
        line.setLength(0);
        writer.flush();
        zip.closeEntry();
        zip.flushAndWait();
        writer = null;
    }

    /** Adds a whole file given as its bytes (the codebook made by {@link InMemory}, the SPSS and R scripts). */
    void file(String name, byte[] content) throws IOException {
        zip.entry(name);
        zip.write(content);
        zip.closeEntry();
    }

    private void line(List<?> values) throws IOException {
        copying = false;
        appendLine(line, values);
        if (line.length() >= CHUNK) {
            writer.append(line);
            line.setLength(0);
        }
    }

    /** Appends one line: the fields separated by commas, then CRLF. */
    private static void appendLine(StringBuilder line, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            append(line, values.get(i));
        }
        line.append("\r\n");
    }

    /**
     * One sheet's CSV file in memory, byte for byte as {@link ExportCsv} writes it into the ZIP: for a file
     * made once and written into many exports (the codebook of a given CAP-J list).
     */
    static final class InMemory implements ExportSink {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startSheet(String name, List<String> header) {
            appendLine(text, header);
        }

        @Override
        public void row(List<Object> values) {
            appendLine(text, values);
        }

        @Override
        public void endSheet() {
            // the file is complete
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Appends one field: empty for {@code null}, quoted with doubled quotes if it holds a comma, quote or line break. */
    static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer number) {
            out.append(number.intValue());
            return;
        }
        String text = value instanceof BigDecimal number ? plain(number) : value.toString();
        if (needsQuotes(text)) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** Lets a writer be dropped without closing the ZIP under it. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
