package org.totaldiff.bench;

/** ABBA toggle of the experimental in-place tanh-jet adjoint (inplace-tanh-adjoint.patch) in one JVM. */
public final class AB {
    public static void main(String[] a) throws Exception {
        Warm r = new Warm(25600, 100);
        int n = Integer.parseInt(a[0]);
        for (int i = 0; i < 4; i++) {
            r.step();
        }
        double[][] t = new double[2][n];
        for (int i = 0; i < 2 * n; i++) {
            boolean on = (i % 2 == 0) ^ ((i / 2) % 2 == 1);
            org.totaldiff.autodiff.Node.EXPERIMENT_IN_PLACE = on;
            long s = System.nanoTime();
            r.step();
            t[on ? 1 : 0][i / 2] = (System.nanoTime() - s) / 1e9;
        }
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.sort(t[k]);
            System.out.printf("%s: median %.4f  min %.4f  q1 %.4f q3 %.4f%n", k == 1 ? "in place" : "separate",
                    t[k][n / 2], t[k][0], t[k][n / 4], t[k][3 * n / 4]);
        }
    }
}
