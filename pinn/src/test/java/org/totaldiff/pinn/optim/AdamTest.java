package org.totaldiff.pinn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double[] P0 = {0.5, -1.25, 2.0, 1e-3};
    private static final double[] A = {1.0, 3.0, 0.5, 2.0};
    private static final double[] B = {0.1, -0.2, 0.0, 1e-4};

    /** g = a o p + b: the gradient of sum(a p^2 / 2 + b p). */
    private static DMatrixRMaj gradient(DMatrixRMaj p) {
        DMatrixRMaj g = new DMatrixRMaj(p.numRows, p.numCols);
        for (int i = 0; i < 4; i++) {
            g.data[i] = A[i] * p.data[i] + B[i];
        }
        return g;
    }

    private static List<double[]> run(Adam adam, int steps) {
        DMatrixRMaj p = new DMatrixRMaj(2, 2, true, P0);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            adam.step(List.of(p), List.of(gradient(p)));
            out.add(p.data.clone());
        }
        return out;
    }

    /**
     * The parameters after steps 1..5 with lr = 0.01 and PyTorch's defaults, and the moments after
     * step 5. Produced by python3 + numpy 2.4.6 (torch is not installed) with a script that
     * reproduces torch.optim.Adam._single_tensor_adam op by op in float64:
     * m = m + (1-b1)(g-m); v = v*b2; v = v + (1-b2)*g*g; bc1 = 1-b1**t; bc2 = 1-b2**t;
     * denom = sqrt(v)/sqrt(bc2) + eps; p = p + (-lr/bc1)*m/denom; with g = a*p + b, the p0, a, b
     * above; printed with repr(). Java matches them bit for bit.
     */
    private static final double[][] NUMPY_PARAMS = {
        {0.49000000016666667, -1.2400000000253164, 1.9900000001, -0.008999952381179135},
        {0.48000473404883315, -1.230002059911235, 1.9800013381541135, -0.002389593316131796},
        {0.4700174574814119, -1.220007569056123, 1.9700049117928364, 0.004162177784545342},
        {0.4600414932490943, -1.2100179250162828, 1.960011620324659, 0.006653636373570493},
        {0.4500802242424537, -1.2000345303139812, 1.9500223626888373, 0.005418848620758915},
    };
    private static final double[] NUMPY_M = {0.23666310396834195, -1.5904254217140046, 0.4049863562457971,
        0.0005527831015429911};
    private static final double[] NUMPY_V = {0.0016795933757422646, 0.0755166167957122, 0.004890876988645756,
        5.963434974349286e-07};
    /** The same script with weight_decay = 0.1 (g = a*p + b + 0.1*p). */
    private static final double[][] NUMPY_PARAMS_WD = {
        {0.49000000015384615, -1.24000000002454, 1.9900000000833333, -0.008999954545661153},
        {0.4800048130289385, -1.230002063411929, 1.9800013381207429, -0.002387391518340609},
        {0.47001775067648255, -1.2200075819589613, 1.9700049117427276, 0.004165843493058617},
        {0.46004219467926033, -1.2100179556614261, 1.9600116202577804, 0.006658160521786048},
        {0.45008158922851954, -1.2000345895166176, 1.9500223626051607, 0.005423760192929147},
    };

    @Test
    void matchesTheNumpyReproductionOfPyTorch() {
        Adam adam = new Adam(new Constant(0.01));
        List<double[]> got = run(adam, 5);
        for (int t = 0; t < 5; t++) {
            assertArrayEquals(NUMPY_PARAMS[t], got.get(t), 0.0, "step " + (t + 1));
        }
        OptimizerState s = adam.state();
        assertArrayEquals(NUMPY_M, s.array("exp_avg.0").data, 0.0);
        assertArrayEquals(NUMPY_V, s.array("exp_avg_sq.0").data, 0.0);
    }

    @Test
    void matchesTheNumpyReproductionWithWeightDecay() {
        Adam adam = new Adam(AdamConfig.DEFAULTS.withWeightDecay(0.1), new Constant(0.01));
        List<double[]> got = run(adam, 5);
        for (int t = 0; t < 5; t++) {
            assertArrayEquals(NUMPY_PARAMS_WD[t], got.get(t), 0.0, "step " + (t + 1));
        }
    }

    /** The same recursion written out independently with plain doubles, element by element. */
    @Test
    void matchesTheFormulaComputedByHand() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] p = P0.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        List<double[]> got = run(new Adam(new Constant(lr)), 6);
        for (int t = 1; t <= 6; t++) {
            for (int i = 0; i < 4; i++) {
                double g = A[i] * p[i] + B[i];
                m[i] = m[i] + (1 - b1) * (g - m[i]);
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                p[i] = p[i] - lr / (1 - Math.pow(b1, t)) * m[i] / denom;
            }
            // bit for bit: the same operations in the same order
            assertArrayEquals(p, got.get(t - 1), 0.0, "step " + t);
        }
        // and the textbook form m = b1 m + (1 - b1) g agrees to rounding
        double[] q = P0.clone();
        double[] mm = new double[4];
        double[] vv = new double[4];
        for (int t = 1; t <= 6; t++) {
            for (int i = 0; i < 4; i++) {
                double g = A[i] * q[i] + B[i];
                mm[i] = b1 * mm[i] + (1 - b1) * g;
                vv[i] = b2 * vv[i] + (1 - b2) * g * g;
                double mHat = mm[i] / (1 - Math.pow(b1, t));
                double vHat = vv[i] / (1 - Math.pow(b2, t));
                q[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        assertArrayEquals(q, got.get(5), 1e-14);
    }

    @Test
    void firstStepMovesEveryParameterByTheLearningRateAgainstTheGradient() {
        DMatrixRMaj p = new DMatrixRMaj(1, 3, true, 1, 2, 3);
        DMatrixRMaj g = new DMatrixRMaj(1, 3, true, 5, -0.25, 1e3);
        new Adam(new Constant(0.1)).step(List.of(p), List.of(g));
        // m_hat = g, v_hat = g^2: p -= lr g / (|g| + eps)
        assertEquals(0.9, p.data[0], 1e-9);
        assertEquals(2.1, p.data[1], 1e-7); // eps: 0.1 * 0.25 / (0.25 + 1e-8)
        assertEquals(2.9, p.data[2], 1e-9);
    }

    @Test
    void biasCorrectedMomentsAreTheMomentsOverTheCorrections() {
        Adam adam = new Adam(new Constant(0.01));
        run(adam, 3);
        List<DMatrixRMaj> mHat = List.of(new DMatrixRMaj(1, 1));
        List<DMatrixRMaj> vHat = List.of(new DMatrixRMaj(1, 1));
        adam.biasCorrectedMoments(mHat, vHat);
        assertEquals(2, mHat.get(0).numRows);
        double bc1 = 1 - Math.pow(0.9, 3);
        double bc2 = 1 - Math.pow(0.999, 3);
        assertEquals(bc1, adam.biasCorrection1(), 0.0);
        assertEquals(bc2, adam.biasCorrection2(), 0.0);
        OptimizerState s = adam.state();
        for (int i = 0; i < 4; i++) {
            assertEquals(s.array("exp_avg.0").data[i] / bc1, mHat.get(0).data[i], 0.0);
            assertEquals(s.array("exp_avg_sq.0").data[i] / bc2, vHat.get(0).data[i], 0.0);
        }
        adam.biasCorrectedMoments(null, vHat);
        assertThrows(IllegalStateException.class, () -> new Adam().biasCorrectedMoments(mHat, vHat));
        assertThrows(IllegalArgumentException.class, () -> adam.biasCorrectedMoments(List.of(), null));
    }

    @Test
    void minimisesAQuadratic() {
        // f = sum a_i (p_i - c_i)^2 / 2 over a 3x4 and a 1x4 parameter
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        DMatrixRMaj b = new DMatrixRMaj(1, 4);
        java.util.Random rnd = new java.util.Random(7);
        double[] c = new double[16];
        double[] a = new double[16];
        for (int i = 0; i < 16; i++) {
            c[i] = rnd.nextGaussian();
            a[i] = 0.5 + 4 * rnd.nextDouble();
        }
        Adam adam = new Adam(new StepDecay(0.05, 0.5, 500));
        List<DMatrixRMaj> params = List.of(w, b);
        DMatrixRMaj gw = new DMatrixRMaj(3, 4);
        DMatrixRMaj gb = new DMatrixRMaj(1, 4);
        for (int it = 0; it < 3000; it++) {
            for (int i = 0; i < 12; i++) {
                gw.data[i] = a[i] * (w.data[i] - c[i]);
            }
            for (int i = 0; i < 4; i++) {
                gb.data[i] = a[12 + i] * (b.data[i] - c[12 + i]);
            }
            adam.step(params, List.of(gw, gb));
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(c[i], w.data[i], 1e-6);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(c[12 + i], b.data[i], 1e-6);
        }
        assertEquals(3000, adam.iteration());
        assertEquals(0.05 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5, adam.learningRate(), 0.0);
    }

    @Test
    void restoringAStateThenSteppingIsBitForBitTheUninterruptedRun() {
        List<double[]> straight = run(new Adam(StepDecay.paper()), 10);
        Adam first = new Adam(StepDecay.paper());
        DMatrixRMaj p = new DMatrixRMaj(2, 2, true, P0);
        for (int t = 0; t < 4; t++) {
            first.step(List.of(p), List.of(gradient(p)));
        }
        OptimizerState saved = first.state();
        first.step(List.of(p), List.of(gradient(p))); // must not leak into the saved state
        Adam second = new Adam(StepDecay.paper());
        second.restore(saved);
        assertEquals(4, second.iteration());
        DMatrixRMaj q = new DMatrixRMaj(2, 2, true, straight.get(3));
        for (int t = 4; t < 10; t++) {
            second.step(List.of(q), List.of(gradient(q)));
            assertArrayEquals(straight.get(t), q.data, 0.0, "step " + (t + 1));
        }
        assertEquals(saved, saved);
        assertEquals(second.state(), second.state());
    }

    @Test
    void restoreRejectsAnotherKindOrConfiguration() {
        Adam adam = new Adam(new Constant(0.01));
        run(adam, 2);
        OptimizerState s = adam.state();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(AdamConfig.DEFAULTS.withBetas(0.8, 0.999), new Constant(0.01)).restore(s));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        OptimizerState other = new OptimizerState("lbfgs", java.util.Map.of(), java.util.Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> adam.restore(other));
        assertTrue(e.getMessage().contains("lbfgs"), e.getMessage());
        // restoring the state of a fresh optimizer resets
        adam.restore(new Adam(new Constant(0.01)).state());
        assertEquals(0, adam.iteration());
        assertEquals(0, adam.parameterCount());
    }

    @Test
    void rejectsMismatchedParametersAndGradients() {
        Adam adam = new Adam();
        DMatrixRMaj p = new DMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(p), List.of(new DMatrixRMaj(3, 2))));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("3x2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> adam.step(List.of(p), List.of()));
        adam.step(List.of(p), List.of(new DMatrixRMaj(2, 3)));
        e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(new DMatrixRMaj(1, 1)), List.of(new DMatrixRMaj(1, 1))));
        assertTrue(e.getMessage().contains("moments"), e.getMessage());
    }

    @Test
    void configRejectsBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdamConfig(1.0, 0.999, 1e-8, 0));
        assertTrue(e.getMessage().contains("beta1") && e.getMessage().contains("[0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(0.9, -0.1, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(0.9, 0.999, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(0.9, 0.999, 1e-8, -1));
        assertEquals(new AdamConfig(0.9, 0.999, 1e-8, 0.0), AdamConfig.DEFAULTS);
        assertEquals(1e-3, new Adam().learningRate(), 0.0);
    }
}
