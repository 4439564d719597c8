package org.totaldiff.pinn.pde;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.pinn.nn.Mlp;

/** u = g at given points: loss = mean((u - g)²). Also an initial condition (points at t = 0). */
public final class DirichletCondition implements Condition {

    private final String name;
    private final DMatrixRMaj points;
    private final DMatrixRMaj target;

    /**
     * @param points N x d. Not modified.
     * @param target N x 1 values of g.
     */
    public DirichletCondition(String name, DMatrixRMaj points, DMatrixRMaj target) {
        if (target.numRows != points.numRows || target.numCols != 1) {
            throw new IllegalArgumentException(name + ": target must be " + points.numRows + "x1 for "
                    + points.numRows + " points, got " + target.numRows + "x" + target.numCols);
        }
        this.name = name;
        this.points = points;
        this.target = target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Node loss(Mlp.Bound net) {
        Tape tape = net.tape();
        Node u = net.forward(tape.constant(name + "_points", points));
        return tape.meanSquares(tape.sub(u, tape.constant(name + "_target", target)));
    }

    @Override
    public DMatrixRMaj points() {
        return points;
    }
}
