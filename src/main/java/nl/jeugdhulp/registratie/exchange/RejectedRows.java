package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The downloadable rejected rows of an import: a ZIP with one CSV per sheet that had rejected rows
 * ({@code professionals.csv}, {@code trajecten.csv}), each with the sheet's own columns as read and
 * a last column {@code reden} ("kolom x: melding; ..."). CSV as the export writes it (UTF-8, comma,
 * CRLF), so the corrected file can be imported again as it is. Written while the import streams:
 * the professionals sheet is read before trajecten, so one entry is open at a time.
 */
final class RejectedRows implements AutoCloseable {

    static final String REASON = "reden";

    private final ZipOutputStream zip;
    private final Writer writer;
    private final Set<String> written = new HashSet<>();
    private String current;
    private CSVPrinter printer;

    RejectedRows(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // The printer must not close the ZIP stream when an entry ends.
        this.writer = new OutputStreamWriter(new ExportCsv.NonClosing(zip), StandardCharsets.UTF_8);
    }

    /** Adds a rejected row of {@code sheet}, cut or padded to the header, with its reasons. */
    void row(String sheet, List<String> header, List<String> cells, String reason) {
        try {
            if (!sheet.equals(current)) {
                endEntry();
                if (!written.add(sheet)) {
                    throw new IllegalStateException("Sheet " + sheet + " was already written");
                }
                current = sheet;
                zip.putNextEntry(new ZipEntry(sheet + ".csv"));
                printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
                List<String> head = new ArrayList<>(header);
                head.add(REASON);
                printer.printRecord(head);
            }
            List<String> out = new ArrayList<>(cells.subList(0, Math.min(cells.size(), header.size())));
            while (out.size() < header.size()) {
                out.add("");
            }
            out.add(reason);
            printer.printRecord(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endEntry() throws IOException {
        if (current != null) {
            printer.flush();
            writer.flush();
            zip.closeEntry();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            endEntry();
            zip.finish();
        } finally {
            zip.close();
        }
    }
}
