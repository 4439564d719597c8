package org.totaldiff.pinn.pde;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * Poisson 1D, the worked example of docs/new-problem.md:
 *
 * <pre>
 *   -u_xx = π² sin(πx) on [-1, 1],   u(-1) = u(1) = 0,   exact u = sin(πx),
 *   residual r = -u_xx - π² sin(πx).
 * </pre>
 *
 * The solution is known in closed form, so the problem is its own reference solution.
 */
public final class PoissonExample implements PdeProblem, ReferenceSolution {

    private static final Box DOMAIN = Box.of("x", -1, 1);
    /** u, u_x and u_xx: the residual needs the second derivative along input 0. */
    private static final JetLayout LAYOUT = JetLayout.of(1).withSecond(0, 0);

    @Override
    public String name() {
        return "poisson-1d";
    }

    @Override
    public String description() {
        return "Poisson 1D: -u_xx = pi^2 sin(pi x) on [-1,1], u(+-1) = 0, exact u = sin(pi x)";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    public JetLayout layout() {
        return LAYOUT;
    }

    @Override
    public Node residual(Tape tape, Jet u, DMatrixRMaj points) {
        DMatrixRMaj f = new DMatrixRMaj(points.numRows, 1);
        for (int i = 0; i < points.numRows; i++) {
            f.data[i] = Math.PI * Math.PI * Math.sin(Math.PI * points.get(i, 0));
        }
        return tape.combine(-1.0, u.d(0, 0), -1.0, tape.constant("f", f));
    }

    @Override
    public List<Condition> conditions(Rng rng) {
        DMatrixRMaj ends = Sampling.boundaryEvenly(DOMAIN, 1);
        return List.of(new DirichletCondition("boundary", ends, new DMatrixRMaj(ends.numRows, 1)));
    }

    @Override
    public ReferenceSolution reference() {
        return this;
    }

    @Override
    public DMatrixRMaj evaluate(DMatrixRMaj points) {
        ReferenceSolution.requireColumns("PoissonExample", points, DOMAIN);
        DMatrixRMaj u = new DMatrixRMaj(points.numRows, 1);
        for (int i = 0; i < points.numRows; i++) {
            u.data[i] = Math.sin(Math.PI * points.get(i, 0));
        }
        return u;
    }

    @Override
    public TensorGrid referenceGrid() {
        return TensorGrid.of(DOMAIN, 201);
    }
}
