package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradientSnrTest {

    /**
     * B = 4 group gradients of two weight matrices, layer 0 1x2 and layer 1 1x1:
     *
     * <pre>
     *   layer 0, element a: 1, 3, 1, 3     mu 2, var 1
     *   layer 0, element b: 2, -2, 2, -2   mu 0, var 4
     *   layer 1, element c: 4, 6, 4, 6     mu 5, var 1
     *   ||mu||^2 = 29, ||sigma||^2 = 6:  snr = sqrt(29/6), phi = sqrt(29/35)
     *   snr_0 = 2 / sqrt(5), snr_1 = 5
     * </pre>
     */
    static final double[][][] GROUPS = {
        {{1, 2}, {4}}, {{3, -2}, {6}}, {{1, 2}, {4}}, {{3, -2}, {6}}};

    @Test
    void handMadeGroupGradients() {
        List<DMatrixRMaj> mean = new ArrayList<>();
        List<DMatrixRMaj> variance = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            int n = GROUPS[0][l].length;
            DMatrixRMaj mu = new DMatrixRMaj(1, n);
            DMatrixRMaj var = new DMatrixRMaj(1, n);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (double[][] g : GROUPS) {
                    sum += g[l][i];
                }
                double m = sum / GROUPS.length;
                double squares = 0;
                for (double[][] g : GROUPS) {
                    squares += (g[l][i] - m) * (g[l][i] - m);
                }
                mu.data[i] = m;
                var.data[i] = squares / GROUPS.length; // population variance, ddof = 0
            }
            mean.add(mu);
            variance.add(var);
        }
        GradientSnr s = GradientSnr.of(mean, variance);
        assertEquals(Math.sqrt(29.0 / 6), s.snr(), 1e-15);
        assertEquals(Math.sqrt(29.0 / 35), s.phi(), 1e-15);
        assertArrayEquals(new double[] {2 / Math.sqrt(5), 5}, s.layerSnr(), 1e-15);
        assertEquals(s.snr(), s.phi() / Math.sqrt(1 - s.phi() * s.phi()), 1e-12);
    }

    @Test
    void aTinyNegativeVarianceCountsAsZero() {
        List<DMatrixRMaj> mean = List.of(row(3, 4), row(1));
        GradientSnr clean = GradientSnr.of(mean, List.of(row(0, 0), row(1)));
        GradientSnr rounded = GradientSnr.of(mean, List.of(row(-1e-18, 0), row(1)));
        assertEquals(clean, rounded);
        // ||mu|| = sqrt(26), ||sigma|| = 1; layer 0 has no noise.
        assertEquals(Math.sqrt(26), rounded.snr(), 1e-14);
        assertEquals(Double.POSITIVE_INFINITY, rounded.layerSnr()[0]);
        assertEquals(1.0, rounded.layerSnr()[1]);
    }

    @Test
    void layerSnrIsACopy() {
        GradientSnr s = GradientSnr.of(List.of(row(1)), List.of(row(1)));
        s.layerSnr()[0] = 7;
        assertEquals(1.0, s.layerSnr()[0]);
        assertEquals(Math.sqrt(0.5), s.phi(), 1e-15);
    }

    @Test
    void rejectsMismatchedMoments() {
        assertThrows(IllegalArgumentException.class, () -> GradientSnr.of(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> GradientSnr.of(List.of(row(1)), List.of(row(1), row(1))));
        assertThrows(IllegalArgumentException.class, () -> GradientSnr.of(List.of(row(1, 2)), List.of(row(1))));
    }

    private static DMatrixRMaj row(double... values) {
        return new DMatrixRMaj(1, values.length, true, values);
    }
}
