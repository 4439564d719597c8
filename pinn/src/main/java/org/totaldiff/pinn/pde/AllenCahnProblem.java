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
 * u(x, 0) = x² cos(πx). Columns (x, t).
 *
 * <p>Two setups, chosen by {@link Boundary}:
 * <ul>
 *   <li>{@link Boundary#PERIODIC} (the default): an initial term and a periodic term (u and u_x
 *       agree at x = -1 and x = 1), the problem as posed;</li>
 *   <li>{@link Boundary#NONE}: the initial term only, as in the code of Anagnostopoulos et al.
 *       (2024), which leaves the x-boundary to the residual alone.</li>
 * </ul>
 */
public final class AllenCahnProblem implements PdeProblem {

    private static final Box DOMAIN = Box.of("x", -1, 1).and("t", 0, 1);
    private static final JetLayout LAYOUT = JetLayout.of(2).withSecond(0, 0);

    /** Which terms besides the initial condition the loss holds. */
    public enum Boundary {
        /** u and u_x periodic in x: conditions "initial" and "periodic". */
        PERIODIC,
        /** No boundary term (the paper's code): condition "initial" only. */
        NONE
    }

    private final double diffusion;
    private final double reaction;
    private final int initialPoints;
    private final int periodicPoints;
    private final Boundary boundary;
    private final Supplier<ReferenceSolution> reference;
    private ReferenceSolution solved;

    /**
     * The periodic setup ({@link Boundary#PERIODIC}).
     *
     * @param reference computes the reference solution when first asked (a spectral solve)
     */
    public AllenCahnProblem(double diffusion, double reaction, int initialPoints, int periodicPoints,
            Supplier<ReferenceSolution> reference) {
        this(diffusion, reaction, initialPoints, periodicPoints, Boundary.PERIODIC, reference);
    }

    /**
     * @param initialPoints evenly spaced points on the initial line t = 0
     * @param periodicPoints evenly spaced points on each of the sides x = -1 and x = 1 (unused,
     *     and not checked, for {@link Boundary#NONE})
     * @param boundary the periodic setup or the initial condition only
     * @param reference computes the reference solution when first asked (a spectral solve)
     */
    public AllenCahnProblem(double diffusion, double reaction, int initialPoints, int periodicPoints,
            Boundary boundary, Supplier<ReferenceSolution> reference) {
        if (boundary == null) {
            throw new IllegalArgumentException("allen-cahn: boundary is null; give Boundary.PERIODIC or Boundary.NONE");
        }
        if (initialPoints < 2 || (boundary == Boundary.PERIODIC && periodicPoints < 2)) {
            throw new IllegalArgumentException("allen-cahn: initial and periodic point counts must be >= 2, got "
                    + initialPoints + " and " + periodicPoints);
        }
        this.diffusion = diffusion;
        this.reaction = reaction;
        this.initialPoints = initialPoints;
        this.periodicPoints = periodicPoints;
        this.boundary = boundary;
        this.reference = reference;
    }

    /** The setup: periodic, or the initial condition only. */
    public Boundary boundary() {
        return boundary;
    }

    @Override
    public String name() {
        return "allen-cahn";
    }

    @Override
    public String description() {
        return "Allen-Cahn 1D: u_t - " + diffusion + " u_xx + " + reaction + " u^3 - " + reaction
                + " u = 0, u(x,0) = x^2 cos(pi x), "
                + (boundary == Boundary.PERIODIC ? "periodic in x on [-1,1]" : "x in [-1,1] (initial condition only)")
                + ", t in [0,1]";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    /** x: the solution is periodic in x on [-1, 1). */
    @Override
    public int periodicCoordinate() {
        return 0;
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
        Condition initialTerm = new DirichletCondition("initial", initial, target);
        if (boundary == Boundary.NONE) {
            return List.of(initialTerm);
        }
        DMatrixRMaj lower = Sampling.boundaryEvenly(DOMAIN.lowerSide("x"), periodicPoints);
        DMatrixRMaj upper = Sampling.boundaryEvenly(DOMAIN.upperSide("x"), periodicPoints);
        return List.of(initialTerm, new PeriodicCondition(lower, upper, 0));
    }

    @Override
    public synchronized ReferenceSolution reference() {
        if (solved == null) {
            solved = reference.get();
        }
        return solved;
    }
}
