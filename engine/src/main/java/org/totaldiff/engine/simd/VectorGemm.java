package org.totaldiff.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.totaldiff.engine.GemmKernel;
import org.totaldiff.engine.PortableMath;

/**
 * The GEMM inner loops on the JDK Vector API, and the tile of the squared per-sample products
 * ({@link #addSquaredSampleProducts}). The micro-kernel computes an 8 x 2L tile of C
 * (L = doubles per vector of the preferred species, 8 with AVX-512) in sixteen vector
 * accumulators: per step along k it loads two vectors of the packed B panel, broadcasts each of
 * the eight packed A values and issues sixteen FMAs. Loaded reflectively by
 * {@link GemmKernel#get()} only when the module is present.
 */
public final class VectorGemm implements GemmKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;
    /** Rows of a tile of the squared per-sample products. */
    private static final int SMR = 6;
    /** Columns of a tile of the squared per-sample products. */
    private static final int SNR = 2 * L;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    /**
     * Two straight-line variants rather than one with {@code loadC ? load : zero}: a vector chosen
     * by a branch reaches the JIT as a merge of two vector values, which it may fail to keep in
     * registers once both branches have run (the kernel then boxes every vector: 3-4x slower).
     */
    @Override
    public void kernel(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean loadC) {
        if (loadC) {
            kernelAdd(kc, a, aOff, b, bOff, c, cOff, ldc);
        } else {
            kernelSet(kc, a, aOff, b, bOff, c, cOff, ldc);
        }
    }

    private static void kernelAdd(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, cOff + 0 * ldc + 0 * L);
        DoubleVector c01 = DoubleVector.fromArray(S, c, cOff + 0 * ldc + 1 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, cOff + 1 * ldc + 0 * L);
        DoubleVector c11 = DoubleVector.fromArray(S, c, cOff + 1 * ldc + 1 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, cOff + 2 * ldc + 0 * L);
        DoubleVector c21 = DoubleVector.fromArray(S, c, cOff + 2 * ldc + 1 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, cOff + 3 * ldc + 0 * L);
        DoubleVector c31 = DoubleVector.fromArray(S, c, cOff + 3 * ldc + 1 * L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, cOff + 4 * ldc + 0 * L);
        DoubleVector c41 = DoubleVector.fromArray(S, c, cOff + 4 * ldc + 1 * L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, cOff + 5 * ldc + 0 * L);
        DoubleVector c51 = DoubleVector.fromArray(S, c, cOff + 5 * ldc + 1 * L);
        DoubleVector c60 = DoubleVector.fromArray(S, c, cOff + 6 * ldc + 0 * L);
        DoubleVector c61 = DoubleVector.fromArray(S, c, cOff + 6 * ldc + 1 * L);
        DoubleVector c70 = DoubleVector.fromArray(S, c, cOff + 7 * ldc + 0 * L);
        DoubleVector c71 = DoubleVector.fromArray(S, c, cOff + 7 * ldc + 1 * L);
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p * MR;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    private static void kernelSet(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S);
        DoubleVector c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S);
        DoubleVector c71 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p * MR;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    /**
     * The first k block of a biased tile: the sixteen accumulators start from the two bias vectors
     * (one more straight-line variant, for the reason given at {@link #kernel}).
     */
    @Override
    public void kernelBias(int kc, double[] a, int aOff, double[] b, int bOff, double[] bias, int biasOff, double[] c,
            int cOff, int ldc) {
        kernelBiasSet(kc, a, aOff, b, bOff, bias, biasOff, c, cOff, ldc);
    }

    private static void kernelBiasSet(int kc, double[] a, int aOff, double[] b, int bOff, double[] bias, int biasOff,
            double[] c, int cOff, int ldc) {
        DoubleVector z0 = DoubleVector.fromArray(S, bias, biasOff);
        DoubleVector z1 = DoubleVector.fromArray(S, bias, biasOff + L);
        DoubleVector c00 = z0;
        DoubleVector c01 = z1;
        DoubleVector c10 = z0;
        DoubleVector c11 = z1;
        DoubleVector c20 = z0;
        DoubleVector c21 = z1;
        DoubleVector c30 = z0;
        DoubleVector c31 = z1;
        DoubleVector c40 = z0;
        DoubleVector c41 = z1;
        DoubleVector c50 = z0;
        DoubleVector c51 = z1;
        DoubleVector c60 = z0;
        DoubleVector c61 = z1;
        DoubleVector c70 = z0;
        DoubleVector c71 = z1;
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p * MR;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    @Override
    public boolean rowsA() {
        return true;
    }

    /** Three more straight-line variants, A read in place (8 rows, each contiguous along k). */
    @Override
    public void kernelRows(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean loadC) {
        if (loadC) {
            kernelRowsAdd(kc, a, aOff, lda, b, bOff, c, cOff, ldc);
        } else {
            kernelRowsSet(kc, a, aOff, lda, b, bOff, c, cOff, ldc);
        }
    }

    @Override
    public void kernelRowsBias(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] bias,
            int biasOff, double[] c, int cOff, int ldc) {
        kernelRowsBiasSet(kc, a, aOff, lda, b, bOff, bias, biasOff, c, cOff, ldc);
    }

    private static void kernelRowsAdd(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] c, int cOff, int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(S, c, cOff + 0 * ldc + 0 * L);
        DoubleVector c01 = DoubleVector.fromArray(S, c, cOff + 0 * ldc + 1 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, c, cOff + 1 * ldc + 0 * L);
        DoubleVector c11 = DoubleVector.fromArray(S, c, cOff + 1 * ldc + 1 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, c, cOff + 2 * ldc + 0 * L);
        DoubleVector c21 = DoubleVector.fromArray(S, c, cOff + 2 * ldc + 1 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, c, cOff + 3 * ldc + 0 * L);
        DoubleVector c31 = DoubleVector.fromArray(S, c, cOff + 3 * ldc + 1 * L);
        DoubleVector c40 = DoubleVector.fromArray(S, c, cOff + 4 * ldc + 0 * L);
        DoubleVector c41 = DoubleVector.fromArray(S, c, cOff + 4 * ldc + 1 * L);
        DoubleVector c50 = DoubleVector.fromArray(S, c, cOff + 5 * ldc + 0 * L);
        DoubleVector c51 = DoubleVector.fromArray(S, c, cOff + 5 * ldc + 1 * L);
        DoubleVector c60 = DoubleVector.fromArray(S, c, cOff + 6 * ldc + 0 * L);
        DoubleVector c61 = DoubleVector.fromArray(S, c, cOff + 6 * ldc + 1 * L);
        DoubleVector c70 = DoubleVector.fromArray(S, c, cOff + 7 * ldc + 0 * L);
        DoubleVector c71 = DoubleVector.fromArray(S, c, cOff + 7 * ldc + 1 * L);
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1 * lda]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2 * lda]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3 * lda]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4 * lda]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5 * lda]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6 * lda]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7 * lda]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    private static void kernelRowsSet(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] c, int cOff, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S);
        DoubleVector c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S);
        DoubleVector c71 = DoubleVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1 * lda]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2 * lda]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3 * lda]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4 * lda]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5 * lda]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6 * lda]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7 * lda]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    private static void kernelRowsBiasSet(int kc, double[] a, int aOff, int lda, double[] b, int bOff, double[] bias,
            int biasOff, double[] c, int cOff, int ldc) {
        DoubleVector z0 = DoubleVector.fromArray(S, bias, biasOff);
        DoubleVector z1 = DoubleVector.fromArray(S, bias, biasOff + L);
        DoubleVector c00 = z0;
        DoubleVector c01 = z1;
        DoubleVector c10 = z0;
        DoubleVector c11 = z1;
        DoubleVector c20 = z0;
        DoubleVector c21 = z1;
        DoubleVector c30 = z0;
        DoubleVector c31 = z1;
        DoubleVector c40 = z0;
        DoubleVector c41 = z1;
        DoubleVector c50 = z0;
        DoubleVector c51 = z1;
        DoubleVector c60 = z0;
        DoubleVector c61 = z1;
        DoubleVector c70 = z0;
        DoubleVector c71 = z1;
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p;
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ao + 1 * lda]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ao + 2 * lda]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ao + 3 * lda]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ao + 4 * lda]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ao + 5 * lda]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ao + 6 * lda]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ao + 7 * lda]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff + 0 * ldc + 0 * L);
        c01.intoArray(c, cOff + 0 * ldc + 1 * L);
        c10.intoArray(c, cOff + 1 * ldc + 0 * L);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c20.intoArray(c, cOff + 2 * ldc + 0 * L);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c30.intoArray(c, cOff + 3 * ldc + 0 * L);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c40.intoArray(c, cOff + 4 * ldc + 0 * L);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c50.intoArray(c, cOff + 5 * ldc + 0 * L);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c60.intoArray(c, cOff + 6 * ldc + 0 * L);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c70.intoArray(c, cOff + 7 * ldc + 0 * L);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
    }

    /** Full panels as whole-vector copies (w is a multiple of L), the last partial panel as the default does. */
    @Override
    public void packPanels(double[] src, int srcOff, int lds, int rows, int width, int w, double[] dst, int dstOff) {
        if (w % L != 0) {
            GemmKernel.super.packPanels(src, srcOff, lds, rows, width, w, dst, dstOff);
            return;
        }
        int full = width / w;
        int panelSize = w * rows;
        if (full * w < width) {
            GemmKernel.super.packPanels(src, srcOff + full * w, lds, rows, width - full * w, w, dst,
                    dstOff + full * panelSize);
        }
        if (w == L) {
            for (int p = 0; p < rows; p++) {
                int s = srcOff + p * lds;
                int d = dstOff + p * L;
                for (int g = 0; g < full; g++) {
                    DoubleVector.fromArray(S, src, s + g * L).intoArray(dst, d + g * panelSize);
                }
            }
        } else if (w == 2 * L) {
            for (int p = 0; p < rows; p++) {
                int s = srcOff + p * lds;
                int d = dstOff + p * w;
                for (int g = 0; g < full; g++) {
                    int sg = s + g * w;
                    int dg = d + g * panelSize;
                    DoubleVector.fromArray(S, src, sg).intoArray(dst, dg);
                    DoubleVector.fromArray(S, src, sg + L).intoArray(dst, dg + L);
                }
            }
        } else {
            for (int p = 0; p < rows; p++) {
                int s = srcOff + p * lds;
                int d = dstOff + p * w;
                for (int g = 0; g < full; g++) {
                    for (int v = 0; v < w; v += L) {
                        DoubleVector.fromArray(S, src, s + g * w + v).intoArray(dst, d + g * panelSize + v);
                    }
                }
            }
        }
    }

    /**
     * Panels a multiple of L wide as whole-vector copies, the partial last panel as the default
     * does; other widths as the default. (Only the preferred species: a method that also copied
     * with 256- or 128-bit vectors was compiled with the stores boxed, 4x slower than scalar;
     * masked copies are not intrinsified on JDK 17 and were 3x slower than scalar.)
     */
    @Override
    public void packPanels(double[] src, int srcOff, int lds, int rows, int width, int w, double[] dst, int dstOff,
            int rowStride, int panelStride) {
        if (w % L != 0) {
            GemmKernel.super.packPanels(src, srcOff, lds, rows, width, w, dst, dstOff, rowStride, panelStride);
            return;
        }
        int full = width / w;
        if (full * w < width) {
            GemmKernel.super.packPanels(src, srcOff + full * w, lds, rows, width - full * w, w, dst,
                    dstOff + full * panelStride, rowStride, panelStride);
        }
        for (int r = 0; r < rows; r++) {
            int s = srcOff + r * lds;
            int d = dstOff + r * rowStride;
            for (int g = 0; g < full; g++) {
                int sg = s + g * w;
                int dg = d + g * panelStride;
                for (int v = 0; v < w; v += L) {
                    DoubleVector.fromArray(S, src, sg + v).intoArray(dst, dg + v);
                }
            }
        }
    }

    /**
     * One and two rows keep a block of 8 vectors of each C row in registers for the whole of p (8
     * or 16 accumulators), so C is read and written once per block instead of once per row of B;
     * then single vectors, then single columns. Each element still gets its fma chain in p order.
     */
    @Override
    public void accumulateTransA(int rows, double[] a, int aOff, int lda, double[] b, int bOff, int ldb, int len,
            double[] c, int cOff, int ldc, int n) {
        if (rows != 1 && rows != 2) {
            GemmKernel.super.accumulateTransA(rows, a, aOff, lda, b, bOff, ldb, len, c, cOff, ldc, n);
            return;
        }
        int q = 0;
        for (; q + 8 * L <= n; q += 8 * L) {
            if (rows == 2) {
                block2x8(a, aOff, lda, b, bOff + q, ldb, len, c, cOff + q, ldc);
            } else {
                block1x8(a, aOff, lda, b, bOff + q, ldb, len, c, cOff + q);
            }
        }
        for (; q + L <= n; q += L) {
            for (int r = 0; r < rows; r++) {
                int co = cOff + r * ldc + q;
                DoubleVector acc = DoubleVector.fromArray(S, c, co);
                for (int p = 0; p < len; p++) {
                    acc = DoubleVector.broadcast(S, a[aOff + p * lda + r])
                            .fma(DoubleVector.fromArray(S, b, bOff + p * ldb + q), acc);
                }
                acc.intoArray(c, co);
            }
        }
        for (; q < n; q++) {
            for (int r = 0; r < rows; r++) {
                int co = cOff + r * ldc + q;
                double acc = c[co];
                for (int p = 0; p < len; p++) {
                    acc = Math.fma(a[aOff + p * lda + r], b[bOff + p * ldb + q], acc);
                }
                c[co] = acc;
            }
        }
    }

    private static void block1x8(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, int len, double[] c,
            int cOff) {
        DoubleVector c0 = DoubleVector.fromArray(S, c, cOff + 0 * L);
        DoubleVector c1 = DoubleVector.fromArray(S, c, cOff + 1 * L);
        DoubleVector c2 = DoubleVector.fromArray(S, c, cOff + 2 * L);
        DoubleVector c3 = DoubleVector.fromArray(S, c, cOff + 3 * L);
        DoubleVector c4 = DoubleVector.fromArray(S, c, cOff + 4 * L);
        DoubleVector c5 = DoubleVector.fromArray(S, c, cOff + 5 * L);
        DoubleVector c6 = DoubleVector.fromArray(S, c, cOff + 6 * L);
        DoubleVector c7 = DoubleVector.fromArray(S, c, cOff + 7 * L);
        for (int p = 0; p < len; p++) {
            int bo = bOff + p * ldb;
            DoubleVector x = DoubleVector.broadcast(S, a[aOff + p * lda]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bo + 0 * L), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bo + 1 * L), c1);
            c2 = x.fma(DoubleVector.fromArray(S, b, bo + 2 * L), c2);
            c3 = x.fma(DoubleVector.fromArray(S, b, bo + 3 * L), c3);
            c4 = x.fma(DoubleVector.fromArray(S, b, bo + 4 * L), c4);
            c5 = x.fma(DoubleVector.fromArray(S, b, bo + 5 * L), c5);
            c6 = x.fma(DoubleVector.fromArray(S, b, bo + 6 * L), c6);
            c7 = x.fma(DoubleVector.fromArray(S, b, bo + 7 * L), c7);
        }
        c0.intoArray(c, cOff + 0 * L);
        c1.intoArray(c, cOff + 1 * L);
        c2.intoArray(c, cOff + 2 * L);
        c3.intoArray(c, cOff + 3 * L);
        c4.intoArray(c, cOff + 4 * L);
        c5.intoArray(c, cOff + 5 * L);
        c6.intoArray(c, cOff + 6 * L);
        c7.intoArray(c, cOff + 7 * L);
    }

    private static void block2x8(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, int len, double[] c,
            int cOff, int ldc) {
        int d = cOff + ldc;
        DoubleVector c0 = DoubleVector.fromArray(S, c, cOff + 0 * L);
        DoubleVector c1 = DoubleVector.fromArray(S, c, cOff + 1 * L);
        DoubleVector c2 = DoubleVector.fromArray(S, c, cOff + 2 * L);
        DoubleVector c3 = DoubleVector.fromArray(S, c, cOff + 3 * L);
        DoubleVector c4 = DoubleVector.fromArray(S, c, cOff + 4 * L);
        DoubleVector c5 = DoubleVector.fromArray(S, c, cOff + 5 * L);
        DoubleVector c6 = DoubleVector.fromArray(S, c, cOff + 6 * L);
        DoubleVector c7 = DoubleVector.fromArray(S, c, cOff + 7 * L);
        DoubleVector d0 = DoubleVector.fromArray(S, c, d + 0 * L);
        DoubleVector d1 = DoubleVector.fromArray(S, c, d + 1 * L);
        DoubleVector d2 = DoubleVector.fromArray(S, c, d + 2 * L);
        DoubleVector d3 = DoubleVector.fromArray(S, c, d + 3 * L);
        DoubleVector d4 = DoubleVector.fromArray(S, c, d + 4 * L);
        DoubleVector d5 = DoubleVector.fromArray(S, c, d + 5 * L);
        DoubleVector d6 = DoubleVector.fromArray(S, c, d + 6 * L);
        DoubleVector d7 = DoubleVector.fromArray(S, c, d + 7 * L);
        for (int p = 0; p < len; p++) {
            int bo = bOff + p * ldb;
            int ao = aOff + p * lda;
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            DoubleVector y = DoubleVector.broadcast(S, a[ao + 1]);
            DoubleVector v0 = DoubleVector.fromArray(S, b, bo + 0 * L);
            c0 = x.fma(v0, c0);
            d0 = y.fma(v0, d0);
            DoubleVector v1 = DoubleVector.fromArray(S, b, bo + 1 * L);
            c1 = x.fma(v1, c1);
            d1 = y.fma(v1, d1);
            DoubleVector v2 = DoubleVector.fromArray(S, b, bo + 2 * L);
            c2 = x.fma(v2, c2);
            d2 = y.fma(v2, d2);
            DoubleVector v3 = DoubleVector.fromArray(S, b, bo + 3 * L);
            c3 = x.fma(v3, c3);
            d3 = y.fma(v3, d3);
            DoubleVector v4 = DoubleVector.fromArray(S, b, bo + 4 * L);
            c4 = x.fma(v4, c4);
            d4 = y.fma(v4, d4);
            DoubleVector v5 = DoubleVector.fromArray(S, b, bo + 5 * L);
            c5 = x.fma(v5, c5);
            d5 = y.fma(v5, d5);
            DoubleVector v6 = DoubleVector.fromArray(S, b, bo + 6 * L);
            c6 = x.fma(v6, c6);
            d6 = y.fma(v6, d6);
            DoubleVector v7 = DoubleVector.fromArray(S, b, bo + 7 * L);
            c7 = x.fma(v7, c7);
            d7 = y.fma(v7, d7);
        }
        c0.intoArray(c, cOff + 0 * L);
        c1.intoArray(c, cOff + 1 * L);
        c2.intoArray(c, cOff + 2 * L);
        c3.intoArray(c, cOff + 3 * L);
        c4.intoArray(c, cOff + 4 * L);
        c5.intoArray(c, cOff + 5 * L);
        c6.intoArray(c, cOff + 6 * L);
        c7.intoArray(c, cOff + 7 * L);
        d0.intoArray(c, d + 0 * L);
        d1.intoArray(c, d + 1 * L);
        d2.intoArray(c, d + 2 * L);
        d3.intoArray(c, d + 3 * L);
        d4.intoArray(c, d + 4 * L);
        d5.intoArray(c, d + 5 * L);
        d6.intoArray(c, d + 6 * L);
        d7.intoArray(c, d + 7 * L);
    }

    @Override
    public int sampleMr() {
        return SMR;
    }

    @Override
    public int sampleNr() {
        return SNR;
    }

    /**
     * A 6 x 2L tile: 12 vectors of G<sub>i</sub> formed over the streams and 12 vectors of the sums
     * of their squares, all in registers for the whole range of samples (27 of the 32 AVX-512
     * registers). Measured in L1 on one AVX-512 core (JDK 17): 6 x 2L about 33 GFMA/s (the GEMM
     * micro-kernel 35-40), 4 x 2L and 4 x 3L 29, 8 x 2L with the sums in memory 27.
     */
    @Override
    public void addSquaredSampleProducts(int samples, int streams, double[] x, int xOff, int xi, int xs, double[] y,
            int yOff, int yi, int ys, double[] out, int outOff, int ldo) {
        DoubleVector o00 = DoubleVector.fromArray(S, out, outOff + 0 * ldo + 0 * L);
        DoubleVector o01 = DoubleVector.fromArray(S, out, outOff + 0 * ldo + 1 * L);
        DoubleVector o10 = DoubleVector.fromArray(S, out, outOff + 1 * ldo + 0 * L);
        DoubleVector o11 = DoubleVector.fromArray(S, out, outOff + 1 * ldo + 1 * L);
        DoubleVector o20 = DoubleVector.fromArray(S, out, outOff + 2 * ldo + 0 * L);
        DoubleVector o21 = DoubleVector.fromArray(S, out, outOff + 2 * ldo + 1 * L);
        DoubleVector o30 = DoubleVector.fromArray(S, out, outOff + 3 * ldo + 0 * L);
        DoubleVector o31 = DoubleVector.fromArray(S, out, outOff + 3 * ldo + 1 * L);
        DoubleVector o40 = DoubleVector.fromArray(S, out, outOff + 4 * ldo + 0 * L);
        DoubleVector o41 = DoubleVector.fromArray(S, out, outOff + 4 * ldo + 1 * L);
        DoubleVector o50 = DoubleVector.fromArray(S, out, outOff + 5 * ldo + 0 * L);
        DoubleVector o51 = DoubleVector.fromArray(S, out, outOff + 5 * ldo + 1 * L);
        for (int i = 0; i < samples; i++) {
            int xa = xOff + i * xi;
            int ya = yOff + i * yi;
            DoubleVector y0 = DoubleVector.fromArray(S, y, ya + 0 * L);
            DoubleVector y1 = DoubleVector.fromArray(S, y, ya + 1 * L);
            DoubleVector a0 = DoubleVector.broadcast(S, x[xa + 0]);
            DoubleVector g00 = a0.mul(y0);
            DoubleVector g01 = a0.mul(y1);
            DoubleVector a1 = DoubleVector.broadcast(S, x[xa + 1]);
            DoubleVector g10 = a1.mul(y0);
            DoubleVector g11 = a1.mul(y1);
            DoubleVector a2 = DoubleVector.broadcast(S, x[xa + 2]);
            DoubleVector g20 = a2.mul(y0);
            DoubleVector g21 = a2.mul(y1);
            DoubleVector a3 = DoubleVector.broadcast(S, x[xa + 3]);
            DoubleVector g30 = a3.mul(y0);
            DoubleVector g31 = a3.mul(y1);
            DoubleVector a4 = DoubleVector.broadcast(S, x[xa + 4]);
            DoubleVector g40 = a4.mul(y0);
            DoubleVector g41 = a4.mul(y1);
            DoubleVector a5 = DoubleVector.broadcast(S, x[xa + 5]);
            DoubleVector g50 = a5.mul(y0);
            DoubleVector g51 = a5.mul(y1);
            for (int s = 1; s < streams; s++) {
                xa += xs;
                ya += ys;
                y0 = DoubleVector.fromArray(S, y, ya + 0 * L);
                y1 = DoubleVector.fromArray(S, y, ya + 1 * L);
                a0 = DoubleVector.broadcast(S, x[xa + 0]);
                g00 = a0.fma(y0, g00);
                g01 = a0.fma(y1, g01);
                a1 = DoubleVector.broadcast(S, x[xa + 1]);
                g10 = a1.fma(y0, g10);
                g11 = a1.fma(y1, g11);
                a2 = DoubleVector.broadcast(S, x[xa + 2]);
                g20 = a2.fma(y0, g20);
                g21 = a2.fma(y1, g21);
                a3 = DoubleVector.broadcast(S, x[xa + 3]);
                g30 = a3.fma(y0, g30);
                g31 = a3.fma(y1, g31);
                a4 = DoubleVector.broadcast(S, x[xa + 4]);
                g40 = a4.fma(y0, g40);
                g41 = a4.fma(y1, g41);
                a5 = DoubleVector.broadcast(S, x[xa + 5]);
                g50 = a5.fma(y0, g50);
                g51 = a5.fma(y1, g51);
            }
            o00 = g00.fma(g00, o00);
            o01 = g01.fma(g01, o01);
            o10 = g10.fma(g10, o10);
            o11 = g11.fma(g11, o11);
            o20 = g20.fma(g20, o20);
            o21 = g21.fma(g21, o21);
            o30 = g30.fma(g30, o30);
            o31 = g31.fma(g31, o31);
            o40 = g40.fma(g40, o40);
            o41 = g41.fma(g41, o41);
            o50 = g50.fma(g50, o50);
            o51 = g51.fma(g51, o51);
        }
        o00.intoArray(out, outOff + 0 * ldo + 0 * L);
        o01.intoArray(out, outOff + 0 * ldo + 1 * L);
        o10.intoArray(out, outOff + 1 * ldo + 0 * L);
        o11.intoArray(out, outOff + 1 * ldo + 1 * L);
        o20.intoArray(out, outOff + 2 * ldo + 0 * L);
        o21.intoArray(out, outOff + 2 * ldo + 1 * L);
        o30.intoArray(out, outOff + 3 * ldo + 0 * L);
        o31.intoArray(out, outOff + 3 * ldo + 1 * L);
        o40.intoArray(out, outOff + 4 * ldo + 0 * L);
        o41.intoArray(out, outOff + 4 * ldo + 1 * L);
        o50.intoArray(out, outOff + 5 * ldo + 0 * L);
        o51.intoArray(out, outOff + 5 * ldo + 1 * L);
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        if (!VectorLoops.VECTOR_PARTIALS) {
            return PortableMath.dot(x, xOff, y, yOff, len);
        }
        double[] out = new double[1];
        dots(x, xOff, 0, 1, y, yOff, len, out, 0, 0);
        return out[0];
    }

    /**
     * Two rows at a time share each load of x. Per row: {@link PortableMath#dot}, its eight
     * partial sums in the lanes of one 8-lane accumulator or of two 4-lane ones (see
     * {@link VectorLoops#VECTOR_PARTIALS}: only the preferred species).
     */
    @Override
    public void dots(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride) {
        if (!VectorLoops.VECTOR_PARTIALS) {
            GemmKernel.super.dots(a, aOff, lda, rows, x, xOff, len, out, outOff, outStride);
        } else if (L == PortableMath.PARTIALS) {
            dots8(a, aOff, lda, rows, x, xOff, len, out, outOff, outStride);
        } else {
            dots4(a, aOff, lda, rows, x, xOff, len, out, outOff, outStride);
        }
    }

    /** {@link #dots} with 8 lanes: one accumulator per row holds its eight partials. */
    private static void dots8(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride) {
        int blocks = VectorLoops.blocksEnd(0, len);
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            int o0 = aOff + r * lda;
            int o1 = o0 + lda;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = DoubleVector.zero(S);
            for (int p = 0; p < blocks; p += L) {
                DoubleVector xv = DoubleVector.fromArray(S, x, xOff + p);
                s0 = DoubleVector.fromArray(S, a, o0 + p).fma(xv, s0);
                s1 = DoubleVector.fromArray(S, a, o1 + p).fma(xv, s1);
            }
            out[outOff + r * outStride] = tail(VectorLoops.combine(s0), a, o0, x, xOff, blocks, len);
            out[outOff + (r + 1) * outStride] = tail(VectorLoops.combine(s1), a, o1, x, xOff, blocks, len);
        }
        for (; r < rows; r++) {
            int o = aOff + r * lda;
            DoubleVector s0 = DoubleVector.zero(S);
            for (int p = 0; p < blocks; p += L) {
                s0 = DoubleVector.fromArray(S, a, o + p).fma(DoubleVector.fromArray(S, x, xOff + p), s0);
            }
            out[outOff + r * outStride] = tail(VectorLoops.combine(s0), a, o, x, xOff, blocks, len);
        }
    }

    /** {@link #dots} with 4 lanes: two accumulators per row, lo (partials 0-3) and hi (4-7). */
    private static void dots4(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride) {
        int blocks = VectorLoops.blocksEnd(0, len);
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            int o0 = aOff + r * lda;
            int o1 = o0 + lda;
            DoubleVector lo0 = DoubleVector.zero(S);
            DoubleVector hi0 = DoubleVector.zero(S);
            DoubleVector lo1 = DoubleVector.zero(S);
            DoubleVector hi1 = DoubleVector.zero(S);
            for (int p = 0; p < blocks; p += 2 * L) {
                DoubleVector xlo = DoubleVector.fromArray(S, x, xOff + p);
                DoubleVector xhi = DoubleVector.fromArray(S, x, xOff + p + L);
                lo0 = DoubleVector.fromArray(S, a, o0 + p).fma(xlo, lo0);
                hi0 = DoubleVector.fromArray(S, a, o0 + p + L).fma(xhi, hi0);
                lo1 = DoubleVector.fromArray(S, a, o1 + p).fma(xlo, lo1);
                hi1 = DoubleVector.fromArray(S, a, o1 + p + L).fma(xhi, hi1);
            }
            out[outOff + r * outStride] = tail(VectorLoops.combine(lo0, hi0), a, o0, x, xOff, blocks, len);
            out[outOff + (r + 1) * outStride] = tail(VectorLoops.combine(lo1, hi1), a, o1, x, xOff, blocks, len);
        }
        for (; r < rows; r++) {
            int o = aOff + r * lda;
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (int p = 0; p < blocks; p += 2 * L) {
                lo = DoubleVector.fromArray(S, a, o + p).fma(DoubleVector.fromArray(S, x, xOff + p), lo);
                hi = DoubleVector.fromArray(S, a, o + p + L).fma(DoubleVector.fromArray(S, x, xOff + p + L), hi);
            }
            out[outOff + r * outStride] = tail(VectorLoops.combine(lo, hi), a, o, x, xOff, blocks, len);
        }
    }

    /** {@code s} (the partials combined) plus the tail [from, len) in order. */
    private static double tail(double s, double[] a, int aOff, double[] x, int xOff, int from, int len) {
        for (int p = from; p < len; p++) {
            s = Math.fma(a[aOff + p], x[xOff + p], s);
        }
        return s;
    }

    @Override
    public void axpyRows(double[] alpha, int alphaOff, int rows, double[] x, int xOff, double[] y, int yOff,
            int ldy, int len) {
        if (rows != 2) {
            GemmKernel.super.axpyRows(alpha, alphaOff, rows, x, xOff, y, yOff, ldy, len);
            return;
        }
        DoubleVector a0 = DoubleVector.broadcast(S, alpha[alphaOff]);
        DoubleVector a1 = DoubleVector.broadcast(S, alpha[alphaOff + 1]);
        int y1 = yOff + ldy;
        int p = 0;
        for (int end = len - L; p <= end; p += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + p);
            a0.fma(xv, DoubleVector.fromArray(S, y, yOff + p)).intoArray(y, yOff + p);
            a1.fma(xv, DoubleVector.fromArray(S, y, y1 + p)).intoArray(y, y1 + p);
        }
        for (; p < len; p++) {
            y[yOff + p] = Math.fma(alpha[alphaOff], x[xOff + p], y[yOff + p]);
            y[y1 + p] = Math.fma(alpha[alphaOff + 1], x[xOff + p], y[y1 + p]);
        }
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int p = 0;
        for (int end = len - L; p <= end; p += L) {
            va.fma(DoubleVector.fromArray(S, x, xOff + p), DoubleVector.fromArray(S, y, yOff + p))
                    .intoArray(y, yOff + p);
        }
        for (; p < len; p++) {
            y[yOff + p] = Math.fma(alpha, x[xOff + p], y[yOff + p]);
        }
    }
}
