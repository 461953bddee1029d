package nl.jeugdhulp.registratie.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.jeugdhulp.registratie.reporting.Report.SupporterGroup;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryType;
import nl.jeugdhulp.registratie.reporting.stats.TestResult;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The whole report as an XLSX workbook, written with POI's streaming {@link SXSSFWorkbook} (rows
 * are flushed to a temporary file as they are written, and {@link SXSSFWorkbook#dispose()} removes
 * it). Sheets: "Toelichting" (period, filters, when it was made, which trajectories count, the
 * p-value and the multi-answer note), then Instroom, Praktijkondersteuners, Proces en uitkomst per
 * breakdown, the distributions of F1–F3 and the trajectory types. Each table has the CSV's layout
 * ({@link ReportCsv}) under a title row, with the test line below it. Counts are whole-number cells,
 * percentages numbers (the share, 0..1) formatted as a percentage, header cells bold.
 */
final class ReportWorkbook {

    /** Excel refuses longer sheet names. */
    static final int MAX_SHEET_NAME = 31;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int ROWS_IN_MEMORY = 100;

    /** What the Toelichting sheet says beyond the report itself: the filters in words and when it was made. */
    record Notes(List<Map.Entry<String, String>> filters, ZonedDateTime generatedAt) {
    }

    private final Report report;
    private final Notes notes;
    private final ReportLabels.Localized labels;
    private final SXSSFWorkbook workbook;
    private final Set<String> sheetNames = new HashSet<>();
    private final CellStyle bold;
    private final CellStyle title;
    private final CellStyle wrap;
    private final CellStyle count;
    private final CellStyle percent;
    private final CellStyle decimal;
    private final CellStyle pValue;

