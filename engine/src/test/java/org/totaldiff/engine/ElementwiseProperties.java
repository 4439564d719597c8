package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The element-wise kernels and reductions of {@link Dense} against EJML or plain loops. */
class ElementwiseProperties {

    private static final double TOL = 1e-15;

    private static org.quicktheories.dsl.TheoryBuilder2<MatrixGen.Shape, Long> shapes() {
        return qt().withFixedSeed(99L).withExamples(200).withShrinkCycles(0)
                .forAll(MatrixGen.shapesWithEmpty(70, 70), MatrixGen.seeds());
    }

    @Test
    void tanhMatchesMathTanh() {
        shapes().checkAssert((s, seed) -> {
            DMatrixRMaj z = MatrixGen.matrix(s.rows(), s.cols(), seed, -6, 6);
            DMatrixRMaj expected = z.createLike();
            for (int i = 0; i < z.getNumElements(); i++) {
                expected.data[i] = Math.tanh(z.data[i]);
            }
            MatrixAssert.assertClose(expected, Dense.tanh(z, null), 4 * TOL, 1.0, "tanh " + s);
            DMatrixRMaj inPlace = z.copy();
            assertSame(inPlace, Dense.tanh(inPlace, inPlace));
            MatrixAssert.assertClose(expected, inPlace, 4 * TOL, 1.0, "tanh in place " + s);
        });
    }

    @Test
    void tanhJetGivesValueAndTwoDerivatives() {
        shapes().checkAssert((s, seed) -> {
            DMatrixRMaj z = MatrixGen.matrix(s.rows(), s.cols(), seed, -6, 6);
            DMatrixRMaj t = new DMatrixRMaj(1, 1);
            DMatrixRMaj d1 = new DMatrixRMaj(1, 1);
            DMatrixRMaj d2 = new DMatrixRMaj(1, 1);
            Dense.tanhJet(z, t, d1, d2);
            DMatrixRMaj et = z.createLike();
            DMatrixRMaj e1 = z.createLike();
            DMatrixRMaj e2 = z.createLike();
            for (int i = 0; i < z.getNumElements(); i++) {
                double ti = Math.tanh(z.data[i]);
                et.data[i] = ti;
                e1.data[i] = 1 - ti * ti;
                e2.data[i] = -2 * ti * (1 - ti * ti);
            }
            MatrixAssert.assertClose(et, t, 4 * TOL, 1.0, "tanhJet t " + s);
            MatrixAssert.assertClose(e1, d1, 8 * TOL, 1.0, "tanhJet 1-t^2 " + s);
            MatrixAssert.assertClose(e2, d2, 16 * TOL, 1.0, "tanhJet -2t(1-t^2) " + s);
        });
    }

    @Test
    void tanhJetDerivativesMatchFiniteDifferences() {
        DMatrixRMaj z = MatrixGen.matrix(3, 11, 5, -3, 3);
        DMatrixRMaj t = z.createLike();
        DMatrixRMaj d1 = z.createLike();
        DMatrixRMaj d2 = z.createLike();
        Dense.tanhJet(z, t, d1, d2);
        double h = 1e-4;
        for (int i = 0; i < z.getNumElements(); i++) {
            double x = z.data[i];
            double fd1 = (Math.tanh(x + h) - Math.tanh(x - h)) / (2 * h);
            double fd2 = (Math.tanh(x + h) - 2 * Math.tanh(x) + Math.tanh(x - h)) / (h * h);
            assertEquals(fd1, d1.data[i], 1e-7, "d1 at " + x);
            assertEquals(fd2, d2.data[i], 1e-6, "d2 at " + x);
        }
    }

    @Test
    void elementMultAndMultAddMatchEjml() {
        shapes().checkAssert((s, seed) -> {
            DMatrixRMaj a = MatrixGen.matrix(s.rows(), s.cols(), seed);
            DMatrixRMaj b = MatrixGen.matrix(s.rows(), s.cols(), seed + 1);
            DMatrixRMaj c = MatrixGen.matrix(s.rows(), s.cols(), seed + 2);
            DMatrixRMaj expected = a.createLike();
            CommonOps_DDRM.elementMult(a, b, expected);
            MatrixAssert.assertClose(expected, Dense.elementMult(a, b, null), TOL, 1.0, "elementMult " + s);
            DMatrixRMaj expectedAdd = c.copy();
            CommonOps_DDRM.addEquals(expectedAdd, expected);
            MatrixAssert.assertClose(expectedAdd, Dense.elementMultAdd(a, b, c.copy()), 2 * TOL, 2.0,
                    "elementMultAdd " + s);
        });
    }

