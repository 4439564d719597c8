package org.totaldiff.pinn.pde;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.pinn.nn.Mlp;

/**
 * Periodicity in one coordinate: u and its derivative along that coordinate agree on the two
 * opposite sides. loss = mean((u(lo) - u(hi))²) + mean((u_k(lo) - u_k(hi))²).
 */
public final class PeriodicCondition implements Condition {

    private final DMatrixRMaj lower;
    private final DMatrixRMaj upper;
    private final int coordinate;

    /**
     * @param lower N x d points on the lower side
     * @param upper the same points moved to the upper side (row i matches row i)
     * @param coordinate the periodic coordinate
     */
    public PeriodicCondition(DMatrixRMaj lower, DMatrixRMaj upper, int coordinate) {
        if (lower.numRows != upper.numRows || lower.numCols != upper.numCols) {
            throw new IllegalArgumentException("periodic: the two sides must have the same points, got "
                    + lower.numRows + "x" + lower.numCols + " and " + upper.numRows + "x" + upper.numCols);
        }
        this.lower = lower;
        this.upper = upper;
        this.coordinate = coordinate;
    }

    @Override
    public String name() {
        return "periodic";
    }

    @Override
    public Node loss(Mlp.Bound net) {
        Tape tape = net.tape();
        JetLayout layout = JetLayout.of(lower.numCols);
        Jet lo = net.forward(Jet.input(tape, "periodic_lo", lower, null, layout));
        Jet hi = net.forward(Jet.input(tape, "periodic_hi", upper, null, layout));
        return tape.add(tape.meanSquares(tape.sub(lo.value(), hi.value())),
                tape.meanSquares(tape.sub(lo.d(coordinate), hi.d(coordinate))));
    }

    @Override
    public DMatrixRMaj points() {
        DMatrixRMaj all = new DMatrixRMaj(2 * lower.numRows, lower.numCols);
        System.arraycopy(lower.data, 0, all.data, 0, lower.getNumElements());
        System.arraycopy(upper.data, 0, all.data, lower.getNumElements(), upper.getNumElements());
        return all;
    }
}
