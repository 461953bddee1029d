package nl.jeugdhulp.registratie.summary;

import static nl.jeugdhulp.registratie.summary.SmallNumbers.State.HIDDEN;
import static nl.jeugdhulp.registratie.summary.SmallNumbers.State.SHOWN;
import static nl.jeugdhulp.registratie.summary.SmallNumbers.State.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdhulp.registratie.summary.SmallNumbers.Group;
import nl.jeugdhulp.registratie.summary.SmallNumbers.State;
import org.junit.jupiter.api.Test;

/**
 * Small-number suppression: which cells are hidden, and (by trying every value a reader could put in
 * the hidden cells) that no hidden count follows from the published counts and totals.
 */
class SmallNumbersTest {

    private final SmallNumbers k5 = new SmallNumbers(5);

    @Test
    void countsFromOneToFourAreSmallZeroAndFiveAndMoreAreShown() {
        Map<String, State> states = k5.suppress(cells("a", 0, "b", 1, "c", 4, "d", 5, "e", 120), List.of());
        assertThat(states).containsExactly(Map.entry("a", SHOWN), Map.entry("b", SMALL), Map.entry("c", SMALL),
                Map.entry("d", SHOWN), Map.entry("e", SHOWN));
    }

    @Test
    void theMinimumIsConfigurable() {
        assertThat(new SmallNumbers(10).suppress(cells("a", 9, "b", 10), List.of()))
                .containsExactly(Map.entry("a", SMALL), Map.entry("b", SHOWN));
    }

    @Test
    void aSingleSmallCellUnderAPublishedTotalTakesTheNextSmallestWithIt() {
        // Boys 40, girls 52, X 3, unknown 0; total 95: X alone could be recomputed as 95 - 40 - 52.
        Map<String, Long> cells = cells("m", 40, "v", 52, "x", 3, "o", 0, "total", 95);
        Map<String, State> states = k5.suppress(cells, List.of(new Group("total", List.of("m", "v", "x", "o"))));
        assertThat(states).containsEntry("x", SMALL).containsEntry("m", HIDDEN).containsEntry("v", SHOWN)
                .containsEntry("o", SHOWN).containsEntry("total", SHOWN);
    }

    @Test
    void twoSmallCellsThatMustBothBeOneAreNotEnough() {
        // 1 + 1 + 10 = 12: two hidden cells of 1..4 summing to 2 can only be 1 and 1.
        Map<String, Long> cells = cells("a", 1, "b", 1, "c", 10, "total", 12);
        Map<String, State> states = k5.suppress(cells, List.of(new Group("total", List.of("a", "b", "c"))));
        assertThat(states).containsEntry("a", SMALL).containsEntry("b", SMALL).containsEntry("c", HIDDEN);
        assertDerivesNothing(cells, List.of(new Group("total", List.of("a", "b", "c"))), states, 5);
    }

    @Test
    void oneAndFiveAddingUpToSixAreTakenWithAThirdCell() {
        // Hiding 1 and 5 leaves 6 for two cells, one of 1..4 and one of at least 5: only 1 + 5 fits.
        Map<String, Long> cells = cells("a", 1, "b", 5, "c", 9, "d", 30, "total", 45);
        List<Group> groups = List.of(new Group("total", List.of("a", "b", "c", "d")));
        Map<String, State> states = k5.suppress(cells, groups);
        assertThat(states).containsEntry("a", SMALL).containsEntry("b", HIDDEN).containsEntry("c", HIDDEN)
                .containsEntry("d", SHOWN);
        assertDerivesNothing(cells, groups, states, 5);
    }

    @Test
    void whenHidingEveryCellIsNotEnoughTheTotalGoesToo() {
        Map<String, Long> cells = cells("a", 1, "b", 5, "total", 6);
        List<Group> groups = List.of(new Group("total", List.of("a", "b")));
        assertThat(k5.suppress(cells, groups)).containsEntry("a", SMALL).containsEntry("b", HIDDEN)
                .containsEntry("total", HIDDEN);
    }

    @Test
    void aSmallTotalHidesItselfAndNeedsNoMore() {
        Map<String, Long> cells = cells("a", 3, "b", 0, "total", 3);
        List<Group> groups = List.of(new Group("total", List.of("a", "b")));
        assertThat(k5.suppress(cells, groups)).containsEntry("a", SMALL).containsEntry("b", SHOWN)
                .containsEntry("total", SMALL);
    }

    @Test
    void nothingSmallNothingHidden() {
        Map<String, Long> cells = cells("a", 5, "b", 0, "c", 7, "total", 12);
        assertThat(k5.suppress(cells, List.of(new Group("total", List.of("a", "b", "c")))).values()).containsOnly(SHOWN);
    }

    @Test
    void aCellSharedByTwoGroupsIsHiddenInBoth() {
        // The summary's shape: outcome (zelf, referred after clarification, after treatment, other) adds up
        // to the closed total; zelf + referred only to the voorliggend veld adds up to the valued trajectories.
        Map<String, Long> cells = cells("zelf", 30, "vraag", 12, "behandeling", 2, "anders", 7, "closed", 51,
                "voorliggend", 3, "baten", 33);
        List<Group> groups = List.of(new Group("closed", List.of("zelf", "vraag", "behandeling", "anders")),
                new Group("baten", List.of("zelf", "voorliggend")));
        Map<String, State> states = k5.suppress(cells, groups);
        assertThat(states).containsEntry("behandeling", SMALL).containsEntry("voorliggend", SMALL)
                .containsEntry("anders", HIDDEN).containsEntry("zelf", HIDDEN);
        assertDerivesNothing(cells, groups, states, 5);
        assertEveryGroupHidesNoneOrTwoOrItsTotal(groups, states);
    }

