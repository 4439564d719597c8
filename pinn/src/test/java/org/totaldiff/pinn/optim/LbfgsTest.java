package org.totaldiff.pinn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** f = (1 - x)^2 + 100 (y - x^2)^2 over a 1x2 parameter (x, y). */
    static final Objective ROSENBROCK = (params, grads) -> {
        double x = params.get(0).data[0];
        double y = params.get(0).data[1];
        grads.get(0).data[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        grads.get(0).data[1] = 200 * (y - x * x);
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    };

    @Test
    void convergesOnRosenbrock() {
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, -1.2, 1.0);
        Lbfgs lbfgs = new Lbfgs(LbfgsConfig.DEFAULTS.withLimits(500, 1000).withTolerances(1e-12, 0));
        LbfgsResult r = lbfgs.step(List.of(p), ROSENBROCK);
        assertTrue(r.converged(), r.toString());
        assertEquals(1.0, p.data[0], 1e-6);
        assertEquals(1.0, p.data[1], 1e-6);
        assertTrue(r.iterations() < 100, r.toString());
        assertEquals(r.iterations(), lbfgs.iteration());
        assertEquals(r.evaluations(), lbfgs.evaluations());
        assertTrue(r.loss() < 1e-12 && r.initialLoss() > 20, r.toString());
    }

    @Test
    void repeatedStepCallsContinueTheRun() {
        // PyTorch-style: max_iter = 20 per call, called until converged
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, -1.2, 1.0);
        Lbfgs lbfgs = new Lbfgs(LbfgsConfig.DEFAULTS.withTolerances(1e-10, 0));
        LbfgsResult r = null;
        for (int call = 0; call < 20; call++) {
            r = lbfgs.step(List.of(p), ROSENBROCK);
            if (r.converged()) {
                break;
            }
        }
        assertTrue(r.converged(), r.toString());
        assertEquals(1.0, p.data[0], 1e-6);
        assertEquals(1.0, p.data[1], 1e-6);
    }

    @Test
    void convergesOnARandomConvexQuadraticInAboutNIterations() {
        int n = 12;
        Random rnd = new Random(11);
        // A = Q diag(lambda) Q^T with lambda in [1, 20], built as sum of rank-one terms of a random basis
        double[][] a = new double[n][n];
        double[][] q = randomOrthogonal(n, rnd);
        for (int k = 0; k < n; k++) {
            double lambda = 1 + 19 * rnd.nextDouble();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += lambda * q[k][i] * q[k][j];
                }
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextGaussian();
        }
        // split the variable over two matrices, as weights and biases
        Objective f = (params, grads) -> {
            double[] x = concat(params);
            double value = 0;
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                value += 0.5 * x[i] * ax - b[i] * x[i];
            }
            System.arraycopy(g, 0, grads.get(0).data, 0, 8);
            System.arraycopy(g, 8, grads.get(1).data, 0, 4);
            return value;
        };
        // PyTorch rescales H0 = (y.s / y.y) I at every iteration, which gives up the exact n-step
        // termination of BFGS with exact line searches; it still needs about n iterations. Below
        // max |g| ~ 1e-7 the objective values (ulp ~ 4e-16) no longer resolve the line search.
        for (double c2 : new double[] {0.9, 1e-3}) {
            List<DMatrixRMaj> params = List.of(new DMatrixRMaj(2, 4), new DMatrixRMaj(1, 4));
            Lbfgs lbfgs = new Lbfgs(LbfgsConfig.DEFAULTS.withLimits(100, 1000).withTolerances(1e-6, 0)
                    .withLineSearch(LbfgsConfig.LineSearch.STRONG_WOLFE, 1e-4, c2));
            LbfgsResult r = lbfgs.step(params, f);
            assertEquals(LbfgsResult.Stop.GRADIENT_TOLERANCE, r.stop(), r.toString());
            assertTrue(r.iterations() <= n + 4, "c2 = " + c2 + ": " + r);
            double[] x = concat(params);
            assertArrayEquals(solve(a, b), x, 1e-6); // |x - x*| <= |g| / lambda_min
        }
    }
    @Test
    void restoringTheStateContinuesBitForBit() {
        LbfgsConfig config = LbfgsConfig.DEFAULTS.withMaxIterations(3).withTolerances(0, 0);
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, -1.2, 1.0);
        Lbfgs straight = new Lbfgs(config);
        for (int call = 0; call < 4; call++) {
            straight.step(List.of(p), ROSENBROCK);
        }
        DMatrixRMaj q = new DMatrixRMaj(1, 2, true, -1.2, 1.0);
        Lbfgs first = new Lbfgs(config);
        first.step(List.of(q), ROSENBROCK);
        first.step(List.of(q), ROSENBROCK);
        OptimizerState saved = first.state();
        Lbfgs second = new Lbfgs(config);
        second.restore(saved);
        assertEquals(saved, second.state());
        second.step(List.of(q), ROSENBROCK);
        second.step(List.of(q), ROSENBROCK);
        assertArrayEquals(p.data, q.data, 0.0);
        assertEquals(straight.iteration(), second.iteration());
        assertThrows(IllegalArgumentException.class, () -> new Adam().restore(saved));
    }

    @Test
    void fixedStepWithoutLineSearchStillDescends() {
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, -1.2, 1.0);
        Lbfgs lbfgs = new Lbfgs(LbfgsConfig.DEFAULTS.withLineSearch(LbfgsConfig.LineSearch.NONE, 1e-4, 0.9)
                .withLearningRate(1e-3).withLimits(50, 100));
        LbfgsResult r = lbfgs.step(List.of(p), ROSENBROCK);
        assertTrue(r.loss() < r.initialLoss(), r.toString());
    }

    @Test
    void cubicInterpolationFindsTheMinimumOfACubic() {
        // f(x) = (x - 1)^3 - 3 (x - 1) has its local minimum at x = 2
        double x1 = 0.5;
        double x2 = 3;
        double f1 = Math.pow(x1 - 1, 3) - 3 * (x1 - 1);
        double f2 = Math.pow(x2 - 1, 3) - 3 * (x2 - 1);
        double g1 = 3 * Math.pow(x1 - 1, 2) - 3;
        double g2 = 3 * Math.pow(x2 - 1, 2) - 3;
        assertEquals(2.0, Lbfgs.cubicInterpolate(x1, f1, g1, x2, f2, g2), 1e-12);
        assertEquals(2.0, Lbfgs.cubicInterpolate(x2, f2, g2, x1, f1, g1), 1e-12);
        assertEquals(1.5, Lbfgs.cubicInterpolate(x1, f1, g1, x2, f2, g2, 0.5, 1.5), 0.0);
    }

    @Test
    void configRejectsBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LbfgsConfig.DEFAULTS.withHistorySize(0));
        assertTrue(e.getMessage().contains("historySize must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LbfgsConfig.DEFAULTS.withLineSearch(LbfgsConfig.LineSearch.STRONG_WOLFE, 0.9, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LbfgsConfig.DEFAULTS.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> LbfgsConfig.DEFAULTS.withTolerances(-1, 0));
    }

    private static double[] concat(List<DMatrixRMaj> params) {
        double[] x = new double[12];
        System.arraycopy(params.get(0).data, 0, x, 0, 8);
        System.arraycopy(params.get(1).data, 0, x, 8, 4);
        return x;
    }

    private static double[][] randomOrthogonal(int n, Random rnd) {
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                q[k][i] = rnd.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[k][i] * q[k][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[k][i] /= norm;
            }
        }
        return q;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[piv];
            m[piv] = tmp;
            for (int r = c + 1; r < n; r++) {
                double factor = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= factor * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
