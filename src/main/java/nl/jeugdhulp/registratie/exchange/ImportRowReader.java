package nl.jeugdhulp.registratie.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of one sheet from a CSV file (delimiter {@code ,} or {@code ;} taken from the
 * header line, UTF-8 with or without BOM), the entry {@code <sheet>.csv} of a ZIP of CSV files (read
 * with {@link ZipInputStream}, streamed) or an XLSX workbook (POI's SAX event reader, so memory
 * does not grow with the file). Rows are numbered as the user sees them: the header is row 1.
 * Anything that is no readable spreadsheet becomes an {@link ImportFileException} with a Dutch
 * message.
 */
final class ImportRowReader {

    /** Receives the header once, then every non-empty row. */
    interface RowHandler {
        void header(List<String> names);

        void row(int rowNumber, List<String> cells);
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private ImportRowReader() {
    }

    /** Unpacked bytes read from one ZIP entry or workbook part at most, unless told otherwise (a ZIP bomb guard). */
    static final long DEFAULT_MAX_UNPACKED = 200L * 1024 * 1024;

    /** Reads sheet {@code sheet} ("trajecten") of the file, or the CSV file itself. */
    static void read(Path file, String sheet, RowHandler handler) {
        read(file, sheet, handler, DEFAULT_MAX_UNPACKED);
    }

    static void read(Path file, String sheet, RowHandler handler, long maxUnpacked) {
        if (!read(file, sheet, handler, maxUnpacked, false)) {
            throw new IllegalStateException("required sheet not read");
        }
    }

    /**
     * Reads sheet {@code sheet} if the workbook or ZIP has it; a single CSV file counts as the
     * trajecten sheet only. Answers whether the sheet was there.
     */
    static boolean readIfPresent(Path file, String sheet, RowHandler handler, long maxUnpacked) {
        return read(file, sheet, handler, maxUnpacked, true);
    }

