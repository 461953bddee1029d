package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of CSV files, one per sheet ({@code professionals.csv}, …): UTF-8 without BOM, {@code ,}
 * as delimiter, ISO dates, CRLF line ends and RFC 4180 quoting (a field with a comma, quote or line
 * break is quoted, quotes doubled). Rows are written straight into the ZIP entry as they come.
 */
final class ExportCsv implements ExportSink {

    private final ZipOutputStream zip;
    private Writer writer;

    ExportCsv(ZipOutputStream zip) {
        this.zip = zip;
    }

    @Override
    public void startSheet(String name, List<String> header) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".csv"));
        writer = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
        line(header);
    }

    @Override
    public void row(List<Object> values) throws IOException {
        line(values);
    }

    @Override
    public void endSheet() throws IOException {
        writer.flush();
        zip.closeEntry();
        writer = null;
    }

    /** Adds a whole text file (the SPSS and R scripts). */
    void file(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private void line(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? plain(number) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** Lets a writer be dropped without closing the ZIP under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
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
