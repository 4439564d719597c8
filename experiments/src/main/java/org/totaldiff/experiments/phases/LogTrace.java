package org.totaldiff.experiments.phases;

import java.util.Arrays;

/**
 * A logged trace (iteration, value) in log-log coordinates, u = log<sub>10</sub>(iteration) and
 * y = log<sub>10</sub>(value), rows sorted by u, with its resampling onto a uniform grid in u.
 *
 * <p><b>Cadence-free resampling.</b> Row i stands for the cell [m<sub>i-1</sub>, m<sub>i</sub>] of
 * log-iteration around it (m<sub>i</sub> the midpoint between rows i and i + 1; the first and last
 * cells end at the first and last row): the trace is read as the nearest-row, piecewise-constant
 * function y(u) on [u<sub>0</sub>, u<sub>last</sub>]. Grid point k, at g<sub>k</sub> = u<sub>0</sub>
 * + k h, gets the running median (Tukey, <i>Exploratory Data Analysis</i>, 1977) of that function
 * over [g<sub>k</sub> - w/2, g<sub>k</sub> + w/2]: the weighted median of the rows whose cells
 * overlap the window, each weighted by the length of its overlap. A row therefore counts by the
 * span of log-iteration it covers, not by how many rows there are: logging every 2 or every 100
 * iterations describes the same function, and the grid is anchored at the first row, so
 * multiplying every iteration by c shifts the whole grid by log<sub>10</sub> c and leaves the
 * resampled values unchanged.
 */
final class LogTrace {

    private final double[] iterations;
    private final double[] u;
    private final double[] y;
    private final double[] cellLo;
    private final double[] cellHi;
    private final int[] byValue;

    private LogTrace(double[] iterations, double[] u, double[] y) {
        this.iterations = iterations;
        this.u = u;
        this.y = y;
        int n = u.length;
        cellLo = new double[n];
        cellHi = new double[n];
        for (int i = 0; i < n; i++) {
            cellLo[i] = i == 0 ? u[0] : 0.5 * (u[i - 1] + u[i]);
            cellHi[i] = i == n - 1 ? u[n - 1] : 0.5 * (u[i] + u[i + 1]);
        }
        byValue = sortedIndices(y);
    }

    /**
     * The rows with a finite iteration &gt; 0 and a finite value &gt; 0, in log-log coordinates and
     * sorted by iteration (equal iterations keep their order); the other rows are skipped.
     *
     * @param op the caller's name, for error messages
     * @throws IllegalArgumentException if an array is null or the lengths differ
     */
    static LogTrace of(String op, double[] iterations, double[] values) {
        if (iterations == null || values == null) {
            throw new IllegalArgumentException(op + ": iterations and values must not be null");
        }
        if (iterations.length != values.length) {
            throw new IllegalArgumentException(op + ": iterations has " + iterations.length
                    + " rows, values has " + values.length + "; give one value per iteration");
        }
        int kept = 0;
        double[] it = new double[iterations.length];
        double[] v = new double[iterations.length];
        for (int i = 0; i < iterations.length; i++) {
            double x = iterations[i];
            double z = values[i];
            if (Double.isFinite(x) && x > 0 && Double.isFinite(z) && z > 0) {
                it[kept] = x;
                v[kept] = z;
                kept++;
            }
        }
        int[] order = sortedIndices(Arrays.copyOf(it, kept));
        double[] sorted = new double[kept];
        double[] u = new double[kept];
        double[] y = new double[kept];
        for (int r = 0; r < kept; r++) {
            sorted[r] = it[order[r]];
            u[r] = Math.log10(sorted[r]);
            y[r] = Math.log10(v[order[r]]);
        }
        return new LogTrace(sorted, u, y);
    }

    /** The number of rows kept. */
    int rows() {
        return u.length;
    }

    /** log<sub>10</sub> of row i's iteration. */
    double u(int i) {
        return u[i];
    }

    /** log<sub>10</sub>(last iteration) - log<sub>10</sub>(first iteration); 0 without rows. */
    double span() {
        return u.length == 0 ? 0 : u[u.length - 1] - u[0];
    }

    /** The number of grid points of step h that fit in [u<sub>0</sub>, u<sub>last</sub>]. */
    int gridSize(double h) {
        return u.length == 0 ? 0 : (int) Math.floor(span() / h + 1e-9) + 1;
    }

    /** Grid point k: u<sub>0</sub> + k h. */
    double grid(int k, double h) {
        return u[0] + k * h;
    }

    /** The number of rows with a &le; u &le; b. */
    int rowsBetween(double a, double b) {
        return Math.max(0, lastAtOrBefore(b) - firstAtOrAfter(a) + 1);
    }

    /** The index of the last row with u &le; x, or -1. */
    int lastAtOrBefore(double x) {
        int lo = 0;
        int hi = u.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private int firstAtOrAfter(double x) {
        int lo = 0;
        int hi = u.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The logged iteration nearest to 10<sup>x</sup> in log-iteration (the earlier on a tie). */
    double nearestIteration(double x) {
        int i = lastAtOrBefore(x);
        if (i < 0) {
            i = 0;
        } else if (i + 1 < u.length && u[i + 1] - x < x - u[i]) {
            i++;
        }
        return iterations[i];
    }

    /**
     * The running median of y(u) on the grid of step h with a window of width w (see the class
     * comment): one value per grid point. Needs at least one row.
     */
    double[] runningMedian(double h, double w) {
        int n = gridSize(h);
        double[] s = new double[n];
        int[] ranks = new int[u.length];
        int[] rankOf = new int[u.length];
        for (int r = 0; r < byValue.length; r++) {
            rankOf[byValue[r]] = r;
        }
        int first = 0;
        for (int k = 0; k < n; k++) {
            double a = Math.max(u[0], grid(k, h) - 0.5 * w);
            double b = Math.min(u[u.length - 1], grid(k, h) + 0.5 * w);
            while (first < u.length - 1 && cellHi[first] <= a) {
                first++;
            }
            int m = 0;
            double total = 0;
            for (int i = first; i < u.length && (cellLo[i] < b || m == 0); i++) {
                ranks[m++] = rankOf[i];
                total += overlap(i, a, b);
            }
            Arrays.sort(ranks, 0, m);
            s[k] = y[byValue[ranks[0]]];
            double cumulative = 0;
            for (int j = 0; j < m; j++) {
                int row = byValue[ranks[j]];
                cumulative += overlap(row, a, b);
                if (cumulative >= 0.5 * total) {
                    s[k] = y[row];
                    break;
                }
            }
        }
        return s;
    }

    private double overlap(int i, double a, double b) {
        return Math.max(0, Math.min(cellHi[i], b) - Math.max(cellLo[i], a));
    }

    /** The indices of {@code v} in ascending order of value; equal values keep their order. */
    private static int[] sortedIndices(double[] v) {
        Integer[] boxed = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (p, q) -> Double.compare(v[p], v[q]));
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
