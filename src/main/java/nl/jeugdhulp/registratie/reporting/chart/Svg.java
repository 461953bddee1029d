package nl.jeugdhulp.registratie.reporting.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for writing SVG text: escaping, locale-independent numbers, text width and wrapping. */
final class Svg {

    /** Average advance of a sans-serif glyph in em; generous so that estimates rather overrate widths. */
    private static final double EM_PER_CHAR = 0.6;

    private Svg() {
    }

    /**
     * Escapes text for XML content and attribute values (&amp;, &lt;, &gt;, &quot;, &apos;) and drops
     * characters that XML 1.0 does not allow (control characters, unpaired surrogates).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate with at most three decimals and a decimal point, whatever the default locale. */
    static String num(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** Estimated width of a text in user units at a font size. */
    static double width(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * EM_PER_CHAR;
    }

    /**
     * Greedy word wrap to lines of at most {@code maxWidth}; a single word longer than that gets a line of
     * its own. The last allowed line takes all remaining words.
     */
    static List<String> wrap(String text, double maxWidth, double fontSize, int maxLines) {
        String[] words = text.trim().split("\\s+");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.isEmpty()) {
                line.append(word);
            } else if (lines.size() < maxLines - 1 && width(line + " " + word, fontSize) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line.append(' ').append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
