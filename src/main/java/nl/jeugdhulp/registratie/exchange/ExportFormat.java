package nl.jeugdhulp.registratie.exchange;

/** The containers of an export: one XLSX workbook, or a ZIP of CSV files with SPSS and R scripts. */
public enum ExportFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ZIP("zip", "application/zip");

    final String extension;
    final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }
}
