package nl.jeugdhulp.registratie.reporting.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import nl.jeugdhulp.registratie.reporting.cluster.TrajectoryType.Name;
import org.junit.jupiter.api.Test;

/** The F4 facade: naming by profile, shares and means on original values, sampling, edge cases. */
class TrajectoryTypesTest {

    private static final double EXACT = 1e-9;

    /** "No referral": 6-8 weeks, 3-4 contacts. */
    private static TrajectoryVector selfHandled(Random random) {
        return new TrajectoryVector(6 + 2 * random.nextDouble(), 3 + random.nextInt(2), 1, 1 + random.nextInt(2),
                random.nextInt(2), 1 + random.nextInt(2), false, false);
    }

    /** "Quick referral": 2-3 weeks, 2 contacts. */
    private static TrajectoryVector quicklyReferred(Random random) {
        return new TrajectoryVector(2 + random.nextDouble(), 2, 1, 1, 1, random.nextInt(2), false, true);
    }

    /** "Help and still referred": 14-16 weeks, 5-7 contacts, bridging help. */
    private static TrajectoryVector helpedAndReferred(Random random) {
        return new TrajectoryVector(14 + 2 * random.nextDouble(), 5 + random.nextInt(3), 1 + random.nextInt(2),
                2 + random.nextInt(2), 2 + random.nextInt(2), 2 + random.nextInt(2), true, true);
    }

