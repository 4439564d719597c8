package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link Dense#multAddTransA(DMatrixRMaj, DMatrixRMaj, int, int, DMatrixRMaj)}, C += A[rows]<sup>T</sup>
 * B[rows] read in place: bit-for-bit the product of the same rows copied into matrices of their
 * own, on random shapes and on every path of {@link Gemm}; the same bits on 1 and 2 threads and
 * when called from inside a {@link Parallel} chunk; bad ranges and shapes are rejected.
 */
class RowRangeProductProperties {

    /**
     * (m, k, n) = (columns of A, rows in the range, columns of B) that drive each path of
     * {@link Gemm} with op(A) = A<sup>T</sup>: direct (tiny and k = 0), narrow (n &lt;= NR/4, k
     * split in chunks), few rows (m &lt;= MR/2), packed with shared and with per-task B, several
     * tiles, k split in whole blocks (k &gt;= 2 K_CHUNK), and the shapes of the per-group weight
     * gradients of a 128-wide network (groups of 256 rows).
     */
    static final List<MatrixGen.ProductShape> PATH_SHAPES = List.of(
            new MatrixGen.ProductShape(3, 4, 5, 101),
            new MatrixGen.ProductShape(5, 0, 7, 102),
            new MatrixGen.ProductShape(300, 70, 1, 103),
            new MatrixGen.ProductShape(257, 33, 3, 104),
            new MatrixGen.ProductShape(37, 4500, 2, 105),
            new MatrixGen.ProductShape(2, 4500, 40, 106),
            new MatrixGen.ProductShape(1, 300, 64, 107),
            new MatrixGen.ProductShape(3, 50, 33, 108),
            new MatrixGen.ProductShape(200, 70, 40, 109),
            new MatrixGen.ProductShape(70, 600, 130, 110),
            new MatrixGen.ProductShape(130, 20, 300, 111),
            new MatrixGen.ProductShape(64, 4400, 64, 112),
            new MatrixGen.ProductShape(20, 5000, 17, 113),
            new MatrixGen.ProductShape(128, 256, 128, 114),
            new MatrixGen.ProductShape(2, 256, 128, 115),
            new MatrixGen.ProductShape(128, 256, 1, 116));

