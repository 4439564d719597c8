package org.totaldiff.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * General matrix product C = op(A) op(B) [+ C] [+ 1 bias on the first biasRows rows], with
 * op = identity or transpose. Shapes have been checked by {@link Dense}.
 *
 * <p>The packed path follows the BLIS/GotoBLAS structure: k is cut into blocks of {@link #KC};
 * for each block, a tile of op(A) (up to {@link #MC} rows) and of op(B) (up to {@link #NC}
 * columns) are copied into contiguous, zero-padded panels, and a register-blocked
 * {@link GemmKernel} micro-kernel computes MR x NR pieces of C from them with FMAs. The packing
 * absorbs the transpositions, so one micro-kernel serves all four products. Packing buffers are
 * thread-local and reused, so repeated shapes allocate nothing but the task bookkeeping.
 *
 * <p>Determinism. The work is cut into tasks whose boundaries depend only on (m, n, k): tiles of
 * C, or, when C is too small to keep the cores busy (a weight gradient X<sup>T</sup> dY with
 * k = samples), chunks of k whose partial products are added in chunk order. Each element of C
 * sees the same sequence of operations whatever thread runs its task, so the result is
 * bit-for-bit the same for any {@link Parallel#threads()}.
 *
 * <p>Small shapes take shorter paths: a direct loop when m n k is tiny; dot/axpy loops when C
 * has only a few columns (the output layer of a network), where an NR-wide tile would be mostly
 * padding; a register-blocked A<sup>T</sup> B over chunks of k when C = A<sup>T</sup> B has only a
 * few rows (the weight gradient of the input layer) or op(A) = A<sup>T</sup> and C has few columns.
 *
 * <p>Operands are read through a base offset and the leading dimension of their matrix, so a
 * product can take a range of rows of A and B in place ({@link #multAddTransARows}): every path
 * and every packing copy addresses op(A)[i][p] and op(B)[p][q] the same way, and the choice of
 * path depends on (m, n, k) only.
 *
 * <p>The block depth and the packing copies do not change any result: a k block ends by storing
 * C exactly and the next one reloads it, so each element of C is one fma chain over its k range
 * in order. Only the chunk boundaries of a split k (fixed by the shape) decide the rounding.
 */
final class Gemm {

    /** Depth of a k block: a packed A panel (MR x KC) stays in L1, a B block in L2. */
    static final int KC = 256;
    /**
     * Depth of a k block when k is split in chunks: the A and B panels of a micro-tile take 24 KiB
     * of L1 as in the unsplit products with k = 128 (256 was not faster).
     */
    static final int KC_SPLIT = 128;
    /** Rows of C per task tile (a multiple of every MR). */
    static final int MC = 128;
    /** Columns of C per task tile (a multiple of every NR). */
    static final int NC = 256;
    /** Target length of a chunk of k when the product is split along k. */
    static final int K_CHUNK = 2048;
    /** Fewer tasks than this and the tiles are made smaller (or k is split). */
    static final int MIN_TASKS = 4;
    /**
     * C with at most this many columns takes the dot/axpy path. Like every path choice it is a
     * constant, not a property of the kernel: the paths round differently, and a choice made from
     * the vector length would make results depend on the machine.
     */
    static final int NARROW_COLUMNS = 2;
    /** C = A<sup>T</sup> B with at most this many rows takes the few-rows path. */
    static final int FEW_ROWS = 4;
    /** Products with m n k at most this run as a direct loop on the calling thread. */
    static final long TINY = 4096;
    /** op(B) with at most this many (padded) elements is packed once and shared by all tasks. */
    static final int SHARED_B_MAX = 1 << 16;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Gemm() {
    }

    static void multiply(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias,
            int biasRows, boolean accumulate, DMatrixRMaj c) {
        multiply(GemmKernel.get(), transA, transB, a, b, bias, biasRows, accumulate, c);
    }

    /** As {@link #multiply(boolean, boolean, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, int, boolean, DMatrixRMaj)}, on a chosen kernel. */
    static void multiply(GemmKernel kernel, boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj bias, int biasRows, boolean accumulate, DMatrixRMaj c) {
        run(new Job(kernel, transA, transB, a, 0, b, 0, transA ? a.numRows : a.numCols,
                bias == null ? null : bias.data, bias == null ? 0 : biasRows, accumulate, c));
    }

    /**
     * C = C + A[rowFrom:rowTo, :]<sup>T</sup> B[rowFrom:rowTo, :], the rows read in place: the
     * operands start {@code rowFrom} rows into A and B and k = rowTo - rowFrom. The paths depend on
     * (m, n, k) only and the strides are those of A and B, so the result is bit-for-bit that of
     * the same rows copied into matrices of their own. Range checked by {@link Dense}.
     */
    static void multAddTransARows(DMatrixRMaj a, DMatrixRMaj b, int rowFrom, int rowTo, DMatrixRMaj c) {
        run(new Job(GemmKernel.get(), true, false, a, rowFrom * a.numCols, b, rowFrom * b.numCols, rowTo - rowFrom,
                null, 0, true, c));
    }

    private static void run(Job job) {
        GemmKernel kernel = job.kernel;
        if (job.m == 0 || job.n == 0) {
            return;
        }
        if (job.k == 0 || (long) job.m * job.n * job.k <= TINY) {
            direct(job);
        } else if (job.n <= NARROW_COLUMNS) {
            narrow(job);
        } else if (job.transA && !job.transB && job.m <= FEW_ROWS) {
            fewRows(job);
        } else {
            packed(job);
        }
    }

    // ------------------------------------------------------------------ direct and narrow paths

    /** Triple loop, each element's sum over k in order. */
    private static void direct(Job j) {
        for (int i = 0; i < j.m; i++) {
            for (int q = 0; q < j.n; q++) {
                double s = 0.0;
                for (int p = 0; p < j.k; p++) {
                    s = Math.fma(j.opA(i, p), j.opB(p, q), s);
                }
                j.finish(i, q, s);
            }
        }
    }

    /**
     * C with few columns: dot products over k (op(A) = A), or, for op(A) = A<sup>T</sup>, partial
     * C<sup>T</sup> = op(B)<sup>T</sup> A per chunk of k (an A<sup>T</sup> B with n rows), added in
     * chunk order.
     */
    private static void narrow(Job j) {
        int m = j.m;
        int n = j.n;
        int k = j.k;
        GemmKernel kernel = j.kernel;
        if (!j.transA) {
            // op(B)^T: column q of op(B) at bt[btOff + q*ldbt], contiguous along k.
            double[] bt;
            int btOff;
            int ldbt;
            if (j.transB) {
                bt = j.b;
                btOff = j.bOff;
                ldbt = j.ldb;
            } else {
                bt = BUFFERS.get().shared(n * k);
                btOff = 0;
                ldbt = k;
                for (int p = 0; p < k; p++) {
                    for (int q = 0; q < n; q++) {
                        bt[q * k + p] = j.b[j.bOff + p * j.ldb + q];
                    }
                }
            }
            int grain = Math.max(4, ((1 << 15) / (k * n)) & ~3);
            Parallel.forRange(m, grain, (from, to) -> {
                int rows = to - from;
                if (!j.accumulate) {
                    // The dot products go straight into C; a bias is added after (0 + bias + dot,
                    // as finish would).
                    double[] c = j.c;
                    int biasTo = j.bias == null ? from : Math.max(from, Math.min(to, j.biasRows));
                    for (int q = 0; q < n; q++) {
                        kernel.dots(j.a, j.aOff + from * j.lda, j.lda, rows, bt, btOff + q * ldbt, k, c, from * n + q,
                                n);
                        double b = biasTo > from ? 0.0 + j.bias[q] : 0.0;
                        for (int i = from; i < biasTo; i++) {
                            c[i * n + q] = b + c[i * n + q];
                        }
                    }
                    return;
                }
                double[] dots = BUFFERS.get().scratch(rows * n);
                for (int q = 0; q < n; q++) {
                    kernel.dots(j.a, j.aOff + from * j.lda, j.lda, rows, bt, btOff + q * ldbt, k, dots, q, n);
                }
                for (int r = 0; r < rows; r++) {
                    for (int q = 0; q < n; q++) {
                        j.finish(from + r, q, dots[r * n + q]);
                    }
                }
            });
            return;
        }
        // Partial C stored transposed (part[q*m + i]): C^T = op(B)^T A, an A^T B with n rows.
        int chunks = roundUp(ceilDiv(k, K_CHUNK), MIN_TASKS);
        int chunkLen = ceilDiv(k, chunks);
        int mn = m * n;
        double[] part = BUFFERS.get().partial(chunks * mn);
        Arrays.fill(part, 0, chunks * mn, 0.0);
        Parallel.forEachChunk(chunks, ch -> {
            int base = ch * mn;
            int kFrom = Math.min(k, ch * chunkLen);
            int kTo = Math.min(k, kFrom + chunkLen);
            if (!j.transB) {
                kernel.accumulateTransA(n, j.b, j.bOff + kFrom * j.ldb, j.ldb, j.a, j.aOff + kFrom * j.lda, j.lda,
                        kTo - kFrom, part, base, m, m);
                return;
            }
            for (int p = kFrom; p < kTo; p++) {
                for (int q = 0; q < n; q++) {
                    kernel.axpy(j.opB(p, q), j.a, j.aOff + p * j.lda, part, base + q * m, m);
                }
            }
        });
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < n; q++) {
                double v = j.start(i, q);
                for (int ch = 0; ch < chunks; ch++) {
                    v += part[ch * mn + q * m + i];
                }
                j.c[i * n + q] = v;
            }
        }
    }

    /**
     * C = A<sup>T</sup> B with few rows (the weight gradient of an input layer with 1-4 inputs):
     * per chunk of k, {@link GemmKernel#accumulateTransA} forms a partial C (the Vector API kernel
     * keeps blocks of it in registers over the whole chunk, so B is read once and C is not
     * reloaded per row of B); partials added in chunk order. Nothing is padded.
     */
    private static void fewRows(Job j) {
        int m = j.m;
        int n = j.n;
        int k = j.k;
        GemmKernel kernel = j.kernel;
        int chunks = roundUp(ceilDiv(k, K_CHUNK), MIN_TASKS);
        int chunkLen = ceilDiv(k, chunks);
        int mn = m * n;
        double[] part = BUFFERS.get().partial(chunks * mn);
        Arrays.fill(part, 0, chunks * mn, 0.0);
        Parallel.forEachChunk(chunks, ch -> {
            int kFrom = Math.min(k, ch * chunkLen);
            int kTo = Math.min(k, kFrom + chunkLen);
            kernel.accumulateTransA(m, j.a, j.aOff + kFrom * j.lda, j.lda, j.b, j.bOff + kFrom * j.ldb, j.ldb,
                    kTo - kFrom, part, ch * mn, n, n);
        });
        for (int e = 0; e < mn; e++) {
            double v = j.start(e / n, e % n);
            for (int ch = 0; ch < chunks; ch++) {
                v += part[ch * mn + e];
            }
            j.c[e] = v;
        }
    }

    // ------------------------------------------------------------------ packed path

    private static void packed(Job j) {
        int m = j.m;
        int n = j.n;
        int k = j.k;
        int mr = j.kernel.mr();
        int nr = j.kernel.nr();
        int tilesN = ceilDiv(n, NC);
        if (ceilDiv(m, MC) * tilesN < MIN_TASKS && k >= 2 * K_CHUNK) {
            splitK(j);
            return;
        }
        int mc = MC;
        while (ceilDiv(m, mc) * tilesN < MIN_TASKS && mc > mr) {
            mc = Math.max(mr, roundUp(mc / 2, mr));
        }
        int tilesM = ceilDiv(m, mc);
        int nPad = roundUp(n, nr);
        double[] sharedB = null;
        if ((long) k * nPad <= SHARED_B_MAX) {
            sharedB = BUFFERS.get().shared(k * nPad);
            for (int pc = 0; pc < k; pc += KC) {
                packB(j, pc, Math.min(KC, k - pc), 0, n, sharedB, pc * nPad);
            }
        }
        double[] shared = sharedB;
        int tileRows = mc;
        Parallel.forEachChunk(tilesM * tilesN, t -> {
            int i0 = (t / tilesN) * tileRows;
            int j0 = (t % tilesN) * NC;
            tile(j, i0, Math.min(tileRows, m - i0), j0, Math.min(NC, n - j0), 0, k, KC, j.c, 0, j.accumulate,
                    j.bias, j.biasRows, shared, nPad);
        });
    }

    /**
     * Small C, long k: chunks of k (whole {@link #KC_SPLIT} blocks, a multiple of {@link #MIN_TASKS}
     * of them) each compute a partial C (tiles in sequence), then C = start + partial 0 + partial 1
     * + ... in chunk order.
     */
    private static void splitK(Job j) {
        int m = j.m;
        int n = j.n;
        int k = j.k;
        // Chunks of whole KC blocks (only the very last block of k may be short), as even as the
        // block count allows: chunk ch holds blocks [blocks*ch/chunks, blocks*(ch+1)/chunks).
        int blocks = ceilDiv(k, KC_SPLIT);
        int chunks = Math.min(blocks, roundUp(ceilDiv(k, K_CHUNK), MIN_TASKS));
        int mn = m * n;
        double[] part = BUFFERS.get().partial(chunks * mn);
        Parallel.forEachChunk(chunks, ch -> {
            int kFrom = (int) Math.min(k, (long) blocks * ch / chunks * KC_SPLIT);
            int kTo = (int) Math.min(k, (long) blocks * (ch + 1) / chunks * KC_SPLIT);
            int base = ch * mn;
            if (kFrom == kTo) {
                Arrays.fill(part, base, base + mn, 0.0);
                return;
            }
            for (int i0 = 0; i0 < m; i0 += MC) {
                for (int j0 = 0; j0 < n; j0 += NC) {
                    tile(j, i0, Math.min(MC, m - i0), j0, Math.min(NC, n - j0), kFrom, kTo, KC_SPLIT, part, base,
                            false, null, 0, null, 0);
                }
            }
        });
        int rowGrain = Math.max(1, (1 << 14) / n);
        Parallel.forRange(m, rowGrain, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int q = 0; q < n; q++) {
                    double v = j.start(i, q);
                    int e = i * n + q;
                    for (int ch = 0; ch < chunks; ch++) {
                        v += part[ch * mn + e];
                    }
                    j.c[e] = v;
                }
            }
        });
    }

    /**
     * C[i0..i0+mc, j0..j0+nc] (at cArr[cBase + i*ldc + j]) from the k range [kFrom, kTo), block by
     * block. The first block starts from C ({@code accumulate}) or zero, plus the bias; the later
     * blocks add to what the earlier ones stored.
     */
    private static void tile(Job j, int i0, int mc, int j0, int nc, int kFrom, int kTo, int kcMax, double[] cArr,
            int cBase, boolean accumulate, double[] bias, int biasRows, double[] sharedB, int nPad) {
        GemmKernel kernel = j.kernel;
        int mr = kernel.mr();
        int nr = kernel.nr();
        Buffers buf = BUFFERS.get();
        int ldc = j.n;
        // op(A) = A in whole MR-row panels: the kernel reads A in place (rows contiguous along k).
        boolean rowsA = !j.transA && mc % mr == 0 && kernel.rowsA();
        for (int pc = kFrom; pc < kTo; pc += kcMax) {
            int kc = Math.min(kcMax, kTo - pc);
            double[] ap;
            int aBase;
            int aStep;
            if (rowsA) {
                ap = j.a;
                aBase = j.aOff + i0 * j.lda + pc;
                aStep = j.lda;
            } else {
                ap = buf.a(roundUp(mc, mr) * kc);
                packA(j, i0, mc, pc, kc, ap, mr);
                aBase = 0;
                aStep = kc;
            }
            double[] bp;
            int bBase;
            if (sharedB != null) {
                bp = sharedB;
                bBase = pc * nPad + j0 * kc;
            } else {
                bp = buf.b(roundUp(nc, nr) * kc);
                packB(j, pc, kc, j0, nc, bp, 0);
                bBase = 0;
            }
            boolean first = pc == kFrom;
            boolean loadC = !first || accumulate;
            double[] bz = first ? bias : null;
            for (int jr = 0; jr < nc; jr += nr) {
                int col = j0 + jr;
                int cols = Math.min(nr, nc - jr);
                int bOff = bBase + jr * kc;
                for (int ir = 0; ir < mc; ir += mr) {
                    int row = i0 + ir;
                    int rows = Math.min(mr, mc - ir);
                    int br = bz == null ? 0 : Math.max(0, Math.min(mr, biasRows - row));
                    int cOff = cBase + row * ldc + col;
                    int aOff = aBase + ir * aStep;
                    if (rows == mr && cols == nr && br == 0) {
                        micro(kernel, rowsA, kc, ap, aOff, j.lda, bp, bOff, cArr, cOff, ldc, loadC);
                    } else if (rows == mr && cols == nr && br == mr && !loadC) {
                        // A fully biased tile: the kernel starts its accumulators from the bias.
                        if (rowsA) {
                            kernel.kernelRowsBias(kc, ap, aOff, j.lda, bp, bOff, bz, col, cArr, cOff, ldc);
                        } else {
                            kernel.kernelBias(kc, ap, aOff, bp, bOff, bz, col, cArr, cOff, ldc);
                        }
                    } else if (rows == mr && cols == nr) {
                        // Bias rows: C (or 0) + bias written first, then the kernel accumulates onto it.
                        for (int r = 0; r < mr; r++) {
                            int o = cOff + r * ldc;
                            for (int q = 0; q < nr; q++) {
                                double v = loadC ? cArr[o + q] : 0.0;
                                cArr[o + q] = r < br ? (loadC ? v + bz[col + q] : bz[col + q]) : v;
                            }
                        }
                        micro(kernel, rowsA, kc, ap, aOff, j.lda, bp, bOff, cArr, cOff, ldc, true);
                    } else {
                        double[] s = buf.scratch(mr * nr);
                        for (int r = 0; r < mr; r++) {
                            for (int q = 0; q < nr; q++) {
                                double v = 0.0;
                                if (r < rows && q < cols) {
                                    if (loadC) {
                                        v = cArr[cOff + r * ldc + q];
                                    }
                                    if (r < br) {
                                        v = loadC ? v + bz[col + q] : bz[col + q];
                                    }
                                }
                                s[r * nr + q] = v;
                            }
                        }
                        micro(kernel, rowsA, kc, ap, aOff, j.lda, bp, bOff, s, 0, nr, true);
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(s, r * nr, cArr, cOff + r * ldc, cols);
                        }
                    }
                }
            }
        }
    }

    /** One micro-tile, A packed (panel at ap[aOff]) or in place (row i at ap[aOff + i*lda]). */
    private static void micro(GemmKernel kernel, boolean rowsA, int kc, double[] ap, int aOff, int lda, double[] bp,
            int bOff, double[] c, int cOff, int ldc, boolean loadC) {
        if (rowsA) {
            kernel.kernelRows(kc, ap, aOff, lda, bp, bOff, c, cOff, ldc, loadC);
        } else {
            kernel.kernel(kc, ap, aOff, bp, bOff, c, cOff, ldc, loadC);
        }
    }

    /** Packs op(A)[i0..i0+mc, p0..p0+kc] as MR-row panels: ap[panel*MR*kc + p*MR + r]. */
    private static void packA(Job j, int i0, int mc, int p0, int kc, double[] ap, int mr) {
        double[] a = j.a;
        int lda = j.lda;
        if (j.transA) {
            // op(A) row i is column i of A: rows of A, cut into MR-wide panels (vector copies).
            j.kernel.packPanels(a, j.aOff + p0 * lda + i0, lda, kc, mc, mr, ap, 0);
            return;
        }
        for (int r0 = 0; r0 < mc; r0 += mr) {
            int rows = Math.min(mr, mc - r0);
            int base = r0 * kc;
            if (rows == 8 && mr == 8) {
                // The common full panel: walk k once, gathering one value of each of the 8 rows.
                int s0 = j.aOff + (i0 + r0) * lda + p0;
                for (int p = 0; p < kc; p++) {
                    int d = base + p * 8;
                    int s = s0 + p;
                    ap[d] = a[s];
                    ap[d + 1] = a[s + lda];
                    ap[d + 2] = a[s + 2 * lda];
                    ap[d + 3] = a[s + 3 * lda];
                    ap[d + 4] = a[s + 4 * lda];
                    ap[d + 5] = a[s + 5 * lda];
                    ap[d + 6] = a[s + 6 * lda];
                    ap[d + 7] = a[s + 7 * lda];
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    int d = base + r;
                    if (r < rows) {
                        int src = j.aOff + (i0 + r0 + r) * lda + p0;
                        for (int p = 0; p < kc; p++) {
                            ap[d + p * mr] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            ap[d + p * mr] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /** Packs op(B)[p0..p0+kc, j0..j0+nc] as NR-column panels: bp[off + panel*NR*kc + p*NR + q]. */
    private static void packB(Job j, int p0, int kc, int j0, int nc, double[] bp, int off) {
        double[] b = j.b;
        int ldb = j.ldb;
        int nr = j.kernel.nr();
        if (!j.transB) {
            // Rows of B, cut into NR-wide panels (vector copies).
            j.kernel.packPanels(b, j.bOff + p0 * ldb + j0, ldb, kc, nc, nr, bp, off);
            return;
        }
        for (int q0 = 0; q0 < nc; q0 += nr) {
            int cols = Math.min(nr, nc - q0);
            int base = off + q0 * kc;
            for (int q = 0; q < nr; q++) {
                int d = base + q;
                if (q < cols) {
                    int src = j.bOff + (j0 + q0 + q) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        bp[d + p * nr] = b[src + p];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        bp[d + p * nr] = 0.0;
                    }
                }
            }
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static int roundUp(int a, int b) {
        return ceilDiv(a, b) * b;
    }

    // ------------------------------------------------------------------ state

    /**
     * One product's operands, unpacked from the matrices once. A starts at {@code a[aOff]} and B
     * at {@code b[bOff]} (row i, column p of A at a[aOff + i*lda + p]): a k range of rows read in
     * place, with the leading dimensions of the whole matrices.
     */
    private static final class Job {
        final GemmKernel kernel;
        final boolean transA;
        final boolean transB;
        final double[] a;
        final int aOff;
        final double[] b;
        final int bOff;
        final double[] c;
        final double[] bias;
        final int biasRows;
        final boolean accumulate;
        final int lda;
        final int ldb;
        final int m;
        final int n;
        final int k;

        Job(GemmKernel kernel, boolean transA, boolean transB, DMatrixRMaj a, int aOff, DMatrixRMaj b, int bOff, int k,
                double[] bias, int biasRows, boolean accumulate, DMatrixRMaj c) {
            this.kernel = kernel;
            this.transA = transA;
            this.transB = transB;
            this.a = a.data;
            this.aOff = aOff;
            this.b = b.data;
            this.bOff = bOff;
            this.c = c.data;
            this.bias = bias;
            this.biasRows = biasRows;
            this.accumulate = accumulate;
            this.lda = a.numCols;
            this.ldb = b.numCols;
            this.m = c.numRows;
            this.n = c.numCols;
            this.k = k;
        }

        double opA(int i, int p) {
            return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        double opB(int p, int q) {
            return transB ? b[bOff + q * ldb + p] : b[bOff + p * ldb + q];
        }

        /** What C[i][q] starts from: its old value if accumulating, else 0; plus the bias. */
        double start(int i, int q) {
            double v = accumulate ? c[i * n + q] : 0.0;
            return bias != null && i < biasRows ? v + bias[q] : v;
        }

        /** C[i][q] = start + product. */
        void finish(int i, int q, double product) {
            c[i * n + q] = start(i, q) + product;
        }
    }

    /** A thread's reusable buffers; they only grow. */
    private static final class Buffers {
        private double[] a = new double[0];
        private double[] b = new double[0];
        private double[] scratch = new double[0];
        private double[] shared = new double[0];
        private double[] partial = new double[0];

        double[] a(int size) {
            return a.length >= size ? a : (a = new double[size]);
        }

        double[] b(int size) {
            return b.length >= size ? b : (b = new double[size]);
        }

        double[] scratch(int size) {
            return scratch.length >= size ? scratch : (scratch = new double[size]);
        }

        double[] shared(int size) {
            return shared.length >= size ? shared : (shared = new double[size]);
        }

        double[] partial(int size) {
            return partial.length >= size ? partial : (partial = new double[size]);
        }
    }
}
