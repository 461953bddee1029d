package nl.jeugdhulp.registratie.questionnaire;

import java.util.List;

/**
 * Aggregates of questionnaire responses per function type and in total (the last column): T16
 * (items 1–3: n, mean, SD, number below 6), T17 (goal attainment) and T18 (the three statements).
 * When a supporter looks at their own responses, everything is {@code hidden} below
 * {@value QuestionnaireStatistics#MINIMUM_OWN} responses, and an item's column answered by fewer
 * than that is blanked (n 0, no counts) and marked {@code suppressed}, so no single answer can be
 * recognised.
 */
public record ResponseStatistics(List<String> columns, boolean hidden, long[] responses, List<Score> scores,
                                 Levels goalAttainment, List<Levels> statements) {

    /** Items 1–3 (0–10): per column n, mean and sample SD (null below 1 and 2 answers), answers below 6. */
    public record Score(String item, long[] n, Double[] mean, Double[] sd, long[] belowSix, boolean suppressed) {
    }

    /** An item with levels: {@code counts[level][column]}, n (answered) and missing (left empty) per column. */
    public record Levels(String item, List<String> levels, long[][] counts, long[] n, long[] missing,
                         boolean suppressed) {
    }

    /** The fewest responses (and answers per item) a supporter sees aggregates of. */
    public int minimumOwn() {
        return QuestionnaireStatistics.MINIMUM_OWN;
    }

    public int totalColumn() {
        return columns.size() - 1;
    }
}