    /** The rows [from, to) of m as a matrix of its own. */
    private static DMatrixRMaj rows(DMatrixRMaj m, int from, int to) {
        DMatrixRMaj r = new DMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, r.data, 0, (to - from) * m.numCols);
        return r;
    }

    /** A rows-row A and B, a range [from, to) of them, and a non-zero C to accumulate onto. */
    private record Case(DMatrixRMaj a, DMatrixRMaj b, int from, int to, DMatrixRMaj c0) {
        static Case of(int m, int n, int before, int k, int after, long seed) {
            int rows = before + k + after;
            return new Case(MatrixGen.matrix(rows, m, seed), MatrixGen.matrix(rows, n, seed + 1), before, before + k,
                    MatrixGen.matrix(m, n, seed + 2));
        }

        DMatrixRMaj inPlace() {
            DMatrixRMaj c = c0.copy();
            DMatrixRMaj result = Dense.multAddTransA(a, b, from, to, c);
            if (result != c) {
                throw new AssertionError("multAddTransA must return c");
            }
            return c;
        }

        DMatrixRMaj copied() {
            return Dense.multAddTransA(rows(a, from, to), rows(b, from, to), c0.copy());
        }

        @Override
        public String toString() {
            return "A " + Dense.shape(a) + ", B " + Dense.shape(b) + ", rows [" + from + ", " + to + ")";
        }
    }

    @Test
    void randomShapesAndRangesMatchTheCopiedRows() {
        qt().withFixedSeed(20261201L).withExamples(400).withShrinkCycles(0)
                .forAll(MatrixGen.products(0, 70, 300, 70), integers().between(0, 1000), integers().between(0, 1000))
                .checkAssert((s, u, v) -> {
                    // A and B have s.k() rows; the range is [from, to) inside them.
                    int rows = s.k();
                    int from = u % (rows + 1);
                    int to = from + v % (rows - from + 1);
                    Case c = Case.of(s.m(), s.n(), from, to - from, rows - to, s.seed());
                    MatrixAssert.assertBitEqual(c.copied(), c.inPlace(), c.toString());
                });
    }

    @Test
    void everyPathMatchesTheCopiedRows() {
        List<MatrixGen.ProductShape> shapes = new ArrayList<>(PATH_SHAPES);
        shapes.addAll(ProductProperties.PATH_SHAPES);
        for (MatrixGen.ProductShape s : shapes) {
            // The range in the middle, at the start and at the end of A and B.
            int[][] margins = {{37, 11}, {0, 23}, {19, 0}, {0, 0}};
            for (int[] margin : margins) {
                Case c = Case.of(s.m(), s.n(), margin[0], s.k(), margin[1], s.seed());
                MatrixAssert.assertBitEqual(c.copied(), c.inPlace(), s + " " + c);
            }
        }
    }

    @Test
    void emptyRangesAddNothing() {
        Case c = Case.of(6, 9, 4, 0, 5, 121);
        MatrixAssert.assertBitEqual(c.c0(), c.inPlace(), "empty range " + c);
        Case end = Case.of(6, 9, 9, 0, 0, 122);
        MatrixAssert.assertBitEqual(end.c0(), end.inPlace(), "empty range at the end " + end);
    }

    @Test
    void sameBitsForOneAndTwoThreadsAndInsideAChunk() {
        for (MatrixGen.ProductShape s : PATH_SHAPES) {
            Case c = Case.of(s.m(), s.n(), 13, s.k(), 7, s.seed() + 50);
            for (int i = 0; i < 2; i++) {
                c.inPlace();
            }
            DMatrixRMaj one = MatrixAssert.withThreads(1, c::inPlace);
            DMatrixRMaj two = MatrixAssert.withThreads(2, c::inPlace);
            MatrixAssert.assertBitEqual(one, two, "1 vs 2 threads " + s);
        }
    }

    @Test
    void perGroupGradientsInsideParallelChunksMatchOneThread() {
        // Σ over the rows of each group of Xᵀ dY, one group per chunk: the calls nest and run inline.
        int groups = 6;
        int groupRows = 256;
        DMatrixRMaj x = MatrixGen.matrix(groups * groupRows, 40, 131);
        DMatrixRMaj dy = MatrixGen.matrix(groups * groupRows, 24, 132);
        DMatrixRMaj[] expected = new DMatrixRMaj[groups];
        for (int g = 0; g < groups; g++) {
            expected[g] = Dense.multAddTransA(rows(x, g * groupRows, (g + 1) * groupRows),
                    rows(dy, g * groupRows, (g + 1) * groupRows), new DMatrixRMaj(40, 24));
        }
        DMatrixRMaj[] actual = new DMatrixRMaj[groups];
        MatrixAssert.withThreads(2, () -> {
            Parallel.forEachChunk(groups, g -> actual[g] = Dense.multAddTransA(x, dy, g * groupRows,
                    (g + 1) * groupRows, new DMatrixRMaj(40, 24)));
            return null;
        });
        for (int g = 0; g < groups; g++) {
            MatrixAssert.assertBitEqual(expected[g], actual[g], "group " + g);
        }
    }

    @Test
    void badRangesAndShapesAreRejected() {
        DMatrixRMaj a = new DMatrixRMaj(5, 3);
        DMatrixRMaj b = new DMatrixRMaj(5, 4);
        DMatrixRMaj c = new DMatrixRMaj(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dense.multAddTransA(a, new DMatrixRMaj(6, 4), 0, 5, c));
        assertEquals("multAddTransA: A and B must have the same number of rows: A is 5x3, B is 6x4", e.getMessage());
        ProductProperties.assertMessage(() -> Dense.multAddTransA(a, b, -1, 2, c), "multAddTransA", "[-1, 2)", "5x3");
        ProductProperties.assertMessage(() -> Dense.multAddTransA(a, b, 0, 6, c), "multAddTransA", "[0, 6)");
        ProductProperties.assertMessage(() -> Dense.multAddTransA(a, b, 3, 2, c), "multAddTransA", "[3, 2)");
        ProductProperties.assertMessage(() -> Dense.multAddTransA(a, b, 0, 5, new DMatrixRMaj(4, 3)), "multAddTransA",
                "3x4", "4x3");
        ProductProperties.assertMessage(() -> Dense.multAddTransA(a, b, 0, 5, null), "multAddTransA", "3x4", "null");
        DMatrixRMaj sq = new DMatrixRMaj(3, 3);
        ProductProperties.assertMessage(() -> Dense.multAddTransA(sq, sq.copy(), 0, 3, sq), "multAddTransA", "output");
    }
}
