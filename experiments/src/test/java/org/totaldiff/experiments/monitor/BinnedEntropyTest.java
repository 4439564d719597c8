package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BinnedEntropyTest {

    /**
     * 8 rows x 2 neurons, worked out by hand.
     *
     * <pre>
     * neuron 0: lo 0, hi 1,   range 1.000001;  neuron 1: lo 0, hi 0.6, range 0.600001
     * w   = 1.600002 / 2 / 30 = 0.02666670
     * d_0 = floor(1.000001 / w) + 1 = floor(37.49999) + 1 = 38,  step_0 = 1.000001 / 37 = 0.02702705
     * d_1 = floor(0.600001 / w) + 1 = floor(22.50001) + 1 = 23,  step_1 = 0.600001 / 22 = 0.02727277
     * bin = floor((x - lo) / step) + 1 (no value is near an edge):
     *   neuron 0: 0 -> 1, 0.01 -> 1, 0.5 -> 19, 0.99 -> 37, 1 -> 37, 0.3 -> 12
     *   neuron 1: 0 -> 1, 0.03 -> 2, 0.3 -> 11, 0.59 -> 22, 0.6 -> 22, 0.1 -> 4
     * rows (1,1) (1,2) (19,11) (19,11) (37,22) (37,22) (12,4) (12,4):
     *   H   = 2 (1/8) log2 8 + 3 (1/4) log2 4 = 0.75 + 1.5 = 2.25 bits
     * saturated (bin 1 or bin d - 1): neuron 0 has 2 + 2 of 8 (50 %), neuron 1 has 1 + 2 of 8 (37.5 %)
     *   sat = (50 + 37.5) / 2 = 43.75 %
     * </pre>
     */
    static final double[][] HAND = {
        {0, 0}, {0.01, 0.03}, {0.5, 0.3}, {0.5, 0.3}, {0.99, 0.59}, {1, 0.6}, {0.3, 0.1}, {0.3, 0.1}};

    @Test
    void handWorkedExample() {
        BinnedEntropy entropy = new BinnedEntropy();
        BinnedEntropy.Result r = entropy.measure(new DMatrixRMaj(HAND), 8);
        assertEquals(38, entropy.lastDigits(0));
        assertEquals(23, entropy.lastDigits(1));
        int[][] bins = {{1, 1}, {1, 2}, {19, 11}, {19, 11}, {37, 22}, {37, 22}, {12, 4}, {12, 4}};
        for (int i = 0; i < 8; i++) {
            for (int v = 0; v < 2; v++) {
                assertEquals(bins[i][v], entropy.lastBin(i, v, 2), "row " + i + " neuron " + v);
            }
        }
        assertEquals(2.25, r.entropyBits(), 1e-12);
        assertEquals(43.75, r.saturationPct(), 1e-12);
    }

    @Test
    void rowsBelowTheCountAreIgnoredAndBuffersAreReused() {
        double[][] padded = new double[HAND.length + 3][];
        System.arraycopy(HAND, 0, padded, 0, HAND.length);
        padded[8] = new double[] {100, -100};
        padded[9] = new double[] {-7, 7};
        padded[10] = new double[] {Double.NaN, Double.NaN};
        BinnedEntropy entropy = new BinnedEntropy();
        BinnedEntropy.Result expected = new BinnedEntropy().measure(new DMatrixRMaj(HAND), 8);
        // A larger shape first, then the hand example inside a taller matrix.
        entropy.measure(new DMatrixRMaj(40, 5, true, ramp(200)), 40);
        assertEquals(expected, entropy.measure(new DMatrixRMaj(padded), 8));
        assertEquals(expected, entropy.measure(new DMatrixRMaj(HAND), 8));
    }

    @Test
    void allRowsEqualCarryNoInformation() {
        DMatrixRMaj t = new DMatrixRMaj(6, 3);
        for (int i = 0; i < 6; i++) {
            t.set(i, 0, 0.25);
            t.set(i, 1, -0.5);
            t.set(i, 2, 0.75);
        }
        BinnedEntropy.Result r = new BinnedEntropy().measure(t, 6);
        assertEquals(0.0, r.entropyBits());
        // Every sample is at its neuron's minimum: bin 1, saturated.
        assertEquals(100.0, r.saturationPct(), 1e-12);
    }

    @Test
    void twoEqualHalvesOfDistinctRowsCarryOneBit() {
        DMatrixRMaj t = new DMatrixRMaj(8, 2);
        for (int i = 0; i < 8; i++) {
            t.set(i, 0, i < 4 ? 0.1 : 0.9);
            t.set(i, 1, i < 4 ? 0.2 : -0.5);
        }
        BinnedEntropy.Result r = new BinnedEntropy().measure(t, 8);
        assertEquals(1.0, r.entropyBits(), 1e-12);
        assertEquals(100.0, r.saturationPct(), 1e-12);
    }

    @Test
    void aValueOnAnInteriorEdgeGoesToTheUpperBin() {
        // Neuron 0 of the hand example: lo 0, d = 38, edges j * step + 0 with step = (1 + 1e-6) / 37.
        double step = (1 + 1e-6 - 0) / 37;
        double[] onEdge = new double[12];
        for (int j = 1; j < 12; j++) {
            onEdge[j] = j * step + 0.0;
        }
        DMatrixRMaj t = new DMatrixRMaj(3 * 11 + 2, 2);
        t.set(0, 0, 0);
        t.set(1, 0, 1);
        t.set(1, 1, 0.6);
        for (int j = 1; j < 12; j++) {
            int row = 2 + 3 * (j - 1);
            t.set(row, 0, Math.nextDown(onEdge[j]));
            t.set(row + 1, 0, onEdge[j]);
            t.set(row + 2, 0, Math.nextUp(onEdge[j]));
        }
        BinnedEntropy entropy = new BinnedEntropy();
        entropy.measure(t, t.numRows);
        assertEquals(38, entropy.lastDigits(0));
        for (int j = 1; j < 12; j++) {
            int row = 2 + 3 * (j - 1);
            assertEquals(j, entropy.lastBin(row, 0, 2), "just below edge " + j);
            assertEquals(j + 1, entropy.lastBin(row + 1, 0, 2), "on edge " + j);
            assertEquals(j + 1, entropy.lastBin(row + 2, 0, 2), "just above edge " + j);
        }
        assertEquals(37, entropy.lastBin(1, 0, 2), "the maximum is below the last edge hi + 1e-6");
    }

    @Test
    void aNeuronWithOneEdgePutsEverySampleInBinOne() {
        // Neuron 1 is constant: range 1e-6 < w = (1 + 2e-6) / 2 / 30, so d = 1 and the only edge is lo.
        double[][] rows = {{0, 0.3}, {0.5, 0.3}, {0.5, 0.3}, {1, 0.3}};
        BinnedEntropy entropy = new BinnedEntropy();
        BinnedEntropy.Result r = entropy.measure(new DMatrixRMaj(rows), 4);
        assertEquals(1, entropy.lastDigits(1));
        for (int i = 0; i < 4; i++) {
            assertEquals(1, entropy.lastBin(i, 1, 2));
        }
        // Neuron 0: d = 60, samples 0 and 1 saturated (50 %); neuron 1: bin 1 always, bin 0 never (100 %).
        assertEquals(60, entropy.lastDigits(0));
        assertEquals(75.0, r.saturationPct(), 1e-12);
        // Rows (1,1) (30,1) (30,1) (59,1): 1/4, 1/2, 1/4.
        assertEquals(1.5, r.entropyBits(), 1e-12);
    }

    @Test
    void aNeuronWithTwoEdgesCountsEverySampleTwice() {
        // Neuron 1 spans 0.025: w = 1.025002 / 2 / 30, 0.025001 / w = 1.46, so d = 2: edges lo, hi + 1e-6,
        // every sample in bin 1 = d - 1, counted as low and as high (200 %), as numpy's code does.
        double[][] rows = {{0, 0.1}, {0.5, 0.11}, {0.5, 0.125}, {1, 0.1}};
        BinnedEntropy entropy = new BinnedEntropy();
        BinnedEntropy.Result r = entropy.measure(new DMatrixRMaj(rows), 4);
        assertEquals(2, entropy.lastDigits(1));
        assertEquals(59, entropy.lastDigits(0));
        assertEquals((50.0 + 200.0) / 2, r.saturationPct(), 1e-12);
    }

    @Test
    void oneRowIsOneDistinctRow() {
        BinnedEntropy.Result r = new BinnedEntropy().measure(new DMatrixRMaj(new double[][] {{0.3, -0.2}}), 1);
        assertEquals(0.0, r.entropyBits());
        assertEquals(100.0, r.saturationPct(), 1e-12);
    }

    @Test
    void nonFiniteActivationsGiveNaN() {
        DMatrixRMaj t = new DMatrixRMaj(HAND);
        t.set(3, 1, Double.POSITIVE_INFINITY);
        BinnedEntropy.Result r = new BinnedEntropy().measure(t, 8);
        assertTrue(Double.isNaN(r.entropyBits()) && Double.isNaN(r.saturationPct()));
    }

    @Test
    void rejectsBadRowCounts() {
        BinnedEntropy entropy = new BinnedEntropy();
        DMatrixRMaj t = new DMatrixRMaj(HAND);
        assertThrows(IllegalArgumentException.class, () -> entropy.measure(t, 0));
        assertThrows(IllegalArgumentException.class, () -> entropy.measure(t, 9));
        assertThrows(IllegalArgumentException.class, () -> entropy.measure(new DMatrixRMaj(3, 0), 3));
        assertThrows(IllegalArgumentException.class, () -> entropy.measure(null, 1));
    }

    @Test
    void pairwiseSumFollowsNumpysBlocks() {
        // Below 8: left to right. 1e16 + 1 + 1 + ... loses each 1 one at a time.
        double[] a = {1e16, 1, 1, 1, 1, 1, 1};
        assertEquals(1e16, BinnedEntropy.pairwiseSum(a, 0, 7));
        // 8 to 128: eight accumulators, so the 1s at positions 8..15 meet the 1s at 0..7 first.
        double[] b = new double[16];
        Arrays.fill(b, 1);
        b[0] = 1e16;
        // r0 = 1e16 + 1 = 1e16 (lost), r1..r7 = 2 each: ((1e16 + 2) + 4) + (4 + 4) = 1e16 + 14.
        assertEquals(1e16 + 14, BinnedEntropy.pairwiseSum(b, 0, 16));
        double[] c = ramp(1000);
        assertEquals(999.0 * 1000 / 2, BinnedEntropy.pairwiseSum(c, 0, 1000));
    }

    private static double[] ramp(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
