package org.totaldiff.pinn.problem;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * Helmholtz equation on [-1, 1]^2 with a manufactured exact solution:
 *
 * <pre>
 *   u_xx + u_yy + k^2 u = q(x, y),     u = 0 on the boundary,
 *   u*(x, y) = sin(a1 pi x) sin(a2 pi y),
 *   q(x, y)  = (k^2 - (a1 pi)^2 - (a2 pi)^2) u*(x, y).
 * </pre>
 *
 * u* vanishes on the boundary when a1 and a2 are integers. Anagnostopoulos et al. (2024) use
 * a1 = a2 = 6 ({@link #paper()}); the RBA paper uses a1 = 4, a2 = 1 ({@link #rba()}); both k = 1.
 *
 * @param a1 frequency factor in x
 * @param a2 frequency factor in y
 * @param k wavenumber of the Helmholtz operator
 */
public record Helmholtz2D(double a1, double a2, double k) implements ReferenceSolution {

    private static final Box DOMAIN = Box.of("x", -1, 1).and("y", -1, 1);

    /** Checks the parameters are finite. */
    public Helmholtz2D {
        if (!Double.isFinite(a1) || !Double.isFinite(a2) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("Helmholtz2D: parameters must be finite, got a1=" + a1
                    + ", a2=" + a2 + ", k=" + k);
        }
    }

    /** a1 = a2 = 6, k = 1 (the learning-dynamics paper's code). */
    public static Helmholtz2D paper() {
        return new Helmholtz2D(6, 6, 1);
    }

    /** a1 = 4, a2 = 1, k = 1 (the residual-based-attention paper). */
    public static Helmholtz2D rba() {
        return new Helmholtz2D(4, 1, 1);
    }

    @Override
    public String description() {
        return "Helmholtz 2D: u_xx + u_yy + " + k + "^2 u = q on [-1,1]^2, exact u = sin(" + a1
                + " pi x) sin(" + a2 + " pi y)";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    /** 201 x 201 evenly spaced points over [-1, 1]^2, endpoints included. */
    @Override
    public TensorGrid referenceGrid() {
        return TensorGrid.of(DOMAIN, 201, 201);
    }

    /** u*(x, y) = sin(a1 pi x) sin(a2 pi y). */
    public double value(double x, double y) {
        return Math.sin(a1 * Math.PI * x) * Math.sin(a2 * Math.PI * y);
    }

    /** q(x, y) = (k^2 - (a1 pi)^2 - (a2 pi)^2) u*(x, y). */
    public double forcing(double x, double y) {
        return forcingFactor() * value(x, y);
    }

    /** The constant k^2 - (a1 pi)^2 - (a2 pi)^2 with q = factor * u*. */
    public double forcingFactor() {
        double p1 = a1 * Math.PI;
        double p2 = a2 * Math.PI;
        return k * k - p1 * p1 - p2 * p2;
    }

    @Override
    public DMatrixRMaj evaluate(DMatrixRMaj points) {
        ReferenceSolution.requireColumns("Helmholtz2D", points, DOMAIN);
        DMatrixRMaj u = new DMatrixRMaj(points.numRows, 1);
        for (int i = 0; i < points.numRows; i++) {
            u.data[i] = value(points.data[2 * i], points.data[2 * i + 1]);
        }
        return u;
    }

    /**
     * q at each row of {@code points} (N x 2, columns x, y), the right-hand side of the residual
     * r = u_xx + u_yy + k^2 u - q.
     *
     * @return a new N x 1 matrix
     */
    public DMatrixRMaj forcing(DMatrixRMaj points) {
        ReferenceSolution.requireColumns("Helmholtz2D.forcing", points, DOMAIN);
        DMatrixRMaj q = new DMatrixRMaj(points.numRows, 1);
        for (int i = 0; i < points.numRows; i++) {
            q.data[i] = forcing(points.data[2 * i], points.data[2 * i + 1]);
        }
        return q;
    }
}