    @Test
    void addScaleAddEqualsMatchEjml() {
        shapes().checkAssert((s, seed) -> {
            DMatrixRMaj a = MatrixGen.matrix(s.rows(), s.cols(), seed);
            DMatrixRMaj b = MatrixGen.matrix(s.rows(), s.cols(), seed + 1);
            double alpha = new Rng(seed).uniform(-3, 3);
            DMatrixRMaj sum = a.createLike();
            CommonOps_DDRM.add(a, b, sum);
            MatrixAssert.assertClose(sum, Dense.add(a, b, null), TOL, 2.0, "add " + s);
            DMatrixRMaj scaled = a.createLike();
            CommonOps_DDRM.scale(alpha, a, scaled);
            MatrixAssert.assertClose(scaled, Dense.scale(alpha, a, null), TOL, 3.0, "scale " + s);
            DMatrixRMaj addEq = b.copy();
            CommonOps_DDRM.addEquals(addEq, alpha, a);
            MatrixAssert.assertClose(addEq, Dense.addEquals(b.copy(), alpha, a), 2 * TOL, 4.0, "addEquals " + s);
        });
    }

    @Test
    void reductionsMatchEjml() {
        shapes().checkAssert((s, seed) -> {
            DMatrixRMaj a = MatrixGen.matrix(s.rows(), s.cols(), seed);
            DMatrixRMaj b = MatrixGen.matrix(s.rows(), s.cols(), seed + 1);
            int size = a.getNumElements();
            // Rounding of a sum of `size` terms of magnitude <= 1, relative to sum |terms|.
            double tol = 2e-16 * (size + 4) * Math.max(1.0, CommonOps_DDRM.elementSumAbs(a));
            assertEquals(CommonOps_DDRM.elementSum(a), Dense.elementSum(a), tol, "elementSum " + s);
            double sq = 0;
            double dot = 0;
            for (int i = 0; i < size; i++) {
                sq += a.data[i] * a.data[i];
                dot += a.data[i] * b.data[i];
            }
            assertEquals(sq, Dense.elementSumSq(a), tol, "elementSumSq " + s);
            assertEquals(dot, Dense.dot(a, b), tol, "dot " + s);
            DMatrixRMaj cols = new DMatrixRMaj(1, s.cols());
            CommonOps_DDRM.sumCols(a, cols);
            MatrixAssert.assertClose(cols, Dense.sumCols(a, null), 1e-15 * (s.rows() + 4), 1.0, "sumCols " + s);
        });
    }

