package org.totaldiff.pinn.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * Reference solution of the Allen-Cahn equation
 *
 * <pre>
 *   u_t - D u_xx + R u^3 - R u = 0,   D = 1e-4, R = 5,
 *   u(x, 0) = x^2 cos(pi x),   x in [-1, 1) periodic,   t in [0, 1],
 * </pre>
 *
 * computed by a Fourier pseudo-spectral discretisation in x and exponential time differencing
 * (ETDRK4) in time, after Kassam and Trefethen, "Fourth-order time-stepping for stiff PDEs",
 * SIAM J. Sci. Comput. 26 (2005). In Fourier space u_t = L u + N(u) with the diagonal linear part
 * L_k = R - D (pi k)^2 (k = -n/2..n/2-1) treated exactly and N(u) = -R u^3 evaluated on the grid
 * (no dealiasing). The phi-functions of h L are evaluated as means over M points of a circle of
 * radius 1 around each h L_k in the complex plane (upper half; L is real), which avoids the
 * cancellation of their closed forms for small h L.
 *
 * <p>The solution is stored on the grid x_j = -1 + 2 j / n (j = 0..n-1; x = 1 is x = -1) times
 * t_m = m tEnd / (outputs - 1). Between grid points {@link #evaluate} uses the trigonometric
 * interpolant in x (exact for the spectral solution) and cubic Lagrange interpolation over the
 * four nearest output times in t (one-sided at the ends).
 *
 * <p>Solving the default problem takes seconds, so {@link #cached(Path, Params)} keeps the grid as
 * CSV ({@link GridValues#writeCsv}).
 */
public final class AllenCahnReference implements ReferenceSolution {

    /** Domain x in [-1, 1] (periodic), t in [0, 1]; columns (x, t). */
    public static final Box DOMAIN = Box.of("x", -1, 1).and("t", 0, 1);

    /**
     * Solver settings.
     *
     * @param nx number of grid points in x (a power of two)
     * @param outputs number of stored times, evenly spaced from 0 to tEnd inclusive
     * @param tEnd final time
     * @param dt internal ETDRK4 step; must divide tEnd / (outputs - 1) into a whole number of steps
     * @param diffusion D in u_t = D u_xx + R u - R u^3
     * @param reaction R
     * @param contourPoints M, points on the half circle for the phi-functions
     */
    public record Params(int nx, int outputs, double tEnd, double dt, double diffusion, double reaction,
            int contourPoints) {

        /** Validates the settings; messages name the bad value. */
        public Params {
            if (nx < 4 || Integer.bitCount(nx) != 1) {
                throw new IllegalArgumentException("AllenCahnReference.Params: nx must be a power of two >= 4, got "
                        + nx);
            }
            if (outputs < 4) {
                throw new IllegalArgumentException("AllenCahnReference.Params: outputs must be >= 4 (cubic"
                        + " interpolation in t), got " + outputs);
            }
            if (!(tEnd > 0) || !(dt > 0) || !(diffusion >= 0) || !Double.isFinite(reaction)) {
                throw new IllegalArgumentException("AllenCahnReference.Params: need tEnd > 0, dt > 0, diffusion >= 0,"
                        + " finite reaction; got tEnd=" + tEnd + ", dt=" + dt + ", diffusion=" + diffusion
                        + ", reaction=" + reaction);
            }
            if (contourPoints < 1) {
                throw new IllegalArgumentException("AllenCahnReference.Params: contourPoints must be positive, got "
                        + contourPoints);
            }
            double ratio = tEnd / (outputs - 1) / dt;
            if (Math.abs(ratio - Math.rint(ratio)) > 1e-6 * ratio) {
                throw new IllegalArgumentException("AllenCahnReference.Params: dt=" + dt
                        + " does not divide the output spacing " + tEnd / (outputs - 1)
                        + " into whole steps; choose dt = spacing / integer");
            }
        }

        /**
         * The benchmark: 512 x-points, 201 times in [0, 1], dt = 1e-4, D = 1e-4, R = 5, M = 32.
         * (Halving dt changes u by about 1e-11, so dt = 1e-4 is converged to rounding.)
         */
        public static Params defaults() {
            return new Params(512, 201, 1.0, 1e-4, 1e-4, 5.0, 32);
        }

        /** These settings with another internal step. */
        public Params withDt(double newDt) {
            return new Params(nx, outputs, tEnd, newDt, diffusion, reaction, contourPoints);
        }

        /** These settings with another number of x points. */
        public Params withNx(int newNx) {
            return new Params(newNx, outputs, tEnd, dt, diffusion, reaction, contourPoints);
        }

        /** These settings with another number of stored times. */
        public Params withOutputs(int newOutputs) {
            return new Params(nx, newOutputs, tEnd, dt, diffusion, reaction, contourPoints);
        }

        /** Number of ETDRK4 steps between stored times. */
        public int stepsPerOutput() {
            return (int) Math.rint(tEnd / (outputs - 1) / dt);
        }
    }

    private final GridValues grid;
    private final int nx;
    private final double[] times;
    private final double[][] coefRe;
    private final double[][] coefIm;
    private final Box domain;

    private AllenCahnReference(GridValues grid) {
        TensorGrid g = grid.grid();
        if (g.dim() != 2 || !g.names().equals(List.of("x", "t"))) {
            throw new IllegalArgumentException("AllenCahnReference: grid must have coordinates (x, t), got "
                    + g.names());
        }
        nx = g.count(0);
        double[] x = g.axis(0);
        if (nx < 4 || Integer.bitCount(nx) != 1) {
            throw new IllegalArgumentException("AllenCahnReference: x axis must have a power-of-two length, got "
                    + nx);
        }
        for (int j = 0; j < nx; j++) {
            double expected = -1 + 2.0 * j / nx;
            if (Math.abs(x[j] - expected) > 1e-12) {
                throw new IllegalArgumentException("AllenCahnReference: x axis must be -1 + 2j/" + nx
                        + "; x[" + j + "] = " + x[j] + ", expected " + expected);
            }
        }
        times = g.axis(1);
        if (times.length < 4 || times[0] != 0) {
            throw new IllegalArgumentException("AllenCahnReference: t axis must start at 0 and have >= 4 values,"
                    + " got " + times.length + " values from " + times[0]);
        }
        double dtOut = times[times.length - 1] / (times.length - 1);
        for (int m = 0; m < times.length; m++) {
            if (Math.abs(times[m] - m * dtOut) > 1e-9 * (1 + dtOut)) {
                throw new IllegalArgumentException("AllenCahnReference: t axis must be evenly spaced; t[" + m
                        + "] = " + times[m] + ", expected " + m * dtOut);
            }
        }
        this.grid = grid;
        this.domain = Box.of("x", -1, 1).and("t", 0, times[times.length - 1]);
        int nt = times.length;
        Fft fft = new Fft(nx);
        coefRe = new double[nt][];
        coefIm = new double[nt][];
        double[] re = new double[nx];
        double[] im = new double[nx];
        for (int m = 0; m < nt; m++) {
            for (int j = 0; j < nx; j++) {
                re[j] = grid.values().data[j * nt + m];
                im[j] = 0;
            }
            fft.forward(re, im);
            coefRe[m] = new double[nx / 2 + 1];
            coefIm[m] = new double[nx / 2 + 1];
            for (int k = 0; k <= nx / 2; k++) {
                double scale = (k == 0 || k == nx / 2 ? 1.0 : 2.0) / nx;
                coefRe[m][k] = scale * re[k];
                coefIm[m][k] = scale * im[k];
            }
        }
    }

    /** The reference built on a solved (or read) grid with axes (x, t) as {@link #solve} makes. */
    public static AllenCahnReference of(GridValues grid) {
        return new AllenCahnReference(grid);
    }

    /** Solves with {@code params} and wraps the result. */
    public static AllenCahnReference compute(Params params) {
        return new AllenCahnReference(solve(params));
    }

    /**
     * Reads the grid from {@code csv} if the file exists, otherwise solves with {@code params} and
     * writes the grid there (creating parent directories). The file is trusted to match params.
     */
    public static AllenCahnReference cached(Path csv, Params params) throws IOException {
        if (Files.exists(csv)) {
            return readCsv(csv);
        }
        GridValues g = solve(params);
        if (csv.toAbsolutePath().getParent() != null) {
            Files.createDirectories(csv.toAbsolutePath().getParent());
        }
        g.writeCsv(csv);
        return new AllenCahnReference(g);
    }

    /** Reads a grid written by {@link #writeCsv(Path)}. */
    public static AllenCahnReference readCsv(Path csv) throws IOException {
        return new AllenCahnReference(GridValues.readCsv(csv));
    }

    /** Writes the solved grid (columns x, t, u; x slowest) as CSV, readable by {@link #readCsv}. */
    @Override
    public void writeCsv(Path csv) throws IOException {
        grid.writeCsv(csv);
    }

    /** u(x, 0) = x^2 cos(pi x). */
    public static double initialValue(double x) {
        return x * x * Math.cos(Math.PI * x);
    }

    /**
     * Solves the equation with ETDRK4 from u(x, 0) = x^2 cos(pi x) and returns u on the
     * nx x outputs grid (axes x, t; x slowest: u(x_j, t_m) is row j * outputs + m).
     */
    public static GridValues solve(Params p) {
        return solve(p, AllenCahnReference::initialValue);
    }

    /**
     * As {@link #solve(Params)} from another initial condition u0 (sampled at the grid points
     * x_j = -1 + 2j/nx; it should be periodic on [-1, 1)).
     */
    public static GridValues solve(Params p, DoubleUnaryOperator u0) {
        int n = p.nx();
        int nt = p.outputs();
        int sub = p.stepsPerOutput();
        double h = p.tEnd() / (nt - 1) / sub;
        Fft fft = new Fft(n);

        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = -1 + 2.0 * j / n;
        }
        double[] e = new double[n];
        double[] e2 = new double[n];
        double[] q = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] f3 = new double[n];
        etdCoefficients(p, h, e, e2, q, f1, f2, f3);

        double[] vRe = new double[n];
        double[] vIm = new double[n];
        for (int j = 0; j < n; j++) {
            vRe[j] = u0.applyAsDouble(x[j]);
        }
        DMatrixRMaj values = new DMatrixRMaj(n * nt, 1);
        for (int j = 0; j < n; j++) {
            values.data[j * nt] = vRe[j];
        }
        fft.forward(vRe, vIm);

        Stepper stepper = new Stepper(fft, p.reaction(), e, e2, q, f1, f2, f3);
        double[] wRe = new double[n];
        double[] wIm = new double[n];
        for (int m = 1; m < nt; m++) {
            for (int s = 0; s < sub; s++) {
                stepper.step(vRe, vIm);
            }
            System.arraycopy(vRe, 0, wRe, 0, n);
            System.arraycopy(vIm, 0, wIm, 0, n);
            fft.inverse(wRe, wIm);
            for (int j = 0; j < n; j++) {
                values.data[j * nt + m] = wRe[j];
            }
        }
        TensorGrid g = TensorGrid.of(List.of("x", "t"),
                List.of(x, TensorGrid.linspace(0, p.tEnd(), nt)));
        return new GridValues(g, values);
    }

    /** Angular wavenumber pi k of FFT index j on the period-2 interval. */
    static double wavenumber(int j, int n) {
        int k = j < n / 2 ? j : j - n;
        return Math.PI * k;
    }

    /**
     * E = exp(hL), E2 = exp(hL/2) and the ETDRK4 weights Q, f1, f2, f3 (Kassam and Trefethen 2005,
     * eq. 2.5 and section 3), by contour means over z = hL + exp(i pi (m - 1/2) / M), m = 1..M.
     */
    private static void etdCoefficients(Params p, double h, double[] e, double[] e2, double[] q,
            double[] f1, double[] f2, double[] f3) {
        int n = e.length;
        int mPts = p.contourPoints();
        for (int j = 0; j < n; j++) {
            double kk = wavenumber(j, n);
            double l = p.reaction() - p.diffusion() * kk * kk;
            e[j] = Math.exp(h * l);
            e2[j] = Math.exp(h * l / 2);
            double sq = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int m = 0; m < mPts; m++) {
                double angle = Math.PI * (m + 0.5) / mPts;
                C z = new C(h * l + Math.cos(angle), Math.sin(angle));
                C ez = z.exp();
                C z2 = z.times(z);
                C z3 = z2.times(z);
                sq += z.scale(0.5).exp().plus(-1).over(z).re();
                // (-4 - z + e^z (4 - 3z + z^2)) / z^3
                s1 += ez.times(z2.minus(z.scale(3)).plus(4)).minus(z).plus(-4).over(z3).re();
                // (2 + z + e^z (z - 2)) / z^3
                s2 += ez.times(z.plus(-2)).plus(z).plus(2).over(z3).re();
                // (-4 - 3z - z^2 + e^z (4 - z)) / z^3
                s3 += ez.times(z.scale(-1).plus(4)).minus(z2).minus(z.scale(3)).plus(-4).over(z3).re();
            }
            q[j] = h * sq / mPts;
            f1[j] = h * s1 / mPts;
            f2[j] = h * s2 / mPts;
            f3[j] = h * s3 / mPts;
        }
    }

    /** Just enough complex arithmetic for the contour means. */
    private record C(double re, double im) {
        C plus(double a) {
            return new C(re + a, im);
        }

        C plus(C o) {
            return new C(re + o.re, im + o.im);
        }

        C minus(C o) {
            return new C(re - o.re, im - o.im);
        }

        C scale(double a) {
            return new C(a * re, a * im);
        }

        C times(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C over(C o) {
            double d = o.re * o.re + o.im * o.im;
            return new C((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        C exp() {
            double r = Math.exp(re);
            return new C(r * Math.cos(im), r * Math.sin(im));
        }
    }

    /** One ETDRK4 step in Fourier space, with its work arrays. */
    private static final class Stepper {
        private final Fft fft;
        private final double reaction;
        private final double[] e;
        private final double[] e2;
        private final double[] q;
        private final double[] f1;
        private final double[] f2;
        private final double[] f3;
        private final double[][] w;

        Stepper(Fft fft, double reaction, double[] e, double[] e2, double[] q, double[] f1, double[] f2,
                double[] f3) {
            this.fft = fft;
            this.reaction = reaction;
            this.e = e;
            this.e2 = e2;
            this.q = q;
            this.f1 = f1;
            this.f2 = f2;
            this.f3 = f3;
            this.w = new double[10][fft.length()];
        }

        /**
         * a = E2 v + Q N(v); b = E2 v + Q N(a); c = E2 a + Q (2 N(b) - N(v));
         * v <- E v + f1 N(v) + 2 f2 (N(a) + N(b)) + f3 N(c).
         */
        void step(double[] vRe, double[] vIm) {
            int n = vRe.length;
            double[] nvRe = w[0];
            double[] nvIm = w[1];
            double[] aRe = w[2];
            double[] aIm = w[3];
            double[] naRe = w[4];
            double[] naIm = w[5];
            double[] nbRe = w[6];
            double[] nbIm = w[7];
            double[] tRe = w[8];
            double[] tIm = w[9];
            nonlinear(vRe, vIm, nvRe, nvIm);
            for (int j = 0; j < n; j++) {
                aRe[j] = e2[j] * vRe[j] + q[j] * nvRe[j];
                aIm[j] = e2[j] * vIm[j] + q[j] * nvIm[j];
            }
            nonlinear(aRe, aIm, naRe, naIm);
            for (int j = 0; j < n; j++) {
                tRe[j] = e2[j] * vRe[j] + q[j] * naRe[j];
                tIm[j] = e2[j] * vIm[j] + q[j] * naIm[j];
            }
            nonlinear(tRe, tIm, nbRe, nbIm);
            for (int j = 0; j < n; j++) {
                tRe[j] = e2[j] * aRe[j] + q[j] * (2 * nbRe[j] - nvRe[j]);
                tIm[j] = e2[j] * aIm[j] + q[j] * (2 * nbIm[j] - nvIm[j]);
            }
            // N(c) overwrites a (no longer needed)
            nonlinear(tRe, tIm, aRe, aIm);
            for (int j = 0; j < n; j++) {
                vRe[j] = e[j] * vRe[j] + f1[j] * nvRe[j] + 2 * f2[j] * (naRe[j] + nbRe[j]) + f3[j] * aRe[j];
                vIm[j] = e[j] * vIm[j] + f1[j] * nvIm[j] + 2 * f2[j] * (naIm[j] + nbIm[j]) + f3[j] * aIm[j];
            }
        }

        /** out = FFT(-R (IFFT v)^3), taking the real part of IFFT v. in is not modified. */
        private void nonlinear(double[] inRe, double[] inIm, double[] outRe, double[] outIm) {
            int n = inRe.length;
            System.arraycopy(inRe, 0, outRe, 0, n);
            System.arraycopy(inIm, 0, outIm, 0, n);
            fft.inverse(outRe, outIm);
            for (int j = 0; j < n; j++) {
                double u = outRe[j];
                outRe[j] = -reaction * u * u * u;
                outIm[j] = 0;
            }
            fft.forward(outRe, outIm);
        }
    }

    @Override
    public String description() {
        return "Allen-Cahn 1D: u_t - 1e-4 u_xx + 5u^3 - 5u = 0, u(x,0) = x^2 cos(pi x), periodic x in [-1,1),"
                + " Fourier (" + nx + " points) + ETDRK4 reference on " + times.length
                + " times, trigonometric in x, cubic in t";
    }

    @Override
    public Box domain() {
        return domain;
    }

    /** The stored grid (x slowest), as solved or read. */
    public GridValues grid() {
        return grid;
    }

    /** The stored grid's points: nx periodic x values (x = 1 excluded) times the stored times. */
    @Override
    public TensorGrid referenceGrid() {
        return grid.grid();
    }

    /** The stored values themselves (no interpolation). */
    @Override
    public GridValues onGrid() {
        return grid;
    }

    /**
     * u at arbitrary (x, t): x is taken modulo the period 2; t must lie in [0, tEnd].
     *
     * @throws IllegalArgumentException if a t is outside [0, tEnd] (beyond rounding)
     */
    @Override
    public DMatrixRMaj evaluate(DMatrixRMaj points) {
        ReferenceSolution.requireColumns("AllenCahnReference", points, domain);
        DMatrixRMaj u = new DMatrixRMaj(points.numRows, 1);
        int nk = nx / 2 + 1;
        double[] cRe = new double[nk];
        double[] cIm = new double[nk];
        double[] weight = new double[4];
        int nt = times.length;
        double tEnd = times[nt - 1];
        double dtOut = tEnd / (nt - 1);
        for (int i = 0; i < points.numRows; i++) {
            double x = points.data[2 * i];
            double t = points.data[2 * i + 1];
            if (!(t >= -1e-12 * tEnd && t <= tEnd * (1 + 1e-12))) {
                throw new IllegalArgumentException("AllenCahnReference.evaluate: t = " + t + " (row " + i
                        + ") is outside [0, " + tEnd + "]");
            }
            double s = Math.min(Math.max(t, 0), tEnd) / dtOut;
            int first = Math.min(Math.max((int) Math.floor(s) - 1, 0), nt - 4);
            lagrangeWeights(s - first, weight);
            java.util.Arrays.fill(cRe, 0);
            java.util.Arrays.fill(cIm, 0);
            for (int a = 0; a < 4; a++) {
                double wa = weight[a];
                double[] re = coefRe[first + a];
                double[] im = coefIm[first + a];
                for (int k = 0; k < nk; k++) {
                    cRe[k] += wa * re[k];
                    cIm[k] += wa * im[k];
                }
            }
            // sum_k Re(c_k exp(i k pi (x + 1)))
            double theta = Math.PI * (x + 1);
            double zr = Math.cos(theta);
            double zi = Math.sin(theta);
            double pr = 1;
            double pi = 0;
            double sum = 0;
            for (int k = 0; k < nk; k++) {
                sum += cRe[k] * pr - cIm[k] * pi;
                double nr = pr * zr - pi * zi;
                pi = pr * zi + pi * zr;
                pr = nr;
            }
            u.data[i] = sum;
        }
        return u;
    }

    /** Cubic Lagrange weights for nodes 0, 1, 2, 3 at position s (in node units). */
    private static void lagrangeWeights(double s, double[] w) {
        w[0] = -(s - 1) * (s - 2) * (s - 3) / 6;
        w[1] = s * (s - 2) * (s - 3) / 2;
        w[2] = -s * (s - 1) * (s - 3) / 2;
        w[3] = s * (s - 1) * (s - 2) / 6;
    }
}
