package nl.jeugdhulp.registratie.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One report table as CSV for Dutch Excel: UTF-8 with a byte order mark (without it Excel reads
 * the file as Windows-1252 and garbles "–" and "ë"), {@code ;} between fields (Excel in a Dutch
 * locale splits on the list separator, which is {@code ;} because {@code ,} is the decimal comma),
 * CRLF line ends and RFC 4180 quoting. Layout: a header row "Categorie", then per column
 * "&lt;group&gt; aantal" and "&lt;group&gt; %"; one row per category with counts and whole percentages
 * (empty when n is 0); then the rows "n" and "onbekend" with their number under each "aantal".
 */
final class ReportCsv {

    static final char SEPARATOR = ';';
    static final String LINE_END = "\r\n";
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private ReportCsv() {
    }

    static void write(ReportTable table, ReportLabels.Localized labels, Writer out) throws IOException {
        out.write(BYTE_ORDER_MARK);
        List<String> header = new ArrayList<>();
        header.add(labels.msg("report.category"));
        for (String column : table.columns()) {
            header.add(labels.column(column) + " " + labels.msg("report.count"));
            header.add(labels.column(column) + " " + labels.msg("report.percent"));
        }
        line(out, header);
        int columns = table.columns().size();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> fields = new ArrayList<>();
            fields.add(text(labels.row(table, table.rows().get(r))));
            for (int c = 0; c < columns; c++) {
                Long percent = table.percent(r, c);
                fields.add(String.valueOf(table.counts()[r][c]));
                fields.add(percent == null ? "" : String.valueOf(percent));
            }
            line(out, fields);
        }
        line(out, totals(labels.n(table), table.n()));
        line(out, totals(labels.missing(), table.missing()));
    }

    private static List<String> totals(String label, long[] values) {
        List<String> fields = new ArrayList<>();
        fields.add(text(label));
        for (long value : values) {
            fields.add(String.valueOf(value));
            fields.add("");
        }
        return fields;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(SEPARATOR);
            }
            out.write(quote(fields.get(i)));
        }
        out.write(LINE_END);
    }

    /**
     * A field as RFC 4180 wants it: in double quotes, with quotes doubled, when it holds the
     * separator, a quote, a line break or leading or trailing space; otherwise as it is.
     */
    static String quote(String field) {
        if (field.isEmpty()) {
            return field;
        }
        boolean needsQuotes = field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || Character.isWhitespace(field.charAt(0))
                || Character.isWhitespace(field.charAt(field.length() - 1));
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /**
     * A text label that Excel must not take for a formula: labels partly come from the CAP-J
     * catalogue, which administrators edit, so one starting with = + - @ (or a tab or CR) gets a
     * leading apostrophe, as OWASP advises against CSV injection.
     */
    static String text(String label) {
        if (!label.isEmpty() && "=+-@\t\r".indexOf(label.charAt(0)) >= 0) {
            return "'" + label;
        }
        return label;
    }
}
