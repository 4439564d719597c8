package org.totaldiff.pinn.pde;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.problem.Helmholtz2D;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * Helmholtz 2D: r = u_xx + u_yy + k² u - q on [-1, 1]², u = 0 on the boundary: evenly spaced
 * points on each side, or (the authors' setup) points drawn at random from a fine grid of each
 * side.
 */
public final class HelmholtzProblem implements PdeProblem {

    private static final JetLayout LAYOUT = JetLayout.of(2).withSecond(0, 0).withSecond(1, 1);

    private final Helmholtz2D exact;
    private final int boundaryPerSide;
    private final int boundaryNodes;
    private DMatrixRMaj forcingPoints;
    private DMatrixRMaj forcing;

    /**
     * @param exact the manufactured solution and its parameters
     * @param boundaryPerSide evenly spaced points on each of the four sides
     */
    public HelmholtzProblem(Helmholtz2D exact, int boundaryPerSide) {
        this(exact, boundaryPerSide, 0);
    }

    /**
     * @param exact the manufactured solution and its parameters
     * @param boundaryPerSide points on each of the four sides
     * @param boundaryNodes 0: the points are evenly spaced; else they are drawn at random, without
     *     replacement, from this many evenly spaced nodes of each side (the authors: 100 of 1,001)
     */
    public HelmholtzProblem(Helmholtz2D exact, int boundaryPerSide, int boundaryNodes) {
        if (boundaryPerSide < 2) {
            throw new IllegalArgumentException("helmholtz: boundary points per side must be >= 2, got " + boundaryPerSide);
        }
        if (boundaryNodes != 0 && boundaryNodes < boundaryPerSide) {
            throw new IllegalArgumentException("--boundary-grid " + boundaryNodes + " must be 0 (evenly spaced) or at"
                    + " least the " + boundaryPerSide + " boundary points per side");
        }
        this.exact = exact;
        this.boundaryPerSide = boundaryPerSide;
        this.boundaryNodes = boundaryNodes;
    }

    @Override
    public String name() {
        return "helmholtz";
    }

    @Override
    public String description() {
        return exact.description();
    }

    @Override
    public Box domain() {
        return exact.domain();
    }

    @Override
    public JetLayout layout() {
        return LAYOUT;
    }

    @Override
    public Node residual(Tape tape, Jet u, DMatrixRMaj points) {
        if (forcingPoints != points) {
            forcing = exact.forcing(points);
            forcingPoints = points;
        }
        double k2 = exact.k() * exact.k();
        Node laplacian = tape.add(u.d(0, 0), u.d(1, 1));
        return tape.sub(tape.combine(1.0, laplacian, k2, u.value()), tape.constant("q", forcing));
    }

    @Override
    public List<Condition> conditions(Rng rng) {
        DMatrixRMaj points = boundaryNodes == 0 ? Sampling.boundaryEvenly(domain(), boundaryPerSide)
                : Sampling.boundaryGridSample(domain(), boundaryPerSide, boundaryNodes, rng);
        return List.of(new DirichletCondition("boundary", points, new DMatrixRMaj(points.numRows, 1)));
    }

    @Override
    public ReferenceSolution reference() {
        return exact;
    }
}
