package nl.jeugdhulp.registratie.summary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The cost-benefit arithmetic of the municipal summary, in {@link BigDecimal}.
 *
 * <p><b>Months.</b> Time is measured on a month scale where every calendar month counts as one
 * month and a part of a month by its share of that month's days: the position of a day is
 * {@code 12 × year + (month − 1) + (day − 1) / days in the month}, and a period from {@code from}
 * to {@code to} (both inclusive) lasts {@code position(to + 1 day) − position(from)} months. So
 * 1 November 2020 – 30 June 2021 is exactly 8 months, and the lengths of adjoining periods add up.
 *
 * <p><b>Changing assumptions.</b> An assumption holds from its start date until the next one of the
 * pilot; the first also covers the time before it. Yearly costs are pro-rated per part of the period
 * in which one assumption holds: {@code yearly × months of that part / 12}. The amount per
 * trajectory is the one holding on the trajectory's end date (added up in SQL). Amounts are rounded
 * to cents, half up, only at the end.
 */
final class CostBenefit {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    /** Baten, costs and net saving for the period and extrapolated to twelve months. */
    record Estimate(BigDecimal months, BigDecimal baten, BigDecimal staff, BigDecimal housing, BigDecimal net,
                    BigDecimal batenYear, BigDecimal staffYear, BigDecimal housingYear, BigDecimal netYear) {
    }

    private CostBenefit() {
    }

    static BigDecimal position(LocalDate day) {
        return BigDecimal.valueOf(day.getYear() * 12L + day.getMonthValue() - 1)
                .add(BigDecimal.valueOf(day.getDayOfMonth() - 1).divide(BigDecimal.valueOf(day.lengthOfMonth()), MC));
    }

    /** Months from {@code from} to {@code to}, both inclusive. */
    static BigDecimal months(LocalDate from, LocalDate to) {
        return position(to.plusDays(1)).subtract(position(from));
    }

    /** Staff and housing cost of one pilot in the period: [staff, housing], unrounded. */
    static BigDecimal[] costs(List<CostAssumption> assumptions, LocalDate from, LocalDate to) {
        List<CostAssumption> sorted = assumptions.stream().sorted(Comparator.comparing(CostAssumption::validFrom)).toList();
        BigDecimal staff = BigDecimal.ZERO;
        BigDecimal housing = BigDecimal.ZERO;
        LocalDate end = to.plusDays(1);
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate partStart = i == 0 ? from : max(from, sorted.get(i).validFrom());
            LocalDate partEnd = i + 1 < sorted.size() ? min(end, sorted.get(i + 1).validFrom()) : end;
            if (!partStart.isBefore(partEnd)) {
                continue;
            }
            BigDecimal share = position(partEnd).subtract(position(partStart)).divide(TWELVE, MC);
            staff = staff.add(sorted.get(i).staffCostPerYear().multiply(share, MC));
            housing = housing.add(sorted.get(i).housingCostPerYear().multiply(share, MC));
        }
        return new BigDecimal[] {staff, housing};
    }

    /** The estimate from the valued trajectories ({@code baten}, already amount × count) and the costs. */
    static Estimate estimate(LocalDate from, LocalDate to, BigDecimal baten, BigDecimal staff, BigDecimal housing) {
        BigDecimal months = months(from, to);
        BigDecimal net = baten.subtract(staff).subtract(housing);
        BigDecimal perYear = TWELVE.divide(months, MC);
        return new Estimate(months.setScale(2, RoundingMode.HALF_UP), cents(baten), cents(staff), cents(housing),
                cents(net), cents(baten.multiply(perYear, MC)), cents(staff.multiply(perYear, MC)),
                cents(housing.multiply(perYear, MC)), cents(net.multiply(perYear, MC)));
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