    /** Rows and columns with their totals: every row, every column and the grand total is a group. */
    @Test
    void handMadeTablesWithRowAndColumnTotalsRevealNoHiddenCount() {
        long[][][] tables = {
                {{12, 3, 20}, {8, 15, 9}, {0, 7, 30}},
                {{1, 1, 10}, {6, 9, 14}},
                {{4, 25}, {30, 2}},
                {{0, 2, 0}, {11, 0, 13}, {5, 6, 1}},
                {{1, 5, 9, 30}, {22, 7, 2, 40}},
                {{3, 3}, {3, 3}},
        };
        for (long[][] table : tables) {
            Map<String, Long> cells = new LinkedHashMap<>();
            List<Group> groups = new ArrayList<>();
            int rows = table.length;
            int columns = table[0].length;
            long grand = 0;
            for (int r = 0; r < rows; r++) {
                long rowTotal = 0;
                List<String> members = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.put(r + "," + c, table[r][c]);
                    members.add(r + "," + c);
                    rowTotal += table[r][c];
                }
                cells.put("row" + r, rowTotal);
                groups.add(new Group("row" + r, members));
                grand += rowTotal;
            }
            for (int c = 0; c < columns; c++) {
                long columnTotal = 0;
                List<String> members = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    columnTotal += table[r][c];
                    members.add(r + "," + c);
                }
                cells.put("col" + c, columnTotal);
                groups.add(new Group("col" + c, members));
            }
            cells.put("grand", grand);
            List<String> rowTotals = new ArrayList<>();
            List<String> columnTotals = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                rowTotals.add("row" + r);
            }
            for (int c = 0; c < columns; c++) {
                columnTotals.add("col" + c);
            }
            groups.add(new Group("grand", rowTotals));
            groups.add(new Group("grand", columnTotals));

            Map<String, State> states = k5.suppress(cells, groups);
            assertThat(cells.entrySet()).allSatisfy(e -> {
                if (e.getValue() >= 1 && e.getValue() < 5) {
                    assertThat(states.get(e.getKey())).as(e.getKey()).isNotEqualTo(SHOWN);
                }
            });
            assertEveryGroupHidesNoneOrTwoOrItsTotal(groups, states);
            assertDerivesNothing(cells, groups, states, 5);
        }
    }

    /** The rule the issue names: per group with a published total, zero or at least two hidden cells. */
    static void assertEveryGroupHidesNoneOrTwoOrItsTotal(List<Group> groups, Map<String, State> states) {
        for (Group group : groups) {
            long hidden = group.members().stream().filter(m -> states.get(m) != SHOWN).count();
            assertThat(states.get(group.total()) != SHOWN || hidden == 0 || hidden >= 2)
                    .as("group " + group.total() + " " + group.members()).isTrue();
        }
    }

    /**
     * For every hidden cell, searches for values a reader could put in the hidden cells (a "&lt;5"
     * cell 1..4, a hidden cell 5 and more) that agree with every published count and total but give
     * that cell another value than its real one. Finding one proves the cell cannot be derived.
     */
    static void assertDerivesNothing(Map<String, Long> cells, List<Group> groups, Map<String, State> states, int k) {
        List<String> unknown = cells.keySet().stream().filter(c -> states.get(c) != SHOWN).toList();
        long max = cells.entrySet().stream().filter(e -> states.get(e.getKey()) == SHOWN)
                .mapToLong(Map.Entry::getValue).max().orElse(0) + k;
        for (String cell : unknown) {
            Map<String, Long> assignment = new HashMap<>();
            cells.forEach((key, value) -> {
                if (states.get(key) == SHOWN) {
                    assignment.put(key, value);
                }
            });
            Map<String, long[]> domains = new HashMap<>();
            for (String u : unknown) {
                long high = states.get(u) == SMALL ? k - 1 : max;
                for (Group group : groups) {
                    if (group.members().contains(u) && states.get(group.total()) == SHOWN) {
                        high = Math.min(high, cells.get(group.total()));
                    }
                }
                domains.put(u, new long[] {states.get(u) == SMALL ? 1 : k, high});
            }
            assertThat(search(0, unknown, assignment, domains, groups, cell, cells.get(cell)))
                    .as("hidden cell " + cell + " (really " + cells.get(cell) + ") can take another value").isTrue();
        }
    }

    /** Depth-first: a complete assignment agreeing with every group, with {@code cell} != {@code real}. */
    private static boolean search(int index, List<String> unknown, Map<String, Long> assignment,
                                  Map<String, long[]> domains, List<Group> groups, String cell, long real) {
        for (Group group : groups) {
            if (!assignment.containsKey(group.total())) {
                continue;
            }
            long low = 0;
            long high = 0;
            for (String member : group.members()) {
                Long value = assignment.get(member);
                low += value != null ? value : domains.get(member)[0];
                high += value != null ? value : domains.get(member)[1];
            }
            long total = assignment.get(group.total());
            if (total < low || total > high) {
                return false;
            }
        }
        if (index == unknown.size()) {
            return true;
        }
        String u = unknown.get(index);
        for (long value = domains.get(u)[0]; value <= domains.get(u)[1]; value++) {
            if (u.equals(cell) && value == real) {
                continue;
            }
            assignment.put(u, value);
            if (search(index + 1, unknown, assignment, domains, groups, cell, real)) {
                assignment.remove(u);
                return true;
            }
        }
        assignment.remove(u);
        return false;
    }

    private static Map<String, Long> cells(Object... keysAndValues) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            cells.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
        }
        return cells;
    }
}
