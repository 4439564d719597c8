package org.totaldiff.engine;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Dense#sumColsAdd}: the column sums of a block of rows added to {@code out}, against a
 * plain loop; empty ranges leave {@code out} untouched; the result is the same bits for any
 * thread count; bad ranges and shapes are rejected.
 */
class SumColsAddProperties {

    /** A row block [from, to) of a rows-row matrix, drawn from two numbers in [0, 1000]. */
    private static int[] range(int rows, int u, int v) {
        int from = rows == 0 ? 0 : u % (rows + 1);
        int to = from + (rows - from == 0 ? 0 : v % (rows - from + 1));
        return new int[] {from, to};
    }

    private static void check(DMatrixRMaj a, int from, int to, long seed) {
        DMatrixRMaj out = MatrixGen.matrix(1, a.numCols, seed + 7);
        DMatrixRMaj before = out.copy();
        double[] expected = new double[a.numCols];
        double tol = 0;
        for (int j = 0; j < a.numCols; j++) {
            double s = before.data[j];
            double abs = Math.abs(s);
            for (int i = from; i < to; i++) {
                s += a.get(i, j);
                abs += Math.abs(a.get(i, j));
            }
            expected[j] = s;
            tol = Math.max(tol, abs);
        }
        tol *= 2.3e-16 * (to - from + 2);
        DMatrixRMaj result = Dense.sumColsAdd(a, from, to, out);
        if (result != out) {
            throw new AssertionError("sumColsAdd must return out");
        }
        String what = "sumColsAdd " + Dense.shape(a) + " rows [" + from + ", " + to + ")";
        MatrixAssert.assertSameShape(before, out, what);
        for (int j = 0; j < a.numCols; j++) {
            if (from == to) {
                if (Double.doubleToRawLongBits(before.data[j]) != Double.doubleToRawLongBits(out.data[j])) {
                    throw new AssertionError(what + ": an empty range changed column " + j);
                }
            } else if (!(Math.abs(expected[j] - out.data[j]) <= tol)) {
                throw new AssertionError(what + ": column " + j + " expected " + expected[j] + " got " + out.data[j]
                        + " (tolerance " + tol + ")");
            }
        }
    }

    @Test
    void smallShapesMatchAPlainLoop() {
        qt().withFixedSeed(2026L).withExamples(300).withShrinkCycles(0)
                .forAll(MatrixGen.shapesWithEmpty(70, 70), integers().between(0, 1000), integers().between(0, 1000),
                        MatrixGen.seeds())
                .checkAssert((s, u, v, seed) -> {
                    DMatrixRMaj a = MatrixGen.matrix(s.rows(), s.cols(), seed);
                    int[] r = range(s.rows(), u, v);
                    check(a, r[0], r[1], seed);
                });
    }

    @Test
    void tallShapesCoverSeveralChunks() {
        // Dense.GRAIN / cols rows per chunk: up to 3000 rows of 1-40 columns gives several chunks.
        qt().withFixedSeed(2027L).withExamples(60).withShrinkCycles(0)
                .forAll(MatrixGen.dims(0, 3000), MatrixGen.dims(1, 40), integers().between(0, 1000),
                        MatrixGen.seeds())
                .checkAssert((rows, cols, u, seed) -> {
                    DMatrixRMaj a = MatrixGen.matrix(rows, cols, seed);
                    int[] r = range(rows, u, rows);
                    check(a, r[0], r[1], seed);
                    check(a, 0, rows, seed + 1);
                    check(a, rows / 2, rows / 2, seed + 2);
                });
    }

    @Test
    void sameBitsForAnyThreadCount() {
        DMatrixRMaj a = MatrixGen.matrix(2311, 37, 61);
        DMatrixRMaj start = MatrixGen.matrix(1, 37, 62);
        int[][] ranges = {{0, 2311}, {13, 2200}, {500, 501}, {700, 700}, {1, 1999}};
        for (int[] r : ranges) {
            double[] reference = null;
            for (int threads : new int[] {1, 2, 3, 1}) {
                double[] result = MatrixAssert.withThreads(threads,
                        () -> Dense.sumColsAdd(a, r[0], r[1], start.copy()).data.clone());
                if (reference == null) {
                    reference = result;
                    continue;
                }
                for (int j = 0; j < reference.length; j++) {
                    if (Double.doubleToRawLongBits(reference[j]) != Double.doubleToRawLongBits(result[j])) {
                        throw new AssertionError("sumColsAdd rows [" + r[0] + ", " + r[1] + "): " + threads
                                + " threads differ from 1 thread in column " + j);
                    }
                }
            }
        }
    }

    @Test
    void badRangesAndShapesAreRejected() {
        DMatrixRMaj a = new DMatrixRMaj(5, 3);
        DMatrixRMaj out = new DMatrixRMaj(1, 3);
        ProductProperties.assertMessage(() -> Dense.sumColsAdd(a, -1, 2, out), "sumColsAdd", "[-1, 2)");
        ProductProperties.assertMessage(() -> Dense.sumColsAdd(a, 0, 6, out), "sumColsAdd", "[0, 6)");
        ProductProperties.assertMessage(() -> Dense.sumColsAdd(a, 3, 2, out), "sumColsAdd", "[3, 2)");
        ProductProperties.assertMessage(() -> Dense.sumColsAdd(a, 0, 5, new DMatrixRMaj(1, 4)), "sumColsAdd", "1x3",
                "1x4");
        ProductProperties.assertMessage(() -> Dense.sumColsAdd(a, 0, 5, new DMatrixRMaj(3, 1)), "sumColsAdd", "3x1");
    }
}
