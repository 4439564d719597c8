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

/**
 * A PDE benchmark posed for a PINN: loss = mean over collocation points of r² (possibly
 * re-weighted) + the sum of the {@link Condition} terms.
 */
public interface PdeProblem {

    /** Short name used on the command line: helmholtz, allen-cahn, burgers. */
    String name();

    /** One line: the equation and its parameters. */
    String description();

    /** The domain; its coordinate order is the column order of every point set. */
    Box domain();

    /** The input derivatives the residual needs. */
    JetLayout layout();

    /**
     * The PDE residual r at the collocation points, N x 1, recorded on the tape from the
     * network's jet u at those points.
     */
    Node residual(Tape tape, Jet u, DMatrixRMaj points);

    /** The boundary and initial terms, their points drawn with {@code rng} where random. */
    List<Condition> conditions(Rng rng);

    /**
     * The input coordinate in which the solution is periodic over the domain (so a network may
     * embed it periodically), or -1.
     */
    default int periodicCoordinate() {
        return -1;
    }

    /** The exact or reference solution (may take seconds to compute the first time). */
    ReferenceSolution reference();
}
