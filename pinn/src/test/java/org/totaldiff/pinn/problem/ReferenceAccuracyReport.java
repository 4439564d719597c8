package org.totaldiff.pinn.problem;

import java.io.PrintStream;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * Prints the accuracy figures quoted in docs/problems-reference.md (not a test: run by hand).
 *
 * <pre>
 * mvn -B -q -pl pinn -am -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp pinn/target/test-classes:pinn/target/classes:$(cat /tmp/cp.txt) \
 *     org.totaldiff.pinn.problem.ReferenceAccuracyReport
 * </pre>
 */
public final class ReferenceAccuracyReport {

    private ReferenceAccuracyReport() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        allenCahn(out);
        burgers(out);
        helmholtz(out);
    }

    private static void allenCahn(PrintStream out) {
        AllenCahnReference.Params p = AllenCahnReference.Params.defaults();
        out.println("== Allen-Cahn " + p);
        GridValues g = null;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            g = AllenCahnReference.solve(p);
            out.printf("solve time (run %d): %.2f s%n", run + 1, (System.nanoTime() - t0) / 1e9);
        }
        int nt = p.outputs();
        for (double dt : new double[] {1e-3, 5e-4, 2e-4, 1e-4, 5e-5, 1e-5}) {
            long t0 = System.nanoTime();
            GridValues a = AllenCahnReference.solve(p.withDt(dt));
            double secs = (System.nanoTime() - t0) / 1e9;
            GridValues b = AllenCahnReference.solve(p.withDt(dt / 2));
            out.printf("dt=%-7g (%.2f s)  max|u(dt)-u(dt/2)| at t=1: %.2e, over all t: %.2e%n", dt, secs,
                    maxDiff(a, b, 1, nt - 1, nt - 1), maxDiff(a, b, 1, 0, nt - 1));
        }
        GridValues g1024 = AllenCahnReference.solve(p.withNx(1024));
        GridValues g2048 = AllenCahnReference.solve(p.withNx(2048));
        for (int m : new int[] {2, 20, 100, 200}) {
            out.printf("t=%.3f  grid 512 vs 1024: %.2e   512 vs 2048: %.2e%n", m * 0.005,
                    maxDiff(g, g1024, 2, m, m), maxDiff(g, g2048, 4, m, m));
        }
        int where = 0;
        for (int j = 0; j < 512; j++) {
            double dj = Math.abs(g.value(j, 2) - g2048.value(4 * j, 2));
            if (dj > Math.abs(g.value(where, 2) - g2048.value(4 * where, 2))) {
                where = j;
            }
        }
        out.printf("t=0.010: largest 512-vs-2048 difference at x = %.4f%n", -1 + 2.0 * where / 512);
        out.printf("all t: grid 512 vs 2048: max %.2e, relative L2 %.2e%n", maxDiff(g, g2048, 4, 0, nt - 1),
                relL2(g, g2048, 4));
        AllenCahnReference ref = AllenCahnReference.of(g);
        // x midpoints against the 1024-point solve
        double worst = 0;
        double worstLate = 0;
        for (int m = 0; m < nt; m++) {
            DMatrixRMaj mid = new DMatrixRMaj(512, 2);
            for (int j = 0; j < 512; j++) {
                mid.set(j, 0, -1 + (2.0 * j + 1) / 512);
                mid.set(j, 1, m * 0.005);
            }
            DMatrixRMaj u = ref.evaluate(mid);
            for (int j = 0; j < 512; j++) {
                double d = Math.abs(u.get(j) - g1024.value(2 * j + 1, m));
                worst = Math.max(worst, d);
                if (m >= 20) {
                    worstLate = Math.max(worstLate, d);
                }
            }
        }
        out.printf("x-midpoint interpolation vs 1024-point solve: max %.2e (all t), %.2e (t >= 0.1)%n", worst,
                worstLate);
        GridValues fine = AllenCahnReference.solve(p.withOutputs(401));
        DMatrixRMaj mid = new DMatrixRMaj(200 * 512, 2);
        int r = 0;
        for (int m = 1; m < 400; m += 2) {
            for (int j = 0; j < 512; j++) {
                mid.set(r, 0, -1 + 2.0 * j / 512);
                mid.set(r++, 1, m * 0.0025);
            }
        }
        long t0 = System.nanoTime();
        DMatrixRMaj u = ref.evaluate(mid);
        double evalSecs = (System.nanoTime() - t0) / 1e9;
        double cubic = 0;
        double linear = 0;
        r = 0;
        for (int m = 1; m < 400; m += 2) {
            for (int j = 0; j < 512; j++) {
                double exact = fine.value(j, m);
                cubic = Math.max(cubic, Math.abs(u.get(r++) - exact));
                double lin = 0.5 * (g.value(j, (m - 1) / 2) + g.value(j, (m + 1) / 2));
                linear = Math.max(linear, Math.abs(lin - exact));
            }
        }
        out.printf("t-midpoint interpolation: cubic max %.2e (linear would be %.2e); %d points in %.2f s%n", cubic,
                linear, mid.numRows, evalSecs);
        csv(out, g);
        double max = -2;
        double min = 2;
        for (int m = 0; m < nt; m++) {
            for (int j = 0; j < 512; j++) {
                max = Math.max(max, g.value(j, m));
                min = Math.min(min, g.value(j, m));
            }
        }
        out.printf("range of u over the grid: [%.6f, %.6f]; u(0,1) = %.5f, u(+-0.3125,1) = %.5f%n", min, max,
                g.value(256, nt - 1), g.value(176, nt - 1));
    }

    private static void csv(PrintStream out, GridValues g) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("allen-cahn", ".csv");
            long t0 = System.nanoTime();
            g.writeCsv(f);
            long t1 = System.nanoTime();
            GridValues back = GridValues.readCsv(f);
            long t2 = System.nanoTime();
            out.printf("CSV: %d bytes, write %.2f s, read %.2f s, identical: %b%n", java.nio.file.Files.size(f),
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    java.util.Arrays.equals(g.values().data, back.values().data));
            java.nio.file.Files.delete(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void burgers(PrintStream out) {
        BurgersColeHopf b = new BurgersColeHopf();
        out.println("== Burgers " + b.description());
        double lo = 0.45;
        double hi = 0.56;
        for (int it = 0; it < 60; it++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (slope(b, m1) < slope(b, m2)) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        double t = 0.5 * (lo + hi);
        out.printf("max |u_x| = %.6f at x = 0, t = %.6f = %.5f/pi (Basdevant et al.: 152.00516 at 1.6037/pi)%n",
                slope(b, t), t, t * Math.PI);
        for (int n : new int[] {30, 50, 100, 200}) {
            BurgersColeHopf bn = new BurgersColeHopf(BurgersColeHopf.NU, n);
            Rng rng = new Rng(11);
            double worst = 0;
            for (int i = 0; i < 200; i++) {
                double x = i < 50 ? rng.uniform(-0.02, 0.02) : rng.uniform(-1, 1);
                double tt = rng.uniform(0.01, 1);
                worst = Math.max(worst, Math.abs(bn.value(x, tt) - BurgersColeHopfTest.trapezoid(x, tt)));
            }
            out.printf("Gauss-Hermite n=%d vs trapezoid (40,000 points in z): max %.2e%n", n, worst);
        }
        for (int nx : new int[] {1001, 2001, 4001}) {
            double[] e = BurgersColeHopfTest.fdErrors(b, nx);
            out.printf("FD nx=%d relative L2 at t=.25/.5/.75/1: %.2e %.2e %.2e %.2e%n", nx, e[0], e[1], e[2], e[3]);
        }
        long t0 = System.nanoTime();
        DMatrixRMaj pts = Sampling.latinHypercube(b.domain(), 25_600, new Rng(2341));
        b.evaluate(pts);
        out.printf("25,600 LHS points evaluated in %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static double slope(BurgersColeHopf b, double t) {
        double h = 1e-6;
        return -(b.value(h, t) - b.value(-h, t)) / (2 * h);
    }

    private static void helmholtz(PrintStream out) {
        for (Helmholtz2D p : new Helmholtz2D[] {Helmholtz2D.paper(), Helmholtz2D.rba()}) {
            DMatrixRMaj pts = Sampling.latinHypercube(p.domain(), 1000, new Rng(2341));
            double[] worst = new double[2];
            double[] hs = {2e-3, 1e-3};
            for (int s = 0; s < 2; s++) {
                double h = hs[s];
                for (int i = 0; i < pts.numRows; i++) {
                    double x = pts.get(i, 0);
                    double y = pts.get(i, 1);
                    double u = p.value(x, y);
                    double lap = (p.value(x + h, y) + p.value(x - h, y) + p.value(x, y + h) + p.value(x, y - h)
                            - 4 * u) / (h * h);
                    worst[s] = Math.max(worst[s], Math.abs(lap + p.k() * p.k() * u - p.forcing(x, y)));
                }
            }
            out.printf("== %s%n5-point residual / |q|max: h=2e-3 %.2e, h=1e-3 %.2e (ratio %.2f)%n", p.description(),
                    worst[0] / Math.abs(p.forcingFactor()), worst[1] / Math.abs(p.forcingFactor()),
                    worst[0] / worst[1]);
        }
    }

    private static double maxDiff(GridValues a, GridValues fine, int stride, int m0, int m1) {
        double d = 0;
        int nx = a.grid().count(0);
        for (int m = m0; m <= m1; m++) {
            for (int j = 0; j < nx; j++) {
                d = Math.max(d, Math.abs(a.value(j, m) - fine.value(stride * j, m)));
            }
        }
        return d;
    }

    private static double relL2(GridValues a, GridValues fine, int stride) {
        double e = 0;
        double n = 0;
        int nx = a.grid().count(0);
        int nt = a.grid().count(1);
        for (int m = 0; m < nt; m++) {
            for (int j = 0; j < nx; j++) {
                double f = fine.value(stride * j, m);
                e += (a.value(j, m) - f) * (a.value(j, m) - f);
                n += f * f;
            }
        }
        return Math.sqrt(e / n);
    }
}
