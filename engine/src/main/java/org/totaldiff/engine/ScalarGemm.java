package org.totaldiff.engine;

/**
 * Plain Java GEMM inner loops: a 4 x 4 micro-kernel with its sixteen accumulators in locals.
 * The fallback when the Vector API is not enabled, and a reference for the vector kernel.
 */
public final class ScalarGemm implements GemmKernel {

    private static final int MR = 4;
    private static final int NR = 4;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void kernel(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean loadC) {
        double[] acc = new double[MR * NR];
        if (loadC) {
            for (int i = 0; i < MR; i++) {
                System.arraycopy(c, cOff + i * ldc, acc, i * NR, NR);
            }
        }
        double c00 = acc[0], c01 = acc[1], c02 = acc[2], c03 = acc[3];
        double c10 = acc[4], c11 = acc[5], c12 = acc[6], c13 = acc[7];
        double c20 = acc[8], c21 = acc[9], c22 = acc[10], c23 = acc[11];
        double c30 = acc[12], c31 = acc[13], c32 = acc[14], c33 = acc[15];
        for (int p = 0; p < kc; p++) {
            int ao = aOff + p * MR;
            int bo = bOff + p * NR;
            double b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
            double a0 = a[ao];
            c00 = Math.fma(a0, b0, c00);
            c01 = Math.fma(a0, b1, c01);
            c02 = Math.fma(a0, b2, c02);
            c03 = Math.fma(a0, b3, c03);
            double a1 = a[ao + 1];
            c10 = Math.fma(a1, b0, c10);
            c11 = Math.fma(a1, b1, c11);
            c12 = Math.fma(a1, b2, c12);
            c13 = Math.fma(a1, b3, c13);
            double a2 = a[ao + 2];
            c20 = Math.fma(a2, b0, c20);
            c21 = Math.fma(a2, b1, c21);
            c22 = Math.fma(a2, b2, c22);
            c23 = Math.fma(a2, b3, c23);
            double a3 = a[ao + 3];
            c30 = Math.fma(a3, b0, c30);
            c31 = Math.fma(a3, b1, c31);
            c32 = Math.fma(a3, b2, c32);
            c33 = Math.fma(a3, b3, c33);
        }
        store(c, cOff, c00, c01, c02, c03);
        store(c, cOff + ldc, c10, c11, c12, c13);
        store(c, cOff + 2 * ldc, c20, c21, c22, c23);
        store(c, cOff + 3 * ldc, c30, c31, c32, c33);
    }

    private static void store(double[] c, int o, double v0, double v1, double v2, double v3) {
        c[o] = v0;
        c[o + 1] = v1;
        c[o + 2] = v2;
        c[o + 3] = v3;
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        double s = 0.0;
        for (int p = 0; p < len; p++) {
            s = Math.fma(x[xOff + p], y[yOff + p], s);
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int p = 0; p < len; p++) {
            y[yOff + p] = Math.fma(alpha, x[xOff + p], y[yOff + p]);
        }
    }
}
