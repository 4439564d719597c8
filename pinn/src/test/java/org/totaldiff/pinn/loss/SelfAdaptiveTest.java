package org.totaldiff.pinn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SelfAdaptiveTest {

    private static DMatrixRMaj column(double... v) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        System.arraycopy(v, 0, m.data, 0, v.length);
        return m;
    }

    @Test
    void theFirstLossIsUnweightedAndAdamClimbsByTheLearningRate() {
        double lr = 0.01;
        SelfAdaptive sa = new SelfAdaptive(new SelfAdaptive.Config(lr, 1.0));
        assertNull(sa.weights());
        DMatrixRMaj used = sa.update(column(0, 1, -2), 0);
        assertArrayEquals(new double[] {1, 1, 1}, used.data);
        // dL/dλ_i = 2 λ_i r_i² / N; Adam's first step is lr g / (|g| + eps) (bias corrections cancel)
        double g1 = 2.0 / 3;
        double g2 = 8.0 / 3;
        DMatrixRMaj next = sa.attention();
        assertEquals(1.0, next.data[0]);
        assertEquals(1 + lr * g1 / (g1 + 1e-8), next.data[1], 1e-15);
        assertEquals(1 + lr * g2 / (g2 + 1e-8), next.data[2], 1e-15);
        // the next loss uses the climbed weights
        assertArrayEquals(next.data.clone(), sa.update(column(0, 1, -2), 1).data);
        assertEquals("sa", sa.name());
    }

    /** Gradient ascent: the weights never fall, and each step raises the weighted loss of its residuals. */
    @Test
    void weightsOnlyGrowAndRaiseTheLoss() {
        qt().withFixedSeed(5L).withExamples(100).forAll(integers().between(1, 30), integers().between(1, 10_000))
                .checkAssert((n, seed) -> {
                    Random rng = new Random(seed);
                    SelfAdaptive sa = new SelfAdaptive(new SelfAdaptive.Config(0.05, 0.5 + rng.nextDouble()));
                    DMatrixRMaj before = null;
                    for (int it = 0; it < 8; it++) {
                        DMatrixRMaj r = new DMatrixRMaj(n, 1);
                        for (int i = 0; i < n; i++) {
                            r.data[i] = rng.nextInt(4) == 0 ? 0 : rng.nextGaussian();
                        }
                        DMatrixRMaj used = sa.update(r, it).copy();
                        if (before != null) {
                            assertArrayEquals(before.data, used.data);
                        }
                        DMatrixRMaj after = sa.attention();
                        for (int i = 0; i < n; i++) {
                            assertTrue(after.data[i] >= used.data[i], "weight " + i + " fell");
                        }
                        assertTrue(WeightedLoss.of(after, r) >= WeightedLoss.of(used, r));
                        before = after.copy();
                    }
                });
    }

    @Test
    void aRestoredWeightingContinuesBitForBit() {
        Random rng = new Random(3);
        DMatrixRMaj[] residuals = new DMatrixRMaj[10];
        for (int t = 0; t < residuals.length; t++) {
            residuals[t] = new DMatrixRMaj(7, 1);
            for (int i = 0; i < 7; i++) {
                residuals[t].data[i] = rng.nextGaussian();
            }
        }
        SelfAdaptive.Config config = new SelfAdaptive.Config(0.02, 1.0);
        SelfAdaptive straight = new SelfAdaptive(config);
        SelfAdaptive first = new SelfAdaptive(config);
        for (int t = 0; t < 4; t++) {
            straight.update(residuals[t], t);
            first.update(residuals[t], t);
        }
        SelfAdaptive resumed = new SelfAdaptive(config);
        resumed.restore(first.attention());
        resumed.restoreState(first.state());
        for (int t = 4; t < residuals.length; t++) {
            assertArrayEquals(straight.update(residuals[t], t).data, resumed.update(residuals[t], t).data);
        }
        assertArrayEquals(straight.attention().data, resumed.attention().data);
    }

    @Test
    void stateGoesOnlyWhereItBelongs() {
        SelfAdaptive sa = new SelfAdaptive(new SelfAdaptive.Config(0.01, 1.0));
        sa.update(column(1, 2), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Rba(Rba.Config.paper()).restoreState(sa.state()));
        assertTrue(e.getMessage().contains("--weighting sa"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SelfAdaptive(sa.config()).restoreState(null));
        assertThrows(IllegalArgumentException.class, () -> sa.update(column(1, 2, 3), 1));
        assertThrows(IllegalArgumentException.class, () -> new SelfAdaptive.Config(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SelfAdaptive.Config(1e-3, Double.NaN));
        // causal training delegates the state to the weighting it wraps
        CausalWeighting causal = new CausalWeighting(sa, new double[] {0.2, 0.7}, 0, 1, 2, 1.0);
        assertEquals(sa.state().arrayNames(), causal.state().arrayNames());
    }

    /** Refinement appends points: the weights grow by their mean, the moments by zeros, and training goes on. */
    @Test
    void addedPointsStartAtTheMeanWeight() {
        SelfAdaptive sa = new SelfAdaptive(new SelfAdaptive.Config(0.1, 1.0));
        sa.addPoints(new DMatrixRMaj(2, 2)); // before the first update: nothing to grow
        sa.update(column(0, 1, 2), 0);
        double mean = (sa.attention().data[0] + sa.attention().data[1] + sa.attention().data[2]) / 3;
        sa.addPoints(new DMatrixRMaj(2, 2));
        assertEquals(5, sa.attention().getNumElements());
        assertEquals(mean, sa.attention().data[3], 1e-15);
        assertEquals(mean, sa.attention().data[4], 1e-15);
        assertNull(sa.weights());
        // a new weight's moments start at the mean of the others' (after step 1: m_i = 0.1 g_i,
        // v_i = 0.001 g_i² with g_i = 2 r_i² / 3 at λ = 1); at t = 2 with residual 4 and weight
        // `mean`: m = 0.9 m̄ + 0.1 g, v = 0.999 v̄ + 0.001 g², step = lr m̂ / (sqrt(v̂) + eps)
        double[] g1 = {0, 2.0 / 3, 8.0 / 3};
        double mBar = 0.1 * (g1[0] + g1[1] + g1[2]) / 3;
        double vBar = 0.001 * (g1[0] * g1[0] + g1[1] * g1[1] + g1[2] * g1[2]) / 3;
        assertEquals(5, sa.update(column(0, 1, 2, 3, 4), 1).getNumElements());
        double g = 2 * mean * 16 / 5;
        double m2 = 0.9 * mBar + 0.1 * g;
        double v2 = 0.999 * vBar + 0.001 * g * g;
        double step = 0.1 * (m2 / (1 - 0.81)) / (Math.sqrt(v2 / (1 - 0.998001)) + 1e-8);
        assertEquals(mean + step, sa.attention().data[4], 1e-12);

        Rba rba = new Rba(Rba.Config.paper());
        rba.update(column(1, 2), 0);
        rba.addPoints(new DMatrixRMaj(1, 2));
        assertEquals((rba.weights().data[0] + rba.weights().data[1]) / 2, rba.weights().data[2], 1e-15);

        CausalWeighting causal = new CausalWeighting(new Rba(Rba.Config.paper()), new double[] {0.1, 0.9}, 0, 1, 2, 1);
        causal.update(column(1, 1), 0);
        causal.addPoints(new DMatrixRMaj(new double[][] {{0.2}}));
        assertEquals(3, causal.update(column(1, 1, 1), 1).getNumElements());
    }
}
