package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;

class AdamStatisticsTest {

    /** m&#770; = (3, -4 | 0), v&#770; = (4, 9 | 1): sqrt(v&#770;) = (2, 3 | 1). */
    static final List<DMatrixRMaj> M_HAT = List.of(new DMatrixRMaj(new double[][] {{3, -4}}),
            new DMatrixRMaj(new double[][] {{0}}));
    static final List<DMatrixRMaj> V_HAT = List.of(new DMatrixRMaj(new double[][] {{4, 9}}),
            new DMatrixRMaj(new double[][] {{1}}));

    @Test
    void handSetMomentsWithoutEpsilon() {
        // ||m|| = 5, ||(2, 3, 1)|| = sqrt(14); mean(3/2, 4/3, 0) = (17/6) / 3 = 17/18.
        AdamStatistics.Result r = AdamStatistics.of(M_HAT, V_HAT, 0);
        assertEquals(5 / Math.sqrt(14), r.snr(), 1e-15);
        assertEquals(17.0 / 18, r.meanStep(), 1e-15);
        assertEquals(5, r.mHatNorm(), 1e-15);
        assertEquals(Math.sqrt(14), r.denominatorNorm(), 1e-15);
    }

    @Test
    void handSetMomentsWithEpsilonOne() {
        // Denominators (3, 4, 2): ||.|| = sqrt(29); mean(1, 1, 0) = 2/3.
        AdamStatistics.Result r = AdamStatistics.of(M_HAT, V_HAT, 1);
        assertEquals(5 / Math.sqrt(29), r.snr(), 1e-15);
        assertEquals(2.0 / 3, r.meanStep(), 1e-15);
    }

    @Test
    void beforeTheFirstStepThereIsNothingToMeasure() {
        AdamStatistics.Result r = new AdamStatistics().measure(new Adam());
        assertSame(AdamStatistics.Result.UNDEFINED, r);
        assertEquals(Double.NaN, r.snr());
        assertEquals(Double.NaN, r.meanStep());
        assertSame(AdamStatistics.Result.UNDEFINED, AdamStatistics.of(List.of(), List.of(), 1e-8));
    }

    @Test
    void matchesADirectComputationFromARealAdam() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.5, -0.25}, {0.125, 1.0}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{0.0, 0.1}});
        DMatrixRMaj[] g1 = {new DMatrixRMaj(new double[][] {{0.3, -0.2}, {0.05, 0.0}}),
            new DMatrixRMaj(new double[][] {{1.0, -0.01}})};
        DMatrixRMaj[] g2 = {new DMatrixRMaj(new double[][] {{-0.1, -0.4}, {0.02, 0.7}}),
            new DMatrixRMaj(new double[][] {{0.5, 0.03}})};
        Adam adam = new Adam(new Constant(0.01));
        AdamStatistics statistics = new AdamStatistics();
        adam.step(List.of(w, b), List.of(g1));
        statistics.measure(adam);
        adam.step(List.of(w, b), List.of(g2));
        AdamStatistics.Result r = statistics.measure(adam);

        // Two steps from zero: m = 0.9 (0.1 g1) + 0.1 g2, v = 0.999 (0.001 g1^2) + 0.001 g2^2.
        double bc1 = 1 - 0.9 * 0.9;
        double bc2 = 1 - 0.999 * 0.999;
        double eps = 1e-8;
        double num = 0;
        double den = 0;
        double ratio = 0;
        int count = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < g1[k].getNumElements(); i++) {
                double a = g1[k].data[i];
                double c = g2[k].data[i];
                double mHat = (0.9 * 0.1 * a + 0.1 * c) / bc1;
                double vHat = (0.999 * 0.001 * a * a + 0.001 * c * c) / bc2;
                double d = Math.sqrt(vHat) + eps;
                num += mHat * mHat;
                den += d * d;
                ratio += Math.abs(mHat / d);
                count++;
            }
        }
        assertEquals(Math.sqrt(num) / Math.sqrt(den), r.snr(), 1e-12);
        assertEquals(ratio / count, r.meanStep(), 1e-12);
        assertEquals(Math.sqrt(num), r.mHatNorm(), 1e-12);
    }

    @Test
    void rejectsMismatchedOrNegativeMoments() {
        assertThrows(IllegalArgumentException.class, () -> AdamStatistics.of(M_HAT, V_HAT.subList(0, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> AdamStatistics.of(M_HAT,
                List.of(new DMatrixRMaj(2, 1), new DMatrixRMaj(1, 1)), 0));
        assertThrows(IllegalArgumentException.class, () -> AdamStatistics.of(M_HAT,
                List.of(new DMatrixRMaj(new double[][] {{4, -9}}), new DMatrixRMaj(1, 1)), 0));
        assertThrows(IllegalArgumentException.class, () -> AdamStatistics.of(M_HAT, V_HAT, -1));
    }
}
