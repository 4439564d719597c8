package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.pinn.sampling.Box;

class ResidualOrderTest {

    static final Box UNIT = Box.of("x", 0, 1).and("y", 0, 1);

    /** Two points in each of four cells of the 10 x 10 grid of the unit square; 96 cells empty. */
    static final DMatrixRMaj FOUR_CELLS = new DMatrixRMaj(new double[][] {
        {0.01, 0.01}, {0.09, 0.02},     // cell (0, 0)
        {0.55, 0.01}, {0.51, 0.05},     // cell (5, 0)
        {0.25, 0.75}, {0.21, 0.79},     // cell (2, 7)
        {0.95, 0.95}, {0.99, 0.91}});   // cell (9, 9)

    @Test
    void constantWeightsAreFullyOrdered() {
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        assertEquals(10, order.cells());
        assertEquals(4, order.occupiedCells());
        assertEquals(1.0, order.of(column(0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3)), 1e-15);
    }

    @Test
    void weightInOneOfKCellsGivesOneOverRootKOverTheNonEmptyCellsOnly() {
        // c = (a, 0, 0, 0) over the 4 non-empty cells: mean a/4, rms a/2, phi = 1/2 (1/10 if the 96
        // empty cells counted).
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        assertEquals(0.5, order.of(column(0, 0, 0, 0, 2, 1, 0, 0)), 1e-15);
    }

    @Test
    void cellsAreAveragedBeforeTheOrder() {
        // Cell means (1, 1, 1, 1) though the points differ: 0 and 2, 0.5 and 1.5, ...
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        assertEquals(1.0, order.of(column(0, 2, 0.5, 1.5, 1, 1, 1.75, 0.25)), 1e-15);
        // Cell means (1, 2, 3, 4): mean 2.5, mean square 7.5.
        assertEquals(2.5 / Math.sqrt(7.5), order.of(column(1, 1, 2, 2, 3, 3, 4, 4)), 1e-15);
    }

    @Test
    void aPointOnTheUpperBoundaryBelongsToTheLastCell() {
        // (1, 1) shares cell (9, 9) with (0.95, 0.95): means (2, 2) -> 1. Had it a cell of its own the
        // means would be (1, 3, 2) -> 2 / sqrt(14/3).
        DMatrixRMaj points = new DMatrixRMaj(new double[][] {{1, 1}, {0.95, 0.95}, {0.05, 0.05}});
        ResidualOrder order = new ResidualOrder(points, UNIT);
        assertEquals(2, order.occupiedCells());
        assertEquals(1.0, order.of(column(1, 3, 2)), 1e-15);
    }

    @Test
    void pointsOnInteriorGridLinesGoUpAndOutsidePointsAreClamped() {
        Box box = Box.of("x", -1, 1);
        // Four cells of width 0.5: -0.5 starts cell 1; -3 and 7 clamp to cells 0 and 3.
        DMatrixRMaj points = new DMatrixRMaj(new double[][] {{-0.5}, {-0.75}, {-3}, {-0.9}, {7}});
        ResidualOrder order = new ResidualOrder(points, box, 4);
        assertEquals(3, order.occupiedCells());
        // Cell means: cell 0 (-0.75, -3, -0.9) -> mean(2, 4, 6) = 4; cell 1 -> 1; cell 3 -> 1.
        assertEquals(2.0 / Math.sqrt(6.0), order.of(column(1, 2, 4, 6, 1)), 1e-15);
    }

    @Test
    void anyDimension() {
        Box cube = Box.of("x", 0, 1).and("y", 0, 1).and("t", 0, 2);
        DMatrixRMaj points = new DMatrixRMaj(new double[][] {{0.1, 0.1, 0.1}, {0.9, 0.1, 0.1}, {0.1, 0.9, 1.9},
            {0.9, 0.9, 1.9}, {0.2, 0.2, 0.2}});
        ResidualOrder order = new ResidualOrder(points, cube, 2);
        assertEquals(4, order.occupiedCells());
        // Weight only in the corner cell (0, 0, 0): phi = 1 / sqrt(4).
        assertEquals(0.5, order.of(column(1, 0, 0, 0, 3)), 1e-15);
    }

    @Test
    void residualsEnterByMagnitude() {
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        DMatrixRMaj r = column(-1, 1, -2, -2, 3, -3, 4, 4);
        assertEquals(order.of(column(1, 1, 2, 2, 3, 3, 4, 4)), order.ofAbs(r), 0.0);
    }

    @Test
    void allZeroIsUndefined() {
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        assertTrue(Double.isNaN(order.of(new DMatrixRMaj(8, 1))));
        assertTrue(Double.isNaN(order.ofAbs(new DMatrixRMaj(1, 8))));
    }

    @Test
    void rejectsMistakes() {
        ResidualOrder order = new ResidualOrder(FOUR_CELLS, UNIT);
        assertThrows(IllegalArgumentException.class, () -> order.of(new DMatrixRMaj(7, 1)));
        assertThrows(IllegalArgumentException.class, () -> order.of(column(1, 1, 1, -1, 1, 1, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new ResidualOrder(new DMatrixRMaj(3, 3), UNIT));
        assertThrows(IllegalArgumentException.class, () -> new ResidualOrder(new DMatrixRMaj(0, 2), UNIT));
        assertThrows(IllegalArgumentException.class, () -> new ResidualOrder(FOUR_CELLS, UNIT, 0));
        assertThrows(IllegalArgumentException.class, () -> new ResidualOrder(FOUR_CELLS, UNIT, 5000));
        assertThrows(IllegalArgumentException.class,
                () -> new ResidualOrder(new DMatrixRMaj(new double[][] {{Double.NaN, 0}}), UNIT));
    }

    private static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }
}
