package org.totaldiff.pinn.pde;

import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * Burgers 1D: r = u_t + u u_x - ν u_xx (ν = 0.01/π) on x in [-1, 1], t in [0, 1];
 * u(x, 0) = -sin(πx), u(±1, t) = 0. Columns (x, t).
 */
public final class BurgersProblem implements PdeProblem {

    private static final Box DOMAIN = Box.of("x", -1, 1).and("t", 0, 1);
    private static final JetLayout LAYOUT = JetLayout.of(2).withSecond(0, 0);

    private final double viscosity;
    private final int initialPoints;
    private final int boundaryPoints;
    private final Supplier<ReferenceSolution> reference;
    private ReferenceSolution solved;

    public BurgersProblem(double viscosity, int initialPoints, int boundaryPoints,
            Supplier<ReferenceSolution> reference) {
        if (initialPoints < 2 || boundaryPoints < 2) {
            throw new IllegalArgumentException("burgers: initial and boundary point counts must be >= 2, got "
                    + initialPoints + " and " + boundaryPoints);
        }
        this.viscosity = viscosity;
        this.initialPoints = initialPoints;
        this.boundaryPoints = boundaryPoints;
        this.reference = reference;
    }

    @Override
    public String name() {
        return "burgers";
    }

    @Override
    public String description() {
        return "Burgers 1D: u_t + u u_x - " + viscosity + " u_xx = 0, u(x,0) = -sin(pi x), u(+-1,t) = 0, t in [0,1]";
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
        Node advection = tape.mul(u.value(), u.d(0));
        return tape.add(tape.combine(1.0, u.d(1), -viscosity, u.d(0, 0)), advection);
    }

    @Override
    public List<Condition> conditions(Rng rng) {
        DMatrixRMaj initial = Sampling.initialEvenly(DOMAIN, "t", initialPoints);
        DMatrixRMaj target = new DMatrixRMaj(initial.numRows, 1);
        for (int i = 0; i < initial.numRows; i++) {
            target.data[i] = -Math.sin(Math.PI * initial.get(i, 0));
        }
        DMatrixRMaj lower = Sampling.boundaryEvenly(DOMAIN.lowerSide("x"), boundaryPoints);
        DMatrixRMaj upper = Sampling.boundaryEvenly(DOMAIN.upperSide("x"), boundaryPoints);
        DMatrixRMaj sides = new DMatrixRMaj(lower.numRows + upper.numRows, 2);
        System.arraycopy(lower.data, 0, sides.data, 0, lower.getNumElements());
        System.arraycopy(upper.data, 0, sides.data, lower.getNumElements(), upper.getNumElements());
        return List.of(new DirichletCondition("initial", initial, target),
                new DirichletCondition("boundary", sides, new DMatrixRMaj(sides.numRows, 1)));
    }

    @Override
    public synchronized ReferenceSolution reference() {
        if (solved == null) {
            solved = reference.get();
        }
        return solved;
    }
}
