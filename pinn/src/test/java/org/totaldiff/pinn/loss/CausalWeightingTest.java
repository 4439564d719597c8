package org.totaldiff.pinn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CausalWeightingTest {

    @Test
    void aSmallCaseByHand() {
        double eps = 0.7;
        CausalWeighting c = new CausalWeighting(ResidualWeighting.none(), new double[] {0.1, 0.6, 0.7}, 0, 1, 2, eps);
        DMatrixRMaj r = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});
        DMatrixRMaj lambda = c.update(r, 0);
        // L_0 = 1, L_1 = (4 + 9) / 2; w_0 = 1, w_1 = exp(-eps L_0)
        assertEquals(Math.sqrt(3.0 / 2), lambda.data[0], 1e-15);
        assertEquals(Math.sqrt(Math.exp(-eps) * 3.0 / 4), lambda.data[1], 1e-15);
        assertEquals(lambda.data[1], lambda.data[2]);
        assertEquals(0.5 * (1 + Math.exp(-eps) * 6.5), WeightedLoss.of(lambda, r), 1e-14);
        assertEquals(Math.exp(-eps), c.minSliceWeight(), 1e-15);
        assertEquals("none+causal", c.name());
    }

    @Test
    void theWeightedLossIsTheMeanOverSlicesOfTheCausallyWeightedSliceLosses() {
        qt().forAll(integers().between(1, 12), doubles().between(0, 50), integers().between(1, 10_000))
                .checkAssert((slices, eps, seed) -> {
                    Random rng = new Random(seed);
                    int n = 40;
                    double[] t = new double[n];
                    DMatrixRMaj r = new DMatrixRMaj(n, 1);
                    for (int i = 0; i < n; i++) {
                        t[i] = rng.nextDouble();
                        r.data[i] = rng.nextGaussian() * 0.3;
                    }
                    CausalWeighting c = new CausalWeighting(ResidualWeighting.none(), t, 0, 1, slices, eps);
                    DMatrixRMaj lambda = c.update(r, 0);
                    double[] loss = new double[slices];
                    int[] count = new int[slices];
                    for (int i = 0; i < n; i++) {
                        int k = Math.min(slices - 1, (int) (t[i] * slices));
                        loss[k] += r.data[i] * r.data[i];
                        count[k]++;
                    }
                    double expected = 0;
                    double before = 0;
                    for (int k = 0; k < slices; k++) {
                        if (count[k] > 0) {
                            loss[k] /= count[k];
                            expected += Math.exp(-eps * before) * loss[k] / slices;
                        }
                        before += loss[k];
                    }
                    assertEquals(expected, WeightedLoss.of(lambda, r), 1e-12 * (1 + expected));
                });
    }

    @Test
    void itMultipliesTheWrappedWeightsAndLeavesTheirStateToThem() {
        Rba rba = new Rba(Rba.Config.paper());
        Rba alone = new Rba(Rba.Config.paper());
        double[] t = {0.05, 0.3, 0.55, 0.8};
        CausalWeighting c = new CausalWeighting(rba, t, 0, 1, 4, 10);
        DMatrixRMaj r = new DMatrixRMaj(new double[][] {{0.5}, {-1}, {2}, {0.25}});
        DMatrixRMaj lambda = c.update(r, 0);
        DMatrixRMaj base = alone.update(r, 0);
        double before = 0;
        for (int k = 0; k < 4; k++) {
            double w = Math.exp(-10 * before);
            assertEquals(base.data[k] * Math.sqrt(w), lambda.data[k], 1e-15);
            double v = base.data[k] * r.data[k];
            before += v * v;
        }
        assertEquals(rba.attention(), c.attention());
        DMatrixRMaj saved = rba.attention().copy();
        c.restore(new DMatrixRMaj(4, 1));
        assertEquals(0.0, rba.attention().data[0]);
        c.restore(saved);
        assertEquals(saved.data[2], rba.attention().data[2]);
    }

    @Test
    void badArgumentsAreExplained() {
        double[] t = {0.5};
        assertThrows(IllegalArgumentException.class, () -> new CausalWeighting(ResidualWeighting.none(), t, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CausalWeighting(ResidualWeighting.none(), t, 0, 1, 4, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new CausalWeighting(ResidualWeighting.none(), t, 1, 1, 4, 1));
        CausalWeighting c = new CausalWeighting(ResidualWeighting.none(), t, 0, 1, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.update(new DMatrixRMaj(2, 1), 0));
        assertEquals("causal weighting: 2 residuals but 1 points", e.getMessage());
    }
}
