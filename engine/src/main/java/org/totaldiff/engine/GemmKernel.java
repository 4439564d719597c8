package org.totaldiff.engine;

/**
 * The inner loops of the matrix product: an MR x NR register-blocked micro-kernel on packed
 * panels, plus the dot and axpy loops of the small-shape paths; and the register-blocked tile of
 * the squared per-sample products ({@link #addSquaredSampleProducts}, for {@link SampleProducts}).
 *
 * <p>Internal service interface of the engine: {@link Gemm} checks nothing, cuts C into tiles,
 * packs op(A) and op(B) into contiguous panels and calls one implementation of this interface
 * per tile, either the Vector API one ({@code org.totaldiff.engine.simd.VectorGemm}) or
 * {@link ScalarGemm}. An implementation keeps no state, so a tile's result does not depend on
 * the thread that computes it.
 *
 * <p>Packed layouts, for a block of {@code kc} steps along k: an A panel holds MR rows of op(A)
 * as {@code a[aOff + p*MR + i]}; a B panel holds NR columns of op(B) as
 * {@code b[bOff + p*NR + j]}; rows and columns past the edge of the matrix are zero.
 */
public interface GemmKernel {

    /** The kernel in use: the Vector API one if {@link Simd#available()}, else the scalar one. */
    static GemmKernel get() {
        return Holder.INSTANCE;
    }

    /** Rows of C per micro-tile. */
    int mr();

    /** Columns of C per micro-tile (a multiple of the vector length). */
    int nr();

    /**
     * One MR x NR tile: for i &lt; MR, j &lt; NR, {@code acc = loadC ? c[cOff+i*ldc+j] : 0}, then
     * {@code acc = fma(a[aOff+p*MR+i], b[bOff+p*NR+j], acc)} for p = 0, 1, ..., kc-1 in that
     * order, then {@code c[cOff+i*ldc+j] = acc}.
     */
    void kernel(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc, boolean loadC);

    /** Sum over p &lt; len of x[xOff+p] * y[yOff+p]: {@link PortableMath#dot}, bit for bit. */
    double dot(double[] x, int xOff, double[] y, int yOff, int len);

    /**
     * out[outOff + r*outStride] = dot(row r of a, x) for r &lt; rows, row r being
     * a[aOff + r*lda .. + len): a matrix-vector product. Each row's sum is formed exactly as
     * {@link #dot} forms it, whatever {@code rows} is, so the result of a row does not depend on how
     * rows are grouped.
     */
    default void dots(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride) {
        for (int r = 0; r < rows; r++) {
            out[outOff + r * outStride] = dot(a, aOff + r * lda, x, xOff, len);
        }
    }

    /** y[yOff+p] = fma(alpha, x[xOff+p], y[yOff+p]) for p &lt; len. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len);

    /**
     * {@link #axpy} of one x into {@code rows} rows of y at once: for r &lt; rows,
     * y[yOff+r*ldy+p] = fma(alpha[alphaOff+r], x[xOff+p], y[yOff+r*ldy+p]) for p &lt; len, each
     * element with the same single fma as {@link #axpy}. Lets an implementation load x once.
     */
    default void axpyRows(double[] alpha, int alphaOff, int rows, double[] x, int xOff, double[] y, int yOff,
            int ldy, int len) {
        for (int r = 0; r < rows; r++) {
            axpy(alpha[alphaOff + r], x, xOff, y, yOff + r * ldy, len);
        }
    }

    /**
     * The tile's first k block with a bias row: for i &lt; MR, j &lt; NR, {@code acc = bias[biasOff+j]},
     * then the fma chain of {@link #kernel}, then {@code c[cOff+i*ldc+j] = acc}. Every row of the
     * tile starts from the same NR bias values; nothing of C is read.
     */
    default void kernelBias(int kc, double[] a, int aOff, double[] b, int bOff, double[] bias, int biasOff, double[] c,
            int cOff, int ldc) {
        int mr = mr();
        int nr = nr();
        for (int r = 0; r < mr; r++) {
            System.arraycopy(bias, biasOff, c, cOff + r * ldc, nr);
        }
        kernel(kc, a, aOff, b, bOff, c, cOff, ldc, true);
    }

    /**
     * Packs {@code rows} rows of {@code width} contiguous values (row p at src[srcOff + p*lds]) into
     * panels of w columns, {@code dst[dstOff + (q/w)*w*rows + p*w + q%w] = src[srcOff + p*lds + q]}
     * for q &lt; width, and zero for width &lt;= q &lt; (width rounded up to w): the packing of op(A) =
     * A<sup>T</sup> (w = MR) and of op(B) = B (w = NR). A plain copy, so every implementation gives
     * the same bits.
     */
    default void packPanels(double[] src, int srcOff, int lds, int rows, int width, int w, double[] dst, int dstOff) {
        int panels = (width + w - 1) / w;
        for (int p = 0; p < rows; p++) {
            int s = srcOff + p * lds;
            for (int g = 0; g < panels; g++) {
                int d = dstOff + g * w * rows + p * w;
                int q0 = g * w;
                int cols = Math.min(w, width - q0);
                for (int q = 0; q < cols; q++) {
                    dst[d + q] = src[s + q0 + q];
                }
                for (int q = cols; q < w; q++) {
                    dst[d + q] = 0.0;
                }
            }
        }
    }

