package org.totaldiff.pinn.problem;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * Exact solution of the viscous Burgers equation
 *
 * <pre>
 *   u_t + u u_x - nu u_xx = 0,   nu = 0.01 / pi,
 *   u(x, 0) = -sin(pi x),   u(-1, t) = u(1, t) = 0,   x in [-1, 1], t in [0, 1],
 * </pre>
 *
 * by the Cole-Hopf transformation u = -2 nu phi_x / phi, phi solving the heat equation. For this
 * initial condition (extended periodically, which keeps u(+-1, t) = 0 by antisymmetry):
 *
 * <pre>
 *   u(x, t) = - int sin(pi (x - eta)) f(x - eta) exp(-eta^2 / (4 nu t)) d eta
 *             / int f(x - eta) exp(-eta^2 / (4 nu t)) d eta,      f(y) = exp(-cos(pi y) / (2 pi nu)),
 * </pre>
 *
 * (Basdevant et al., "Spectral and finite difference solutions of the Burgers equation",
 * Computers and Fluids 14, 1986). With eta = sqrt(4 nu t) z both integrals become
 * int g(z) exp(-z^2) dz, computed by an n-point Gauss-Hermite rule ({@code GaussHermite}). The exponents
 * log w_i - cos(pi (x - eta_i)) / (2 pi nu) span hundreds of units, so they are shifted by their
 * maximum before exponentiating (a log-sum-exp), which cancels in the ratio. At t = 0 the
 * initial condition is returned.
 */
public final class BurgersColeHopf implements ReferenceSolution {

    /** The benchmark viscosity 0.01 / pi. */
    public static final double NU = 0.01 / Math.PI;

    /** Default number of Gauss-Hermite nodes. */
    public static final int DEFAULT_NODES = 200;

    private static final Box DOMAIN = Box.of("x", -1, 1).and("t", 0, 1);

    private final double nu;
    private final int nodes;
    private final double[] z;
    private final double[] logW;

    /** nu = 0.01 / pi with {@link #DEFAULT_NODES} Gauss-Hermite nodes. */
    public BurgersColeHopf() {
        this(NU, DEFAULT_NODES);
    }

    /**
     * Another viscosity or rule size.
     *
     * @throws IllegalArgumentException if nu &lt;= 0 or nodes is outside 2..500
     */
    public BurgersColeHopf(double nu, int nodes) {
        if (!(nu > 0) || !Double.isFinite(nu)) {
            throw new IllegalArgumentException("BurgersColeHopf: viscosity must be positive, got " + nu);
        }
        if (nodes < 2 || nodes > GaussHermite.MAX_NODES) {
            throw new IllegalArgumentException("BurgersColeHopf: number of Gauss-Hermite nodes must be in 2.."
                    + GaussHermite.MAX_NODES + ", got " + nodes);
        }
        this.nu = nu;
        this.nodes = nodes;
        GaussHermite rule = new GaussHermite(nodes);
        this.z = new double[nodes];
        this.logW = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            z[i] = rule.node(i);
            logW[i] = rule.logWeight(i);
        }
    }

    /** u(x, 0) = -sin(pi x). */
    public static double initialValue(double x) {
        return -Math.sin(Math.PI * x);
    }

    /** The viscosity nu. */
    public double viscosity() {
        return nu;
    }

    /**
     * u(x, t) by Gauss-Hermite quadrature of the Cole-Hopf integrals.
     *
     * @throws IllegalArgumentException if t &lt; 0
     */
    public double value(double x, double t) {
        if (t < 0 || Double.isNaN(t)) {
            throw new IllegalArgumentException("BurgersColeHopf: t must be >= 0, got " + t);
        }
        if (t == 0) {
            return initialValue(x);
        }
        double s = Math.sqrt(4 * nu * t);
        double c = 1 / (2 * Math.PI * nu);
        double max = Double.NEGATIVE_INFINITY;
        int n = z.length;
        double[] expo = new double[n];
        for (int i = 0; i < n; i++) {
            double e = logW[i] - c * Math.cos(Math.PI * (x - s * z[i]));
            expo[i] = e;
            max = Math.max(max, e);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double w = Math.exp(expo[i] - max);
            num += w * Math.sin(Math.PI * (x - s * z[i]));
            den += w;
        }
        return -num / den;
    }

    @Override
    public String description() {
        return "Burgers 1D: u_t + u u_x - " + nu + " u_xx = 0, u(x,0) = -sin(pi x), u(+-1,t) = 0,"
                + " Cole-Hopf solution by " + nodes + "-point Gauss-Hermite quadrature";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    /** 256 x 101 points: x evenly spaced on [-1, 1], t = 0, 0.01, ..., 1 (endpoints included). */
    @Override
    public TensorGrid referenceGrid() {
        return TensorGrid.of(DOMAIN, 256, 101);
    }

    @Override
    public DMatrixRMaj evaluate(DMatrixRMaj points) {
        ReferenceSolution.requireColumns("BurgersColeHopf", points, DOMAIN);
        DMatrixRMaj u = new DMatrixRMaj(points.numRows, 1);
        for (int i = 0; i < points.numRows; i++) {
            u.data[i] = value(points.data[2 * i], points.data[2 * i + 1]);
        }
        return u;
    }
}
