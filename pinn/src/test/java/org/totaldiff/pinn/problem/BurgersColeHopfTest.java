package org.totaldiff.pinn.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;

class BurgersColeHopfTest {

    private static final double NU = BurgersColeHopf.NU;
    private final BurgersColeHopf burgers = new BurgersColeHopf();

    @Test
    void initialConditionAntisymmetryAndBoundaryValues() {
        assertEquals(-Math.sin(Math.PI * 0.3), burgers.value(0.3, 0), 0);
        Rng rng = new Rng(7);
        for (int i = 0; i < 200; i++) {
            double x = rng.uniform(-1, 1);
            double t = rng.uniform(0, 1);
            assertEquals(-burgers.value(x, t), burgers.value(-x, t), 1e-12, "x=" + x + " t=" + t);
        }
        for (double t = 0.05; t <= 1; t += 0.05) {
            assertEquals(0, burgers.value(-1, t), 1e-12);
            assertEquals(0, burgers.value(1, t), 1e-12);
            assertEquals(0, burgers.value(0, t), 1e-12);
        }
        // small t: the inviscid, pre-shock solution u = -sin(pi (x - u t)) to O(nu t)
        double x = 0.4;
        double t = 0.02;
        double u = burgers.value(x, t);
        assertEquals(-Math.sin(Math.PI * (x - u * t)), u, 2e-3);
    }

    /** Basdevant et al. (1986): max |u_x| = 152.00516, at x = 0, t = 1.6037 / pi. */
    @Test
    void steepestGradientMatchesBasdevant() {
        double t = 1.6037 / Math.PI;
        double h = 1e-6;
        double slope = (burgers.value(h, t) - burgers.value(-h, t)) / (2 * h);
        assertEquals(-152.00516, slope, 2e-4);
        double before = (burgers.value(h, t - 0.01) - burgers.value(-h, t - 0.01)) / (2 * h);
        double after = (burgers.value(h, t + 0.01) - burgers.value(-h, t + 0.01)) / (2 * h);
        assertTrue(Math.abs(before) < 152.0 && Math.abs(after) < 152.0);
    }

    /** The Gauss-Hermite rule agrees with an independent trapezoid rule in z. */
    @Test
    void gaussHermiteAgreesWithTrapezoidQuadrature() {
        Rng rng = new Rng(11);
        for (int i = 0; i < 40; i++) {
            double x = i < 10 ? rng.uniform(-0.02, 0.02) : rng.uniform(-1, 1);
            double t = rng.uniform(0.01, 1);
            assertEquals(trapezoid(x, t), burgers.value(x, t), 1e-11, "x=" + x + " t=" + t);
        }
        BurgersColeHopf small = new BurgersColeHopf(NU, 100);
        assertEquals(burgers.value(0.01, 0.6), small.value(0.01, 0.6), 1e-12);
    }

