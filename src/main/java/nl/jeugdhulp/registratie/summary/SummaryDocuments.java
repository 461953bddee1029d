package nl.jeugdhulp.registratie.summary;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The summary as files. The PDF is the page's own content template ({@code summary/content}) in a
 * print frame ({@code summary/pdf}), rendered to A4 by openhtmltopdf with the SVG charts drawn by
 * Batik. XLSX and CSV carry the same published figures: a suppressed count is the text "&lt;5" (or
 * the hidden mark), never the number.
 */
@Component
class SummaryDocuments {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final ITemplateEngine templates;
    private final MessageSource messages;

    SummaryDocuments(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    byte[] pdf(Summary summary, ZonedDateTime generated, Locale locale) throws IOException {
        Context context = new Context(locale);
        context.setVariable("summary", summary);
        context.setVariable("generated", GENERATED.format(generated));
        String html = templates.process("summary/pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        // The stylesheet link (pdf.css) resolves beside the template, also inside the packaged jar; the file's
        // own URL is the base because a jar need not list its directories.
        builder.withHtmlContent(html, SummaryDocuments.class.getResource("/templates/summary/pdf.css").toExternalForm());
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    /** The heading lines every file starts with: pilots, period, generation time, suppression rule. */
    List<String[]> heading(Summary summary, ZonedDateTime generated, Locale locale) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {msg(locale, "summary.title")});
        lines.add(new String[] {msg(locale, "summary.pilots"),
                noFormula(summary.pilots().stream().map(PilotChoice::name).collect(Collectors.joining(", ")))});
        lines.add(new String[] {msg(locale, "summary.period"), Summary.day(summary.from()) + " – "
                + Summary.day(summary.to())});
        lines.add(new String[] {msg(locale, "summary.generated"), GENERATED.format(generated)});
        lines.add(new String[] {msg(locale, "summary.rule.title"), rule(summary, locale)});
        return lines;
    }

    String rule(Summary summary, Locale locale) {
        return msg(locale, summary.suppressed() ? "summary.rule.suppressed" : "summary.rule.full", summary.minCell());
    }

    void xlsx(Summary summary, ZonedDateTime generated, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            Sheet sheet = workbook.createSheet(msg(locale, "summary.export.sheet"));
            sheet.setColumnWidth(0, 60 * 256);
            int r = 0;
            for (String[] line : heading(summary, generated, locale)) {
                r = row(sheet, r, bold, line[0], line.length > 1 ? line[1] : null);
            }
            r++;
            r = row(sheet, r, bold, msg(locale, "summary.seen"), summary.seen().published(), summary.seen().text());
            r = row(sheet, r, bold, msg(locale, "summary.closed"), summary.closed().published(), summary.closed().text());
            for (Summary.Table table : summary.tables()) {
                r++;
                r = row(sheet, r, bold, table.title());
                Row header = sheet.createRow(r++);
                text(header, 0, msg(locale, "summary.category"), bold);
                text(header, 1, msg(locale, "summary.count"), bold);
                text(header, 2, msg(locale, "summary.percent"), bold);
                if (!table.extraLabel().isEmpty()) {
                    text(header, 3, table.extraLabel(), bold);
                }
                for (Summary.Line line : table.lines()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, line.label(), null);
                    figure(row, 1, line.count());
                    text(row, 2, line.percent(), null);
                    text(row, 3, line.extra(), null);
                }
                Row total = sheet.createRow(r++);
                text(total, 0, table.totalLabel(), bold);
                figure(total, 1, table.total());
                if (!table.note().isEmpty()) {
                    r = row(sheet, r, null, table.note());
                }
            }
            r++;
            for (String[] line : costLines(summary, locale)) {
                r = row(sheet, r, null, line);
            }
            workbook.write(out);
        }
    }

    void csv(Summary summary, ZonedDateTime generated, Locale locale, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // Dutch Excel reads UTF-8 only with a byte order mark
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').get());
        for (String[] line : heading(summary, generated, locale)) {
            csv.printRecord((Object[]) line);
        }
        csv.printRecord(msg(locale, "summary.table"), msg(locale, "summary.category"), msg(locale, "summary.count"),
                msg(locale, "summary.percent"), msg(locale, "summary.extra"));
        csv.printRecord("", msg(locale, "summary.seen"), summary.seen().text(), "", "");
        csv.printRecord("", msg(locale, "summary.closed"), summary.closed().text(), "", "");
        for (Summary.Table table : summary.tables()) {
            for (Summary.Line line : table.lines()) {
                csv.printRecord(table.title(), line.label(), line.count().text(), line.percent(), line.extra());
            }
            csv.printRecord(table.title(), table.totalLabel(), table.total().text(), "", "");
        }
        for (String[] line : costLines(summary, locale)) {
            csv.printRecord((Object[]) line);
        }
        csv.flush();
    }

    /** The cost-benefit block as label/value lines (period, then 12 months). */
    List<String[]> costLines(Summary summary, Locale locale) {
        Summary.CostView cost = summary.cost();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {msg(locale, "summary.cost.title")});
        if (!cost.computed()) {
            lines.add(new String[] {msg(locale, "summary.cost.missing", String.join(", ", cost.missingPilots()))});
            return lines;
        }
        lines.add(new String[] {msg(locale, "summary.cost.zelf"), cost.zelf().text()});
        lines.add(new String[] {msg(locale, "summary.cost.voorliggend"), cost.voorliggend().text()});
        lines.add(new String[] {msg(locale, "summary.cost.valued"), cost.valued().text()});
        lines.add(new String[] {msg(locale, "summary.cost.months"), cost.months()});
        lines.add(new String[] {"", msg(locale, "summary.cost.period"), msg(locale, "summary.cost.year")});
        lines.add(new String[] {msg(locale, "summary.cost.baten"), cost.period().baten(), cost.year().baten()});
        lines.add(new String[] {msg(locale, "summary.cost.staff"), cost.period().staff(), cost.year().staff()});
        lines.add(new String[] {msg(locale, "summary.cost.housing"), cost.period().housing(), cost.year().housing()});
        lines.add(new String[] {msg(locale, "summary.cost.net"), cost.period().net(), cost.year().net()});
        lines.add(new String[] {msg(locale, "summary.cost.formula")});
        cost.amountsUsed().forEach(used -> lines.add(new String[] {used}));
        lines.add(new String[] {msg(locale, "summary.cost.estimate")});
        return lines;
    }

    private static int row(Sheet sheet, int r, CellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            text(row, i, values[i], i == 0 ? style : null);
        }
        return r + 1;
    }

    private static int row(Sheet sheet, int r, CellStyle style, String label, Long number, String text) {
        Row row = sheet.createRow(r);
        text(row, 0, label, style);
        if (number != null) {
            row.createCell(1).setCellValue(number);
        } else {
            text(row, 1, text, null);
        }
        return r + 1;
    }

    private static void figure(Row row, int column, Figure figure) {
        if (figure.shown()) {
            row.createCell(column).setCellValue(figure.value());
        } else {
            text(row, column, figure.text(), null);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Pilot names are typed by administrators: one starting like a formula gets an apostrophe (OWASP). */
    static String noFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
