package org.totaldiff.experiments.monitor;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * Binned entropy H(T) and saturation of one hidden layer's activations T, the information
 * compression measure of Anagnostopoulos, Toscano, Stergiopulos, Karniadakis, "Learning in PINNs:
 * Phase transition, total diffusion, and generalization" (arXiv:2403.18494, 2024), computed as the
 * authors' {@code utils/mi.py} computes it with numpy. With T the N x n activations of the n neurons
 * (columns) at the N collocation points (rows), lo_v and hi_v the extremes of neuron v and
 * &epsilon; = 1e-6:
 *
 * <pre>
 *   range_v = |lo_v - hi_v - &epsilon;|,     w = (&Sigma;_v range_v) / n / 30
 *   d_v     = floor(range_v / w) + 1                  the number of bin edges
 *   edge_vj = j&middot;step_v + lo_v  (j &lt; d_v - 1),  edge_v,d_v-1 = hi_v + &epsilon;   numpy.linspace
 *   b_iv    = #{ j : edge_vj &lt;= T_iv }              numpy.digitize, right = False: 1 .. d_v - 1
 *   H(T)    = -&Sigma; p log2(p + 1e-24)  over the distinct binned rows b_i, p = count / N   [bits]
 *   sat     = (1/n) &Sigma;_v 100 (#{b_iv = 1} + #{b_iv = d_v - 1}) / N                    [%]
 * </pre>
 *
 * with step_v = (hi_v + &epsilon; - lo_v) / (d_v - 1), and a single edge lo_v when d_v = 1. As in
 * numpy, a neuron with d_v = 2 counts each sample twice (it contributes 200 to the mean) and one
 * with d_v = 1 puts every sample in bin 1 and none in bin 0 (100). The sum of the ranges follows
 * numpy's pairwise summation, so d_v is numpy's to the bit; the entropy sum runs over the distinct
 * rows in hash order, not numpy's sorted order, so H agrees to rounding.
 *
 * <p>Linear in N&middot;n: a pass for the extremes, a row-major pass that bins each value (an
 * arithmetic guess corrected against the actual edges) and hashes each binned row, and an
 * open-addressing table of the distinct rows. The buffers are kept between calls, so repeated
 * calls on one shape allocate nothing but the result. Not thread-safe.
 */
public final class BinnedEntropy {

    /** numpy's {@code eps}: added to each neuron's range and to its upper edge. */
    static final double EPSILON = 1e-6;

    /** The number of bins of a neuron of average range. */
    static final int BINS = 30;

    /** Added to p inside the logarithm, as in {@code utils/mi.py}. */
    static final double LOG_GUARD = 1e-24;

    private static final double LN2 = Math.log(2.0);

    /** The most rows whose table of distinct rows (a power of two, 2-4 N slots) fits an array. */
    private static final int MAX_ROWS = 1 << 28;

    /** The entropy (bits) of the distinct binned rows and the mean saturation (percent). */
    public record Result(double entropyBits, double saturationPct) {

        /** Both NaN: the activations held a non-finite value. */
        public static final Result UNDEFINED = new Result(Double.NaN, Double.NaN);
    }

    // Per neuron.
    private double[] lo = new double[0];
    private double[] hi = new double[0];
    private double[] range = new double[0];
    private double[] step = new double[0];
    private double[] inverseStep = new double[0];
    private double[] stop = new double[0];
    private int[] digits = new int[0];
    private int[] saturated = new int[0];
    // Per sample.
    private int[] bins = new int[0];
    private int[] rowHash = new int[0];
    // The table of distinct rows: a representative row index (or -1) and its count.
    private int[] slot = new int[0];
    private int[] count = new int[0];

    /**
     * Measures the first {@code rows} rows of {@code activations} (one column per neuron); rows
     * below them are ignored and nothing is copied.
     *
     * @param activations Not modified. At least {@code rows} rows and one column.
     * @param rows the number N of samples, {@code 1 <= rows <= activations.numRows}
     * @return the entropy and saturation, or {@link Result#UNDEFINED} if one of the values is NaN
     *     or infinite (numpy would fail on those)
     * @throws IllegalArgumentException if {@code rows} is out of range or there are no columns
     */
    public Result measure(DMatrixRMaj activations, int rows) {
        if (activations == null) {
            throw new IllegalArgumentException("BinnedEntropy.measure: activations must be non-null");
        }
        int n = activations.numCols;
        if (rows < 1 || rows > activations.numRows || n < 1) {
            throw new IllegalArgumentException("BinnedEntropy.measure: need 1 <= rows <= " + activations.numRows
                    + " and at least one neuron (column); got rows = " + rows + " of a " + activations.numRows
                    + "x" + n + " matrix");
        }
        if ((long) rows * n > Integer.MAX_VALUE - 8 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("BinnedEntropy.measure: " + rows + " x " + n
                    + " activations do not fit one Java array; measure fewer rows");
        }
        ensureCapacity(rows, n);
        if (!extremes(activations.data, rows, n)) {
            return Result.UNDEFINED;
        }
        edges(n);
        binAndHash(activations.data, rows, n);
        double entropy = entropyOfDistinctRows(rows, n);
        double saturation = 0;
        for (int v = 0; v < n; v++) {
            saturation += (double) saturated[v] / rows * 100;
        }
        return new Result(entropy, saturation / n);
    }

    /** The bin of sample {@code row} in neuron {@code neuron} at the last {@link #measure} (for tests). */
    int lastBin(int row, int neuron, int neurons) {
        return bins[row * neurons + neuron];
    }

    /** The number of edges d_v of neuron {@code neuron} at the last {@link #measure} (for tests). */
    int lastDigits(int neuron) {
        return digits[neuron];
    }

    /** lo_v, hi_v; false if a value is not finite. */
    private boolean extremes(double[] t, int rows, int n) {
        boolean finite = true;
        for (int v = 0; v < n; v++) {
            lo[v] = t[v];
            hi[v] = t[v];
            finite &= Double.isFinite(t[v]);
        }
        for (int i = 1; i < rows; i++) {
            int base = i * n;
            for (int v = 0; v < n; v++) {
                double x = t[base + v];
                finite &= Double.isFinite(x);
                if (x < lo[v]) {
                    lo[v] = x;
                }
                if (x > hi[v]) {
                    hi[v] = x;
                }
            }
        }
        return finite;
    }

    /** range_v, w, d_v and the linspace step of each neuron. */
    private void edges(int n) {
        for (int v = 0; v < n; v++) {
            range[v] = Math.abs(lo[v] - hi[v] - EPSILON);
        }
        double width = pairwiseSum(range, 0, n) / n / BINS;
        for (int v = 0; v < n; v++) {
            int d = (int) (range[v] / width) + 1; // numpy astype(int): truncation; range_v / w <= 30 n
            digits[v] = d;
            stop[v] = hi[v] + EPSILON;
            // numpy.linspace: step = (stop - start) / (num - 1), edge_j = j * step + start. Its
            // special case step == 0 ((j / div) * delta + start) only arises when delta == 0,
            // where both forms give start.
            step[v] = d > 1 ? (stop[v] - lo[v]) / (d - 1) : 0;
            inverseStep[v] = step[v] > 0 ? 1 / step[v] : 0;
            saturated[v] = 0;
        }
    }

    /** edge_vj as numpy.linspace computes it. */
    private double edge(int v, int j) {
        return j == digits[v] - 1 && j > 0 ? stop[v] : j * step[v] + lo[v];
    }

    /** numpy.digitize(x, edges_v): the number of edges &lt;= x. */
    private int bin(double x, int v) {
        int last = digits[v] - 1;
        double guess = (x - lo[v]) * inverseStep[v];
        int k = guess >= last ? last : guess > 0 ? (int) guess : 0;
        while (k > 0 && edge(v, k) > x) {
            k--;
        }
        while (k < last && edge(v, k + 1) <= x) {
            k++;
        }
        return edge(v, k) <= x ? k + 1 : 0;
    }

    /** Fills the bin table row by row, hashes each row and counts the saturated samples. */
    private void binAndHash(double[] t, int rows, int n) {
        for (int i = 0; i < rows; i++) {
            int base = i * n;
            int h = 1;
            for (int v = 0; v < n; v++) {
                int b = bin(t[base + v], v);
                bins[base + v] = b;
                h = 31 * h + b;
                if (b == 1) {
                    saturated[v]++;
                }
                if (b == digits[v] - 1) {
                    saturated[v]++;
                }
            }
            rowHash[i] = mix(h);
        }
    }

    /** MurmurHash3's 32-bit finaliser, so that the low bits used by the table depend on every bin. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** Groups equal binned rows in the open-addressing table and sums -p log2(p + 1e-24). */
    private double entropyOfDistinctRows(int rows, int n) {
        int capacity = tableCapacity(rows);
        int mask = capacity - 1;
        Arrays.fill(slot, 0, capacity, -1);
        for (int i = 0; i < rows; i++) {
            int pos = rowHash[i] & mask;
            while (true) {
                int r = slot[pos];
                if (r < 0) {
                    slot[pos] = i;
                    count[pos] = 1;
                    break;
                }
                if (rowHash[r] == rowHash[i] && Arrays.equals(bins, r * n, r * n + n, bins, i * n, i * n + n)) {
                    count[pos]++;
                    break;
                }
                pos = (pos + 1) & mask;
            }
        }
        double sum = 0;
        for (int pos = 0; pos < capacity; pos++) {
            if (slot[pos] >= 0) {
                double p = (double) count[pos] / rows;
                sum += p * (Math.log(p + LOG_GUARD) / LN2);
            }
        }
        return 0.0 - sum; // 0.0 - x rather than -x: one distinct row gives +0.0, not -0.0
    }

    /** A power of two between two and four times the number of rows: the table is at most half full. */
    private static int tableCapacity(int rows) {
        return Integer.highestOneBit(rows) << 2;
    }

    private void ensureCapacity(int rows, int n) {
        if (lo.length < n) {
            lo = new double[n];
            hi = new double[n];
            range = new double[n];
            step = new double[n];
            inverseStep = new double[n];
            stop = new double[n];
            digits = new int[n];
            saturated = new int[n];
        }
        if (bins.length < rows * n) {
            bins = new int[rows * n];
        }
        if (rowHash.length < rows) {
            rowHash = new int[rows];
        }
        int capacity = tableCapacity(rows);
        if (slot.length < capacity) {
            slot = new int[capacity];
            count = new int[capacity];
        }
    }

    /**
     * numpy's pairwise summation of a contiguous float64 array ({@code pairwise_sum_DOUBLE}): a plain
     * loop below 8 elements, eight interleaved accumulators up to 128, halves (cut at a multiple of
     * 8) above. {@code np.sum} adds the result to its identity 0.0.
     */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
    }
}
