package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Dense#multAddTransA(DMatrixRMaj, DMatrixRMaj, int, int, DMatrixRMaj)}, the rows read in
 * place, against the same rows copied into matrices of their own and multiplied by the plain
 * {@code multAddTransA}: bit for bit, on random shapes and on every path of {@link Gemm}, on one
 * and two threads.
 */
class RowRangeProductProperties {

    /** C0 + A[from:to]ᵀ B[from:to] by copying the rows. */
    private static DMatrixRMaj copied(DMatrixRMaj a, DMatrixRMaj b, int from, int to, DMatrixRMaj c0) {
        DMatrixRMaj ar = new DMatrixRMaj(to - from, a.numCols);
        DMatrixRMaj br = new DMatrixRMaj(to - from, b.numCols);
        System.arraycopy(a.data, from * a.numCols, ar.data, 0, (to - from) * a.numCols);
        System.arraycopy(b.data, from * b.numCols, br.data, 0, (to - from) * b.numCols);
        return Dense.multAddTransA(ar, br, c0.copy());
    }

    private static void check(int m, int k, int n, int before, int after, long seed) {
        int rows = before + k + after;
        DMatrixRMaj a = MatrixGen.matrix(rows, m, seed);
        DMatrixRMaj b = MatrixGen.matrix(rows, n, seed + 1);
        DMatrixRMaj c0 = MatrixGen.matrix(m, n, seed + 2);
        DMatrixRMaj expected = copied(a, b, before, before + k, c0);
        for (int threads : new int[] {1, 2}) {
            DMatrixRMaj actual = MatrixAssert.withThreads(threads,
                    () -> Dense.multAddTransA(a, b, before, before + k, c0.copy()));
            MatrixAssert.assertBitEqual(expected, actual, m + "x" + k + "x" + n + " rows [" + before + ", "
                    + (before + k) + ") of " + rows + ", " + threads + " threads");
        }
    }

    @Test
    void aRowRangeEqualsTheCopiedRowsBitForBit() {
        qt().withFixedSeed(20261202L).withExamples(200).withShrinkCycles(0)
                .forAll(MatrixGen.products(0, 60, 300, 60), integers().between(0, 40), integers().between(0, 40))
                .checkAssert((s, before, after) -> check(s.m(), s.k(), s.n(), before, after, s.seed()));
    }

    @Test
    void aRowRangeEqualsTheCopiedRowsOnEveryPath() {
        for (MatrixGen.ProductShape s : ProductProperties.PATH_SHAPES) {
            // C = op(A) op(B) with op(A) = Aᵀ: A is k x m, B is k x n
            check(s.m(), s.k(), s.n(), 3, 5, s.seed());
        }
        // the shapes of per-group weight gradients: 256 rows of a hidden, input and output layer
        check(128, 256, 128, 512, 1024, 41);
        check(2, 256, 128, 256, 0, 42);
        check(128, 256, 1, 0, 256, 43);
    }

    @Test
    void badRangesAndShapesAreRefused() {
        DMatrixRMaj a = new DMatrixRMaj(10, 3);
        DMatrixRMaj b = new DMatrixRMaj(10, 4);
        DMatrixRMaj c = new DMatrixRMaj(3, 4);
        assertThrows(IllegalArgumentException.class, () -> Dense.multAddTransA(a, b, 4, 3, c));
        assertThrows(IllegalArgumentException.class, () -> Dense.multAddTransA(a, b, -1, 3, c));
        assertThrows(IllegalArgumentException.class, () -> Dense.multAddTransA(a, b, 0, 11, c));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dense.multAddTransA(a, new DMatrixRMaj(9, 4), 0, 3, c));
        assertEquals("multAddTransA: A and B must have the same number of rows: A is 10x3, B is 9x4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dense.multAddTransA(a, b, 0, 3, new DMatrixRMaj(4, 4)));
    }
}
