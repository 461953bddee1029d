package nl.jeugdhulp.registratie.reporting;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Frequencies of a whole-number variable (contacts, weeks, age): value -> count. */
public record Distribution(SortedMap<Integer, Long> frequencies) {

    public Distribution(Map<Integer, Long> frequencies) {
        this(new TreeMap<>(frequencies));
    }

    public long n() {
        return frequencies.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(int value) {
        return frequencies.getOrDefault(value, 0L);
    }

    /** Share (0..100, whole percent half up) of values at most {@code max}; null without data. */
    public Long cumulativePercent(int max) {
        long n = n();
        if (n == 0) {
            return null;
        }
        long upTo = frequencies.headMap(max + 1).values().stream().mapToLong(Long::longValue).sum();
        return Math.round(100.0 * upTo / n);
    }

    public Integer max() {
        return frequencies.isEmpty() ? null : frequencies.lastKey();
    }

    public Double mean() {
        long n = n();
        if (n == 0) {
            return null;
        }
        double sum = frequencies.entrySet().stream().mapToDouble(e -> (double) e.getKey() * e.getValue()).sum();
        return sum / n;
    }
}
