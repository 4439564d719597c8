package org.totaldiff.pinn.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllenCahnReferenceTest {

    private static final AllenCahnReference.Params DEFAULTS = AllenCahnReference.Params.defaults();
    private static final int NX = 512;
    private static final int NT = 201;
    private static AllenCahnReference reference;
    private static GridValues grid;

    @BeforeAll
    static void solveOnce() {
        reference = AllenCahnReference.compute(DEFAULTS);
        grid = reference.grid();
    }

    @Test
    void gridShapeAndInitialCondition() {
        assertEquals(List.of("x", "t"), grid.grid().names());
        assertEquals(NX, grid.grid().count(0));
        assertEquals(NT, grid.grid().count(1));
        assertEquals(1.0, grid.grid().axis(1)[NT - 1], 0);
        assertTrue(reference.onGrid() == grid && reference.referenceGrid() == grid.grid());
        assertEquals(0.005, grid.grid().axis(1)[1], 1e-16);
        for (int j = 0; j < NX; j++) {
            double x = -1 + 2.0 * j / NX;
            assertEquals(x * x * Math.cos(Math.PI * x), grid.value(j, 0), 0);
        }
    }

    /** Halving the ETDRK4 step changes u at t = 1 by far less than 1e-6 (measured ~1e-11). */
    @Test
    void halvingTheStepChangesTheSolutionByLessThan1e9() {
        GridValues half = AllenCahnReference.solve(DEFAULTS.withDt(DEFAULTS.dt() / 2));
        assertTrue(maxDiff(grid, half, NT - 1) < 1e-9, "dt halving changed u(t=1) by " + maxDiff(grid, half, NT - 1));
        assertTrue(maxDiff(grid, half, NT / 2) < 1e-9);
    }

    @Test
    void evenInitialConditionGivesAnEvenSolution() {
        double worst = 0;
        for (int m = 0; m < NT; m++) {
            for (int j = 1; j < NX; j++) {
                worst = Math.max(worst, Math.abs(grid.value(j, m) - grid.value(NX - j, m)));
            }
        }
        assertTrue(worst < 1e-10, "asymmetry " + worst);
    }

    @Test
    void solutionIsBoundedByOneAndShowsTheKnownFinalProfile() {
        for (int m = 0; m < NT; m++) {
            for (int j = 0; j < NX; j++) {
                assertTrue(Math.abs(grid.value(j, m)) <= 1 + 1e-9);
            }
        }
        int last = NT - 1;
        assertTrue(grid.value(0, last) < -0.9999, "u(-1, 1) = " + grid.value(0, last));
        // two plateaus near +1 around x = +-0.3, -1 outside |x| > 0.55, a dip to ~0.03 at x = 0
        for (double x : new double[] {-0.3125, 0.3125}) {
            assertTrue(value(x, 1) > 0.99, "u(" + x + ", 1) = " + value(x, 1));
        }
        for (double x : new double[] {-0.75, 0.7, 0.9}) {
            assertTrue(value(x, 1) < -0.999, "u(" + x + ", 1) = " + value(x, 1));
        }
        assertEquals(0.0296, value(0, 1), 1e-3);
        // interfaces just inside x = +-0.5
        assertTrue(value(-0.5625, 1) < -0.99 && value(-0.4375, 1) > 0.98);
    }

    /** The discrete energy sum_j h (D/2 u_x^2 + R/4 (1 - u^2)^2) never increases (gradient flow). */
    @Test
    void energyDecreases() {
        double previous = Double.POSITIVE_INFINITY;
        for (int m = 0; m < NT; m++) {
            double e = energy(m);
            assertTrue(e <= previous + 1e-12, "energy rose at t=" + m * 0.005 + ": " + previous + " -> " + e);
            previous = e;
        }
        assertTrue(energy(NT - 1) < 0.5 * energy(0));
    }

    /** Mass balance d/dt int u = R int (u - u^3) (diffusion conserves mass), by Simpson's rule in t. */
    @Test
    void massBalance() {
        double dt = 0.005;
        double worst = 0;
        for (int m = 0; m + 2 < NT; m += 2) {
            double change = mass(m + 2) - mass(m);
            double source = dt / 3 * (source(m) + 4 * source(m + 1) + source(m + 2));
            worst = Math.max(worst, Math.abs(change - source));
        }
        assertTrue(worst < 1e-6, "mass balance off by " + worst);
    }

    @Test
    void interpolationReproducesTheGridAndIsAccurateBetweenTimes() {
        DMatrixRMaj nodes = grid.grid().points();
        DMatrixRMaj back = reference.evaluate(nodes);
        for (int r = 0; r < nodes.numRows; r++) {
            assertEquals(grid.values().get(r), back.get(r), 1e-12);
        }
        // cubic in t: compare with a solve that stores twice as many times
        GridValues fine = AllenCahnReference.solve(DEFAULTS.withOutputs(401));
        DMatrixRMaj mid = new DMatrixRMaj(200 * NX, 2);
        int r = 0;
        for (int m = 1; m < 400; m += 2) {
            for (int j = 0; j < NX; j++) {
                mid.set(r, 0, -1 + 2.0 * j / NX);
                mid.set(r++, 1, m * 0.0025);
            }
        }
        DMatrixRMaj u = reference.evaluate(mid);
        double worst = 0;
        r = 0;
        for (int m = 1; m < 400; m += 2) {
            for (int j = 0; j < NX; j++) {
                worst = Math.max(worst, Math.abs(u.get(r++) - fine.value(j, m)));
            }
        }
        assertTrue(worst < 1e-6, "time interpolation error " + worst);
    }

    /** Trigonometric interpolation at x midpoints agrees with a 1024-point solve once the IC kink has smoothed. */
    @Test
    void spatialResolutionAgainstA1024PointSolve() {
        GridValues fine = AllenCahnReference.solve(DEFAULTS.withNx(1024));
        for (int m : new int[] {100, 200}) {
            DMatrixRMaj mid = new DMatrixRMaj(NX, 2);
            for (int j = 0; j < NX; j++) {
                mid.set(j, 0, -1 + (2.0 * j + 1) / NX);
                mid.set(j, 1, m * 0.005);
            }
            DMatrixRMaj u = reference.evaluate(mid);
            double worst = 0;
            for (int j = 0; j < NX; j++) {
                worst = Math.max(worst, Math.abs(u.get(j) - fine.value(2 * j + 1, m)));
                worst = Math.max(worst, Math.abs(grid.value(j, m) - fine.value(2 * j, m)));
            }
            assertTrue(worst < 5e-5, "t=" + m * 0.005 + ": 512 vs 1024 points differ by " + worst);
        }
    }

    /** With R = 0 the scheme is exact for the heat equation: each mode decays as exp(-D (pi k)^2 t). */
    @Test
    void heatEquationModesDecayExactly() {
        AllenCahnReference.Params p = new AllenCahnReference.Params(32, 11, 1.0, 0.1, 0.01, 0.0, 32);
        GridValues g = AllenCahnReference.solve(p, x -> Math.cos(Math.PI * x) + 0.5 * Math.sin(3 * Math.PI * x));
        for (int m = 0; m < 11; m++) {
            double t = 0.1 * m;
            for (int j = 0; j < 32; j++) {
                double x = -1 + 2.0 * j / 32;
                double exact = Math.exp(-0.01 * Math.PI * Math.PI * t) * Math.cos(Math.PI * x)
                        + 0.5 * Math.exp(-0.09 * Math.PI * Math.PI * t) * Math.sin(3 * Math.PI * x);
                assertEquals(exact, g.value(j, m), 1e-13);
            }
        }
    }

    /**
     * A constant state follows u' = R (u - u^3), u = u0 e^{Rt} / sqrt(1 + u0^2 (e^{2Rt} - 1));
     * ETDRK4 is fourth order: halving dt cuts the error about 16x.
     */
    @Test
    void fourthOrderOnTheReactionOde() {
        double u0 = 0.1;
        double growth = Math.exp(5.0);
        double exact = u0 * growth / Math.sqrt(1 + u0 * u0 * (growth * growth - 1));
        double[] errors = new double[2];
        double[] steps = {0.025, 0.0125};
        for (int s = 0; s < 2; s++) {
            AllenCahnReference.Params p = new AllenCahnReference.Params(8, 11, 1.0, steps[s], 1e-4, 5.0, 32);
            GridValues g = AllenCahnReference.solve(p, x -> u0);
            errors[s] = Math.abs(g.value(3, 10) - exact);
        }
        assertTrue(errors[1] < 1e-5, "error " + errors[1]);
        double ratio = errors[0] / errors[1];
        assertTrue(ratio > 12 && ratio < 22, "error ratio " + ratio);
    }

    @Test
    void csvRoundTripAndCache(@TempDir Path dir) throws IOException {
        AllenCahnReference.Params small = new AllenCahnReference.Params(32, 6, 1.0, 0.01, 1e-4, 5.0, 32);
        Path csv = dir.resolve("cache/ac.csv");
        AllenCahnReference first = AllenCahnReference.cached(csv, small);
        assertTrue(Files.exists(csv));
        assertEquals("x,t,u", Files.readAllLines(csv).get(0));
        AllenCahnReference second = AllenCahnReference.cached(csv, small);
        assertArrayEquals(first.grid().values().data, second.grid().values().data, 0);
        assertArrayEquals(first.grid().grid().points().data, second.grid().grid().points().data, 0);
        DMatrixRMaj p = new DMatrixRMaj(new double[][] {{0.123, 0.77}, {1.0, 0.0}});
        assertArrayEquals(first.evaluate(p).data, second.evaluate(p).data, 0);
        assertEquals(first.evaluate(p).get(1), AllenCahnReference.initialValue(-1), 1e-12);
    }

    @Test
    void mistakesAreRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reference.evaluate(new DMatrixRMaj(new double[][] {{0, 1.5}})));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withNx(500));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDt(3e-4));
        assertTrue(e.getMessage().contains("3.0E-4"), e.getMessage());
    }

    private static double value(double x, double t) {
        return reference.evaluate(new DMatrixRMaj(new double[][] {{x, t}})).get(0);
    }

    private static double maxDiff(GridValues a, GridValues b, int m) {
        double d = 0;
        for (int j = 0; j < NX; j++) {
            d = Math.max(d, Math.abs(a.value(j, m) - b.value(j, m)));
        }
        return d;
    }

    private static double mass(int m) {
        double s = 0;
        for (int j = 0; j < NX; j++) {
            s += grid.value(j, m);
        }
        return s * 2.0 / NX;
    }

    private static double source(int m) {
        double s = 0;
        for (int j = 0; j < NX; j++) {
            double u = grid.value(j, m);
            s += DEFAULTS.reaction() * (u - u * u * u);
        }
        return s * 2.0 / NX;
    }

    private static double energy(int m) {
        Fft fft = new Fft(NX);
        double[] re = new double[NX];
        double[] im = new double[NX];
        for (int j = 0; j < NX; j++) {
            re[j] = grid.value(j, m);
        }
        fft.forward(re, im);
        for (int j = 0; j < NX; j++) {
            double k = AllenCahnReference.wavenumber(j, NX);
            double r = re[j];
            re[j] = -k * im[j];
            im[j] = k * r;
        }
        fft.inverse(re, im);
        double e = 0;
        for (int j = 0; j < NX; j++) {
            double u = grid.value(j, m);
            double ux = re[j];
            e += DEFAULTS.diffusion() / 2 * ux * ux + DEFAULTS.reaction() / 4 * (1 - u * u) * (1 - u * u);
        }
        return e * 2.0 / NX;
    }
}
