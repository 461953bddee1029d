package nl.jeugdhulp.registratie.exchange;

import java.util.List;
import java.util.function.Function;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Code;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Column;

/**
 * The syntax files that go with {@code trajecten.csv} in the ZIP: {@code trajecten.sps} for SPSS
 * (GET DATA with a type per variable, VARIABLE LABELS and VALUE LABELS for every coded and 0/1
 * column) and {@code trajecten.R} for R (read.csv with colClasses, factor() with the Dutch labels for
 * coded columns, a "label" attribute per column and haven-style "labels" on the 0/1 columns).
 * Both are generated from {@link ExchangeColumns}, so they always match the CSV.
 */
final class ExportScripts {

    private final Function<String, String> messages;

    /** {@code messages} resolves a message key to its Dutch text. */
    ExportScripts(Function<String, String> messages) {
        this.messages = messages;
    }

    /** The Dutch label of a column, with the option for a 0/1 column of a multi-answer question. */
    String label(Column column) {
        return column.optionLabelKey() == null ? column.label()
                : column.label() + ": " + messages.apply(column.optionLabelKey());
    }

    String spss(List<Column> columns) {
        StringBuilder sps = new StringBuilder();
        sps.append("* Encoding: UTF-8.\n")
                .append("* Leest trajecten.csv (registratiebestand Jeugdhulp bij de Huisarts) in SPSS.\n")
                .append("* Zet deze syntax in dezelfde map als trajecten.csv of pas het pad bij /FILE aan.\n")
                .append("SET UNICODE=ON.\n")
                .append("GET DATA\n  /TYPE=TXT\n  /FILE='trajecten.csv'\n  /ENCODING='UTF8'\n")
                .append("  /DELCASE=LINE\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n")
                .append("  /FIRSTCASE=2\n  /VARIABLES=\n");
        for (Column column : columns) {
            sps.append("    ").append(column.name()).append(' ').append(spssFormat(column)).append('\n');
        }
        sps.append(".\nCACHE.\nEXECUTE.\nDATASET NAME trajecten WINDOW=FRONT.\n\nVARIABLE LABELS\n");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            sps.append(i == 0 ? "  " : "  /").append(column.name()).append(' ').append(spssString(label(column))).append('\n');
        }
        sps.append(".\n\nVALUE LABELS\n");
        boolean first = true;
        for (Column column : columns) {
            if (column.codes().isEmpty()) {
                continue;
            }
            sps.append(first ? "  " : "  /").append(column.name());
            first = false;
            for (Code code : column.codes()) {
                String value = column.type() == ExchangeColumns.Type.BOOLEAN01 ? code.value() : spssString(code.value());
                sps.append("\n    ").append(value).append(' ').append(spssString(messages.apply(code.labelKey())));
            }
            sps.append('\n');
        }
        sps.append(".\n\nEXECUTE.\n");
        return sps.toString();
    }

    String r(List<Column> columns) {
        StringBuilder r = new StringBuilder();
        r.append("# Leest trajecten.csv (registratiebestand Jeugdhulp bij de Huisarts) in R.\n")
                .append("# Zet dit script in dezelfde map als trajecten.csv, of pas het pad aan.\n")
                .append("trajecten <- read.csv(\"trajecten.csv\", fileEncoding = \"UTF-8\", na.strings = \"\",\n")
                .append("                      stringsAsFactors = FALSE, check.names = FALSE,\n")
                .append("                      colClasses = c(\n");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            r.append("                        ").append(column.name()).append(" = ").append(rString(rClass(column)))
                    .append(i < columns.size() - 1 ? ",\n" : "))\n");
        }
        r.append("\n# Gecodeerde kolommen als factor met de Nederlandse omschrijving.\n");
        for (Column column : columns) {
            if (column.type() != ExchangeColumns.Type.CODE) {
                continue;
            }
            r.append("trajecten$").append(column.name()).append(" <- factor(trajecten$").append(column.name())
                    .append(",\n  levels = c(").append(join(column.codes(), c -> rString(c.value())))
                    .append("),\n  labels = c(").append(join(column.codes(), c -> rString(messages.apply(c.labelKey()))))
                    .append("))\n");
        }
        r.append("\n# Omschrijving per kolom; bij 0/1-kolommen ook de betekenis van 0 en 1.\n");
        for (Column column : columns) {
            r.append("attr(trajecten$").append(column.name()).append(", \"label\") <- ").append(rString(label(column))).append('\n');
            if (column.type() == ExchangeColumns.Type.BOOLEAN01) {
                r.append("attr(trajecten$").append(column.name()).append(", \"labels\") <- c(")
                        .append(join(column.codes(), c -> rString(messages.apply(c.labelKey())) + " = " + c.value()))
                        .append(")\n");
            }
        }
        return r.toString();
    }

    private static String spssFormat(Column column) {
        return switch (column.type()) {
            case DATE -> "SDATE10";
            case INTEGER -> "F8.0";
            case DECIMAL -> "F8.2";
            case BOOLEAN01 -> "F1.0";
            case CODE -> "A" + column.codes().stream().mapToInt(c -> c.value().length()).max().orElse(1);
            case TEXT -> column.freeText() ? "A2000" : "A150";
        };
    }

    private static String rClass(Column column) {
        return switch (column.type()) {
            case DATE -> "Date";
            case INTEGER, BOOLEAN01 -> "integer";
            case DECIMAL -> "numeric";
            case CODE, TEXT -> "character";
        };
    }

    private static String join(List<Code> codes, Function<Code, String> part) {
        return String.join(", ", codes.stream().map(part).toList());
    }

    static String spssString(String text) {
        return "'" + text.replace("'", "''").replace('\n', ' ') + "'";
    }

    static String rString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

}