    /**
     * {@link #packPanels} with the destination strides free: for r &lt; rows and q &lt; width,
     * {@code dst[dstOff + (q/w)*panelStride + r*rowStride + q%w] = src[srcOff + r*lds + q]}, and zero
     * for width &lt;= q &lt; (width rounded up to w). A plain copy, so every implementation gives the
     * same bits. Used to interleave several matrices' rows in one panel.
     */
    default void packPanels(double[] src, int srcOff, int lds, int rows, int width, int w, double[] dst, int dstOff,
            int rowStride, int panelStride) {
        int panels = (width + w - 1) / w;
        for (int r = 0; r < rows; r++) {
            int s = srcOff + r * lds;
            for (int g = 0; g < panels; g++) {
                int d = dstOff + g * panelStride + r * rowStride;
                int q0 = g * w;
                int cols = Math.min(w, width - q0);
                for (int q = 0; q < cols; q++) {
                    dst[d + q] = src[s + q0 + q];
                }
                for (int q = cols; q < w; q++) {
                    dst[d + q] = 0.0;
                }
            }
        }
    }

    /**
     * A<sup>T</sup> B for few rows, accumulated: for r &lt; rows and q &lt; n,
     * {@code c[cOff+r*ldc+q] = fma(a[aOff+p*lda+r], b[bOff+p*ldb+q], c[cOff+r*ldc+q])} for
     * p = 0, 1, ..., len-1 in that order: exactly {@link #axpyRows} applied to the rows of B one
     * after the other, so an implementation may keep C in registers over p.
     */
    default void accumulateTransA(int rows, double[] a, int aOff, int lda, double[] b, int bOff, int ldb, int len,
            double[] c, int cOff, int ldc, int n) {
        for (int p = 0; p < len; p++) {
            axpyRows(a, aOff + p * lda, rows, b, bOff + p * ldb, c, cOff, ldc, n);
        }
    }

    /**
     * Whether {@link #kernelRows} and {@link #kernelRowsBias} read op(A) = A in place at least as
     * fast as packing it first; {@link Gemm} then skips packing A for tiles of whole MR-row panels.
     */
    default boolean rowsA() {
        return false;
    }

    /**
     * {@link #kernel} with A not packed: row i of the tile's A at {@code a[aOff + i*lda + p]} for
     * p &lt; kc (the same values, so the same bits, as a packed panel of those rows).
     */
    default void kernelRows(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean loadC) {
        kernel(kc, packRows(kc, a, aOff, lda), 0, b, bOff, c, cOff, ldc, loadC);
    }

    /** {@link #kernelBias} with A not packed, as in {@link #kernelRows}. */
    default void kernelRowsBias(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] bias,
            int biasOff, double[] c, int cOff, int ldc) {
        kernelBias(kc, packRows(kc, a, aOff, lda), 0, b, bOff, bias, biasOff, c, cOff, ldc);
    }

    private double[] packRows(int kc, double[] a, int aOff, int lda) {
        int mr = mr();
        double[] packed = new double[mr * kc];
        for (int r = 0; r < mr; r++) {
            for (int p = 0; p < kc; p++) {
                packed[p * mr + r] = a[aOff + r * lda + p];
            }
        }
        return packed;
    }

    /** Rows of a tile of {@link #addSquaredSampleProducts} (along the columns of x). */
    int sampleMr();

    /** Columns of a tile of {@link #addSquaredSampleProducts} (along the columns of y). */
    int sampleNr();

    /**
     * One tile of the squared per-sample products, accumulated. With x(i,s,r) =
     * x[xOff + i*xi + s*xs + r] and y(i,s,c) = y[yOff + i*yi + s*ys + c] (sample i, stream s): for
     * r &lt; {@link #sampleMr}, c &lt; {@link #sampleNr}, {@code acc = out[outOff+r*ldo+c]}; then for
     * i = 0, 1, ..., samples-1 in that order, {@code g = x(i,0,r) * y(i,0,c)},
     * {@code g = fma(x(i,s,r), y(i,s,c), g)} for s = 1, ..., streams-1, {@code acc = fma(g, g, acc)};
     * then {@code out[outOff+r*ldo+c] = acc}. So g is one element of G<sub>i</sub> =
     * &Sigma;<sub>s</sub> x(i,s,.)<sup>T</sup> y(i,s,.), formed in registers and never stored.
     * {@code streams} &gt;= 1.
     */
    void addSquaredSampleProducts(int samples, int streams, double[] x, int xOff, int xi, int xs, double[] y, int yOff,
            int yi, int ys, double[] out, int outOff, int ldo);

    /** Lazily chosen implementation. */
    final class Holder {
        static final GemmKernel INSTANCE = Simd.load("VectorGemm", GemmKernel.class, new ScalarGemm());

        private Holder() {
        }
    }
}
