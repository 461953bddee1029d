package nl.jeugdhulp.registratie.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The export as one XLSX workbook, written with POI's streaming {@link SXSSFWorkbook}: at most
 * {@value #ROWS_IN_MEMORY} rows per sheet are in memory, older ones are flushed to a compressed
 * temporary file; {@link #finish} writes the workbook and {@link #close} disposes of the temporary
 * files (also when writing failed). Header cells bold and frozen, whole numbers and decimals numeric, dates real date cells
 * shown as {@code yyyy-mm-dd}, codes and free text as text.
 */
final class ExportWorkbook implements ExportSink, AutoCloseable {

    private static final int ROWS_IN_MEMORY = 100;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final CellStyle bold;
    private final CellStyle date;
    private SXSSFSheet sheet;
    private int rowIndex;

    ExportWorkbook() {
        // The temporary sheet files hold every row until finish(); compressed they take a fraction of the disk.
        workbook.setCompressTempFiles(true);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    @Override
    public void startSheet(String name, List<String> header) {
        sheet = workbook.createSheet(name);
        rowIndex = 0;
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> values) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Integer number) {
                cell.setCellValue(number);
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void endSheet() {
        sheet = null;
    }

    void finish(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // the temporary files are gone already
        }
    }
}