    private static boolean read(Path file, String sheet, RowHandler handler, long maxUnpacked, boolean optional) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new ImportFileException(400, e, "import.file.unreadable");
        }
        if (n == 0) {
            throw new ImportFileException("import.file.empty");
        }
        if (n == 4 && java.util.Arrays.equals(head, OLE2)) {
            throw new ImportFileException("import.file.encrypted");
        }
        if (n == 4 && java.util.Arrays.equals(head, ZIP)) {
            ZipKind kind = zipKind(file, sheet);
            if (kind.csvEntry() != null) {
                String entry = kind.csvEntry();
                readCsv(() -> zipEntry(file, entry, maxUnpacked), sheet, handler);
                return true;
            } else if (kind.entries() != null) {
                if (optional) {
                    return false;
                }
                throw (kind.entries().isEmpty() ? new ImportFileException("import.file.zipMissing.empty", sheet)
                        : new ImportFileException("import.file.zipMissing", sheet, String.join(", ", kind.entries())));
            } else {
                return readXlsx(file, sheet, handler, maxUnpacked, optional);
            }
        }
        if (!sheet.equals(ExchangeColumns.TRAJECTEN_SHEET)) {
            return false;
        }
        readCsv(() -> Files.newInputStream(file), sheet, handler);
        return true;
    }

    /** Opens the bytes to read, fresh each time (the delimiter is sniffed before the parse). */
    private interface Source {
        InputStream open() throws IOException;
    }

    /**
     * What a ZIP file is: a workbook ({@code entries} and {@code csvEntry} null: it has
     * {@code [Content_Types].xml}, or it cannot be listed, so the workbook reader reports it), a ZIP
     * of CSV files with {@code csvEntry} the entry {@code <sheet>.csv}, or neither ({@code entries}
     * the names found). Listed from the central directory with {@link ZipFile}: nothing is unpacked.
     */
    private record ZipKind(String csvEntry, List<String> entries) {
    }

    private static ZipKind zipKind(Path file, String sheet) {
        List<String> names = new ArrayList<>();
        String found = null;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if ("[Content_Types].xml".equals(name)) {
                    return new ZipKind(null, null);
                }
                if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                if (found == null && isCsvOf(name, sheet)) {
                    found = name;
                }
                if (names.size() < 10) {
                    names.add(baseName(name));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return new ZipKind(null, null);
        }
        return found != null ? new ZipKind(found, null) : new ZipKind(null, names);
    }

    /** The entry's bytes, refused beyond {@code maxUnpacked}; closing the stream closes the ZIP. */
    private static InputStream zipEntry(Path file, String name, long maxUnpacked) throws IOException {
        ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        try {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException("ZIP entry " + name + " disappeared");
            }
            if (entry.getSize() > maxUnpacked) {
                throw unpackedTooLarge(maxUnpacked);
            }
            return new LimitedStream(zip.getInputStream(entry), maxUnpacked) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    static ImportFileException unpackedTooLarge(long max) {
        return new ImportFileException(413, null, "import.file.unpackedTooLarge", String.valueOf(max / (1024 * 1024)));
    }

    /** Counts what is read and stops at the limit: the declared size of a ZIP entry can lie. */
    private static class LimitedStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw unpackedTooLarge(max);
            }
        }
    }

    private static boolean isCsvOf(String entryName, String sheet) {
        String base = baseName(entryName).toLowerCase(Locale.ROOT);
        return base.endsWith(".csv") && columnKey(base.substring(0, base.length() - 4)).equals(sheet);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    /** Lower case, with runs of {@code -}, space and {@code _} as one {@code _}. */
    static String columnKey(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", "_");
    }

    // --- CSV ---

    private static void readCsv(Source file, String sheet, RowHandler handler) {
        char delimiter = delimiter(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (Reader reader = utf8(file); CSVParser parser = CSVParser.parse(reader, format)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (first) {
                    handler.header(cells);
                    first = false;
                } else if (!blank(cells)) {
                    handler.row((int) record.getRecordNumber(), cells);
                }
            }
            if (first) {
                throw new ImportFileException("import.file.empty");
            }
        } catch (CharacterCodingException e) {
            throw notSpreadsheet();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notSpreadsheet();
            }
            throw new ImportFileException(400, e, "import.file.csvBrokenBecause", String.valueOf(e.getCause().getMessage()));
        } catch (IOException | IllegalStateException e) {
            throw new ImportFileException(400, e, "import.file.csvBroken");
        }
    }

    /** {@code ;} when the header line has more semicolons than commas (Dutch Excel), else {@code ,}. */
    private static char delimiter(Source file) {
        try (Reader reader = utf8(file)) {
            int commas = 0;
            int semicolons = 0;
            for (int c = reader.read(), i = 0; c != -1 && c != '\n' && c != '\r' && i < 100_000; c = reader.read(), i++) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == 0) {
                    throw notSpreadsheet();
                }
            }
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw notSpreadsheet();
        }
    }

    /** A strict UTF-8 reader that skips a BOM. */
    private static Reader utf8(Source file) throws IOException {
        InputStream in = new BufferedInputStream(file.open());
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static ImportFileException notSpreadsheet() {
        return new ImportFileException("import.file.unknownKind");
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    // --- XLSX ---

    private static boolean readXlsx(Path file, String sheet, RowHandler handler, long maxUnpacked, boolean optional) {
        // POI refuses parts that inflate suspiciously (ratio) or beyond this size: a workbook ZIP bomb.
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(Math.max(maxUnpacked, 1024 * 1024));
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream data = sheets.next()) {
                    names.add(sheets.getSheetName());
                    if (columnKey(sheets.getSheetName()).equals(sheet)) {
                        parseSheet(styles, strings, data, sheet, handler);
                        return true;
                    }
                }
            }
            if (optional) {
                return false;
            }
            throw new ImportFileException("import.file.sheetMissing", sheet, String.join(", ", names));
        } catch (ImportFileException e) {
            throw e;
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                 | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            if (isBomb(e)) {
                throw unpackedTooLarge(maxUnpacked);
            }
            throw new ImportFileException(400, e, "import.file.notWorkbook");
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ImportFileException known) {
                    throw known;
                }
            }
            if (isBomb(e)) {
                throw unpackedTooLarge(maxUnpacked);
            }
            throw new ImportFileException(400, e, "import.file.workbookBroken");
        }
    }

    /** POI's ZipSecureFile says "Zip bomb detected" (ratio) or that an entry exceeds the max size. */
    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("max entry size") || message.contains("exceeds the max")) {
                return true;
            }
        }
        return false;
    }

    private static void parseSheet(StylesTable styles, ReadOnlySharedStringsTable strings, InputStream data,
                                   String sheet, RowHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        SheetRows rows = new SheetRows(sheet, handler);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new FormulaAwareHandler(styles, strings, rows));
        parser.parse(new InputSource(data));
        if (!rows.headerSeen) {
            throw new ImportFileException("import.file.sheetEmpty", sheet);
        }
    }

    /** Dates as ISO text, whatever the cell's display format; other numbers as Excel shows them. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    /** Notes which cell has a formula; the cell callback then refuses it. */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {
        private final SheetRows rows;
        private String cellRef;

        FormulaAwareHandler(StylesTable styles, ReadOnlySharedStringsTable strings, SheetRows rows) {
            super(styles, null, strings, rows, new IsoDateFormatter(), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                cellRef = attributes.getValue("r");
            } else if ("f".equals(localName)) {
                rows.formula(cellRef);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;
        private int width = Integer.MAX_VALUE;

        SheetRows(String sheet, RowHandler handler) {
            this.sheet = sheet;
            this.handler = handler;
        }

        void formula(String ref) {
            throw new ImportFileException("import.file.formula", sheet, ref);
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                headerSeen = true;
                while (!cells.isEmpty() && (cells.get(cells.size() - 1) == null || cells.get(cells.size() - 1).isBlank())) {
                    cells.remove(cells.size() - 1);
                }
                width = cells.size();
                handler.header(List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList()));
            } else if (!blank(cells)) {
                handler.row(rowNum + 1, new ArrayList<>(cells));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(cellReference).getCol();
            if (headerSeen && column >= width) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }

}
