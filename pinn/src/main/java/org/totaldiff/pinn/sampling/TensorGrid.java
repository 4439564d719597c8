package org.totaldiff.pinn.sampling;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A tensor-product grid: one axis (a sorted list of values) per named coordinate; its points are
 * every combination, n_1 x n_2 x ... x n_d of them.
 *
 * <p><b>Row order:</b> the first coordinate varies slowest and the last fastest, as in a
 * row-major array {@code u[i][j]}: for a 2-d grid the point (axis0[i], axis1[j]) is row
 * {@code i * n1 + j} of {@link #points()}. So for an (x, t) grid each block of n_t consecutive rows
 * is one x with all times.
 */
public final class TensorGrid {

    private final List<String> names;
    private final List<double[]> axes;

    private TensorGrid(List<String> names, List<double[]> axes) {
        this.names = List.copyOf(names);
        this.axes = axes;
    }

    /**
     * An evenly spaced grid over {@code box} with {@code counts[j]} points on coordinate j,
     * endpoints included (see {@link #linspace}).
     *
     * @throws IllegalArgumentException if the number of counts is not box.dim() or a count is &lt;= 0
     */
    public static TensorGrid of(Box box, int... counts) {
        if (counts.length != box.dim()) {
            throw new IllegalArgumentException("TensorGrid: " + counts.length + " counts for the "
                    + box.dim() + "-d box " + box + "; give one count per coordinate");
        }
        List<double[]> axes = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] <= 0) {
                throw new IllegalArgumentException("TensorGrid: count for coordinate '" + box.name(j)
                        + "' must be positive, got " + counts[j]);
            }
            axes.add(linspace(box.lower(j), box.upper(j), counts[j]));
        }
        return new TensorGrid(box.names(), axes);
    }

    /**
     * A grid on given axes (copied), e.g. a periodic x grid without its right endpoint.
     *
     * @throws IllegalArgumentException if names and axes differ in number or an axis is empty
     */
    public static TensorGrid of(List<String> names, List<double[]> axes) {
        if (names.size() != axes.size() || names.isEmpty()) {
            throw new IllegalArgumentException("TensorGrid: " + names.size() + " names and "
                    + axes.size() + " axes; give one non-empty axis per name");
        }
        List<double[]> copies = new ArrayList<>();
        for (int j = 0; j < axes.size(); j++) {
            if (axes.get(j).length == 0) {
                throw new IllegalArgumentException("TensorGrid: axis '" + names.get(j) + "' is empty");
            }
            copies.add(axes.get(j).clone());
        }
        return new TensorGrid(names, copies);
    }

    /**
     * n evenly spaced values from lo to hi inclusive: lo + (hi - lo) k / (n - 1), k = 0..n-1, with
     * the last value exactly hi. For n = 1 the single value is the midpoint (lo + hi) / 2.
     *
     * @throws IllegalArgumentException if n &lt;= 0
     */
    public static double[] linspace(double lo, double hi, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("linspace: n must be positive, got " + n);
        }
        double[] v = new double[n];
        if (n == 1) {
            v[0] = 0.5 * (lo + hi);
            return v;
        }
        for (int k = 0; k < n; k++) {
            v[k] = lo + (hi - lo) * k / (n - 1);
        }
        v[n - 1] = hi;
        return v;
    }

    /** Number of coordinates. */
    public int dim() {
        return names.size();
    }

    /** Coordinate names, in column order. */
    public List<String> names() {
        return names;
    }

    /** A copy of the values on axis j. */
    public double[] axis(int j) {
        return axes.get(j).clone();
    }

    /** Number of values on axis j. */
    public int count(int j) {
        return axes.get(j).length;
    }

    /** Total number of points, the product of the counts. */
    public int size() {
        long n = 1;
        for (double[] a : axes) {
            n *= a.length;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("TensorGrid: " + n + " points do not fit one matrix");
        }
        return (int) n;
    }

    /** Row of {@link #points()} holding the point with axis indices {@code idx}. */
    public int row(int... idx) {
        int r = 0;
        for (int j = 0; j < axes.size(); j++) {
            r = r * axes.get(j).length + idx[j];
        }
        return r;
    }

    /** All points, size() x dim(), first coordinate slowest (see the class comment). */
    public DMatrixRMaj points() {
        int d = dim();
        int n = size();
        DMatrixRMaj p = new DMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            int rest = r;
            for (int j = d - 1; j >= 0; j--) {
                double[] a = axes.get(j);
                p.data[r * d + j] = a[rest % a.length];
                rest /= a.length;
            }
        }
        return p;
    }
}
