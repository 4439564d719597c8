package org.totaldiff.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.problem.Helmholtz2D;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * Each problem's residual, as recorded on the tape from a small network's jet, against the
 * same formula written out by hand with the derivatives of {@link Mlp#predict} taken by central
 * differences (Richardson-extrapolated, so the difference error is far below the tolerance).
 * This checks the PDE as typed in each problem class (signs, coefficients, which stream is
 * which coordinate), independently of the jet machinery that autodiff's own tests check.
 */
class PdeResidualTest {

    private static final Supplier<ReferenceSolution> NOT_NEEDED = () -> {
        throw new AssertionError("the reference solution is not needed here");
    };
    private static final double TOLERANCE = 1e-7;

    /** A small network with O(1) curvature, and a few points inside the problem's box. */
    private static Mlp net(int inputs) {
        return Mlp.xavier(new int[] {inputs, 12, 12, 1}, Functions.TANH, 7);
    }

    private static DMatrixRMaj points(PdeProblem problem) {
        return Sampling.latinHypercube(problem.domain(), 9, new Rng(11));
    }

    /** r recorded on a fresh tape from the network's jet at the points. */
    private static DMatrixRMaj tapeResidual(PdeProblem problem, Mlp net, DMatrixRMaj points) {
        Tape tape = new Tape();
        Jet u = net.bind(tape).forward(Jet.input(tape, "x", points, null, problem.layout()));
        Node r = problem.residual(tape, u, points);
        assertEquals(points.numRows, r.rows());
        assertEquals(1, r.cols());
        return r.value().copy();
    }

    private static double u(Mlp net, DMatrixRMaj points, int i) {
        return at(net, points, i, 0, 0, 0, 0);
    }

    /** u at point i with coordinate k moved by hk and coordinate l by hl. */
    private static double at(Mlp net, DMatrixRMaj points, int i, int k, double hk, int l, double hl) {
        DMatrixRMaj p = new DMatrixRMaj(1, points.numCols);
        for (int j = 0; j < points.numCols; j++) {
            p.data[j] = points.get(i, j);
        }
        p.data[k] += hk;
        p.data[l] += hl;
        return net.predict(p).data[0];
    }

    /** ∂u/∂x_k at point i: central difference, Richardson-extrapolated from h and h/2. */
    private static double first(Mlp net, DMatrixRMaj points, int i, int k) {
        double h = 1e-3;
        double coarse = (at(net, points, i, k, h, k, 0) - at(net, points, i, k, -h, k, 0)) / (2 * h);
        double fine = (at(net, points, i, k, h / 2, k, 0) - at(net, points, i, k, -h / 2, k, 0)) / h;
        return (4 * fine - coarse) / 3;
    }

    /** ∂²u/∂x_k² at point i: central second difference, Richardson-extrapolated from h and h/2. */
    private static double second(Mlp net, DMatrixRMaj points, int i, int k) {
        double h = 2e-3;
        double u0 = u(net, points, i);
        double coarse = (at(net, points, i, k, h, k, 0) - 2 * u0 + at(net, points, i, k, -h, k, 0)) / (h * h);
        double fine = (at(net, points, i, k, h / 2, k, 0) - 2 * u0 + at(net, points, i, k, -h / 2, k, 0))
                / (h * h / 4);
        return (4 * fine - coarse) / 3;
    }

    /**
     * |tape - hand| at every point, relative to the sum of the magnitudes of the residual's terms
     * there (the scale the rounding and difference errors are relative to).
     */
    private static void assertAgrees(String who, DMatrixRMaj tape, double[] hand, double[] scale) {
        for (int i = 0; i < hand.length; i++) {
            double error = Math.abs(tape.data[i] - hand[i]) / Math.max(scale[i], 1e-12);
            assertTrue(error < TOLERANCE, who + " point " + i + ": tape " + tape.data[i] + ", by hand " + hand[i]
                    + ", relative error " + error);
        }
    }

    @Test
    void helmholtzResidualIsLaplacianPlusK2UMinusQ() {
        for (Helmholtz2D exact : new Helmholtz2D[] {Helmholtz2D.rba(), Helmholtz2D.paper(), new Helmholtz2D(1, 2, 3)}) {
            HelmholtzProblem problem = new HelmholtzProblem(exact, 4);
            Mlp net = net(2);
            DMatrixRMaj x = points(problem);
            DMatrixRMaj tape = tapeResidual(problem, net, x);
            double[] hand = new double[x.numRows];
            double[] scale = new double[x.numRows];
            double a1 = exact.a1() * Math.PI;
            double a2 = exact.a2() * Math.PI;
            double k2 = exact.k() * exact.k();
            for (int i = 0; i < x.numRows; i++) {
                double q = (k2 - a1 * a1 - a2 * a2) * Math.sin(a1 * x.get(i, 0)) * Math.sin(a2 * x.get(i, 1));
                double uxx = second(net, x, i, 0);
                double uyy = second(net, x, i, 1);
                double u = u(net, x, i);
                hand[i] = uxx + uyy + k2 * u - q;
                scale[i] = Math.abs(uxx) + Math.abs(uyy) + k2 * Math.abs(u) + Math.abs(q);
            }
            assertAgrees(exact.description(), tape, hand, scale);
        }
    }

    @Test
    void helmholtzForcingFollowsANewPointSet() {
        HelmholtzProblem problem = new HelmholtzProblem(Helmholtz2D.rba(), 4);
        Mlp net = net(2);
        DMatrixRMaj first = points(problem);
        DMatrixRMaj second = Sampling.latinHypercube(problem.domain(), 9, new Rng(12));
        tapeResidual(problem, net, first);
        DMatrixRMaj again = tapeResidual(problem, net, second);
        HelmholtzProblem fresh = new HelmholtzProblem(Helmholtz2D.rba(), 4);
        DMatrixRMaj expected = tapeResidual(fresh, net, second);
        for (int i = 0; i < expected.numRows; i++) {
            assertEquals(expected.data[i], again.data[i], 0.0, "point " + i);
        }
    }

    @Test
    void allenCahnResidualIsUtMinusDUxxPlusCU3MinusCU() {
        for (AllenCahnProblem.Boundary boundary : AllenCahnProblem.Boundary.values()) {
            double d = 1e-4;
            double c = 5;
            AllenCahnProblem problem = new AllenCahnProblem(d, c, 8, 8, boundary, NOT_NEEDED);
            checkAllenCahn(problem, d, c);
        }
        // other coefficients, so that a swapped or dropped one shows
        checkAllenCahn(new AllenCahnProblem(0.3, 2, 8, 8, NOT_NEEDED), 0.3, 2);
    }

    private static void checkAllenCahn(AllenCahnProblem problem, double d, double c) {
        Mlp net = net(2);
        DMatrixRMaj x = points(problem);
        DMatrixRMaj tape = tapeResidual(problem, net, x);
        double[] hand = new double[x.numRows];
        double[] scale = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double u = u(net, x, i);
            double ut = first(net, x, i, 1);
            double uxx = second(net, x, i, 0);
            hand[i] = ut - d * uxx + c * u * u * u - c * u;
            scale[i] = Math.abs(ut) + d * Math.abs(uxx) + c * Math.abs(u * u * u) + c * Math.abs(u);
        }
        assertAgrees(problem.description(), tape, hand, scale);
    }

    @Test
    void burgersResidualIsUtPlusUUxMinusNuUxx() {
        for (double nu : new double[] {0.01 / Math.PI, 0.5}) {
            BurgersProblem problem = new BurgersProblem(nu, 8, 8, NOT_NEEDED);
            Mlp net = net(2);
            DMatrixRMaj x = points(problem);
            DMatrixRMaj tape = tapeResidual(problem, net, x);
            double[] hand = new double[x.numRows];
            double[] scale = new double[x.numRows];
            for (int i = 0; i < x.numRows; i++) {
                double u = u(net, x, i);
                double ux = first(net, x, i, 0);
                double ut = first(net, x, i, 1);
                double uxx = second(net, x, i, 0);
                hand[i] = ut + u * ux - nu * uxx;
                scale[i] = Math.abs(ut) + Math.abs(u * ux) + nu * Math.abs(uxx);
            }
            assertAgrees(problem.description(), tape, hand, scale);
        }
    }

    @Test
    void poissonExampleResidualIsMinusUxxMinusF() {
        PoissonExample problem = new PoissonExample();
        Mlp net = net(1);
        DMatrixRMaj x = points(problem);
        DMatrixRMaj tape = tapeResidual(problem, net, x);
        double[] hand = new double[x.numRows];
        double[] scale = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double f = Math.PI * Math.PI * Math.sin(Math.PI * x.get(i, 0));
            double uxx = second(net, x, i, 0);
            hand[i] = -uxx - f;
            scale[i] = Math.abs(uxx) + Math.abs(f);
        }
        assertAgrees(problem.description(), tape, hand, scale);
    }
}
