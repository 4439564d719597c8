package org.totaldiff.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.totaldiff.engine.GemmKernel;

/**
 * The GEMM inner loops on the JDK Vector API. The micro-kernel computes an 8 x 2L tile of C
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

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        double[] lanes = new double[L];
        double[] out = new double[1];
        dots(x, xOff, 0, 1, y, yOff, len, out, 0, 0, lanes);
        return out[0];
    }

    @Override
    public void dots(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride) {
        dots(a, aOff, lda, rows, x, xOff, len, out, outOff, outStride, new double[L]);
    }

    /**
     * Four rows at a time share each load of x. Per row: one vector accumulator over the full
     * vectors, its lanes summed in lane order (not reduceLanes, whose order is left to the
     * implementation and may differ between the interpreter and compiled code), then the tail.
     */
    private static void dots(double[] a, int aOff, int lda, int rows, double[] x, int xOff, int len, double[] out,
            int outOff, int outStride, double[] lanes) {
        int vecLen = (len / L) * L;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o0 = aOff + r * lda;
            int o1 = o0 + lda;
            int o2 = o1 + lda;
            int o3 = o2 + lda;
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = DoubleVector.zero(S);
            DoubleVector s2 = DoubleVector.zero(S);
            DoubleVector s3 = DoubleVector.zero(S);
            for (int p = 0; p < vecLen; p += L) {
                DoubleVector xv = DoubleVector.fromArray(S, x, xOff + p);
                s0 = DoubleVector.fromArray(S, a, o0 + p).fma(xv, s0);
                s1 = DoubleVector.fromArray(S, a, o1 + p).fma(xv, s1);
                s2 = DoubleVector.fromArray(S, a, o2 + p).fma(xv, s2);
                s3 = DoubleVector.fromArray(S, a, o3 + p).fma(xv, s3);
            }
            out[outOff + r * outStride] = finish(s0, lanes, a, o0, x, xOff, vecLen, len);
            out[outOff + (r + 1) * outStride] = finish(s1, lanes, a, o1, x, xOff, vecLen, len);
            out[outOff + (r + 2) * outStride] = finish(s2, lanes, a, o2, x, xOff, vecLen, len);
            out[outOff + (r + 3) * outStride] = finish(s3, lanes, a, o3, x, xOff, vecLen, len);
        }
        for (; r < rows; r++) {
            int o = aOff + r * lda;
            DoubleVector s = DoubleVector.zero(S);
            for (int p = 0; p < vecLen; p += L) {
                s = DoubleVector.fromArray(S, a, o + p).fma(DoubleVector.fromArray(S, x, xOff + p), s);
            }
            out[outOff + r * outStride] = finish(s, lanes, a, o, x, xOff, vecLen, len);
        }
    }

    private static double finish(DoubleVector acc, double[] lanes, double[] a, int aOff, double[] x, int xOff,
            int from, int len) {
        acc.intoArray(lanes, 0);
        double s = 0.0;
        for (int i = 0; i < L; i++) {
            s += lanes[i];
        }
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
