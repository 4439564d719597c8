package org.totaldiff.engine;

/**
 * Plain Java GEMM inner loops: a 4 x 4 micro-kernel with its sixteen accumulators in locals, and
 * a 2 x 4 tile of the squared per-sample products.
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
    public int sampleMr() {
        return 2;
    }

    @Override
    public int sampleNr() {
        return 4;
    }

    /** A 2 x 4 tile: eight products g and eight sums of their squares in locals. */
    @Override
    public void addSquaredSampleProducts(int samples, int streams, double[] x, int xOff, int xi, int xs, double[] y,
            int yOff, int yi, int ys, double[] out, int outOff, int ldo) {
        int o1 = outOff + ldo;
        double s00 = out[outOff], s01 = out[outOff + 1], s02 = out[outOff + 2], s03 = out[outOff + 3];
        double s10 = out[o1], s11 = out[o1 + 1], s12 = out[o1 + 2], s13 = out[o1 + 3];
        for (int i = 0; i < samples; i++) {
            int xa = xOff + i * xi;
            int ya = yOff + i * yi;
            double y0 = y[ya], y1 = y[ya + 1], y2 = y[ya + 2], y3 = y[ya + 3];
            double a0 = x[xa];
            double a1 = x[xa + 1];
            double g00 = a0 * y0, g01 = a0 * y1, g02 = a0 * y2, g03 = a0 * y3;
            double g10 = a1 * y0, g11 = a1 * y1, g12 = a1 * y2, g13 = a1 * y3;
            for (int s = 1; s < streams; s++) {
                xa += xs;
                ya += ys;
                y0 = y[ya];
                y1 = y[ya + 1];
                y2 = y[ya + 2];
                y3 = y[ya + 3];
                a0 = x[xa];
                a1 = x[xa + 1];
                g00 = Math.fma(a0, y0, g00);
                g01 = Math.fma(a0, y1, g01);
                g02 = Math.fma(a0, y2, g02);
                g03 = Math.fma(a0, y3, g03);
                g10 = Math.fma(a1, y0, g10);
                g11 = Math.fma(a1, y1, g11);
                g12 = Math.fma(a1, y2, g12);
                g13 = Math.fma(a1, y3, g13);
            }
            s00 = Math.fma(g00, g00, s00);
            s01 = Math.fma(g01, g01, s01);
            s02 = Math.fma(g02, g02, s02);
            s03 = Math.fma(g03, g03, s03);
            s10 = Math.fma(g10, g10, s10);
            s11 = Math.fma(g11, g11, s11);
            s12 = Math.fma(g12, g12, s12);
            s13 = Math.fma(g13, g13, s13);
        }
        store(out, outOff, s00, s01, s02, s03);
        store(out, o1, s10, s11, s12, s13);
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        return PortableMath.dot(x, xOff, y, yOff, len);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int p = 0; p < len; p++) {
            y[yOff + p] = Math.fma(alpha, x[xOff + p], y[yOff + p]);
        }
    }
}
