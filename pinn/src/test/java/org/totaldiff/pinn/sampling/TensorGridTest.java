package org.totaldiff.pinn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TensorGridTest {

    @Test
    void linspaceIncludesBothEndpointsExactly() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, TensorGrid.linspace(-1, 1, 5), 1e-15);
        double[] t = TensorGrid.linspace(0, 1, 201);
        assertEquals(0, t[0]);
        assertEquals(1, t[200]);
        assertEquals(0.005, t[1], 1e-16);
        assertArrayEquals(new double[] {0.5}, TensorGrid.linspace(0, 1, 1));
    }

    @Test
    void firstCoordinateVariesSlowest() {
        Box box = Box.of("x", 0, 1).and("y", 10, 12);
        TensorGrid g = TensorGrid.of(box, 2, 3);
        DMatrixRMaj p = g.points();
        assertEquals(6, p.numRows);
        assertEquals(2, p.numCols);
        double[] expected = {0, 10, 0, 11, 0, 12, 1, 10, 1, 11, 1, 12};
        assertArrayEquals(expected, p.data, 0);
        assertEquals(5, g.row(1, 2));
        assertEquals(List.of("x", "y"), g.names());
    }

    @Test
    void threeDimensionalRowIndexMatchesPoints() {
        TensorGrid g = TensorGrid.of(Box.of("a", 0, 1).and("b", 0, 1).and("c", 0, 1), 2, 3, 4);
        DMatrixRMaj p = g.points();
        int r = g.row(1, 2, 3);
        assertEquals(1, p.get(r, 0), 0);
        assertEquals(1, p.get(r, 1), 0);
        assertEquals(1, p.get(r, 2), 0);
        assertEquals(24, g.size());
    }

    @Test
    void badCountsAreRejectedNamingTheValue() {
        Box box = Box.of("x", 0, 1).and("y", 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorGrid.of(box, 3, 0));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TensorGrid.of(box, 3));
        e = assertThrows(IllegalArgumentException.class, () -> TensorGrid.linspace(0, 1, -2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }
}
