package nl.jeugdhulp.registratie.exchange;

import java.util.List;
import java.util.function.Function;
import nl.jeugdhulp.registratie.exchange.ExchangeColumns.Column;

/**
 * The syntax files that go with {@code trajecten.csv} in the ZIP: {@code trajecten.sps} for SPSS
 * (GET DATA with a type per variable, VARIABLE LABELS and VALUE LABELS for every coded, CAP-J and
 * 0/1 column) and {@code trajecten.R} for R (read.csv with colClasses, factor() with the Dutch
 * labels for coded and CAP-J columns, a "label" attribute per column and haven-style "labels" on
 * the 0/1 columns). Both are generated from {@link ExchangeColumns} and the CAP-J list of the
 * moment, so they always match the CSV. Labels are user data (an administrator names CAP-J codes):
 * every label is written as a quoted literal with the quote character escaped.
 */
final class ExportScripts {

    /** A value as written in the file and its Dutch meaning. */
    record ValueLabel(String value, String label) {
    }

    private final Function<String, String> messages;
    private final List<ValueLabel> capj;

    /** {@code messages} resolves a message key to its Dutch text; {@code capj} is the CAP-J list (file form, label). */
    ExportScripts(Function<String, String> messages, List<ValueLabel> capj) {
        this.messages = messages;
        this.capj = List.copyOf(capj);
    }

    /** The Dutch label of a column, with the option for a 0/1 column of a multi-answer question. */
    String label(Column column) {
        return column.optionLabelKey() == null ? column.label()
                : column.label() + ": " + messages.apply(column.optionLabelKey());
    }

    /** The values a column may hold with their Dutch meaning: its codes, or the CAP-J list for capj_1..5. */
    List<ValueLabel> values(Column column) {
        if (ExchangeColumns.isCapj(column)) {
            return capj;
        }
        return column.codes().stream().map(c -> new ValueLabel(c.value(), messages.apply(c.labelKey()))).toList();
    }

    String spss(List<Column> columns) {
        StringBuilder sps = new StringBuilder();
        sps.append("* Encoding: UTF-8.\n")
                .append("* Leest trajecten.csv (registratiebestand Jeugdhulp bij de Huisarts) in SPSS.\n")
                .append("* Zet deze syntax in dezelfde map als trajecten.csv of pas het pad bij /FILE aan.\n")
                .append("* Een lege cel bij geslacht betekent onbekend (waardelabel bij de lege waarde).\n")
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
        boolean capjDone = false;
        for (Column column : columns) {
            List<ValueLabel> values = values(column);
            if (values.isEmpty() || ExchangeColumns.isCapj(column) && capjDone) {
                continue;
            }
            sps.append(first ? "  " : "  /");
            first = false;
            if (ExchangeColumns.isCapj(column)) {
                // One list for all CAP-J columns: SPSS takes several variables before the value labels.
                capjDone = true;
                sps.append(String.join(" ", columns.stream().filter(ExchangeColumns::isCapj).map(Column::name).toList()));
            } else {
                sps.append(column.name());
            }
            for (ValueLabel value : values) {
                sps.append("\n    ").append(spssValue(column, value.value())).append(' ').append(spssString(value.label()));
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
                .append("# Het bestand is UTF-8 met komma als scheidingsteken; een lege cel wordt NA.\n")
                .append("trajecten <- read.csv(\"trajecten.csv\", sep = \",\", fileEncoding = \"UTF-8\", na.strings = \"\",\n")
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
            List<ValueLabel> values = values(column);
            if (values.stream().anyMatch(v -> v.value().isEmpty())) {
                // Here an empty cell is a code of its own (geslacht: onbekend), not a missing value.
                r.append("trajecten$").append(column.name()).append("[is.na(trajecten$").append(column.name())
                        .append(")] <- \"\"\n");
            }
            r.append("trajecten$").append(column.name()).append(" <- factor(trajecten$").append(column.name())
                    .append(",\n  levels = c(").append(join(values, v -> rString(v.value())))
                    .append("),\n  labels = c(").append(join(values, v -> rString(v.label())))
                    .append("))\n");
        }
        List<String> capjColumns = columns.stream().filter(ExchangeColumns::isCapj).map(Column::name).toList();
        if (!capjColumns.isEmpty() && !capj.isEmpty()) {
            // Labels get their code in front: two CAP-J codes may share a label, and factor() would merge them.
            r.append("\n# CAP-J-kolommen als factor; de omschrijving begint met de code.\n")
                    .append("capj_codes <- c(").append(join(capj, v -> rString(v.value()))).append(")\n")
                    .append("capj_labels <- c(").append(join(capj, v -> rString(v.value() + " " + v.label()))).append(")\n")
                    .append("for (kolom in c(").append(String.join(", ", capjColumns.stream().map(ExportScripts::rString).toList()))
                    .append(")) {\n  trajecten[[kolom]] <- factor(trajecten[[kolom]], levels = capj_codes, labels = capj_labels)\n}\n");
        }
        r.append("\n# Omschrijving per kolom; bij 0/1-kolommen ook de betekenis van 0 en 1.\n");
        for (Column column : columns) {
            r.append("attr(trajecten$").append(column.name()).append(", \"label\") <- ").append(rString(label(column))).append('\n');
            if (column.type() == ExchangeColumns.Type.BOOLEAN01) {
                r.append("attr(trajecten$").append(column.name()).append(", \"labels\") <- c(")
                        .append(join(values(column), v -> rString(v.label()) + " = " + v.value()))
                        .append(")\n");
            }
        }
        return r.toString();
    }

    private String spssFormat(Column column) {
        if (ExchangeColumns.isCapj(column)) {
            return "A" + Math.max(5, capj.stream().mapToInt(v -> v.value().length()).max().orElse(5));
        }
        return switch (column.type()) {
            case DATE -> "SDATE10";
            case INTEGER -> "F8.0";
            case DECIMAL -> "F8.2";
            case BOOLEAN01 -> "F1.0";
            case CODE -> "A" + column.codes().stream().mapToInt(c -> c.value().length()).max().orElse(1);
            case TEXT -> column.freeText() ? "A2000" : "A150";
        };
    }

    /** A value in VALUE LABELS: a number for 0/1 columns, else a quoted string; the empty cell is a blank string. */
    private static String spssValue(Column column, String value) {
        if (column.type() == ExchangeColumns.Type.BOOLEAN01) {
            return value;
        }
        return value.isEmpty() ? "' '" : spssString(value);
    }

    private static String rClass(Column column) {
        return switch (column.type()) {
            case DATE -> "Date";
            case INTEGER, BOOLEAN01 -> "integer";
            case DECIMAL -> "numeric";
            case CODE, TEXT -> "character";
        };
    }

    private static String join(List<ValueLabel> values, Function<ValueLabel, String> part) {
        return String.join(", ", values.stream().map(part).toList());
    }

    /** An SPSS string literal: apostrophes doubled, line breaks (which end a command line) as spaces. */
    static String spssString(String text) {
        return "'" + text.replace("'", "''").replace("\r", " ").replace('\n', ' ') + "'";
    }

    /** An R string literal: backslash and double quote escaped, line breaks as \n. */
    static String rString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + '"';
    }

}
