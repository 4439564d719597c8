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
}
