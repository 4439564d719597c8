package org.totaldiff.experiments.monitor;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.Box;

/**
 * The residual order &phi;<sub>r</sub> of Anagnostopoulos, Toscano, Stergiopulos, Karniadakis,
 * "Learning in PINNs: Phase transition, total diffusion, and generalization" (arXiv:2403.18494,
 * 2024): how evenly a non-negative per-point quantity a<sub>i</sub> (the RBA weights
 * &lambda;<sub>i</sub>, or |r<sub>i</sub>|) is spread over the domain. The box is cut into
 * {@code cells} equal intervals per axis (cells<sup>d</sup> cells; the paper's 10 x 10 in 2-D);
 * point x goes to cell floor((x<sub>k</sub> - lo<sub>k</sub>) / (hi<sub>k</sub> - lo<sub>k</sub>)
 * &middot; cells) on each axis k, clamped to [0, cells - 1], so the upper boundary belongs to the
 * last cell. Over the K cells that hold points, with c the mean of a<sub>i</sub> in a cell:
 *
 * <pre>
 *   &phi;<sub>r</sub> = mean(c) / sqrt(mean(c&sup2;))      in (0, 1]; 1 when every cell has the same mean
 * </pre>
 *
 * and NaN when every c is 0. The cell of each point is found once, in the constructor.
 * Not thread-safe (a buffer of cell sums is reused).
 */
public final class ResidualOrder {

    /** The paper's number of cells per axis. */
    public static final int DEFAULT_CELLS = 10;

    /** The most cells (cells<sup>d</sup>) accepted. */
    static final int MAX_CELLS = 1 << 24;

    private final int cells;
    private final int[] cellOf;
    private final int[] pointsIn;
    private final int occupied;
    private final double[] sums;

    /** The order on {@link #DEFAULT_CELLS} cells per axis. */
    public ResidualOrder(DMatrixRMaj points, Box domain) {
        this(points, domain, DEFAULT_CELLS);
    }

    /**
     * @param points Not modified. N x d, one collocation point per row, columns in the box's order.
     * @param domain the box that is cut into cells
     * @param cells the number of cells per axis, {@code >= 1}
     * @throws IllegalArgumentException if the columns do not match the box, there are no points, a
     *     coordinate is not finite, or there are more than 2<sup>24</sup> cells
     */
    public ResidualOrder(DMatrixRMaj points, Box domain, int cells) {
        this.cells = cells;
        cellOf = cellIndices(points, domain, cells);
        pointsIn = new int[cellCount(domain.dim(), cells)];
        sums = new double[pointsIn.length];
        for (int id : cellOf) {
            pointsIn[id]++;
        }
        int k = 0;
        for (int count : pointsIn) {
            if (count > 0) {
                k++;
            }
        }
        occupied = k;
    }

    /**
     * The cell of every point: &Sigma;<sub>k</sub> c<sub>k</sub> cells<sup>k</sup> with c<sub>k</sub> =
     * floor((x<sub>k</sub> - lo<sub>k</sub>) / (hi<sub>k</sub> - lo<sub>k</sub>) &middot; cells)
     * clamped to [0, cells - 1], so the first coordinate varies fastest.
     *
     * @param points Not modified. N x d, one point per row, columns in the box's order.
     * @return a new array of N indices in [0, cells<sup>d</sup>)
     * @throws IllegalArgumentException as the constructor
     */
    public static int[] cellIndices(DMatrixRMaj points, Box domain, int cells) {
        if (points == null || domain == null) {
            throw new IllegalArgumentException("ResidualOrder: points and domain must be non-null");
        }
        int d = domain.dim();
        if (points.numCols != d || points.numRows < 1) {
            throw new IllegalArgumentException("ResidualOrder: points are " + points.numRows + "x" + points.numCols
                    + " but need at least one row and one column per coordinate of " + domain + " (" + d + ")");
        }
        cellCount(d, cells);
        int n = points.numRows;
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int id = 0;
            int stride = 1;
            for (int k = 0; k < d; k++) {
                double x = points.data[i * d + k];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("ResidualOrder: point " + i + " has the non-finite coordinate "
                            + domain.name(k) + " = " + x);
                }
                double u = (x - domain.lower(k)) / (domain.upper(k) - domain.lower(k)) * cells;
                int c = u >= cells - 1 ? cells - 1 : u > 0 ? (int) u : 0;
                id += c * stride;
                stride *= cells;
            }
            cellOf[i] = id;
        }
        return cellOf;
    }

    /** cells<sup>d</sup>, checked. */
    private static int cellCount(int d, int cells) {
        if (cells < 1 || Math.pow(cells, d) > MAX_CELLS) {
            throw new IllegalArgumentException("ResidualOrder: cells per axis must be >= 1 with cells^" + d
                    + " <= " + MAX_CELLS + ", got " + cells);
        }
        return (int) Math.round(Math.pow(cells, d));
    }

    /** The number of cells per axis. */
    public int cells() {
        return cells;
    }

    /** The number N of points. */
    public int points() {
        return cellOf.length;
    }

    /** The number K of cells that hold at least one point. */
    public int occupiedCells() {
        return occupied;
    }

    /**
     * &phi;<sub>r</sub> of non-negative per-point values such as the RBA weights.
     *
     * @param weights Not modified. N values (any shape with N elements), each {@code >= 0}.
     * @return &phi;<sub>r</sub>, or NaN if every cell mean is 0 (or a value is NaN)
     * @throws IllegalArgumentException if the count differs from N or a value is negative
     */
    public double of(DMatrixRMaj weights) {
        return order("of", weights, false);
    }

    /**
     * &phi;<sub>r</sub> of |r<sub>i</sub>|.
     *
     * @param residual Not modified. N residuals (any shape with N elements).
     * @return &phi;<sub>r</sub>, or NaN if every residual is 0 (or one is NaN)
     * @throws IllegalArgumentException if the count differs from N
     */
    public double ofAbs(DMatrixRMaj residual) {
        return order("ofAbs", residual, true);
    }

    private double order(String op, DMatrixRMaj values, boolean abs) {
        int n = cellOf.length;
        if (values == null || values.getNumElements() != n) {
            throw new IllegalArgumentException("ResidualOrder." + op + ": expected " + n + " values, one per point, got "
                    + (values == null ? "null" : values.numRows + "x" + values.numCols));
        }
        Arrays.fill(sums, 0.0);
        for (int i = 0; i < n; i++) {
            double a = values.data[i];
            if (abs) {
                a = Math.abs(a);
            } else if (a < 0) {
                throw new IllegalArgumentException("ResidualOrder.of: value " + i + " is negative (" + a
                        + "); pass non-negative weights, or residuals to ofAbs");
            }
            sums[cellOf[i]] += a;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int c = 0; c < sums.length; c++) {
            if (pointsIn[c] > 0) {
                double mean = sums[c] / pointsIn[c];
                sum += mean;
                sumSquares += mean * mean;
            }
        }
        if (sumSquares == 0) {
            return Double.NaN;
        }
        return (sum / occupied) / Math.sqrt(sumSquares / occupied);
    }
}
