package nl.jeugdhulp.registratie.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-number suppression for what a municipality sees. A count from 1 to k−1 is shown as "&lt;k"
 * (primary suppression). Where counts add up to a published total (a group), a reader could
 * recompute a hidden count from the total and the visible ones, so more cells are hidden
 * (complementary suppression): the smallest visible non-zero count of the group, then the next,
 * until every hidden count can still take at least two values, knowing what a reader knows (a
 * "&lt;k" count is 1..k−1, a complementary hidden count is at least k, a visible zero is zero). If
 * even hiding every count is not enough, the total is hidden too. Groups that share a
 * cell, and rows and columns of one table, are checked together: bounds on every hidden cell are
 * narrowed from all totals until nothing changes, and while any hidden cell is pinned to one value
 * another cell around it is hidden. Zeros are never hidden: they reveal no person.
 */
final class SmallNumbers {

    /** How a cell is published. */
    enum State {
        /** The number itself. */
        SHOWN,
        /** Primary suppression: a count from 1 to k−1, shown as "&lt;k". */
        SMALL,
        /** Complementary suppression: shown as a mark, so the small ones cannot be recomputed. */
        HIDDEN
    }

    /** Cells that add up to a total cell: {@code total = sum(members)}. */
    record Group(String total, List<String> members) {
        Group {
            members = List.copyOf(members);
        }
    }

    private final int k;

    SmallNumbers(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("minimum cell size must be at least 1: " + k);
        }
        this.k = k;
    }

    int minCell() {
        return k;
    }

    /** Every cell (by key) with how it may be published. Cells of a group must all be in {@code cells}. */
    Map<String, State> suppress(Map<String, Long> cells, List<Group> groups) {
        Map<String, State> state = new LinkedHashMap<>();
        cells.forEach((key, value) -> state.put(key, value >= 1 && value < k ? State.SMALL : State.SHOWN));
        boolean hidMore = true;
        while (hidMore) {
            hidMore = false;
            for (String cell : disclosed(cells, groups, state)) {
                if (hideMore(cell, cells, groups, state)) {
                    hidMore = true;
                    break;
                }
            }
        }
        return state;
    }

    /**
     * Hides one more cell of a group around a cell a reader could recompute: the smallest visible
     * non-zero member of such a group, or else that group's total.
     */
    private static boolean hideMore(String disclosed, Map<String, Long> cells, List<Group> groups,
                                    Map<String, State> state) {
        String best = null;
        String fallbackTotal = null;
        for (Group group : groups) {
            if (!group.members().contains(disclosed) && !group.total().equals(disclosed)) {
                continue;
            }
            for (String member : group.members()) {
                long value = cells.get(member);
                if (state.get(member) == State.SHOWN && value > 0 && (best == null || value < cells.get(best))) {
                    best = member;
                }
            }
            if (fallbackTotal == null && state.get(group.total()) == State.SHOWN) {
                fallbackTotal = group.total();
            }
        }
        String hide = best != null ? best : fallbackTotal;
        if (hide == null) {
            return false;
        }
        state.put(hide, State.HIDDEN);
        return true;
    }

    /**
     * The hidden cells whose value a reader can work out. The reader's knowledge: a shown cell
     * is its value, a "&lt;k" cell is 1..k−1, a hidden cell at least k; every group adds up. Bounds are
     * narrowed group by group until nothing changes (what row and column totals reveal together);
     * a hidden cell whose bounds meet is disclosed.
     */
    List<String> disclosed(Map<String, Long> cells, List<Group> groups, Map<String, State> state) {
        Map<String, long[]> bounds = new LinkedHashMap<>();
        cells.forEach((key, value) -> bounds.put(key, switch (state.get(key)) {
            case SHOWN -> new long[] {value, value};
            case SMALL -> new long[] {1, k - 1};
            case HIDDEN -> new long[] {k, UNBOUNDED};
        }));
        boolean narrowed = true;
        for (int round = 0; narrowed && round < 1000; round++) {
            narrowed = false;
            for (Group group : groups) {
                narrowed |= narrow(group, bounds);
            }
        }
        return cells.keySet().stream().filter(key -> state.get(key) != State.SHOWN)
                .filter(key -> bounds.get(key)[0] >= bounds.get(key)[1]).toList();
    }

    /** Far above any count, and small enough that sums of a few cannot overflow. */
    private static final long UNBOUNDED = Long.MAX_VALUE / 1024;

    private static boolean narrow(Group group, Map<String, long[]> bounds) {
        long[] total = bounds.get(group.total());
        boolean narrowed = tighten(total, sum(group.members(), bounds, null, 0), sum(group.members(), bounds, null, 1));
        for (String member : group.members()) {
            long othersLow = sum(group.members(), bounds, member, 0);
            long othersHigh = sum(group.members(), bounds, member, 1);
            long[] b = bounds.get(member);
            narrowed |= tighten(b, othersHigh >= UNBOUNDED ? b[0] : total[0] - othersHigh,
                    total[1] >= UNBOUNDED ? b[1] : total[1] - othersLow);
        }
        return narrowed;
    }

    /** The sum of the lower (side 0) or upper (side 1) bounds of the members except one, capped. */
    private static long sum(List<String> members, Map<String, long[]> bounds, String except, int side) {
        long sum = 0;
        for (String member : members) {
            if (!member.equals(except)) {
                sum = Math.min(UNBOUNDED, sum + bounds.get(member)[side]);
            }
        }
        return sum;
    }

    private static boolean tighten(long[] bound, long low, long high) {
        boolean changed = false;
        if (low > bound[0]) {
            bound[0] = low;
            changed = true;
        }
        if (high < bound[1]) {
            bound[1] = high;
            changed = true;
        }
        return changed;
    }
}
