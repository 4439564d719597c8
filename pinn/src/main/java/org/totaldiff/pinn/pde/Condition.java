package org.totaldiff.pinn.pde;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Node;
import org.totaldiff.pinn.nn.Mlp;

/** One boundary or initial term of a PINN loss. */
public interface Condition {

    /** Short name for metrics columns: boundary, initial, periodic. */
    String name();

    /** The term's scalar loss, recorded on the network's tape. */
    Node loss(Mlp.Bound net);

    /** The points the term uses (all of them, stacked), for the points file. */
    DMatrixRMaj points();

    /** This term times {@code weight} (same name and points). */
    default Condition weighted(double weight) {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException(name() + ": weight must be a finite number >= 0, got " + weight);
        }
        Condition inner = this;
        return new Condition() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Node loss(Mlp.Bound net) {
                return net.tape().scale(weight, inner.loss(net));
            }

            @Override
            public DMatrixRMaj points() {
                return inner.points();
            }
        };
    }
}