    static double trapezoid(double x, double t) {
        double s = Math.sqrt(4 * NU * t);
        double c = 1 / (2 * Math.PI * NU);
        int n = 40_000;
        double half = 40;
        double hz = 2 * half / n;
        double[] e = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double z = -half + i * hz;
            e[i] = -z * z - c * Math.cos(Math.PI * (x - s * z));
            max = Math.max(max, e[i]);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i <= n; i++) {
            double z = -half + i * hz;
            double w = Math.exp(e[i] - max);
            num += w * Math.sin(Math.PI * (x - s * z));
            den += w;
        }
        return -num / den;
    }

    /** u_t + u u_x - nu u_xx by central differences is small away from the shock at x = 0. */
    @Test
    void pdeResidualByFiniteDifferencesAwayFromTheShock() {
        Box box = Box.of("x", 0.1, 0.98).and("t", 0.05, 0.98);
        DMatrixRMaj pts = Sampling.latinHypercube(box, 200, new Rng(2341));
        double h = 1e-4;
        double worst = 0;
        for (int i = 0; i < pts.numRows; i++) {
            double x = pts.get(i, 0) * (i % 2 == 0 ? 1 : -1);
            double t = pts.get(i, 1);
            double u = burgers.value(x, t);
            double ut = (burgers.value(x, t + h) - burgers.value(x, t - h)) / (2 * h);
            double up = burgers.value(x + h, t);
            double um = burgers.value(x - h, t);
            double ux = (up - um) / (2 * h);
            double uxx = (up - 2 * u + um) / (h * h);
            worst = Math.max(worst, Math.abs(ut + u * ux - NU * uxx));
        }
        assertTrue(worst < 1e-5, "max residual " + worst);
    }

    /**
     * A fine finite-difference solve (2nd-order central differences in conservative form, RK4 in
     * time) agrees in relative L2 to about 1e-4, and its error falls 4x per halving of dx.
     */
    @Test
    void agreesWithAFineFiniteDifferenceSolve() {
        double[] coarse = fdErrors(burgers, 1001);
        double[] fine = fdErrors(burgers, 2001);
        for (int q = 0; q < 4; q++) {
            assertTrue(fine[q] < 5e-4, "t=" + 0.25 * (q + 1) + ": relative L2 " + fine[q]);
            double ratio = coarse[q] / fine[q];
            assertTrue(ratio > 3.5 && ratio < 4.5, "t=" + 0.25 * (q + 1) + ": error ratio " + ratio);
        }
    }

    /** Relative L2 difference between the FD solution on nx points and Cole-Hopf at t = .25, .5, .75, 1. */
    static double[] fdErrors(BurgersColeHopf burgers, int nx) {
        double dx = 2.0 / (nx - 1);
        int steps = (int) Math.ceil(0.25 / (0.2 * dx * dx / NU));
        double dt = 0.25 / steps;
        double[] u = new double[nx];
        double[] k1 = new double[nx];
        double[] k2 = new double[nx];
        double[] k3 = new double[nx];
        double[] k4 = new double[nx];
        double[] tmp = new double[nx];
        for (int i = 1; i < nx - 1; i++) {
            u[i] = BurgersColeHopf.initialValue(-1 + i * dx);
        }
        double[] errors = new double[4];
        for (int q = 0; q < 4; q++) {
            for (int s = 0; s < steps; s++) {
                rhs(u, k1, dx);
                axpy(u, 0.5 * dt, k1, tmp);
                rhs(tmp, k2, dx);
                axpy(u, 0.5 * dt, k2, tmp);
                rhs(tmp, k3, dx);
                axpy(u, dt, k3, tmp);
                rhs(tmp, k4, dx);
                for (int i = 0; i < nx; i++) {
                    u[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
            double t = 0.25 * (q + 1);
            double e2 = 0;
            double n2 = 0;
            for (int i = 0; i < nx; i++) {
                double exact = burgers.value(-1 + i * dx, t);
                e2 += (u[i] - exact) * (u[i] - exact);
                n2 += exact * exact;
            }
            errors[q] = Math.sqrt(e2 / n2);
        }
        return errors;
    }

    /** out = -(u^2/2)_x + nu u_xx with central differences; u = 0 at both ends. */
    private static void rhs(double[] u, double[] out, double dx) {
        int n = u.length;
        for (int i = 1; i < n - 1; i++) {
            out[i] = -(u[i + 1] * u[i + 1] - u[i - 1] * u[i - 1]) / (4 * dx)
                    + NU * (u[i + 1] - 2 * u[i] + u[i - 1]) / (dx * dx);
        }
    }

    private static void axpy(double[] u, double a, double[] k, double[] out) {
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] + a * k[i];
        }
    }

    @Test
    void referenceGridCsv(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("burgers.csv");
        burgers.writeCsv(f);
        GridValues back = GridValues.readCsv(f);
        assertEquals(256 * 101, back.values().numRows);
        assertEquals(List.of("x", "t"), back.grid().names());
        assertEquals(0.01, back.grid().axis(1)[1], 1e-16);
        assertEquals(burgers.value(back.grid().axis(0)[10], 0.5), back.value(10, 50), 0);
    }

    @Test
    void evaluateMatchesValueAndRejectsBadInput() {
        DMatrixRMaj pts = new DMatrixRMaj(new double[][] {{0.25, 0.5}, {-0.7, 0.9}});
        DMatrixRMaj u = burgers.evaluate(pts);
        assertEquals(burgers.value(0.25, 0.5), u.get(0), 0);
        assertEquals(burgers.value(-0.7, 0.9), u.get(1), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> burgers.value(0, -0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BurgersColeHopf(0, 100));
        assertThrows(IllegalArgumentException.class, () -> burgers.evaluate(new DMatrixRMaj(3, 1)));
    }
}
