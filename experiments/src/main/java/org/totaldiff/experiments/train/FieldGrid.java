package org.totaldiff.experiments.train;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.experiments.plot.Grid;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * A field on a 2-d {@link TensorGrid} laid out for a heat map: the first coordinate across and
 * the second up, except for space-time fields (second coordinate named t), which put time
 * across as the papers draw them.
 */
public final class FieldGrid {

    private FieldGrid() {
    }

    /** True if the grid's second coordinate is time. */
    static boolean timeAcross(TensorGrid grid) {
        return grid.names().get(1).equals("t");
    }

    /** The plot grid. */
    public static Grid grid(TensorGrid grid) {
        requireTwoDimensional(grid);
        return timeAcross(grid) ? new Grid(grid.names().get(1), grid.axis(1), grid.names().get(0), grid.axis(0))
                : new Grid(grid.names().get(0), grid.axis(0), grid.names().get(1), grid.axis(1));
    }

    /** values[i][j] at (grid x[i], grid y[j]) of {@link #grid}, from u in the tensor grid's row order. */
    public static double[][] values(TensorGrid grid, DMatrixRMaj u) {
        requireTwoDimensional(grid);
        int n0 = grid.count(0);
        int n1 = grid.count(1);
        boolean swap = timeAcross(grid);
        double[][] v = swap ? new double[n1][n0] : new double[n0][n1];
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                // row i * n1 + j of the tensor grid is (axis0[i], axis1[j])
                double value = u.data[i * n1 + j];
                if (swap) {
                    v[j][i] = value;
                } else {
                    v[i][j] = value;
                }
            }
        }
        return v;
    }

    private static void requireTwoDimensional(TensorGrid grid) {
        if (grid.dim() != 2) {
            throw new IllegalArgumentException("heat maps need a 2-d grid, got " + grid.dim() + " coordinates");
        }
    }
}
