package nl.jeugdhulp.registratie.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Months on the calendar-month scale and pro-rating of dated assumptions, in exact decimals. */
class CostBenefitTest {

    private static CostAssumption assumption(String from, long amount, long staff, long housing) {
        return new CostAssumption(1, 1, LocalDate.parse(from), BigDecimal.valueOf(amount), BigDecimal.valueOf(staff),
                BigDecimal.valueOf(housing), 0);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void theHilversumPeriodIsEightMonths() {
        assertThat(CostBenefit.months(LocalDate.of(2020, 11, 1), LocalDate.of(2021, 6, 30))).isEqualByComparingTo("8");
        assertThat(CostBenefit.months(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualByComparingTo("12");
    }

    @Test
    void aPartOfAMonthCountsByItsShareOfThatMonthsDays() {
        // 15-31 January: 17/31 of January; 1-14 February: 14/28 of February.
        BigDecimal months = CostBenefit.months(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 14));
        assertThat(months.setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(new BigDecimal("17").divide(new BigDecimal("31"), 6, java.math.RoundingMode.HALF_UP)
                        .add(new BigDecimal("0.5")));
    }

    @Test
    void hilversumReproduced() {
        LocalDate from = LocalDate.of(2020, 11, 1);
        LocalDate to = LocalDate.of(2021, 6, 30);
        BigDecimal[] costs = CostBenefit.costs(List.of(assumption("2020-03-01", 2000, 180_000, 48_000)), from, to);
        CostBenefit.Estimate e = CostBenefit.estimate(from, to, BigDecimal.valueOf(178 * 2000), costs[0], costs[1]);
        assertThat(e.baten()).isEqualByComparingTo("356000");
        assertThat(e.staff()).isEqualByComparingTo("120000");
        assertThat(e.housing()).isEqualByComparingTo("32000");
        assertThat(e.net()).isEqualByComparingTo("204000");
        assertThat(e.batenYear()).isEqualByComparingTo("534000");
        assertThat(e.staffYear()).isEqualByComparingTo("180000");
        assertThat(e.housingYear()).isEqualByComparingTo("48000");
        assertThat(e.netYear()).isEqualByComparingTo("306000");
    }

    @Test
    void anAssumptionChangingMidPeriodAppliesFromItsDateOn() {
        // Housing starts on 1 March 2021: 4 of the 8 months at 48,000 a year = 16,000; staff rises to 240,000
        // from 1 May: 6 months at 180,000 (90,000) + 2 at 240,000 (40,000).
        List<CostAssumption> dated = List.of(assumption("2020-03-01", 2000, 180_000, 0),
                assumption("2021-03-01", 2000, 180_000, 48_000), assumption("2021-05-01", 2000, 240_000, 48_000));
        BigDecimal[] costs = CostBenefit.costs(dated, LocalDate.of(2020, 11, 1), LocalDate.of(2021, 6, 30));
        // Unrounded parts (4/12 is no finite decimal) are rounded to cents only at the end.
        assertThat(cents(costs[0])).isEqualByComparingTo("130000");
        assertThat(cents(costs[1])).isEqualByComparingTo("16000");
    }

    @Test
    void theFirstAssumptionAlsoCoversTheTimeBeforeIt() {
        BigDecimal[] costs = CostBenefit.costs(List.of(assumption("2026-07-01", 2000, 120_000, 12_000)),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        assertThat(cents(costs[0])).isEqualByComparingTo("30000");
        assertThat(cents(costs[1])).isEqualByComparingTo("3000");
    }
}
