package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Dense#sumSquaredSampleProducts}: Σ_i G_i∘G_i with G_i = Σ_s x[sN + i]ᵀ dy[sN + i],
 * against the explicit per-sample products, to rounding; bit for bit on one and two threads;
 * and accumulating onto what out held.
 */
class SampleSquaresProperties {

    /** out0 + Σ_i G_i∘G_i, forming every G_i explicitly. */
    private static DMatrixRMaj explicit(DMatrixRMaj x, DMatrixRMaj dy, int samples, DMatrixRMaj out0) {
        int streams = x.numRows / samples;
        int p = x.numCols;
        int q = dy.numCols;
        DMatrixRMaj out = out0.copy();
        double[] g = new double[p * q];
        for (int i = 0; i < samples; i++) {
            java.util.Arrays.fill(g, 0.0);
            for (int s = 0; s < streams; s++) {
                int row = s * samples + i;
                for (int a = 0; a < p; a++) {
                    for (int c = 0; c < q; c++) {
                        g[a * q + c] += x.data[row * p + a] * dy.data[row * q + c];
                    }
                }
            }
            for (int e = 0; e < g.length; e++) {
                out.data[e] += g[e] * g[e];
            }
        }
        return out;
    }

    private static void check(int streams, int samples, int p, int q, long seed) {
        DMatrixRMaj x = MatrixGen.matrix(streams * samples, p, seed);
        DMatrixRMaj dy = MatrixGen.matrix(streams * samples, q, seed + 1);
        DMatrixRMaj out0 = MatrixGen.matrix(p, q, seed + 2, 0, 1);
        DMatrixRMaj expected = explicit(x, dy, samples, out0);
        DMatrixRMaj one = MatrixAssert.withThreads(1, () -> Dense.sumSquaredSampleProducts(x, dy, samples, out0.copy()));
        DMatrixRMaj two = MatrixAssert.withThreads(2, () -> Dense.sumSquaredSampleProducts(x, dy, samples, out0.copy()));
        String what = streams + " streams x " + samples + " samples, " + p + "x" + q;
        MatrixAssert.assertClose(expected, one, 1e-12, MatrixAssert.scale(expected), what);
        MatrixAssert.assertBitEqual(one, two, what + ": 1 and 2 threads");
    }

    @Test
    void matchesTheExplicitPerSampleProducts() {
        qt().withFixedSeed(1202L).withExamples(150).withShrinkCycles(0)
                .forAll(integers().between(1, 6), integers().between(1, 300), integers().between(1, 40),
                        integers().between(1, 40))
                .checkAssert((s, n, p, q) -> check(s, n, p, q, 31L * s + 7L * n + p * 13L + q));
    }

    @Test
    void matchesOnThePinnShapes() {
        check(5, 3000, 128, 128, 1);   // a hidden layer of Helmholtz's jet (value, 2 first, 2 second)
        check(5, 2500, 2, 128, 2);     // the input layer
        check(5, 2500, 128, 1, 3);     // the output layer
        check(1, 4097, 17, 9, 4);      // one stream
    }

    @Test
    void badShapesAreRefused() {
        DMatrixRMaj x = new DMatrixRMaj(10, 3);
        DMatrixRMaj dy = new DMatrixRMaj(10, 4);
        assertThrows(IllegalArgumentException.class, () -> Dense.sumSquaredSampleProducts(x, dy, 3, new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> Dense.sumSquaredSampleProducts(x, dy, 5, new DMatrixRMaj(4, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> Dense.sumSquaredSampleProducts(x, new DMatrixRMaj(9, 4), 5, new DMatrixRMaj(3, 4)));
    }
}
