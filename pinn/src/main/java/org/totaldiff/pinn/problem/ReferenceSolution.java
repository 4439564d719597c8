package org.totaldiff.pinn.problem;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * The true (exact or numerically computed) solution u of a benchmark PDE, used to measure a
 * trained network's test error and to draw reference plots.
 *
 * <p>Points are N x d matrices whose columns follow {@link #domain()}'s coordinate order, e.g.
 * (x, y) or (x, t); values come back as N x 1.
 */
public interface ReferenceSolution {

    /** One line naming the equation, its parameters and how u is obtained. */
    String description();

    /** The box the problem is posed on; its names give the column order of points. */
    Box domain();

    /**
     * u at each row of {@code points}.
     *
     * @param points N x d, d = domain().dim(). Not modified.
     * @return a new N x 1 matrix
     * @throws IllegalArgumentException if points does not have d columns
     */
    DMatrixRMaj evaluate(DMatrixRMaj points);

    /**
     * The grid on which test errors and plots are reported by default (documented per problem in
     * docs/problems-reference.md).
     */
    TensorGrid referenceGrid();

    /** u on {@link #referenceGrid()}. */
    default GridValues onGrid() {
        return onGrid(referenceGrid());
    }

    /** Writes {@link #onGrid()} as CSV (columns: coordinate names, then u; first coordinate slowest). */
    default void writeCsv(Path file) throws IOException {
        onGrid().writeCsv(file);
    }

    /** u on the points of {@code grid} (row order of {@link TensorGrid#points()}). */
    default GridValues onGrid(TensorGrid grid) {
        return new GridValues(grid, evaluate(grid.points()));
    }

    /**
     * u on an evenly spaced n0 x n1 grid over the domain, endpoints included, first coordinate
     * slowest (for test errors and plots).
     */
    default GridValues onGrid(int n0, int n1) {
        return onGrid(TensorGrid.of(domain(), n0, n1));
    }

    /** Writes {@link #onGrid(int, int)} as CSV (columns: coordinate names, then u). */
    default void writeCsv(Path file, int n0, int n1) throws IOException {
        onGrid(n0, n1).writeCsv(file);
    }

    /** Throws unless points has one column per domain coordinate. */
    static void requireColumns(String who, DMatrixRMaj points, Box domain) {
        if (points.numCols != domain.dim()) {
            throw new IllegalArgumentException(who + ".evaluate: points are " + points.numRows + "x"
                    + points.numCols + " but the domain " + domain + " has " + domain.dim()
                    + " coordinates; give an N x " + domain.dim() + " matrix");
        }
    }
}
