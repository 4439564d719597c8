package org.totaldiff.pinn.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;

class Helmholtz2DTest {

    /** u_xx + u_yy + k^2 u by the 5-point stencil equals q to O(h^2). */
    @Test
    void forcingSatisfiesThePdeByFiniteDifferences() {
        for (Helmholtz2D p : new Helmholtz2D[] {Helmholtz2D.paper(), Helmholtz2D.rba(), new Helmholtz2D(2, 3, 5)}) {
            DMatrixRMaj pts = Sampling.latinHypercube(p.domain(), 200, new Rng(2341));
            double h = 1e-3;
            double worst = 0;
            for (int i = 0; i < pts.numRows; i++) {
                double x = pts.get(i, 0);
                double y = pts.get(i, 1);
                double u = p.value(x, y);
                double lap = (p.value(x + h, y) + p.value(x - h, y) + p.value(x, y + h) + p.value(x, y - h) - 4 * u)
                        / (h * h);
                worst = Math.max(worst, Math.abs(lap + p.k() * p.k() * u - p.forcing(x, y)));
            }
            assertTrue(worst < 1e-4 * Math.abs(p.forcingFactor()), p + ": residual " + worst);
        }
    }

    @Test
    void vanishesOnTheBoundaryAndMatchesClosedForm() {
        Helmholtz2D p = Helmholtz2D.paper();
        DMatrixRMaj b = Sampling.boundaryEvenly(p.domain(), 50);
        DMatrixRMaj u = p.evaluate(b);
        for (int i = 0; i < u.numRows; i++) {
            assertEquals(0, u.get(i), 1e-13);
        }
        assertEquals(Math.sin(6 * Math.PI * 0.1) * Math.sin(6 * Math.PI * -0.3), p.value(0.1, -0.3), 1e-15);
        assertEquals(1 - 72 * Math.PI * Math.PI, p.forcingFactor(), 1e-12);
        DMatrixRMaj q = p.forcing(new DMatrixRMaj(new double[][] {{0.1, -0.3}}));
        assertEquals(p.forcingFactor() * p.value(0.1, -0.3), q.get(0), 1e-12);
    }

    @Test
    void gridCsvRoundTrip(@TempDir Path dir) throws IOException {
        Helmholtz2D p = Helmholtz2D.rba();
        Path f = dir.resolve("helmholtz.csv");
        p.writeCsv(f, 11, 7);
        GridValues back = GridValues.readCsv(f);
        GridValues g = p.onGrid(11, 7);
        assertEquals(java.util.List.of("x", "y"), back.grid().names());
        assertArrayEquals(g.values().data, back.values().data, 0);
        assertArrayEquals(g.grid().points().data, back.grid().points().data, 0);
        assertEquals(p.value(-1 + 2.0 * 3 / 10, 1), g.value(3, 6), 1e-15);
        assertEquals(201 * 201, p.onGrid().values().numRows);
    }

    @Test
    void wrongShapeIsRejectedNamingTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Helmholtz2D.paper().evaluate(new DMatrixRMaj(4, 3)));
        assertTrue(e.getMessage().contains("4x3"), e.getMessage());
        assertEquals(Box.of("x", -1, 1).and("y", -1, 1), Helmholtz2D.paper().domain());
    }
}