    private static List<TrajectoryVector> generate(Random random, int count, Function<Random, TrajectoryVector> kind) {
        List<TrajectoryVector> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(kind.apply(random));
        }
        return rows;
    }

    private static double mean(List<TrajectoryVector> rows, Function<TrajectoryVector, Double> value) {
        return rows.stream().mapToDouble(value::apply).sum() / rows.size();
    }

    private static void assertType(TrajectoryType type, Name name, List<TrajectoryVector> group, int total) {
        assertThat(type.name()).isEqualTo(name);
        assertThat(type.count()).isEqualTo(group.size());
        assertThat(type.share()).isCloseTo((double) group.size() / total, within(EXACT));
        assertThat(type.meanDurationWeeks()).isCloseTo(mean(group, TrajectoryVector::durationWeeks), within(EXACT));
        assertThat(type.meanContacts()).isCloseTo(mean(group, TrajectoryVector::contacts), within(EXACT));
        assertThat(type.shareBridging()).isCloseTo(mean(group, r -> r.bridging() ? 1.0 : 0.0), within(EXACT));
        assertThat(type.shareReferred()).isCloseTo(mean(group, r -> r.referred() ? 1.0 : 0.0), within(EXACT));
    }

    @Test
    void threeSeparatedProfilesAreRecoveredAndNamed() {
        Random random = new Random(20190401L);
        List<TrajectoryVector> self = generate(random, 300, TrajectoryTypesTest::selfHandled);
        List<TrajectoryVector> quick = generate(random, 300, TrajectoryTypesTest::quicklyReferred);
        List<TrajectoryVector> helped = generate(random, 150, TrajectoryTypesTest::helpedAndReferred);
        List<TrajectoryVector> all = new ArrayList<>();
        all.addAll(helped);
        all.addAll(self);
        all.addAll(quick);
        Collections.shuffle(all, random);

        TrajectoryTypesResult result = TrajectoryTypes.classify(all, TrajectoryTypes.SAMPLE_LIMIT, 1L);

        assertThat(result.population()).isEqualTo(750);
        assertThat(result.clustered()).isEqualTo(750);
        assertThat(result.sampled()).isFalse();
        assertThat(result.types()).extracting(TrajectoryType::name)
                .containsExactly(Name.ZELF_AFGEHANDELD, Name.SNEL_VERWEZEN, Name.HULP_EN_TOCH_VERWEZEN);
        assertType(result.types().get(0), Name.ZELF_AFGEHANDELD, self, 750);
        assertType(result.types().get(1), Name.SNEL_VERWEZEN, quick, 750);
        assertType(result.types().get(2), Name.HULP_EN_TOCH_VERWEZEN, helped, 750);
        // The profiles themselves, as a reader of the report sees them.
        assertThat(result.types()).extracting(TrajectoryType::count).containsExactly(300, 300, 150);
        assertThat(result.types()).extracting(TrajectoryType::share).containsExactly(0.4, 0.4, 0.2);
        assertThat(result.types()).extracting(TrajectoryType::shareReferred).containsExactly(0.0, 1.0, 1.0);
        assertThat(result.types()).extracting(TrajectoryType::shareBridging).containsExactly(0.0, 0.0, 1.0);
        assertThat(result.types().get(0).meanDurationWeeks()).isBetween(6.0, 8.0);
        assertThat(result.types().get(1).meanDurationWeeks()).isBetween(2.0, 3.0);
        assertThat(result.types().get(2).meanDurationWeeks()).isBetween(14.0, 16.0);
        assertThat(result.types().get(1).meanContacts()).isEqualTo(2.0);
    }

    @Test
    void threeDistinctRowsAreThreeTypesNamedByProfile() {
        TrajectoryVector longHelp = new TrajectoryVector(15, 6, 1, 2, 2, 3, true, true);
        TrajectoryVector quick = new TrajectoryVector(2, 2, 1, 1, 1, 0, false, true);
        TrajectoryVector self = new TrajectoryVector(7, 3, 1, 1, 0, 1, false, false);

        TrajectoryTypesResult result = TrajectoryTypes.classify(List.of(longHelp, quick, self));

        assertThat(result.types()).containsExactly(
                new TrajectoryType(Name.ZELF_AFGEHANDELD, 1, 1.0 / 3, 7, 3, 0, 0),
                new TrajectoryType(Name.SNEL_VERWEZEN, 1, 1.0 / 3, 2, 2, 0, 1),
                new TrajectoryType(Name.HULP_EN_TOCH_VERWEZEN, 1, 1.0 / 3, 15, 6, 1, 1));
        assertThat(Name.HULP_EN_TOCH_VERWEZEN.label()).isEqualTo("Hulp en toch verwezen");
    }

    @Test
    void aLargePopulationIsSampledReproducibly() {
        Random random = new Random(12_000L);
        List<TrajectoryVector> all = new ArrayList<>();
        all.addAll(generate(random, 4_800, TrajectoryTypesTest::selfHandled));
        all.addAll(generate(random, 4_800, TrajectoryTypesTest::quicklyReferred));
        all.addAll(generate(random, 2_400, TrajectoryTypesTest::helpedAndReferred));
        Collections.shuffle(all, random);

        long start = System.nanoTime();
        TrajectoryTypesResult first = TrajectoryTypes.classify(all, 5_000, 99L);
        long elapsed = System.nanoTime() - start;
        TrajectoryTypesResult second = TrajectoryTypes.classify(all, 5_000, 99L);

        System.out.printf("F4 classify: 12,000 rows sampled to 5,000 in %d ms%n", elapsed / 1_000_000);
        assertThat(first.population()).isEqualTo(12_000);
        assertThat(first.clustered()).isEqualTo(5_000);
        assertThat(first.sampled()).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(first.types()).extracting(TrajectoryType::name)
                .containsExactly(Name.ZELF_AFGEHANDELD, Name.SNEL_VERWEZEN, Name.HULP_EN_TOCH_VERWEZEN);
        assertThat(first.types().stream().mapToInt(TrajectoryType::count).sum()).isEqualTo(5_000);
        // The sample keeps the 40/40/20 mix to within a few points, and the profiles stay pure.
        assertThat(first.types().get(0).share()).isCloseTo(0.4, within(0.03));
        assertThat(first.types().get(1).share()).isCloseTo(0.4, within(0.03));
        assertThat(first.types().get(2).share()).isCloseTo(0.2, within(0.03));
        assertThat(first.types()).extracting(TrajectoryType::shareReferred).containsExactly(0.0, 1.0, 1.0);
        assertThat(first.types()).extracting(TrajectoryType::shareBridging).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void noSampleAtExactlyTheLimit() {
        Random random = new Random(5L);
        List<TrajectoryVector> rows = generate(random, 10, TrajectoryTypesTest::selfHandled);
        rows.addAll(generate(random, 10, TrajectoryTypesTest::quicklyReferred));
        rows.addAll(generate(random, 10, TrajectoryTypesTest::helpedAndReferred));

        TrajectoryTypesResult atLimit = TrajectoryTypes.classify(rows, 30, 1L);
        TrajectoryTypesResult sampled = TrajectoryTypes.classify(rows, 29, 1L);

        assertThat(atLimit.sampled()).isFalse();
        assertThat(atLimit.clustered()).isEqualTo(30);
        assertThat(atLimit.types()).extracting(TrajectoryType::count).containsExactly(10, 10, 10);
        assertThat(sampled.sampled()).isTrue();
        assertThat(sampled.population()).isEqualTo(30);
        assertThat(sampled.clustered()).isEqualTo(29);
    }

    @Test
    void fiveThousandNoisyRowsAreClustered() {
        Random random = new Random(5_000L);
        List<TrajectoryVector> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            boolean referred = random.nextDouble() < 0.6;
            boolean bridging = referred && random.nextDouble() < 0.3;
            rows.add(new TrajectoryVector(-Math.log(1 - random.nextDouble()) * 7, 1 + random.nextInt(10),
                    1 + random.nextInt(3), 1 + random.nextInt(4), random.nextInt(5), random.nextInt(4),
                    bridging, referred));
        }

        long start = System.nanoTime();
        TrajectoryTypesResult result = TrajectoryTypes.classify(rows);
        long elapsed = System.nanoTime() - start;

        System.out.printf("F4 classify: 5,000 noisy rows in %d ms%n", elapsed / 1_000_000);
        assertThat(result.sampled()).isFalse();
        assertThat(result.clustered()).isEqualTo(5_000);
        assertThat(result.types()).hasSize(3);
        assertThat(result.types().stream().mapToInt(TrajectoryType::count).sum()).isEqualTo(5_000);
        assertThat(result.types().stream().mapToDouble(TrajectoryType::share).sum()).isCloseTo(1.0, within(EXACT));
        TrajectoryType self = result.types().get(0);
        assertThat(result.types().subList(1, 3)).allSatisfy(other ->
                assertThat(other.shareReferred()).isGreaterThanOrEqualTo(self.shareReferred()));
        assertThat(result.types().get(1).meanDurationWeeks())
                .isLessThanOrEqualTo(result.types().get(2).meanDurationWeeks());
    }

    @Test
    void tooFewRowsOrTooFewDistinctRowsGiveNoTypes() {
        TrajectoryVector a = new TrajectoryVector(7, 3, 1, 1, 0, 1, false, false);
        TrajectoryVector b = new TrajectoryVector(2, 2, 1, 1, 1, 0, false, true);

        assertThat(TrajectoryTypes.classify(List.of())).isEqualTo(new TrajectoryTypesResult(0, 0, false, List.of()));
        assertThat(TrajectoryTypes.classify(List.of(a, b))).isEqualTo(new TrajectoryTypesResult(2, 2, false, List.of()));
        assertThat(TrajectoryTypes.classify(Collections.nCopies(10, a)).types()).isEmpty();
        assertThat(TrajectoryTypes.classify(List.of(a, b, a, b, a, b))).isEqualTo(
                new TrajectoryTypesResult(6, 6, false, List.of()));
        // -0.0 is the same count as 0.0, so it does not make a third distinct row.
        TrajectoryVector negativeZero = new TrajectoryVector(7, 3, 1, 1, -0.0, 1, false, false);
        assertThat(negativeZero).isEqualTo(a);
        assertThat(TrajectoryTypes.classify(List.of(a, b, negativeZero)).types()).isEmpty();
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> new TrajectoryVector(-1, 1, 1, 1, 1, 1, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationWeeks");
        assertThatThrownBy(() -> new TrajectoryVector(1, Double.NaN, 1, 1, 1, 1, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contacts");
        assertThatThrownBy(() -> TrajectoryTypes.classify(null, 10, 1L)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TrajectoryTypes.classify(List.of(), 0, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        List<TrajectoryVector> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> TrajectoryTypes.classify(withNull, 10, 1L)).isInstanceOf(NullPointerException.class);
    }
}