    private ReportWorkbook(Report report, Notes notes, ReportLabels.Localized labels, SXSSFWorkbook workbook) {
        this.report = report;
        this.notes = notes;
        this.labels = labels;
        this.workbook = workbook;
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 12);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        count = numberStyle("0");
        percent = numberStyle("0%");
        decimal = numberStyle("0.0");
        pValue = numberStyle("0.000");
    }

    /** Writes the workbook to {@code out} (which stays open) and removes its temporary files. */
    static void write(Report report, Notes notes, ReportLabels.Localized labels, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            new ReportWorkbook(report, notes, labels, workbook).fill();
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private void fill() {
        notesSheet();
        Sheet intake = sheet("report.export.sheet.intake");
        Cursor cursor = new Cursor(intake);
        keyFigures(cursor);
        report.intake().forEach(t -> table(cursor, t));
        supportersSheet();
        for (Breakdown breakdown : ReportService.PROCESS_BREAKDOWNS) {
            Cursor process = new Cursor(sheet("report.export.sheet.process." + breakdown.name()));
            process.text(labels.msg("report.breakdown." + breakdown.name()), title);
            process.skip();
            report.process(breakdown).forEach(t -> table(process, t));
        }
        distributionsSheet();
        typesSheet();
        experiencesSheet();
    }

    // --- Cliëntervaringen T16–T18 ------------------------------------------------------------------

    private void experiencesSheet() {
        Cursor cursor = new Cursor(sheet("report.export.sheet.experiences"));
        cursor.text(labels.msg("report.section.experiences"), title);
        Report.Experiences experiences = report.experiences();
        switch (experiences.status()) {
            case NOT_PER_PRACTICE -> cursor.text(labels.msg("report.experiences.noPractice"), null);
            case TOO_FEW_OWN -> cursor.text(labels.msg("report.experiences.tooFew",
                    experiences.statistics().minimumOwn()), null);
            case SHOWN -> {
                var stats = experiences.statistics();
                cursor.text(labels.msg("report.experiences.responses", stats.responses()[stats.totalColumn()]), null);
                cursor.skip();
                cursor.text(labels.msg("report.table.t16"), title);
                Row header = cursor.next();
                text(header, 0, labels.msg("report.t16.item"), bold);
                List<String> columns = stats.columns();
                for (int c = 0; c < columns.size(); c++) {
                    String column = labels.column(columns.get(c));
                    text(header, 1 + 4 * c, column + " " + labels.msg("report.export.mean"), bold);
                    text(header, 2 + 4 * c, column + " SD", bold);
                    text(header, 3 + 4 * c, column + " n", bold);
                    text(header, 4 + 4 * c, column + " " + labels.msg("report.t16.below6"), bold);
                }
                for (var score : stats.scores()) {
                    Row row = cursor.next();
                    text(row, 0, labels.msg("report.t16." + score.item()), null);
                    for (int c = 0; c < columns.size(); c++) {
                        if (score.mean()[c] != null) {
                            number(row, 1 + 4 * c, score.mean()[c], decimal);
                        }
                        if (score.sd()[c] != null) {
                            number(row, 2 + 4 * c, score.sd()[c], decimal);
                        }
                        number(row, 3 + 4 * c, score.n()[c], count);
                        number(row, 4 + 4 * c, score.belowSix()[c], count);
                    }
                }
                cursor.skip();
                experiences.tables().forEach(t -> table(cursor, t));
            }
        }
    }

    // --- Toelichting -------------------------------------------------------------------------------

    private void notesSheet() {
        Sheet sheet = sheet("report.export.sheet.notes");
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 110 * 256);
        Cursor cursor = new Cursor(sheet);
        cursor.text(labels.msg("report.export.title"), title);
        cursor.skip();
        cursor.pair(labels.msg("report.export.period"), labels.msg("report.export.period.value",
                DAY.format(report.filter().from()), DAY.format(report.filter().to())));
        for (Map.Entry<String, String> filter : notes.filters()) {
            cursor.pair(filter.getKey(), filter.getValue());
        }
        cursor.pair(labels.msg("report.export.generated"),
                labels.msg("report.export.generated.at", GENERATED.format(notes.generatedAt())));
        cursor.skip();
        cursor.text(labels.msg("report.export.conventions"), bold);
        for (Population population : Population.values()) {
            cursor.pair(labels.msg("report.population." + population.name()),
                    labels.msg("report.export.population." + population.name()));
        }
        cursor.pair(labels.msg("report.export.breakdowns"), labels.msg("report.export.breakdowns.note"));
        cursor.pair(labels.msg("report.export.n") + " / " + labels.missing(), labels.msg("report.export.n.note"));
        cursor.pair(labels.msg("report.export.percentages"), labels.msg("report.export.percentages.note"));
        cursor.pair(labels.msg("report.multi"), labels.msg("report.multi.note"));
        cursor.pair(labels.msg("report.export.test"), labels.msg("report.pvalue.explained"));
    }

    // --- Tables --------------------------------------------------------------------------------------

    /** Title, header, one row per category, n, onbekend, the test line and an empty row. */
    private void table(Cursor cursor, ReportTable table) {
        String heading = labels.table(table) + " – " + labels.msg("report.population." + table.population().name());
        cursor.text(table.multiAnswer() ? heading + " (" + labels.msg("report.multi") + ")" : heading, title);
        Row header = cursor.next();
        text(header, 0, labels.msg("report.category"), bold);
        List<String> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            text(header, 1 + 2 * c, labels.column(columns.get(c)) + " " + labels.msg("report.count"), bold);
            text(header, 2 + 2 * c, labels.column(columns.get(c)) + " " + labels.msg("report.percent"), bold);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = cursor.next();
            text(row, 0, labels.row(table, table.rows().get(r)), null);
            for (int c = 0; c < columns.size(); c++) {
                number(row, 1 + 2 * c, table.counts()[r][c], count);
                if (table.n()[c] > 0) {
                    number(row, 2 + 2 * c, (double) table.counts()[r][c] / table.n()[c], percent);
                }
            }
        }
        totals(cursor.next(), labels.n(table), table.n());
        totals(cursor.next(), labels.missing(), table.missing());
        testLine(cursor, table);
        cursor.skip();
    }

    private void totals(Row row, String label, long[] values) {
        text(row, 0, label, bold);
        for (int c = 0; c < values.length; c++) {
            number(row, 1 + 2 * c, values[c], count);
        }
    }

    /** Method, χ², df and p as numbers, then the verdict; or why there is no test. */
    private void testLine(Cursor cursor, ReportTable table) {
        if (table.multiAnswer()) {
            cursor.text(labels.msg("report.multi.note"), null);
            return;
        }
        if (table.test().isEmpty()) {
            cursor.text(labels.msg("report.test.none"), null);
            return;
        }
        TestResult test = table.test().get();
        Row row = cursor.next();
        text(row, 0, test.method() == TestResult.Method.CHI_SQUARE ? labels.msg("report.export.method.CHI_SQUARE")
                : labels.msg("report.export.method.MONTE_CARLO", test.permutations()), null);
        text(row, 1, "χ²", bold);
        number(row, 2, test.statistic(), pValue);
        text(row, 3, "df", bold);
        number(row, 4, test.degreesOfFreedom(), count);
        text(row, 5, "p", bold);
        number(row, 6, test.pValue(), pValue);
        String verdict = labels.msg(test.pValue() < 0.05 ? "report.test.significant" : "report.test.notSignificant");
        text(row, 7, test.smallSample() ? verdict + " " + labels.msg("report.test.smallN") : verdict, null);
    }

    // --- Instroom: key figures -------------------------------------------------------------------

    private void keyFigures(Cursor cursor) {
        cursor.text(labels.msg("report.section.intake"), title);
        Report.Waiting waiting = report.waiting();
        cursor.count(labels.msg("report.openAtEnd"), report.openAtEnd());
        cursor.count(labels.msg("report.export.waiting.started"), waiting.started());
        cursor.count(labels.msg("report.export.waiting.known"), waiting.known());
        cursor.count(labels.msg("report.export.waiting.overFiveWeeks"), waiting.overFiveWeeks());
        cursor.decimal(labels.msg("report.export.waiting.meanDays"), waiting.meanDays());
        cursor.skip();
    }

    // --- Praktijkondersteuners -------------------------------------------------------------------

    private void supportersSheet() {
        Cursor cursor = new Cursor(sheet("report.export.sheet.supporters"));
        cursor.text(labels.msg("report.supporters.caption"), title);
        List<SupporterGroup> groups = report.supporters().groups();
        Row header = cursor.next();
        text(header, 0, labels.msg("report.category"), bold);
        for (int g = 0; g < groups.size(); g++) {
            text(header, 1 + g, labels.column(groups.get(g).functionType()), bold);
        }
        supporterRow(cursor, groups, "report.supporters.count", g -> (double) g.supporters(), count);
        for (String education : List.of("HBO", "WO", "WO_PLUS", "ANDERS")) {
            supporterRow(cursor, groups, "report.education." + education,
                    g -> (double) g.education().getOrDefault(education, 0L), count);
        }
        for (String experience : List.of("LT5", "6_10", "11_15", "GT15")) {
            supporterRow(cursor, groups, "report.group." + experience,
                    g -> (double) g.experience().getOrDefault(experience, 0L), count);
        }
        supporterRow(cursor, groups, "report.export.supporters.meanHours", SupporterGroup::meanHours, decimal);
        supporterRow(cursor, groups, "report.export.supporters.minHours", SupporterGroup::minHours, decimal);
        supporterRow(cursor, groups, "report.export.supporters.maxHours", SupporterGroup::maxHours, decimal);
        supporterRow(cursor, groups, "report.supporters.baseTeam", SupporterGroup::meanBaseTeamHours, decimal);
        supporterRow(cursor, groups, "report.export.supporters.practices", SupporterGroup::meanPractices, decimal);
        supporterRow(cursor, groups, "report.supporters.gps", SupporterGroup::meanGps, decimal);
        supporterRow(cursor, groups, "report.supporters.norm", SupporterGroup::meanNormPractices, decimal);
        supporterRow(cursor, groups, "report.supporters.weeks", SupporterGroup::meanRegistrationWeeks, decimal);
        supporterRow(cursor, groups, "report.export.supporters.newPerWeek", SupporterGroup::meanNewPerWeek, decimal);
        supporterRow(cursor, groups, "report.export.supporters.sdNewPerWeek", SupporterGroup::sdNewPerWeek, decimal);
        supporterRow(cursor, groups, "report.export.supporters.minNewPerWeek", SupporterGroup::minNewPerWeek, decimal);
        supporterRow(cursor, groups, "report.export.supporters.maxNewPerWeek", SupporterGroup::maxNewPerWeek, decimal);
    }

    private void supporterRow(Cursor cursor, List<SupporterGroup> groups, String key,
                              Function<SupporterGroup, Double> value, CellStyle style) {
        Row row = cursor.next();
        text(row, 0, labels.msg(key), null);
        for (int g = 0; g < groups.size(); g++) {
            Double v = value.apply(groups.get(g));
            if (v != null) {
                number(row, 1 + g, v, style);
            }
        }
    }

    // --- Verdelingen F1–F3 -------------------------------------------------------------------------

    private void distributionsSheet() {
        Cursor cursor = new Cursor(sheet("report.export.sheet.distributions"));
        Distribution boys = report.distributions().get("leeftijd_M");
        Distribution girls = report.distributions().get("leeftijd_V");
        cursor.text(labels.msg("report.f1.title"), title);
        Row header = cursor.next();
        text(header, 0, labels.msg("report.f1.x"), bold);
        text(header, 1, labels.msg("report.boys"), bold);
        text(header, 2, labels.msg("report.girls"), bold);
        for (int age = 0; age <= 23; age++) {
            Row row = cursor.next();
            number(row, 0, age, count);
            number(row, 1, boys.count(age), count);
            number(row, 2, girls.count(age), count);
        }
        Row n = cursor.next();
        text(n, 0, labels.msg("report.export.n"), bold);
        number(n, 1, boys.n(), count);
        number(n, 2, girls.n(), count);
        Row mean = cursor.next();
        text(mean, 0, labels.msg("report.export.mean"), bold);
        if (boys.mean() != null) {
            number(mean, 1, boys.mean(), decimal);
        }
        if (girls.mean() != null) {
            number(mean, 2, girls.mean(), decimal);
        }
        cursor.skip();
        frequencies(cursor, "report.f2", report.distributions().get("contacten"));
        frequencies(cursor, "report.f3", report.distributions().get("weken"));
    }

    /** Every value from 0 to the largest, with its count and share; then n and the mean. */
    private void frequencies(Cursor cursor, String key, Distribution distribution) {
        cursor.text(labels.msg(key + ".title"), title);
        Row header = cursor.next();
        text(header, 0, labels.msg(key + ".x"), bold);
        text(header, 1, labels.msg("report.axis.trajectories"), bold);
        text(header, 2, labels.msg("report.percent"), bold);
        long n = distribution.n();
        int max = distribution.max() == null ? -1 : distribution.max();
        for (int value = 0; value <= max; value++) {
            Row row = cursor.next();
            number(row, 0, value, count);
            number(row, 1, distribution.count(value), count);
            number(row, 2, (double) distribution.count(value) / n, percent);
        }
        Row total = cursor.next();
        text(total, 0, labels.msg("report.export.n"), bold);
        number(total, 1, n, count);
        Row mean = cursor.next();
        text(mean, 0, labels.msg("report.export.mean"), bold);
        if (distribution.mean() != null) {
            number(mean, 1, distribution.mean(), decimal);
        }
        cursor.skip();
    }

    // --- Trajecttypen ------------------------------------------------------------------------------

    private void typesSheet() {
        Cursor cursor = new Cursor(sheet("report.export.sheet.types"));
        cursor.text(labels.msg("report.f4.title"), title);
        cursor.text(labels.msg("report.types.intro", report.types().population(), report.types().clustered()), null);
        if (report.types().sampled()) {
            cursor.text(labels.msg("report.types.sampled", report.types().clustered()), null);
        }
        if (report.types().types().isEmpty()) {
            cursor.text(labels.msg("report.nodata"), null);
            return;
        }
        Row header = cursor.next();
        List<String> keys = List.of("report.type", "report.count", "report.percent", "report.type.weeks",
                "report.type.contacts", "report.type.bridging", "report.export.type.referred");
        for (int i = 0; i < keys.size(); i++) {
            text(header, i, labels.msg(keys.get(i)), bold);
        }
        for (TrajectoryType type : report.types().types()) {
            Row row = cursor.next();
            text(row, 0, labels.msg("report.type." + type.name().name()), null);
            number(row, 1, type.count(), count);
            number(row, 2, type.share(), percent);
            number(row, 3, type.meanDurationWeeks(), decimal);
            number(row, 4, type.meanContacts(), decimal);
            number(row, 5, type.shareBridging(), percent);
            number(row, 6, type.shareReferred(), percent);
        }
    }

    // --- Cells ---------------------------------------------------------------------------------------

    private Sheet sheet(String key) {
        Sheet sheet = workbook.createSheet(sheetName(labels.msg(key), sheetNames));
        sheet.setColumnWidth(0, 48 * 256);
        for (int c = 1; c <= 12; c++) {
            sheet.setColumnWidth(c, 17 * 256);
        }
        return sheet;
    }

    /**
     * A valid sheet name (at most {@value #MAX_SHEET_NAME} characters, none of {@code \ / ? * [ ] :})
     * not yet in {@code taken} (compared as Excel does, ignoring case); a clash gets " (2)", " (3)", ...
     */
    static String sheetName(String wanted, Set<String> taken) {
        String safe = WorkbookUtil.createSafeSheetName(wanted, '-');
        String name = safe;
        for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** Writes rows one after another down a sheet. */
    private final class Cursor {

        private final Sheet sheet;
        private int next;

        Cursor(Sheet sheet) {
            this.sheet = sheet;
        }

        Row next() {
            return sheet.createRow(next++);
        }

        void skip() {
            next++;
        }

        void text(String value, CellStyle style) {
            ReportWorkbook.text(next(), 0, value, style);
        }

        /** A label in bold and its text, wrapped (the Toelichting's long explanations). */
        void pair(String label, String value) {
            Row row = next();
            ReportWorkbook.text(row, 0, label, bold);
            ReportWorkbook.text(row, 1, value, wrap);
        }

        void count(String label, long value) {
            Row row = next();
            ReportWorkbook.text(row, 0, label, null);
            number(row, 1, value, count);
        }

        void decimal(String label, Double value) {
            Row row = next();
            ReportWorkbook.text(row, 0, label, null);
            if (value != null) {
                number(row, 1, value, decimal);
            }
        }
    }
}