    @Test
    void largeInputsCoverEveryChunk() {
        // More elements than one chunk (Dense.GRAIN), an odd count, so chunks, vectors and tails all run.
        DMatrixRMaj a = MatrixGen.matrix(301, 119, 31);
        DMatrixRMaj b = MatrixGen.matrix(301, 119, 32);
        double tol = 2e-16 * a.getNumElements() * CommonOps_DDRM.elementSumAbs(a);
        double dot = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            dot += a.data[i] * b.data[i];
        }
        assertEquals(CommonOps_DDRM.elementSum(a), Dense.elementSum(a), tol);
        assertEquals(dot, Dense.dot(a, b), tol);
        DMatrixRMaj cols = new DMatrixRMaj(1, 119);
        CommonOps_DDRM.sumCols(a, cols);
        MatrixAssert.assertClose(cols, Dense.sumCols(a, null), 1e-15 * 301, 1.0, "sumCols");
        DMatrixRMaj prod = a.createLike();
        CommonOps_DDRM.elementMult(a, b, prod);
        MatrixAssert.assertClose(prod, Dense.elementMult(a, b, null), TOL, 1.0, "elementMult");
    }

    /**
     * The loops in use give the scalar loops' bits, for every loop and reduction: the results do
     * not depend on the vector length (the scalar loops have none).
     */
    @Test
    void scalarAndVectorLoopsGiveTheSameBits() {
        Loops scalar = new ScalarLoops();
        Loops inUse = Loops.get();
        qt().withFixedSeed(3L).withExamples(150).withShrinkCycles(0)
                .forAll(MatrixGen.dims(0, 200), MatrixGen.seeds())
                .checkAssert((len, seed) -> {
                    double[] a = MatrixGen.matrix(1, len, seed, -5, 5).data;
                    double[] b = MatrixGen.matrix(1, len, seed + 1).data;
                    double[] c = MatrixGen.matrix(1, len, seed + 2).data;
                    int from = len / 3;
                    assertBits(scalar.sum(a, from, len), inUse.sum(a, from, len), "sum");
                    assertBits(scalar.sumSquares(a, from, len), inUse.sumSquares(a, from, len), "sumSquares");
                    assertBits(scalar.dot(a, b, from, len), inUse.dot(a, b, from, len), "dot");
                    for (Loop loop : Loop.values()) {
                        double[] sc = c.clone();
                        double[] vc = c.clone();
                        double[] sd = new double[len];
                        double[] vd = new double[len];
                        loop.run(scalar, a, b, sc, sd, from, len);
                        loop.run(inUse, a, b, vc, vd, from, len);
                        for (int i = 0; i < len; i++) {
                            assertBits(sc[i], vc[i], loop + " at " + i);
                            assertBits(sd[i], vd[i], loop + " at " + i);
                        }
                    }
                    double[] so = new double[7];
                    double[] vo = new double[7];
                    int rows = len / 7;
                    scalar.addColumnSums(a, 7, 0, rows, so);
                    inUse.addColumnSums(a, 7, 0, rows, vo);
                    for (int j = 0; j < 7; j++) {
                        assertBits(so[j], vo[j], "addColumnSums column " + j);
                    }
                });
    }

    /** The tanh-jet loops give the scalar rules' bits, fresh or accumulating, for any block, range and pairs. */
    @Test
    void scalarAndVectorTanhJetLoopsGiveTheSameBits() {
        Loops scalar = new ScalarLoops();
        Loops inUse = Loops.get();
        int[][][] layouts = {{}, {{0, 0}, {1, 1}}, {{0, 1}}, {{1, 1}, {0, 0}, {0, 1}}};
        qt().withFixedSeed(4L).withExamples(80).withShrinkCycles(0)
                .forAll(MatrixGen.dims(1, 90), MatrixGen.seeds())
                .checkAssert((block, seed) -> {
                    int[][] pairs = layouts[(int) Math.floorMod(seed, 4L)];
                    int streams = 3 + pairs.length;
                    int len = streams * block;
                    double[] z = MatrixGen.matrix(1, len, seed, -3, 3).data;
                    double[] gy = MatrixGen.matrix(1, len, seed + 1).data;
                    double[] start = MatrixGen.matrix(1, len, seed + 2).data;
                    int from = block / 5;
                    double[] sy = start.clone();
                    double[] vy = start.clone();
                    scalar.tanh(z, sy, 0, block);
                    inUse.tanh(z, vy, 0, block);
                    scalar.tanhJetStreams(z, sy, block, 2, pairs, from, block);
                    inUse.tanhJetStreams(z, vy, block, 2, pairs, from, block);
                    for (int i = 0; i < len; i++) {
                        assertBits(sy[i], vy[i], "tanhJetStreams at " + i);
                    }
                    for (boolean fresh : new boolean[] {true, false}) {
                        double[] sg = start.clone();
                        double[] vg = start.clone();
                        scalar.tanhJetAdjoint(z, sy, gy, sg, fresh, block, 2, pairs, from, block);
                        inUse.tanhJetAdjoint(z, sy, gy, vg, fresh, block, 2, pairs, from, block);
                        for (int i = 0; i < len; i++) {
                            assertBits(sg[i], vg[i], "tanhJetAdjoint (fresh " + fresh + ") at " + i);
                        }
                    }
                });
    }

    private static void assertBits(double expected, double actual, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            throw new AssertionError(what + ": " + actual + " vs " + expected);
        }
    }

    /** The array loops of {@link Loops} that write arrays. */
    enum Loop {
        TANH, TANH_JET, MUL, MUL_ADD, ADD, SCALE, ADD_SCALED;

        void run(Loops l, double[] a, double[] b, double[] c, double[] d, int from, int to) {
            switch (this) {
                case TANH -> l.tanh(a, c, from, to);
                case TANH_JET -> l.tanhJet(a, c, new double[a.length], d, from, to);
                case MUL -> l.mul(a, b, c, from, to);
                case MUL_ADD -> l.mulAdd(a, b, c, from, to);
                case ADD -> l.add(a, b, c, from, to);
                case SCALE -> l.scale(-1.5, a, c, from, to);
                default -> l.addScaled(0.75, a, c, from, to);
            }
        }
    }

    @Test
    void shapeErrorsNameBothShapes() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        DMatrixRMaj b = new DMatrixRMaj(3, 2);
        ProductProperties.assertMessage(() -> Dense.elementMult(a, b, null), "elementMult", "2x3", "3x2");
        ProductProperties.assertMessage(() -> Dense.elementMultAdd(a, b, a.copy()), "elementMultAdd", "2x3", "3x2");
        ProductProperties.assertMessage(() -> Dense.add(a, b, null), "add", "2x3", "3x2");
        ProductProperties.assertMessage(() -> Dense.addEquals(a, 1.0, b), "addEquals", "2x3", "3x2");
        ProductProperties.assertMessage(() -> Dense.dot(a, b), "dot", "2x3", "3x2");
        ProductProperties.assertMessage(() -> Dense.tanhJet(a, a.copy(), null, a.copy()), "tanhJet");
        DMatrixRMaj t = a.copy();
        ProductProperties.assertMessage(() -> Dense.tanhJet(a, t, t, a.copy()), "tanhJet", "distinct");
    }
}
