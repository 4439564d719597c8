package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Dense#sumSquaredSampleProducts}: Σ_i G_i∘G_i with G_i = Σ_s x[sN + i]ᵀ dy[sN + i],
 * against the explicit per-sample products, to rounding; bit for bit on one, two and three
 * threads; accumulating onto what out held; the scalar and the vector kernels agree; shape errors
 * name the operation and the shapes.
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

    /** Largest |m[i]| (1 for an all-zero m): the scale of the relative tolerance. */
    private static double maxAbs(DMatrixRMaj m) {
        double s = 0.0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s = Math.max(s, Math.abs(m.data[i]));
        }
        return s == 0.0 ? 1.0 : s;
    }

    private static void check(int streams, int samples, int p, int q, long seed) {
        DMatrixRMaj x = MatrixGen.matrix(streams * samples, p, seed);
        DMatrixRMaj dy = MatrixGen.matrix(streams * samples, q, seed + 1);
        DMatrixRMaj out0 = MatrixGen.matrix(p, q, seed + 2, 0, 1);
        DMatrixRMaj expected = explicit(x, dy, samples, out0);
        DMatrixRMaj one = MatrixAssert.withThreads(1, () -> {
            DMatrixRMaj out = out0.copy();
            assertSame(out, Dense.sumSquaredSampleProducts(x, dy, samples, out), "returns out");
            return out;
        });
        DMatrixRMaj two = MatrixAssert.withThreads(2, () -> Dense.sumSquaredSampleProducts(x, dy, samples, out0.copy()));
        String what = streams + " streams x " + samples + " samples, " + p + "x" + q;
        MatrixAssert.assertClose(expected, one, 1e-12, maxAbs(expected), what);
        MatrixAssert.assertBitEqual(one, two, what + ": 1 and 2 threads");
    }

    @Test
    void matchesTheExplicitPerSampleProducts() {
        qt().withFixedSeed(1202L).withExamples(150).withShrinkCycles(0)
                .forAll(integers().between(1, 6), integers().between(1, 300), MatrixGen.dims(1, 40),
                        MatrixGen.dims(1, 40))
                .checkAssert((s, n, p, q) -> check(s, n, p, q, 31L * s + 7L * n + p * 13L + q));
    }

    @Test
    void matchesOnThePinnShapes() {
        check(5, 3000, 128, 128, 1);   // a hidden layer of Helmholtz's jet (value, 2 first, 2 second)
        check(5, 2500, 2, 128, 2);     // the input layer
        check(5, 2500, 3, 128, 5);     // the input layer of a 3-d problem
        check(5, 2500, 128, 1, 3);     // the output layer
        check(1, 4097, 17, 9, 4);      // one stream
        check(6, 700, 45, 70, 6);      // edge panels both ways, several chunks
    }

    @Test
    void sameBitsForAnyThreadCount() {
        int[][] shapes = {{5, 2000, 128, 128}, {5, 4000, 2, 128}, {3, 3001, 128, 1}, {1, 9000, 33, 17}};
        for (int[] sh : shapes) {
            DMatrixRMaj x = MatrixGen.matrix(sh[0] * sh[1], sh[2], 71);
            DMatrixRMaj dy = MatrixGen.matrix(sh[0] * sh[1], sh[3], 72);
            DMatrixRMaj out0 = MatrixGen.matrix(sh[2], sh[3], 73);
            for (int i = 0; i < 2; i++) {
                Dense.sumSquaredSampleProducts(x, dy, sh[1], out0.copy());
            }
            DMatrixRMaj one = MatrixAssert.withThreads(1, () -> Dense.sumSquaredSampleProducts(x, dy, sh[1], out0.copy()));
            for (int threads : new int[] {2, 3}) {
                DMatrixRMaj many = MatrixAssert.withThreads(threads,
                        () -> Dense.sumSquaredSampleProducts(x, dy, sh[1], out0.copy()));
                MatrixAssert.assertBitEqual(one, many, java.util.Arrays.toString(sh) + ": 1 and " + threads + " threads");
            }
        }
    }

    @Test
    void scalarAndVectorKernelsAgreeToRounding() {
        qt().withFixedSeed(1203L).withExamples(60).withShrinkCycles(0)
                .forAll(integers().between(1, 6).zip(integers().between(1, 200), (s, n) -> new int[] {s, n}),
                        MatrixGen.dims(1, 40), MatrixGen.dims(1, 40), MatrixGen.seeds())
                .checkAssert((sn, p, q, seed) -> {
                    int s = sn[0];
                    int n = sn[1];
                    DMatrixRMaj x = MatrixGen.matrix(s * n, p, seed);
                    DMatrixRMaj dy = MatrixGen.matrix(s * n, q, seed + 1);
                    DMatrixRMaj scalar = MatrixGen.matrix(p, q, seed + 2);
                    DMatrixRMaj inUse = scalar.copy();
                    SampleProducts.addSumSquared(new ScalarGemm(), x, dy, n, scalar);
                    SampleProducts.addSumSquared(GemmKernel.get(), x, dy, n, inUse);
                    MatrixAssert.assertClose(scalar, inUse, 1e-12, maxAbs(scalar), s + "x" + n + " " + p + "x" + q);
                });
    }

    @Test
    void emptyShapesLeaveOutAsItWas() {
        DMatrixRMaj out0 = MatrixGen.matrix(3, 4, 81);
        DMatrixRMaj noRows = Dense.sumSquaredSampleProducts(new DMatrixRMaj(0, 3), new DMatrixRMaj(0, 4), 7,
                out0.copy());
        MatrixAssert.assertBitEqual(out0, noRows, "no streams");
        DMatrixRMaj noColumns = Dense.sumSquaredSampleProducts(new DMatrixRMaj(10, 0), new DMatrixRMaj(10, 4), 5,
                new DMatrixRMaj(0, 4));
        MatrixAssert.assertSameShape(new DMatrixRMaj(0, 4), noColumns, "p = 0");
    }

    @Test
    void badShapesNameTheOperationAndTheShapes() {
        DMatrixRMaj x = new DMatrixRMaj(10, 3);
        DMatrixRMaj dy = new DMatrixRMaj(10, 4);
        String op = "sumSquaredSampleProducts";
        ProductProperties.assertMessage(() -> Dense.sumSquaredSampleProducts(x, dy, 3, new DMatrixRMaj(3, 4)), op,
                "samples = 3", "10x3", "10x4");
        ProductProperties.assertMessage(() -> Dense.sumSquaredSampleProducts(x, dy, 0, new DMatrixRMaj(3, 4)), op,
                "samples = 0");
        ProductProperties.assertMessage(() -> Dense.sumSquaredSampleProducts(x, dy, 5, new DMatrixRMaj(4, 4)), op,
                "3x4", "4x4");
        ProductProperties.assertMessage(() -> Dense.sumSquaredSampleProducts(x, dy, 5, null), op, "3x4", "null");
        ProductProperties.assertMessage(
                () -> Dense.sumSquaredSampleProducts(x, new DMatrixRMaj(9, 4), 5, new DMatrixRMaj(3, 4)), op, "10x3",
                "9x4");
        DMatrixRMaj sq = new DMatrixRMaj(3, 3);
        ProductProperties.assertMessage(() -> Dense.sumSquaredSampleProducts(sq, sq.copy(), 1, sq), op, "output");
    }
}
