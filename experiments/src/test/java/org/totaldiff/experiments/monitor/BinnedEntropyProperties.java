package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.totaldiff.engine.Rng;

/**
 * {@link BinnedEntropy} against a direct transcription of {@code utils/mi.py}: explicit linspace
 * edges, digitize by counting edges, distinct rows through a map of lists.
 */
class BinnedEntropyProperties {

    /** How the activations are drawn. */
    enum Kind {
        /** tanh of wide Gaussians: many values near &plusmn;1. */
        TANH,
        /** Values on a coarse grid: ties, repeated rows, values on edges. */
        GRID,
        /** Mostly constant neurons with a few outliers: d_v of 1 and 2. */
        SPIKY
    }

    record Case(int rows, int neurons, Kind kind, long seed) {
    }

    static Gen<Case> cases() {
        return integers().between(1, 90).zip(integers().between(1, 20), Generate.enumValues(Kind.class),
                longs().between(1, Long.MAX_VALUE / 2), Case::new);
    }

    @Test
    void matchesTheNumpyTranscription() {
        BinnedEntropy entropy = new BinnedEntropy();
        qt().withFixedSeed(20240327L).withExamples(400).withShrinkCycles(0).forAll(cases()).checkAssert(c -> {
            DMatrixRMaj t = activations(c);
            BinnedEntropy.Result expected = reference(t, c.rows());
            BinnedEntropy.Result got = entropy.measure(t, c.rows());
            assertEquals(expected.entropyBits(), got.entropyBits(), 1e-12, c.toString());
            assertEquals(expected.saturationPct(), got.saturationPct(), 1e-12, c.toString());
        });
    }

    /** rows + 2 rows; the last two are junk that must be ignored. */
    static DMatrixRMaj activations(Case c) {
        Rng rng = new Rng(c.seed());
        DMatrixRMaj t = new DMatrixRMaj(c.rows() + 2, c.neurons());
        for (int i = 0; i < c.rows(); i++) {
            for (int v = 0; v < c.neurons(); v++) {
                double x = switch (c.kind()) {
                    case TANH -> Math.tanh(3 * rng.gaussian());
                    case GRID -> Math.round(rng.uniform(-1, 1) * 4) / 4.0;
                    case SPIKY -> rng.nextInt(10) == 0 ? rng.uniform(-0.05, 0.05) : v % 3 == 0 ? 0.5 : 0.4 + v;
                };
                t.set(i, v, x);
            }
        }
        for (int v = 0; v < c.neurons(); v++) {
            t.set(c.rows(), v, 1e9);
            t.set(c.rows() + 1, v, Double.NaN);
        }
        return t;
    }

    /** utils/mi.py, line by line, with numpy's linspace and digitize written out. */
    static BinnedEntropy.Result reference(DMatrixRMaj an, int nR) {
        int neurons = an.numCols;
        double eps = 1e-6;
        double[] ranges = new double[neurons];
        double[] min = new double[neurons];
        double[] max = new double[neurons];
        for (int v = 0; v < neurons; v++) {
            min[v] = Double.POSITIVE_INFINITY;
            max[v] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nR; i++) {
                min[v] = Math.min(min[v], an.get(i, v));
                max[v] = Math.max(max[v], an.get(i, v));
            }
            ranges[v] = Math.abs(min[v] - max[v] - eps);
        }
        double ww = BinnedEntropy.pairwiseSum(ranges, 0, neurons) / neurons / 30;
        int[][] binned = new int[nR][neurons];
        double avDgts = 0;
        for (int v = 0; v < neurons; v++) {
            int digits = (int) (ranges[v] / ww) + 1;
            double[] edges = linspace(min[v], max[v] + eps, digits);
            int uc = 0;
            int lc = 0;
            for (int i = 0; i < nR; i++) {
                int b = 0;
                for (double e : edges) {
                    if (e <= an.get(i, v)) {
                        b++;
                    }
                }
                binned[i][v] = b;
                uc += b == digits - 1 ? 1 : 0;
                lc += b == 1 ? 1 : 0;
            }
            avDgts += (double) (uc + lc) / nR * 100;
        }
        avDgts /= neurons;
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int[] row : binned) {
            counts.merge(Arrays.stream(row).boxed().toList(), 1, Integer::sum);
        }
        double h = 0;
        for (int count : counts.values()) {
            double dx = (double) count / nR;
            h -= dx * (Math.log(dx + 1e-24) / Math.log(2));
        }
        return new BinnedEntropy.Result(h, avDgts);
    }

    /** numpy.linspace(start, stop, num) with endpoint = True. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        for (int j = 0; j < num; j++) {
            y[j] = (div > 0 ? (step == 0 ? j / (double) div * delta : j * step) : j * delta) + start;
        }
        if (num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }
}
