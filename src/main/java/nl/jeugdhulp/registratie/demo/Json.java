package nl.jeugdhulp.registratie.demo;

import java.util.List;

/** A minimal writer of a JSON array of flat objects, for bulk inserts with {@code json_populate_recordset}. */
final class Json {

    private final StringBuilder out = new StringBuilder("[");
    private boolean firstObject = true;
    private boolean firstField;

    Json object() {
        out.append(firstObject ? "{" : ",{");
        firstObject = false;
        firstField = true;
        return this;
    }

    /** Adds a field unless the value is {@code null} (a missing field becomes SQL NULL). */
    Json field(String name, Object value) {
        if (value == null) {
            return this;
        }
        if (!firstField) {
            out.append(',');
        }
        firstField = false;
        string(name);
        out.append(':');
        if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(list.get(i).toString());
            }
            out.append(']');
        } else {
            string(value.toString()); // strings, dates and timestamps in ISO form
        }
        return this;
    }

    Json end() {
        out.append('}');
        return this;
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out + "]";
    }
}
