package nl.jeugdhulp.registratie.reporting.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Report F4: the three trajectory types of the 2019 study, by hierarchical clustering (Ward, as R's
 * {@code hclust(method = "ward.D2")}) of z-score standardised {@link TrajectoryVector}s, cut into
 * three clusters and named by profile:
 * <ul>
 * <li>the cluster with the lowest share referred is {@link TrajectoryType.Name#ZELF_AFGEHANDELD};</li>
 * <li>of the other two, the one with the shorter mean duration is
 * {@link TrajectoryType.Name#SNEL_VERWEZEN};</li>
 * <li>the remaining one is {@link TrajectoryType.Name#HULP_EN_TOCH_VERWEZEN}.</li>
 * </ul>
 * Exact ties are broken by the larger cluster (first rule), by fewer mean contacts (second rule), and
 * finally by the order of first appearance in the clustered rows.
 *
 * <p>The clustering needs memory quadratic in the number of rows, so above a limit a reproducible
 * random sample (seeded) is clustered and the result says so. 2019 published: zelf afgehandeld 39%
 * (7.3 weeks, 3.5 contacts), snel verwezen 41% (2.7 weeks, 2.1 contacts), hulp en toch verwezen 20%
 * (14.8 weeks, 6.0 contacts, 56% bridging help).
 */
public final class TrajectoryTypes {

    /** Default maximum number of rows clustered (about 50 MB of distances and a few seconds). */
    public static final int SAMPLE_LIMIT = 5_000;

    /** Default seed for the sample, so that a report is the same every time it is drawn. */
    public static final long DEFAULT_SEED = 2019L;

    private static final int TYPES = 3;

    private TrajectoryTypes() {
    }

    /**
     * {@link #classify(List, int, long)} with {@link #SAMPLE_LIMIT} and {@link #DEFAULT_SEED}.
     *
     * @param rows closed trajectories complete on the eight variables
     * @return the population, what was clustered and the three types
     */
    public static TrajectoryTypesResult classify(List<TrajectoryVector> rows) {
        return classify(rows, SAMPLE_LIMIT, DEFAULT_SEED);
    }

    /**
     * Clusters the rows (or a random sample of {@code sampleLimit} of them) into three trajectory types.
     *
     * @param rows closed trajectories complete on the eight variables; no nulls
     * @param sampleLimit the largest number of rows clustered; at least 1 and at most
     *     65,536
     * @param seed seed of the sample; the same rows, limit and seed give the same result
     * @return the population, what was clustered and the three types, or no types when fewer than
     *     three (distinct) rows were clustered
     */
    public static TrajectoryTypesResult classify(List<TrajectoryVector> rows, int sampleLimit, long seed) {
        Objects.requireNonNull(rows, "rows");
        if (sampleLimit < 1 || sampleLimit > WardClustering.MAX_POINTS) {
            throw new IllegalArgumentException(
                    "sampleLimit must be between 1 and " + WardClustering.MAX_POINTS + ", got " + sampleLimit);
        }
        for (TrajectoryVector row : rows) {
            Objects.requireNonNull(row, "rows must not contain null");
        }
        int population = rows.size();
        boolean sampled = population > sampleLimit;
        List<TrajectoryVector> clustered = sampled ? sample(rows, sampleLimit, seed) : List.copyOf(rows);
        int n = clustered.size();
        if (n < TYPES || new HashSet<>(clustered).size() < TYPES) {
            return new TrajectoryTypesResult(population, n, sampled, List.of());
        }

        double[][] matrix = new double[n][];
        for (int r = 0; r < n; r++) {
            matrix[r] = clustered.get(r).toArray();
        }
        int[] labels = WardClustering.standardisedLabels(matrix, TYPES);
        List<Profile> profiles = profiles(clustered, labels);
        return new TrajectoryTypesResult(population, n, sampled, name(profiles, n));
    }

    /** A partial Fisher–Yates shuffle with a seeded {@link Random}; the sample keeps the input order. */
    private static List<TrajectoryVector> sample(List<TrajectoryVector> rows, int size, long seed) {
        int population = rows.size();
        int[] indices = new int[population];
        Arrays.setAll(indices, i -> i);
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(population - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] chosen = Arrays.copyOf(indices, size);
        Arrays.sort(chosen);
        List<TrajectoryVector> sample = new ArrayList<>(size);
        for (int index : chosen) {
            sample.add(rows.get(index));
        }
        return sample;
    }

    private static List<Profile> profiles(List<TrajectoryVector> rows, int[] labels) {
        List<Profile> profiles = new ArrayList<>();
        for (int label = 0; label < TYPES; label++) {
            profiles.add(new Profile(label));
        }
        for (int r = 0; r < rows.size(); r++) {
            profiles.get(labels[r]).add(rows.get(r));
        }
        return profiles;
    }

    private static List<TrajectoryType> name(List<Profile> profiles, int total) {
        List<Profile> remaining = new ArrayList<>(profiles);
        Profile selfHandled = remaining.stream()
                .min(Comparator.comparingDouble(Profile::shareReferred)
                        .thenComparing(Comparator.comparingInt((Profile p) -> p.count).reversed())
                        .thenComparingInt(p -> p.label))
                .orElseThrow();
        remaining.remove(selfHandled);
        remaining.sort(Comparator.comparingDouble(Profile::meanDuration)
                .thenComparingDouble(Profile::meanContacts)
                .thenComparingInt(p -> p.label));
        return List.of(
                selfHandled.toType(TrajectoryType.Name.ZELF_AFGEHANDELD, total),
                remaining.get(0).toType(TrajectoryType.Name.SNEL_VERWEZEN, total),
                remaining.get(1).toType(TrajectoryType.Name.HULP_EN_TOCH_VERWEZEN, total));
    }

    /** Running sums of one cluster over the original values. */
    private static final class Profile {
        private final int label;
        private int count;
        private double duration;
        private double contacts;
        private int bridging;
        private int referred;

        Profile(int label) {
            this.label = label;
        }

        void add(TrajectoryVector row) {
            count++;
            duration += row.durationWeeks();
            contacts += row.contacts();
            bridging += row.bridging() ? 1 : 0;
            referred += row.referred() ? 1 : 0;
        }

        double shareReferred() {
            return (double) referred / count;
        }

        double meanDuration() {
            return duration / count;
        }

        double meanContacts() {
            return contacts / count;
        }

        TrajectoryType toType(TrajectoryType.Name name, int total) {
            return new TrajectoryType(name, count, (double) count / total, meanDuration(), meanContacts(),
                    (double) bridging / count, shareReferred());
        }
    }
}
