package nl.jeugdhulp.registratie.summary;

import java.time.LocalDate;
import java.util.List;

/**
 * A municipal pilot summary, ready to show or download: every label in the reader's language, every
 * count as published (suppressed for a municipality). The same object feeds page, PDF, XLSX and CSV.
 */
record Summary(List<PilotChoice> pilots, LocalDate from, LocalDate to, boolean suppressed, int minCell, Figure seen,
               Figure closed, String closedWithoutReferral, List<Table> tables, CostView cost) {

    /** A day as the Dutch write it: 01-11-2020. */
    static String day(LocalDate date) {
        return String.format("%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** A row of a table; {@code percent} is empty when not published; {@code extra} e.g. a mean age. */
    record Line(String label, Figure count, String percent, String extra) {
    }

    /**
     * A table: lines with their counts and percentages of {@code total}. {@code multiAnswer} tables
     * count a trajectory in every line that applies, so their percentages add up to more than 100.
     */
    record Table(String id, String title, String note, String totalLabel, Figure total, List<Line> lines,
                 boolean multiAnswer, String extraLabel, String chart) {
    }

    /**
     * The cost-benefit estimate. {@code missingPilots} names pilots without assumptions (then nothing
     * is computed); amounts are formatted, and empty when derived from a hidden count.
     */
    record CostView(List<String> missingPilots, Figure zelf, Figure voorliggend, Figure valued, String months,
                    List<String> amountsUsed, Amounts period, Amounts year) {

        public boolean computed() {
            return missingPilots.isEmpty();
        }
    }

    record Amounts(String baten, String staff, String housing, String net) {
    }
}
