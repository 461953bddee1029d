package nl.jeugdhulp.registratie.reporting.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ward clustering against merges known by hand, against R / SciPy heights, and against an independent
 * brute-force implementation on random data.
 */
class WardClusteringTest {

    /** Distances are stored as float: heights agree to about 7 significant digits. */
    private static final double HEIGHT_TOLERANCE = 1e-5;

    @Test
    void oneDimensionalPointsFallIntoThreeObviousGroups() {
        double[][] points = {{0}, {1}, {10}, {11}, {30}};

        WardClustering.Dendrogram tree = WardClustering.cluster(points);

        assertThat(tree.cut(3)).containsExactly(0, 0, 1, 1, 2);
        // Ward: two singletons at their distance; {0,1}+{10,11}: sqrt(2*2*2/4 * 10^2) = sqrt(200);
        // {0,1,10,11}+{30}: sqrt(2*4*1/5 * 24.5^2) = sqrt(960.4).
        assertThat(tree.heights()[0]).isCloseTo(1, within(HEIGHT_TOLERANCE));
        assertThat(tree.heights()[1]).isCloseTo(1, within(HEIGHT_TOLERANCE));
        assertThat(tree.heights()[2]).isCloseTo(Math.sqrt(200), within(HEIGHT_TOLERANCE));
        assertThat(tree.heights()[3]).isCloseTo(Math.sqrt(960.4), within(HEIGHT_TOLERANCE));
        assertThat(tree.left()[2]).isEqualTo(5);
        assertThat(tree.right()[2]).isEqualTo(6);
        assertThat(tree.sizes()).containsExactly(2, 2, 4, 5);
        assertThat(tree.cut(2)).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void twoDimensionalHeightsAreThoseOfWardD2ComputedByHand() {
        // A(0,0) B(2,0) C(0,5) D(10,5).
        double[][] points = {{0, 0}, {2, 0}, {0, 5}, {10, 5}};

        WardClustering.Dendrogram tree = WardClustering.cluster(points);

        // AB at |AB| = 2. Then Lance-Williams on squared distances:
        // d(C, AB) = (2*25 + 2*29 - 1*4) / 3 = 104/3; d(D, AB) = (2*125 + 2*89 - 4) / 3 = 424/3; d(C, D) = 100.
        // d(D, ABC) = (3*424/3 + 2*100 - 1*104/3) / 4 = 442/3.
        assertThat(tree.heights()).containsExactly(new double[] {2, Math.sqrt(104.0 / 3), Math.sqrt(442.0 / 3)},
                within(HEIGHT_TOLERANCE));
        assertThat(tree.left()).containsExactly(0, 2, 3);
        assertThat(tree.right()).containsExactly(1, 4, 5);
        assertThat(tree.sizes()).containsExactly(2, 3, 4);
    }

    @Test
    void sevenPointsGiveTheMergesAndHeightsOfRHclustWardD2() {
        double[][] points = {{1, 1}, {1.5, 2}, {3, 4}, {5, 7}, {3.5, 5}, {4.5, 5}, {3.5, 4.5}};

        WardClustering.Dendrogram tree = WardClustering.cluster(points);

        // Reference: hclust(dist(x), "ward.D2") = scipy.cluster.hierarchy.linkage(x, "ward").
        assertThat(tree.left()).containsExactly(4, 2, 0, 5, 3, 9);
        assertThat(tree.right()).containsExactly(6, 7, 1, 8, 10, 11);
        assertThat(tree.heights()).containsExactly(new double[] {0.5, 1.0408329997330665, 1.118033988749895,
            1.5545631755148024, 3.471310991541956, 7.555981547281407}, within(HEIGHT_TOLERANCE));
        assertThat(tree.sizes()).containsExactly(2, 3, 2, 4, 5, 7);
        // cutree(tree, 3) = 1 1 2 3 2 2 2
        assertThat(tree.cut(3)).containsExactly(0, 0, 1, 2, 1, 1, 1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2019})
    void nearestNeighbourChainEqualsBruteForceWardOnRandomData(long seed) {
        Random random = new Random(seed);
        int n = 60;
        double[][] points = new double[n][8];
        for (double[] point : points) {
            for (int c = 0; c < point.length; c++) {
                point[c] = random.nextGaussian() * (c + 1) + (random.nextBoolean() ? 3 : 0);
            }
        }

        WardClustering.Dendrogram tree = WardClustering.cluster(points);
        BruteForceWard naive = new BruteForceWard(points);

        assertThat(tree.heights()).hasSize(n - 1);
        for (int m = 0; m < n - 1; m++) {
            double expected = naive.heights.get(m);
            assertThat(tree.heights()[m]).as("height %d", m)
                    .isCloseTo(expected, within(HEIGHT_TOLERANCE * Math.max(1, expected)));
        }
        for (int k = 1; k <= n; k++) {
            assertThat(tree.cut(k)).as("cut into %d", k).containsExactly(naive.labels(k));
        }
    }

    @Test
    void standardiseGivesZScoresWithSampleStandardDeviationAndZerosForConstantColumns() {
        double[][] rows = {{1, 5, 10}, {2, 5, 20}, {3, 5, 60}};

        double[][] z = WardClustering.standardise(rows);

        // Column 0: mean 2, sd 1. Column 1: constant. Column 2: mean 30, sd sqrt((400+100+900)/2) = sqrt(700).
        assertThat(z[0]).containsExactly(new double[] {-1, 0, -20 / Math.sqrt(700)}, within(1e-12));
        assertThat(z[1]).containsExactly(new double[] {0, 0, -10 / Math.sqrt(700)}, within(1e-12));
        assertThat(z[2]).containsExactly(new double[] {1, 0, 30 / Math.sqrt(700)}, within(1e-12));
        assertThat(rows[0]).containsExactly(1, 5, 10);
    }

    @Test
    void cutAtTheExtremesAndInvalidInput() {
        WardClustering.Dendrogram tree = WardClustering.cluster(new double[][] {{3}, {0}, {7}, {1}});

        assertThat(tree.cut(1)).containsExactly(0, 0, 0, 0);
        assertThat(tree.cut(4)).containsExactly(0, 1, 2, 3);
        assertThat(WardClustering.cluster(new double[][] {{5, 5}}).cut(1)).containsExactly(0);
        assertThatThrownBy(() -> tree.cut(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.cut(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WardClustering.cluster(new double[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WardClustering.cluster(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WardClustering.cluster(new double[][] {{1}, {Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicatePointsMergeAtHeightZeroFirst() {
        double[][] points = {{4, 4}, {0, 0}, {4, 4}, {0, 0}, {4, 4}};

        WardClustering.Dendrogram tree = WardClustering.cluster(points);

        assertThat(Arrays.copyOf(tree.heights(), 3)).containsOnly(0.0);
        assertThat(tree.cut(2)).containsExactly(0, 1, 0, 1, 0);
    }

    @Test
    void weightedPointsGiveTheTreeOfTheirDuplicatesAfterTheZeroMerges() {
        // {0,0} three times, {4,4} twice, {10,0} once: the duplicates merge at 0, then Ward on
        // centroids with sizes 3, 2, 1. By hand: d({0,0}x3, {4,4}x2) = 2*3*2/5 * 32 = 76.8,
        // d({0,0}x3, {10,0}) = 2*3*1/4 * 100 = 150, d({4,4}x2, {10,0}) = 2*2*1/3 * 52 = 69.33..
        double[][] duplicates = {{0, 0}, {4, 4}, {0, 0}, {10, 0}, {4, 4}, {0, 0}};
        double[][] distinct = {{0, 0}, {4, 4}, {10, 0}};

        WardClustering.Dendrogram all = WardClustering.cluster(duplicates);
        WardClustering.Dendrogram weighted = WardClustering.cluster(distinct, new int[] {3, 2, 1});

        assertThat(Arrays.copyOf(all.heights(), 3)).containsOnly(0.0);
        assertThat(weighted.heights()[0]).isCloseTo(Math.sqrt(2 * 2 * 1 / 3.0 * 52), within(HEIGHT_TOLERANCE));
        assertThat(Arrays.copyOfRange(all.heights(), 3, 5))
                .containsExactly(weighted.heights(), within(HEIGHT_TOLERANCE * 20));
        assertThat(weighted.cut(2)).containsExactly(0, 1, 1);
        assertThat(all.cut(2)).containsExactly(0, 1, 0, 1, 1, 0);
        assertThatThrownBy(() -> WardClustering.cluster(distinct, new int[] {3, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WardClustering.cluster(distinct, new int[] {3, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2019})
    void standardisedLabelsClusteringEachDistinctRowOnceEqualClusteringEveryRow(long seed) {
        // 1,500 rows drawn from 300 random distinct rows: many identical rows, and (almost surely) no
        // exactly tied distances between distinct ones, which either algorithm could resolve its own way.
        Random random = new Random(seed);
        double[][] distinct = new double[300][8];
        for (double[] row : distinct) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextGaussian() * (c + 1) + (random.nextBoolean() ? 3 : 0);
            }
        }
        double[][] rows = new double[1_500][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = distinct[random.nextInt(distinct.length)].clone();
        }

        for (int k = 1; k <= 6; k++) {
            assertThat(WardClustering.standardisedLabels(rows, k)).as("cut into %d", k)
                    .containsExactly(WardClustering.cluster(WardClustering.standardise(rows)).cut(k));
        }
    }

        /**
     * The textbook O(n³) algorithm, written independently of the one under test: clusters as member
     * lists and centroids, each step merging the pair with the least Ward distance
     * {@code 2 n_a n_b / (n_a + n_b) * |c_a - c_b|²} (height: its square root), in double precision.
     */
    private static final class BruteForceWard {
        private final int n;
        private final List<Double> heights = new ArrayList<>();
        private final List<int[]> labelsAfter = new ArrayList<>();

        BruteForceWard(double[][] points) {
            n = points.length;
            List<List<Integer>> members = new ArrayList<>();
            List<double[]> centroids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                members.add(new ArrayList<>(List.of(i)));
                centroids.add(points[i].clone());
            }
            labelsAfter.add(labelsOf(members));
            while (members.size() > 1) {
                int bestA = -1;
                int bestB = -1;
                double best = Double.POSITIVE_INFINITY;
                for (int a = 0; a < members.size(); a++) {
                    for (int b = a + 1; b < members.size(); b++) {
                        double na = members.get(a).size();
                        double nb = members.get(b).size();
                        double squared = 0;
                        for (int c = 0; c < centroids.get(a).length; c++) {
                            double difference = centroids.get(a)[c] - centroids.get(b)[c];
                            squared += difference * difference;
                        }
                        double ward = 2 * na * nb / (na + nb) * squared;
                        if (ward < best) {
                            best = ward;
                            bestA = a;
                            bestB = b;
                        }
                    }
                }
                double na = members.get(bestA).size();
                double nb = members.get(bestB).size();
                double[] merged = new double[centroids.get(bestA).length];
                for (int c = 0; c < merged.length; c++) {
                    merged[c] = (na * centroids.get(bestA)[c] + nb * centroids.get(bestB)[c]) / (na + nb);
                }
                members.get(bestA).addAll(members.get(bestB));
                centroids.set(bestA, merged);
                members.remove(bestB);
                centroids.remove(bestB);
                heights.add(Math.sqrt(best));
                labelsAfter.add(labelsOf(members));
            }
        }

        private int[] labelsOf(List<List<Integer>> members) {
            int[] clusterOf = new int[n];
            for (int c = 0; c < members.size(); c++) {
                for (int point : members.get(c)) {
                    clusterOf[point] = c;
                }
            }
            int[] labelOfCluster = new int[members.size()];
            Arrays.fill(labelOfCluster, -1);
            int[] labels = new int[n];
            int next = 0;
            for (int point = 0; point < n; point++) {
                if (labelOfCluster[clusterOf[point]] < 0) {
                    labelOfCluster[clusterOf[point]] = next++;
                }
                labels[point] = labelOfCluster[clusterOf[point]];
            }
            return labels;
        }

        int[] labels(int k) {
            return labelsAfter.get(n - k);
        }
    }
}
