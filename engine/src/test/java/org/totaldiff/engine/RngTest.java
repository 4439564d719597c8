package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void sameSeedSameStream() {
        Rng a = new Rng(2341);
        Rng b = new Rng(2341);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextDouble(), b.nextDouble());
            assertEquals(a.gaussian(), b.gaussian());
            assertEquals(a.nextInt(17), b.nextInt(17));
        }
        assertArrayEquals(new Rng(5).split().fillGaussian(new DMatrixRMaj(3, 4), 2).data,
                new Rng(5).split().fillGaussian(new DMatrixRMaj(3, 4), 2).data);
        assertNotEquals(new Rng(1).nextDouble(), new Rng(2).nextDouble());
    }

    @Test
    void distributionsHaveTheirMoments() {
        Rng r = new Rng(7);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(1.0, sumSq / n, 0.02);
        DMatrixRMaj u = r.fillUniform(new DMatrixRMaj(100, 100), -2, 3);
        for (double v : u.data) {
            assertTrue(v >= -2 && v < 3);
        }
        assertEquals(0.5, org.ejml.dense.row.CommonOps_DDRM.elementSum(u) / u.getNumElements(), 0.05);
    }

    @Test
    void permutationIsAPermutation() {
        int[] p = new Rng(3).permutation(50);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, new Rng(3).permutation(50));
    }
}
