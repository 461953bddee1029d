package nl.jeugdhulp.registratie.reporting.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Agglomerative hierarchical clustering with Ward linkage, as R's {@code hclust(d, method = "ward.D2")}
 * on Euclidean distances (and SciPy's {@code linkage(x, "ward")}).
 *
 * <p>The algorithm is the nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms") on a condensed matrix of squared Euclidean distances held as
 * {@code float[n(n-1)/2]}, updated with the Lance–Williams formula for Ward:
 *
 * <pre>
 *   d(k, i+j) = ((n_i + n_k) d(k,i) + (n_j + n_k) d(k,j) - n_k d(i,j)) / (n_i + n_j + n_k)
 * </pre>
 *
 * Merge heights are the square roots of those values, i.e. {@code sqrt(2 * increase in the within-cluster
 * sum of squares)}; for two single points that is their Euclidean distance. Time O(n²), memory 4·n²/2
 * bytes: 5,000 rows take about 50 MB.
 *
 * <p>Ward is a reducible linkage, so the chain produces the same dendrogram as the textbook
 * "merge the closest pair" algorithm (up to the order of exactly tied merges).
 *
 * <p>Package-private: {@link TrajectoryTypes} is the public entry point.
 */
final class WardClustering {

    /** The largest number of points whose condensed distance matrix fits in one Java array. */
    public static final int MAX_POINTS = 65_536;

    private WardClustering() {
    }

    /**
     * Standardises every column to z-scores, {@code (x - mean) / sd} with the sample standard deviation
     * (n - 1 in the denominator, as R's {@code scale()}); a column whose standard deviation is zero (or
     * a single row) becomes all zeros. The input is left unchanged.
     *
     * @param rows rows of equal length
     * @return a new matrix of the same shape
     */
    public static double[][] standardise(double[][] rows) {
        int n = rows.length;
        if (n == 0) {
            return new double[0][];
        }
        int columns = rows[0].length;
        double[][] z = new double[n][columns];
        for (int c = 0; c < columns; c++) {
            double mean = 0;
            for (double[] row : rows) {
                requireShape(row, columns);
                mean += row[c];
            }
            mean /= n;
            double squares = 0;
            for (double[] row : rows) {
                double deviation = row[c] - mean;
                squares += deviation * deviation;
            }
            double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
            // A constant column carries no information; rounding can leave a tiny non-zero sd.
            boolean constant = sd == 0 || sd <= 1e-12 * Math.max(1, Math.abs(mean));
            for (int r = 0; r < n; r++) {
                z[r][c] = constant ? 0 : (rows[r][c] - mean) / sd;
            }
        }
        return z;
    }

    /**
     * Ward clustering of the given points as they are (no standardisation; call
     * {@link #standardise(double[][])} first if the columns have different scales).
     *
     * @param points at least one row, all of the same length, finite values
     * @return the full merge tree
     */
    public static Dendrogram cluster(double[][] points) {
        int[] weights = new int[points.length];
        Arrays.fill(weights, 1);
        return cluster(points, weights);
    }

    /**
     * Ward clustering of weighted points: point {@code i} stands for {@code weights[i]} identical
     * observations. Their initial dissimilarity is Ward's for two clusters of those sizes at those
     * centroids, {@code 2 w_i w_j / (w_i + w_j) |x_i - x_j|²}, and the Lance–Williams updates use the
     * sizes, so the tree is the tree of the observations themselves once every group of identical
     * observations has merged (at height 0, before any other merge); with all weights 1 it is
     * {@link #cluster(double[][])}. The dendrogram's leaves and sizes count points, not weights.
     *
     * @param points at least one row, all of the same length, finite values
     * @param weights one positive weight per point
     * @return the full merge tree
     */
    static Dendrogram cluster(double[][] points, int[] weights) {
        int n = points.length;
        if (weights.length != n) {
            throw new IllegalArgumentException("one weight per point: " + n + " points, " + weights.length + " weights");
        }
        for (int weight : weights) {
            if (weight < 1) {
                throw new IllegalArgumentException("weights must be positive, got " + weight);
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no points to cluster");
        }
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("at most " + MAX_POINTS + " points can be clustered, got " + n);
        }
        int columns = points[0].length;
        for (double[] point : points) {
            requireShape(point, columns);
            for (double value : point) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("points must be finite, got " + value);
                }
            }
        }
        int[] rowStart = new int[n];
        float[] distances = squaredDistances(points, weights, rowStart);
        Step[] steps = nearestNeighbourChain(n, distances, rowStart, weights);
        return Dendrogram.fromSteps(n, steps);
    }

    /**
     * Standardises the rows, clusters them with Ward and cuts the tree into {@code k} clusters.
     *
     * @param rows raw rows (one per observation)
     * @param k number of clusters, between 1 and the number of rows
     * @return a label 0..k-1 per row, numbered in order of first appearance
     */
    public static int[] standardisedLabels(double[][] rows, int k) {
        double[][] z = standardise(rows);
        // Identical rows are clustered once, weighted by their number (see cluster(points, weights)):
        // the same types with a quadratic cost in the distinct rows only.
        java.util.Map<java.util.List<Double>, Integer> distinct = new java.util.HashMap<>();
        int[] point = new int[z.length];
        java.util.List<double[]> points = new java.util.ArrayList<>();
        java.util.List<Integer> weights = new java.util.ArrayList<>();
        for (int r = 0; r < z.length; r++) {
            double[] row = z[r];
            int index = distinct.computeIfAbsent(Arrays.stream(row).boxed().toList(), key -> {
                points.add(row);
                weights.add(0);
                return points.size() - 1;
            });
            weights.set(index, weights.get(index) + 1);
            point[r] = index;
        }
        if (points.size() < k) { // k clusters need splits among identical rows
            return cluster(z).cut(k);
        }
        // Points are numbered by first appearance, so the labels are numbered as for the rows themselves.
        int[] pointLabels = cluster(points.toArray(double[][]::new), weights.stream().mapToInt(Integer::intValue).toArray())
                .cut(k);
        int[] labels = new int[z.length];
        for (int r = 0; r < z.length; r++) {
            labels[r] = pointLabels[point[r]];
        }
        return labels;
    }

    private static void requireShape(double[] row, int columns) {
        if (row.length != columns) {
            throw new IllegalArgumentException("all rows must have " + columns + " columns, got " + row.length);
        }
    }

    /**
     * Ward dissimilarities of the weighted points (squared Euclidean distances for weights 1), condensed:
     * pair (i, j), i &lt; j, at {@code rowStart[i] + j - i - 1}.
     */
    private static float[] squaredDistances(double[][] points, int[] weights, int[] rowStart) {
        int n = points.length;
        long size = (long) n * (n - 1) / 2;
        float[] distances = new float[(int) size];
        for (int i = 0; i < n; i++) {
            rowStart[i] = (int) ((long) i * (2L * n - i - 1) / 2);
        }
        for (int i = 0; i < n; i++) {
            double[] a = points[i];
            int base = rowStart[i] - i - 1;
            for (int j = i + 1; j < n; j++) {
                double[] b = points[j];
                double sum = 0;
                for (int c = 0; c < a.length; c++) {
                    double difference = a[c] - b[c];
                    sum += difference * difference;
                }
                // Ward's dissimilarity of two clusters of these sizes; exactly the squared distance for weights 1.
                distances[base + j] = (float) (sum * (2.0 * weights[i] * weights[j] / (weights[i] + weights[j])));
            }
        }
        return distances;
    }

    private static int index(int[] rowStart, int i, int j) {
        return i < j ? rowStart[i] + j - i - 1 : rowStart[j] + i - j - 1;
    }

    /**
     * The nearest-neighbour chain. Merged clusters live in the slot of the larger index; the slot's own
     * leaf is always part of the cluster in it, which is what {@link Dendrogram#fromSteps} relies on.
     */
    private static Step[] nearestNeighbourChain(int n, float[] distances, int[] rowStart, int[] weights) {
        Step[] steps = new Step[n - 1];
        long[] size = new long[n];
        for (int i = 0; i < n; i++) {
            size[i] = weights[i];
        }
        // Active slots as a doubly linked list; n is the end marker.
        int[] next = new int[n + 1];
        int[] previous = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            next[i] = i + 1;
            previous[i] = i - 1;
        }
        int first = 0;
        int[] chain = new int[n];
        int length = 0;
        // Height of the last merge into each slot: keeps heights monotone despite float rounding.
        double[] slotHeight = new double[n];

        for (int step = 0; step < n - 1; step++) {
            if (length == 0) {
                chain[length++] = first;
            }
            int a;
            int b;
            double minimum;
            while (true) {
                a = chain[length - 1];
                // Prefer the predecessor on ties, otherwise the chain could cycle.
                if (length >= 2) {
                    b = chain[length - 2];
                    minimum = distances[index(rowStart, a, b)];
                } else {
                    b = -1;
                    minimum = Double.POSITIVE_INFINITY;
                }
                for (int k = first; k < n; k = next[k]) {
                    if (k == a) {
                        continue;
                    }
                    double d = distances[k < a ? rowStart[k] + a - k - 1 : rowStart[a] + k - a - 1];
                    if (d < minimum) {
                        minimum = d;
                        b = k;
                    }
                }
                if (length >= 2 && b == chain[length - 2]) {
                    break;
                }
                chain[length++] = b;
            }
            length -= 2;

            int i = Math.min(a, b);
            int j = Math.max(a, b);
            double height = Math.max(Math.sqrt(minimum), Math.max(slotHeight[i], slotHeight[j]));
            steps[step] = new Step(i, j, height);
            slotHeight[j] = height;

            double sizeI = size[i];
            double sizeJ = size[j];
            double dij = minimum;
            for (int k = first; k < n; k = next[k]) {
                if (k == i || k == j) {
                    continue;
                }
                int ki = index(rowStart, k, i);
                int kj = index(rowStart, k, j);
                double sizeK = size[k];
                double updated = ((sizeI + sizeK) * distances[ki] + (sizeJ + sizeK) * distances[kj] - sizeK * dij)
                        / (sizeI + sizeJ + sizeK);
                distances[kj] = (float) Math.max(0, updated);
            }
            size[j] += size[i];
            // Unlink slot i.
            if (i == first) {
                first = next[i];
                previous[first] = -1;
            } else {
                next[previous[i]] = next[i];
                previous[next[i]] = previous[i];
            }
        }
        return steps;
    }

    /** One merge in chain order: the clusters in slots {@code i} and {@code j} (i &lt; j) at {@code height}. */
    private record Step(int i, int j, double height) {
    }

    /**
     * A merge tree in SciPy's numbering: leaves are 0..n-1 and merge {@code m} (0-based, in order of
     * non-decreasing height) creates cluster {@code n + m} from {@code left[m]} and {@code right[m]}
     * (the smaller id left), with {@code heights[m]} and {@code sizes[m]} points. The arrays are
     * shared, not copied; treat them as read-only.
     *
     * @param leaves the number of points n
     * @param left first merged cluster per merge
     * @param right second merged cluster per merge
     * @param heights the ward.D2 height per merge
     * @param sizes the number of points in the new cluster
     */
    record Dendrogram(int leaves, int[] left, int[] right, double[] heights, int[] sizes) {

        static Dendrogram fromSteps(int n, Step[] steps) {
            Integer[] order = IntStream.range(0, steps.length).boxed().toArray(Integer[]::new);
            // Stable: exact ties keep the chain order, in which children precede their parents.
            Arrays.sort(order, Comparator.comparingDouble(s -> steps[s].height()));
            int merges = steps.length;
            int[] left = new int[merges];
            int[] right = new int[merges];
            double[] heights = new double[merges];
            int[] sizes = new int[merges];
            int[] parent = new int[2 * n - 1];
            int[] clusterSize = new int[2 * n - 1];
            for (int v = 0; v < parent.length; v++) {
                parent[v] = v;
                clusterSize[v] = v < n ? 1 : 0;
            }
            for (int m = 0; m < merges; m++) {
                Step step = steps[order[m]];
                int x = find(parent, step.i());
                int y = find(parent, step.j());
                int created = n + m;
                parent[x] = created;
                parent[y] = created;
                clusterSize[created] = clusterSize[x] + clusterSize[y];
                left[m] = Math.min(x, y);
                right[m] = Math.max(x, y);
                heights[m] = step.height();
                sizes[m] = clusterSize[created];
            }
            return new Dendrogram(n, left, right, heights, sizes);
        }

        private static int find(int[] parent, int v) {
            int root = v;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[v] != root) {
                int up = parent[v];
                parent[v] = root;
                v = up;
            }
            return root;
        }

        /**
         * Cuts the tree into {@code k} clusters by applying the first {@code n - k} merges (R's
         * {@code cutree(tree, k)}).
         *
         * @param k between 1 and the number of leaves
         * @return a label 0..k-1 per leaf, numbered in order of first appearance (leaf 0 has label 0)
         */
        public int[] cut(int k) {
            if (k < 1 || k > leaves) {
                throw new IllegalArgumentException("k must be between 1 and " + leaves + ", got " + k);
            }
            int[] parent = new int[2 * leaves - 1];
            for (int v = 0; v < parent.length; v++) {
                parent[v] = v;
            }
            for (int m = 0; m < leaves - k; m++) {
                parent[left[m]] = leaves + m;
                parent[right[m]] = leaves + m;
            }
            int[] labelOfRoot = new int[2 * leaves - 1];
            Arrays.fill(labelOfRoot, -1);
            int[] labels = new int[leaves];
            int nextLabel = 0;
            for (int leaf = 0; leaf < leaves; leaf++) {
                int root = find(parent, leaf);
                if (labelOfRoot[root] < 0) {
                    labelOfRoot[root] = nextLabel++;
                }
                labels[leaf] = labelOfRoot[root];
            }
            return labels;
        }
    }
}
