package org.totaldiff.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The sum of squared per-sample products: out = out + &Sigma;<sub>i</sub> G<sub>i</sub> o G<sub>i</sub>
 * with G<sub>i</sub> = &Sigma;<sub>s</sub> x[s N + i]<sup>T</sup> dy[s N + i] (N samples, S
 * streams of N rows stacked in x and dy). Shapes have been checked by {@link Dense}.
 *
 * <p>Nothing of size N p q is formed. A {@link GemmKernel#addSquaredSampleProducts} tile keeps
 * one block of each G<sub>i</sub> in registers for the S streams of sample i, squares it into
 * the tile's sums, and moves on to sample i + 1: about N p q (S + 1) fmas in all. Per block of
 * samples, the tile columns (dy) are packed as in the BLIS GEMM ({@link Gemm}): NR-wide panels,
 * zero-padded at the edge, the S streams of a sample side by side, so that the kernel loads
 * them as one sequential run. The tile rows (x) are only broadcast and are read in place, but
 * for a partial last panel, packed zero-padded. (Packing x as well, in vector-wide slots, was
 * measured 15% slower overall: the copy cost more than the in-place reads.) The tile's rows run
 * along whichever of p, q wastes less padding (a 128 x 1 output layer is done as 1 x 128 and
 * transposed back).
 *
 * <p>Determinism. The samples are cut into chunks whose boundaries depend only on the shape; each
 * chunk sums its samples, in order, into a partial out of its own (a reused thread-local buffer);
 * then out = out + (partial 0 + partial 1 + ...) in chunk order. Each element sees the same
 * operations whatever thread runs its chunk, so the result is bit-for-bit the same for any
 * {@link Parallel#threads()}. Within a chunk the samples are taken in blocks that fit in L2; a
 * block ends by storing the tile's sums exactly and the next reloads them, so the block size
 * changes nothing.
 */
final class SampleProducts {

    /** Fmas (N p q (S + 1)) per chunk at least, so that small problems are not cut up. */
    static final long CHUNK_WORK = 1L << 22;
    /** Most chunks per call: bounds the partial sums to MAX_CHUNKS p q doubles. */
    static final int MAX_CHUNKS = 32;
    /** Chunk counts above 1 are rounded up to a multiple of this (even shares on 2 or 4 cores). */
    static final int MIN_TASKS = 4;
    /** Most doubles of partial sums: for a very large p q the chunk count gives way. */
    static final long PARTIAL_MAX = 1L << 26;
    /**
     * Bytes of x and dy rows per block of samples: the block stays in L2 while its tiles run
     * (2^17 and 2^19 measured 3-5% slower at S = 5, p = q = 128, 2^20 15%).
     */
    static final int BLOCK_BYTES = 1 << 18;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private SampleProducts() {
    }

    /** Number of chunks of the samples: a function of the shape only. */
    static int chunks(int samples, int streams, int p, int q) {
        long work = (long) samples * p * q * (streams + 1);
        int chunks = (int) Math.min(MAX_CHUNKS, Math.max(1, (work + CHUNK_WORK - 1) / CHUNK_WORK));
        if (chunks > 1) {
            chunks = Math.min(MAX_CHUNKS, Gemm.roundUp(chunks, MIN_TASKS));
        }
        // The partials of a very large p x q stay within PARTIAL_MAX doubles.
        chunks = (int) Math.min(chunks, Math.max(1, PARTIAL_MAX / ((long) p * q)));
        return Math.min(chunks, samples);
    }

    static void addSumSquared(DMatrixRMaj x, DMatrixRMaj dy, int samples, DMatrixRMaj out) {
        addSumSquared(GemmKernel.get(), x, dy, samples, out);
    }

    /** As {@link #addSumSquared(DMatrixRMaj, DMatrixRMaj, int, DMatrixRMaj)}, on a chosen kernel. */
    static void addSumSquared(GemmKernel kernel, DMatrixRMaj x, DMatrixRMaj dy, int samples, DMatrixRMaj out) {
        int streams = x.numRows / samples;
        int p = x.numCols;
        int q = dy.numCols;
        if (streams == 0 || p == 0 || q == 0) {
            return;
        }
        int mr = kernel.sampleMr();
        int nr = kernel.sampleNr();
        // Tile rows along a (m of them), columns along b (n): x and dy, or dy and x.
        boolean swap = (long) Gemm.roundUp(q, mr) * Gemm.roundUp(p, nr) < (long) Gemm.roundUp(p, mr) * Gemm.roundUp(q, nr);
        Operands o = new Operands(kernel, samples, streams, swap ? dy : x, swap ? x : dy);
        int mn = o.m * o.n;
        int chunks = chunks(samples, streams, p, q);
        double[] part = BUFFERS.get().partial(chunks * mn);
        Parallel.forEachChunk(chunks, ch -> {
            Arrays.fill(part, ch * mn, (ch + 1) * mn, 0.0);
            chunk(o, (int) ((long) samples * ch / chunks), (int) ((long) samples * (ch + 1) / chunks), part,
                    ch * mn);
        });
        double[] c = out.data;
        int n = o.n;
        Parallel.forRange(p, Math.max(1, (1 << 14) / q), (from, to) -> {
            for (int r = from; r < to; r++) {
                for (int j = 0; j < q; j++) {
                    int e = swap ? j * n + r : r * n + j;
                    double v = part[e];
                    for (int ch = 1; ch < chunks; ch++) {
                        v += part[ch * mn + e];
                    }
                    c[r * q + j] += v;
                }
            }
        });
    }

    /** Samples [from, to) into the m x n partial at part[base], block by block. */
    private static void chunk(Operands o, int from, int to, double[] part, int base) {
        GemmKernel kernel = o.kernel;
        int mr = kernel.sampleMr();
        int nr = kernel.sampleNr();
        int m = o.m;
        int n = o.n;
        int streams = o.streams;
        int block = block(streams, Gemm.roundUp(m, mr), Gemm.roundUp(n, nr));
        Buffers buf = BUFFERS.get();
        double[] ap = buf.a(block * streams * mr);
        double[] bp = buf.b(block * streams * Gemm.roundUp(n, nr));
        double[] tile = buf.tile(mr * nr);
        int rowStep = streams * mr;
        int colStep = streams * nr;
        int fullM = m - m % mr;
        for (int i0 = from; i0 < to; i0 += block) {
            int len = Math.min(block, to - i0);
            for (int s = 0; s < streams; s++) {
                // Sample i, stream s at row (i*S + s) of each panel.
                int row = s * o.samples + i0;
                kernel.packPanels(o.b, row * n, n, len, n, nr, bp, s * nr, colStep, len * colStep);
                if (fullM < m) {
                    kernel.packPanels(o.a, row * m + fullM, m, len, m - fullM, mr, ap, s * mr, rowStep,
                            len * rowStep);
                }
            }
            // A panel of b (len*S rows of nr values) stays in L1 while the panels of a pass by; a is
            // read in place (its values are only broadcast), but for a partial last panel.
            for (int j0 = 0; j0 < n; j0 += nr) {
                int bOff = j0 * len * streams;
                int cols = Math.min(nr, n - j0);
                for (int r0 = 0; r0 < m; r0 += mr) {
                    int rows = Math.min(mr, m - r0);
                    boolean edge = rows < mr;
                    double[] aArr = edge ? ap : o.a;
                    int aOff = edge ? 0 : i0 * m + r0;
                    int ai = edge ? rowStep : m;
                    int as = edge ? mr : o.samples * m;
                    int cOff = base + r0 * n + j0;
                    if (rows == mr && cols == nr) {
                        kernel.addSquaredSampleProducts(len, streams, aArr, aOff, ai, as, bp, bOff, colStep, nr,
                                part, cOff, n);
                        continue;
                    }
                    // An edge tile: its sums go through a full-size scratch tile.
                    Arrays.fill(tile, 0, mr * nr, 0.0);
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(part, cOff + r * n, tile, r * nr, cols);
                    }
                    kernel.addSquaredSampleProducts(len, streams, aArr, aOff, ai, as, bp, bOff, colStep, nr, tile, 0,
                            nr);
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(tile, r * nr, part, cOff + r * n, cols);
                    }
                }
            }
        }
    }

    /** Samples per block: the packed rows of a block take about {@link #BLOCK_BYTES}. */
    static int block(int streams, int mPad, int nPad) {
        return Math.max(8, BLOCK_BYTES / (8 * streams * (mPad + nPad)));
    }

    /** The stacked operands: tile rows from the m columns of a, tile columns from the n of b. */
    private static final class Operands {
        final GemmKernel kernel;
        final int samples;
        final int streams;
        final double[] a;
        final double[] b;
        final int m;
        final int n;

        Operands(GemmKernel kernel, int samples, int streams, DMatrixRMaj a, DMatrixRMaj b) {
            this.kernel = kernel;
            this.samples = samples;
            this.streams = streams;
            this.a = a.data;
            this.b = b.data;
            this.m = a.numCols;
            this.n = b.numCols;
        }
    }

    /** A thread's reusable buffers; they only grow. */
    private static final class Buffers {
        private double[] partial = new double[0];
        private double[] a = new double[0];
        private double[] b = new double[0];
        private double[] tile = new double[0];

        double[] partial(int size) {
            return partial.length >= size ? partial : (partial = new double[size]);
        }

        double[] a(int size) {
            return a.length >= size ? a : (a = new double[size]);
        }

        double[] b(int size) {
            return b.length >= size ? b : (b = new double[size]);
        }

        double[] tile(int size) {
            return tile.length >= size ? tile : (tile = new double[size]);
        }
    }
}
