package org.totaldiff.pinn.pde;

import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * Allen-Cahn 1D: r = u_t - D u_xx + c u³ - c u (D = 1e-4, c = 5) on x in [-1, 1], t in [0, 1];
 * u(x, 0) = x² cos(πx); periodic in x (u and u_x agree at x = -1 and x = 1).
 * Columns (x, t).
 */
public final class AllenCahnProblem implements PdeProblem {

    private static final Box DOMAIN = Box.of("x", -1, 1).and("t", 0, 1);
    private static final JetLayout LAYOUT = JetLayout.of(2).withSecond(0, 0);

    private final double diffusion;
    private final double reaction;
    private final int initialPoints;
    private final int periodicPoints;
    private final Supplier<ReferenceSolution> reference;
    private ReferenceSolution solved;

    /**
     * @param reference computes the reference solution when first asked (a spectral solve)
     */
    public AllenCahnProblem(double diffusion, double reaction, int initialPoints, int periodicPoints,
            Supplier<ReferenceSolution> reference) {
        if (initialPoints < 2 || periodicPoints < 2) {
            throw new IllegalArgumentException("allen-cahn: initial and periodic point counts must be >= 2, got "
                    + initialPoints + " and " + periodicPoints);
        }
        this.diffusion = diffusion;
        this.reaction = reaction;
        this.initialPoints = initialPoints;
        this.periodicPoints = periodicPoints;
        this.reference = reference;
    }

    @Override
    public String name() {
        return "allen-cahn";
    }

    @Override
    public String description() {
        return "Allen-Cahn 1D: u_t - " + diffusion + " u_xx + " + reaction + " u^3 - " + reaction
                + " u = 0, u(x,0) = x^2 cos(pi x), periodic in x on [-1,1], t in [0,1]";
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
        Node reactionTerm = tape.combine(reaction, tape.map(Functions.CUBE, u.value()), -reaction, u.value());
        return tape.add(tape.combine(1.0, u.d(1), -diffusion, u.d(0, 0)), reactionTerm);
    }

    @Override
    public List<Condition> conditions(Rng rng) {
        DMatrixRMaj initial = Sampling.initialEvenly(DOMAIN, "t", initialPoints);
        DMatrixRMaj target = new DMatrixRMaj(initial.numRows, 1);
        for (int i = 0; i < initial.numRows; i++) {
            double x = initial.get(i, 0);
            target.data[i] = x * x * Math.cos(Math.PI * x);
        }
        DMatrixRMaj lower = Sampling.boundaryEvenly(DOMAIN.lowerSide("x"), periodicPoints);
        DMatrixRMaj upper = Sampling.boundaryEvenly(DOMAIN.upperSide("x"), periodicPoints);
        return List.of(new DirichletCondition("initial", initial, target), new PeriodicCondition(lower, upper, 0));
    }

    @Override
    public synchronized ReferenceSolution reference() {
        if (solved == null) {
            solved = reference.get();
        }
        return solved;
    }
}
