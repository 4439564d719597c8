package org.totaldiff.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense kernels of totaldiff, in EJML's idiom: static methods, inputs first, the output
 * last and returned; a {@code null} output is created, a non-null one is reshaped. Inputs are
 * never modified. Products run on a packed, register-blocked kernel ({@link Gemm}); element-wise
 * maps and reductions run on {@link Loops}. All of them use the Vector API when it is enabled
 * and every core through {@link Parallel}, and give bit-for-bit the same result for any thread
 * count.
 *
 * <p>Shapes are checked and a mismatch is an {@link IllegalArgumentException} that names the
 * kernel and both shapes. An output may not be the same object as an input of a product.
 */
public final class Dense {

    /** Elements per chunk of the cheap element-wise kernels (a multiple of every vector length). */
    static final int GRAIN = 1 << 14;
    /** Elements per chunk of the transcendental kernels. */
    static final int GRAIN_TRANSCENDENTAL = 1 << 12;

    private Dense() {
    }

    // ------------------------------------------------------------------ products

    /**
     * C = A B.
     *
     * @param a Not modified. m x k.
     * @param b Not modified. k x n.
     * @param c Modified (reshaped to m x n), or null to create it.
     * @return c
     */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("mult", false, false, a, b, null, 0, false, c);
    }

    /** C = C + A B. C must already be m x n. */
    public static DMatrixRMaj multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("multAdd", false, false, a, b, null, 0, true, c);
    }

    /**
     * C = A<sup>T</sup> B (the weight gradient of a dense layer: X<sup>T</sup> dY).
     *
     * @param a Not modified. k x m.
     * @param b Not modified. k x n.
     * @param c Modified (reshaped to m x n), or null.
     */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("multTransA", true, false, a, b, null, 0, false, c);
    }

    /** C = C + A<sup>T</sup> B. C must already be m x n. */
    public static DMatrixRMaj multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("multAddTransA", true, false, a, b, null, 0, true, c);
    }

    /**
     * C = C + A[rowFrom:rowTo, :]<sup>T</sup> B[rowFrom:rowTo, :]: the weight gradient of one
     * contiguous group of rows, &Sigma;<sub>rowFrom &lt;= r &lt; rowTo</sub> A[r]<sup>T</sup> B[r]
     * (per-group gradients X<sup>T</sup> dY). The rows are read in place, nothing is copied or
     * allocated in steady state, and the result is bit-for-bit that of {@link #multAddTransA} on
     * those rows copied into matrices of their own. An empty range leaves C as it was (a -0.0 may
     * become 0.0).
     *
     * @param a Not modified. r x m.
     * @param b Not modified. r x n, the same number of rows as a.
     * @param rowFrom first row of the range, 0 &lt;= rowFrom &lt;= rowTo.
     * @param rowTo end of the range (exclusive), rowTo &lt;= r.
     * @param c Modified. m x n, accumulated onto.
     * @return c
     */
    public static DMatrixRMaj multAddTransA(DMatrixRMaj a, DMatrixRMaj b, int rowFrom, int rowTo, DMatrixRMaj c) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("multAddTransA: A and B must have the same number of rows: A is "
                    + shape(a) + ", B is " + shape(b));
        }
        if (rowFrom < 0 || rowTo > a.numRows || rowFrom > rowTo) {
            throw new IllegalArgumentException("multAddTransA: rows [" + rowFrom + ", " + rowTo
                    + ") are not inside the " + a.numRows + " rows of A (" + shape(a) + ") and B (" + shape(b) + ")");
        }
        if (c == null || c.numRows != a.numCols || c.numCols != b.numCols) {
            throw new IllegalArgumentException("multAddTransA: accumulating output must be " + a.numCols + "x"
                    + b.numCols + " for A " + shape(a) + " and B " + shape(b) + ", got "
                    + (c == null ? "null" : shape(c)));
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("multAddTransA: the output must not be one of the inputs");
        }
        Gemm.multAddTransARows(a, b, rowFrom, rowTo, c);
        return c;
    }

    /**
     * C = A B<sup>T</sup> (the input adjoint of a dense layer: dY W<sup>T</sup>).
     *
     * @param a Not modified. m x k.
     * @param b Not modified. n x k.
     * @param c Modified (reshaped to m x n), or null.
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("multTransB", false, true, a, b, null, 0, false, c);
    }

    /** C = C + A B<sup>T</sup>. C must already be m x n. */
    public static DMatrixRMaj multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return product("multAddTransB", false, true, a, b, null, 0, true, c);
    }

    /**
     * C = A B + 1 bias (a dense layer with its bias fused into the product).
     *
     * @param bias Not modified. 1 x n, added to every row.
     */
    public static DMatrixRMaj multBias(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias, DMatrixRMaj c) {
        return product("multBias", false, false, a, b, bias, a.numRows, false, c);
    }

    /**
     * C = A B, plus bias on the first {@code biasRows} rows only (the value stream of a
     * stacked jet; the derivative streams below it get no bias).
     */
    public static DMatrixRMaj multBias(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias, int biasRows, DMatrixRMaj c) {
        if (biasRows < 0 || biasRows > a.numRows) {
            throw new IllegalArgumentException(
                    "multBias: biasRows must be in [0, " + a.numRows + "], got " + biasRows);
        }
        return product("multBias", false, false, a, b, bias, biasRows, false, c);
    }

    private static DMatrixRMaj product(String name, boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj bias, int biasRows, boolean accumulate, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int ka = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (ka != kb) {
            throw new IllegalArgumentException(name + ": inner dimensions differ: A is " + shape(a)
                    + (transA ? " (transposed)" : "") + ", B is " + shape(b) + (transB ? " (transposed)" : ""));
        }
        if (bias != null && (bias.numRows != 1 || bias.numCols != n)) {
            throw new IllegalArgumentException(name + ": bias must be 1x" + n + ", got " + shape(bias));
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException(name + ": the output must not be one of the inputs");
        }
        if (accumulate) {
            if (c == null || c.numRows != m || c.numCols != n) {
                throw new IllegalArgumentException(name + ": accumulating output must be " + m + "x" + n
                        + ", got " + (c == null ? "null" : shape(c)));
            }
        } else if (c == null) {
            c = new DMatrixRMaj(m, n);
        } else {
            c.reshape(m, n);
        }
        Gemm.multiply(transA, transB, a, b, bias, biasRows, accumulate, c);
        return c;
    }

    /**
     * out = out + &Sigma;<sub>i</sub> G<sub>i</sub> o G<sub>i</sub>, G<sub>i</sub> =
     * &Sigma;<sub>s</sub> x[s&middot;samples + i]<sup>T</sup> dy[s&middot;samples + i]: the exact
     * per-sample second moment of a weight gradient X<sup>T</sup> dY whose rows are S stacked
     * streams of {@code samples} rows each (row s&middot;samples + i belongs to sample i), without
     * forming the samples x p x q per-sample gradients. About samples&middot;p&middot;q&middot;(S+1)
     * fmas; each G<sub>i</sub> lives in registers one tile at a time ({@link SampleProducts}).
     *
     * @param x Not modified. (S&middot;samples) x p.
     * @param dy Not modified. (S&middot;samples) x q, the same number of rows as x.
     * @param samples rows per stream, &gt;= 1; it must divide the number of rows.
     * @param out Modified. p x q, accumulated onto.
     * @return out
     */
    public static DMatrixRMaj sumSquaredSampleProducts(DMatrixRMaj x, DMatrixRMaj dy, int samples, DMatrixRMaj out) {
        String shapes = "x is " + shape(x) + ", dy is " + shape(dy);
        if (x.numRows != dy.numRows) {
            throw new IllegalArgumentException(
                    "sumSquaredSampleProducts: x and dy must have the same number of rows: " + shapes);
        }
        if (samples < 1 || x.numRows % samples != 0) {
            throw new IllegalArgumentException("sumSquaredSampleProducts: samples must be >= 1 and divide the "
                    + x.numRows + " rows (streams x samples), got samples = " + samples + "; " + shapes);
        }
        if (out == null || out.numRows != x.numCols || out.numCols != dy.numCols) {
            throw new IllegalArgumentException("sumSquaredSampleProducts: accumulating output must be " + x.numCols
                    + "x" + dy.numCols + ", got " + (out == null ? "null" : shape(out)) + "; " + shapes);
        }
        if (out == x || out == dy) {
            throw new IllegalArgumentException("sumSquaredSampleProducts: the output must not be one of the inputs");
        }
        SampleProducts.addSumSquared(x, dy, samples, out);
        return out;
    }

    // ------------------------------------------------------------------ element-wise maps

    /** T = tanh(Z). T may be Z. */
    public static DMatrixRMaj tanh(DMatrixRMaj z, DMatrixRMaj t) {
        t = sameShape(z, t);
        double[] zd = z.data;
        double[] td = t.data;
        Loops loops = Loops.get();
        Parallel.forRange(z.getNumElements(), GRAIN_TRANSCENDENTAL, (f, e) -> loops.tanh(zd, td, f, e));
        return t;
    }

    /**
     * T = tanh(Z), D1 = tanh'(Z) = 1 - T<sup>2</sup>, D2 = tanh''(Z) = -2 T D1, in one pass: the
     * three streams an activation needs to push a second-order jet through.
     *
     * @param z Not modified.
     * @param t Modified (reshaped like z).
     * @param d1 Modified (reshaped like z).
     * @param d2 Modified (reshaped like z).
     */
    public static void tanhJet(DMatrixRMaj z, DMatrixRMaj t, DMatrixRMaj d1, DMatrixRMaj d2) {
        if (t == null || d1 == null || d2 == null) {
            throw new IllegalArgumentException("tanhJet: the three outputs must be non-null");
        }
        if (t == d1 || t == d2 || d1 == d2) {
            throw new IllegalArgumentException("tanhJet: the three outputs must be distinct matrices");
        }
        sameShape(z, t);
        sameShape(z, d1);
        sameShape(z, d2);
        double[] zd = z.data;
        Loops loops = Loops.get();
        Parallel.forRange(z.getNumElements(), GRAIN_TRANSCENDENTAL,
                (f, e) -> loops.tanhJet(zd, t.data, d1.data, d2.data, f, e));
    }

    /** C = A o B (element-wise product). C may be A or B. */
    public static DMatrixRMaj elementMult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        checkSame("elementMult", a, b);
        c = sameShape(a, c);
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        Loops loops = Loops.get();
        Parallel.forRange(a.getNumElements(), GRAIN, (f, e) -> loops.mul(ad, bd, cd, f, e));
        return c;
    }

    /** C = C + A o B (element-wise fused multiply-add). C must have the shape of A. */
    public static DMatrixRMaj elementMultAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        checkSame("elementMultAdd", a, b);
        checkSame("elementMultAdd", a, c);
        Loops loops = Loops.get();
        Parallel.forRange(a.getNumElements(), GRAIN, (f, e) -> loops.mulAdd(a.data, b.data, c.data, f, e));
        return c;
    }

    /** C = A + B. C may be A or B. */
    public static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        checkSame("add", a, b);
        c = sameShape(a, c);
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        Loops loops = Loops.get();
        Parallel.forRange(a.getNumElements(), GRAIN, (f, e) -> loops.add(ad, bd, cd, f, e));
        return c;
    }

    /** C = alpha A. C may be A. */
    public static DMatrixRMaj scale(double alpha, DMatrixRMaj a, DMatrixRMaj c) {
        c = sameShape(a, c);
        double[] ad = a.data;
        double[] cd = c.data;
        Loops loops = Loops.get();
        Parallel.forRange(a.getNumElements(), GRAIN, (f, e) -> loops.scale(alpha, ad, cd, f, e));
        return c;
    }

    /** C = C + alpha A. C must have the shape of A. */
    public static DMatrixRMaj addEquals(DMatrixRMaj c, double alpha, DMatrixRMaj a) {
        checkSame("addEquals", a, c);
        Loops loops = Loops.get();
        Parallel.forRange(a.getNumElements(), GRAIN, (f, e) -> loops.addScaled(alpha, a.data, c.data, f, e));
        return c;
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements. */
    public static double elementSum(DMatrixRMaj a) {
        Loops loops = Loops.get();
        return Parallel.sum(a.getNumElements(), GRAIN, (f, e) -> loops.sum(a.data, f, e));
    }

    /** Sum of the squares of all elements. */
    public static double elementSumSq(DMatrixRMaj a) {
        Loops loops = Loops.get();
        return Parallel.sum(a.getNumElements(), GRAIN, (f, e) -> loops.sumSquares(a.data, f, e));
    }

    /** Sum of A o B over all elements (the Frobenius inner product). */
    public static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        checkSame("dot", a, b);
        Loops loops = Loops.get();
        return Parallel.sum(a.getNumElements(), GRAIN, (f, e) -> loops.dot(a.data, b.data, f, e));
    }

    /**
     * Column sums: out[j] = sum over rows i of A[i][j] (the bias gradient of a dense layer).
     *
     * @param a Not modified. m x n.
     * @param out Modified (reshaped to 1 x n), or null.
     */
    public static DMatrixRMaj sumCols(DMatrixRMaj a, DMatrixRMaj out) {
        out = reshaped(out, 1, a.numCols);
        java.util.Arrays.fill(out.data, 0, a.numCols, 0.0);
        return sumColsAdd(a, 0, a.numRows, out);
    }

    /**
     * out[j] = out[j] + sum over rows i in [rowFrom, rowTo) of A[i][j]: the column sums of a
     * block of rows, accumulated (the bias gradient of the value rows of a stacked jet).
     *
     * @param a Not modified. m x n.
     * @param out Modified. 1 x n.
     */
    public static DMatrixRMaj sumColsAdd(DMatrixRMaj a, int rowFrom, int rowTo, DMatrixRMaj out) {
        int n = a.numCols;
        if (out.numRows != 1 || out.numCols != n) {
            throw new IllegalArgumentException("sumColsAdd: out must be 1x" + n + ", got " + shape(out));
        }
        if (rowFrom < 0 || rowTo > a.numRows || rowFrom > rowTo) {
            throw new IllegalArgumentException("sumColsAdd: rows [" + rowFrom + ", " + rowTo
                    + ") are not inside the " + a.numRows + " rows of A");
        }
        int rows = rowTo - rowFrom;
        int rowGrain = Math.max(1, GRAIN / Math.max(1, n));
        int chunks = Parallel.chunkCount(rows, rowGrain);
        double[] result = out.data;
        Loops loops = Loops.get();
        if (chunks <= 1) {
            loops.addColumnSums(a.data, n, rowFrom, rowTo, result);
            return out;
        }
        double[][] partial = new double[chunks][n];
        Parallel.forEachChunk(chunks, c -> loops.addColumnSums(a.data, n, rowFrom + c * rowGrain,
                rowFrom + Math.min(rows, (c + 1) * rowGrain), partial[c]));
        for (double[] p : partial) {
            for (int j = 0; j < n; j++) {
                result[j] += p[j];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** "3x4": a shape for error messages. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    private static DMatrixRMaj reshaped(DMatrixRMaj out, int rows, int cols) {
        if (out == null) {
            return new DMatrixRMaj(rows, cols);
        }
        out.reshape(rows, cols);
        return out;
    }

    private static DMatrixRMaj sameShape(DMatrixRMaj like, DMatrixRMaj out) {
        if (out == like) {
            return out;
        }
        return reshaped(out, like.numRows, like.numCols);
    }

    private static void checkSame(String name, DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(name + ": shapes differ: " + shape(a) + " and " + shape(b));
        }
    }
}
