package org.totaldiff.pinn.sampling;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Rng;

/**
 * Point sets drawn from a {@link Box}: each method returns a fresh N x d matrix, rows = points,
 * columns = the box's coordinates in order. Random methods draw only from the given {@link Rng},
 * so the same seed gives the same points.
 *
 * <p>Latin hypercube sampling (McKay, Beckman and Conover 1979): each coordinate's interval is cut
 * into N equal strata, and each stratum receives exactly one of the N points, at a uniform position
 * within it; the strata are matched across coordinates by independent random permutations.
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * N Latin-hypercube points in {@code box}: for coordinate j, point i lies in stratum
     * {@code perm_j[i]} at {@code lo_j + (perm_j[i] + U) (hi_j - lo_j) / n}, U uniform in [0, 1).
     * Draw order: coordinate by coordinate, a permutation then N offsets.
     *
     * @throws IllegalArgumentException if n &lt;= 0
     */
    public static DMatrixRMaj latinHypercube(Box box, int n, Rng rng) {
        requirePositive("latinHypercube", n);
        int d = box.dim();
        DMatrixRMaj p = new DMatrixRMaj(n, d);
        for (int j = 0; j < d; j++) {
            int[] perm = rng.permutation(n);
            double lo = box.lower(j);
            double w = box.width(j);
            for (int i = 0; i < n; i++) {
                double x = lo + (perm[i] + rng.nextDouble()) * w / n;
                p.data[i * d + j] = Math.min(x, box.upper(j));
            }
        }
        return p;
    }

    /**
     * N independent uniform points in {@code box}, drawn row by row.
     *
     * @throws IllegalArgumentException if n &lt;= 0
     */
    public static DMatrixRMaj uniform(Box box, int n, Rng rng) {
        requirePositive("uniform", n);
        int d = box.dim();
        DMatrixRMaj p = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                p.data[i * d + j] = rng.uniform(box.lower(j), box.upper(j));
            }
        }
        return p;
    }

    /**
     * Evenly spread points on one side of the box: the fixed coordinate at its bound, the others
     * on a tensor grid of {@code perAxis} points each, endpoints included
     * ({@link TensorGrid#linspace}), first free coordinate slowest. In 2-d that is
     * {@code perAxis} points along the edge, corners included; in d dimensions perAxis^(d-1)
     * points; in 1-d the single point of the side.
     *
     * @throws IllegalArgumentException if perAxis &lt;= 0
     */
    public static DMatrixRMaj boundaryEvenly(Box.Side side, int perAxis) {
        requirePositive("boundaryEvenly", perAxis);
        Box box = side.box();
        int d = box.dim();
        if (d == 1) {
            return new DMatrixRMaj(1, 1, true, side.value());
        }
        int[] counts = new int[d - 1];
        java.util.Arrays.fill(counts, perAxis);
        DMatrixRMaj free = TensorGrid.of(freeBox(side), counts).points();
        return insertColumn(free, side.coordinate(), side.value());
    }

    /**
     * N uniform random points on one side of the box (the fixed coordinate at its bound, the
     * others uniform).
     *
     * @throws IllegalArgumentException if n &lt;= 0
     */
    public static DMatrixRMaj boundaryRandom(Box.Side side, int n, Rng rng) {
        requirePositive("boundaryRandom", n);
        Box box = side.box();
        int d = box.dim();
        DMatrixRMaj p = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                p.data[i * d + j] = j == side.coordinate() ? side.value()
                        : rng.uniform(box.lower(j), box.upper(j));
            }
        }
        return p;
    }

    /**
     * {@link #boundaryEvenly(Box.Side, int)} on every side of the box, stacked in
     * {@link Box#sides()} order (x=lo, x=hi, y=lo, y=hi, ...). Corners appear once per side they
     * belong to. For a Dirichlet condition that is the same on the whole boundary.
     */
    public static DMatrixRMaj boundaryEvenly(Box box, int perAxis) {
        DMatrixRMaj all = new DMatrixRMaj(0, box.dim());
        for (Box.Side s : box.sides()) {
            all = stack(all, boundaryEvenly(s, perAxis));
        }
        return all;
    }

    /**
     * On every side of the box, in {@link Box#sides()} order, {@code perSide} distinct nodes drawn
     * at random from the side's evenly spaced grid of {@code nodes} points per axis (ascending
     * within a side): the boundary of the authors' Helmholtz code, 100 of the 1,001 nodes of each
     * side ({@code HM/HM.py}: {@code np.random.choice(1001, 100, replace=False)} per side).
     *
     * @throws IllegalArgumentException if perSide is not in [1, nodes^(d-1)]
     */
    public static DMatrixRMaj boundaryGridSample(Box box, int perSide, int nodes, Rng rng) {
        requirePositive("boundaryGridSample", perSide);
        DMatrixRMaj all = new DMatrixRMaj(0, box.dim());
        for (Box.Side side : box.sides()) {
            DMatrixRMaj grid = boundaryEvenly(side, nodes);
            if (perSide > grid.numRows) {
                throw new IllegalArgumentException("boundaryGridSample: " + perSide + " points per side, but a side has"
                        + " only " + grid.numRows + " nodes");
            }
            int[] chosen = java.util.Arrays.copyOf(rng.permutation(grid.numRows), perSide);
            java.util.Arrays.sort(chosen);
            DMatrixRMaj picked = new DMatrixRMaj(perSide, box.dim());
            for (int r = 0; r < perSide; r++) {
                System.arraycopy(grid.data, chosen[r] * box.dim(), picked.data, r * box.dim(), box.dim());
            }
            all = stack(all, picked);
        }
        return all;
    }

    /**
     * {@link #boundaryRandom(Box.Side, int, Rng)} with {@code perSide} points on every side,
     * stacked in {@link Box#sides()} order.
     */
    public static DMatrixRMaj boundaryRandom(Box box, int perSide, Rng rng) {
        DMatrixRMaj all = new DMatrixRMaj(0, box.dim());
        for (Box.Side s : box.sides()) {
            all = stack(all, boundaryRandom(s, perSide, rng));
        }
        return all;
    }

    /**
     * Initial-condition points: the side where coordinate {@code time} is at its lower bound t0,
     * evenly spread (endpoints included) - {@code boundaryEvenly(box.lowerSide(time), n)}.
     */
    public static DMatrixRMaj initialEvenly(Box box, String time, int n) {
        return boundaryEvenly(box.lowerSide(time), n);
    }

    /** Initial-condition points at t = t0, uniformly random in the other coordinates. */
    public static DMatrixRMaj initialRandom(Box box, String time, int n, Rng rng) {
        return boundaryRandom(box.lowerSide(time), n, rng);
    }

    private static Box freeBox(Box.Side side) {
        Box box = side.box();
        Box free = null;
        for (int j = 0; j < box.dim(); j++) {
            if (j == side.coordinate()) {
                continue;
            }
            free = free == null ? Box.of(box.name(j), box.lower(j), box.upper(j))
                    : free.and(box.name(j), box.lower(j), box.upper(j));
        }
        return free;
    }

    private static DMatrixRMaj insertColumn(DMatrixRMaj m, int col, double value) {
        int n = m.numRows;
        int d = m.numCols + 1;
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int j = 0; j < d; j++) {
                out.data[i * d + j] = j == col ? value : m.data[i * m.numCols + src++];
            }
        }
        return out;
    }

    private static DMatrixRMaj stack(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows + b.numRows, a.numCols);
        System.arraycopy(a.data, 0, out.data, 0, a.getNumElements());
        System.arraycopy(b.data, 0, out.data, a.getNumElements(), b.getNumElements());
        return out;
    }

    private static void requirePositive(String op, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Sampling." + op + ": number of points must be positive, got "
                    + n);
        }
    }
}
