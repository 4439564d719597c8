package org.totaldiff.pinn.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * A differentiable objective for line-search optimizers ({@link Lbfgs}): the value at the
 * parameters, and its gradient written into {@code gradsOut}. (PyTorch's "closure".)
 */
@FunctionalInterface
public interface Objective {

    /**
     * @param params Not modified. The parameters at which to evaluate.
     * @param gradsOut Modified. One matrix per parameter, already shaped like it: overwrite each
     *     with the gradient (do not accumulate into it).
     * @return the value of the objective
     */
    double evaluate(List<DMatrixRMaj> params, List<DMatrixRMaj> gradsOut);
}
