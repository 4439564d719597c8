package org.totaldiff.pinn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.engine.Rng;

/** The authors' Helmholtz boundary: 100 of the 1,001 grid nodes of each side, drawn at random. */
class BoundaryGridSampleTest {

    private static final Box SQUARE = Box.of(List.of("x", "y"), new double[] {-1, -1}, new double[] {1, 1});

    @Test
    void eachSideGetsDistinctGridNodesOfThatSide() {
        DMatrixRMaj p = Sampling.boundaryGridSample(SQUARE, 100, 1001, new Rng(2341));
        assertEquals(400, p.numRows);
        List<Box.Side> sides = SQUARE.sides();
        for (int s = 0; s < 4; s++) {
            Box.Side side = sides.get(s);
            Set<Long> seen = new HashSet<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (int r = s * 100; r < (s + 1) * 100; r++) {
                assertEquals(side.value(), p.get(r, side.coordinate()), 0.0, "on side " + s);
                double free = p.get(r, 1 - side.coordinate());
                long node = Math.round((free + 1) / 2 * 1000);
                assertEquals(-1 + node * 2.0 / 1000, free, 1e-15, "a node of linspace(-1, 1, 1001)");
                assertTrue(seen.add(node), "drawn without replacement");
                assertTrue(free > previous, "ascending within a side");
                previous = free;
            }
        }
    }

    @Test
    void theDrawFollowsTheSeedAndNotMoreThanTheNodes() {
        assertArrayEquals(Sampling.boundaryGridSample(SQUARE, 10, 50, new Rng(7)).data,
                Sampling.boundaryGridSample(SQUARE, 10, 50, new Rng(7)).data);
        assertTrue(!java.util.Arrays.equals(Sampling.boundaryGridSample(SQUARE, 10, 50, new Rng(7)).data,
                Sampling.boundaryGridSample(SQUARE, 10, 50, new Rng(8)).data));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sampling.boundaryGridSample(SQUARE, 51, 50, new Rng(1)));
        assertEquals("boundaryGridSample: 51 points per side, but a side has only 50 nodes", e.getMessage());
    }
}
