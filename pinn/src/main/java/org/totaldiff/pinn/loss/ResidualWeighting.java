package org.totaldiff.pinn.loss;

import org.ejml.data.DMatrixRMaj;

/** Per-point weights λ_i of the residual loss mean((λ_i r_i)²); no gradient flows through them. */
public interface ResidualWeighting {

    /** none, rba. */
    String name();

    /**
     * Updates the weights from this iteration's residuals and returns them (N x 1), or null for
     * unweighted residuals.
     *
     * @param residual N x 1. Not modified.
     * @param iteration the iteration about to take its step (0 first)
     */
    DMatrixRMaj update(DMatrixRMaj residual, int iteration);

    /** The current weights, or null. */
    DMatrixRMaj weights();

    /** Replaces the weights (restoring a checkpoint). */
    void restore(DMatrixRMaj weights);

    /**
     * Fixed weights (a copy of {@code weights}; null: unweighted): what L-BFGS uses after Adam,
     * since a line search needs one objective.
     */
    static ResidualWeighting frozen(DMatrixRMaj weights) {
        return new Fixed("frozen", weights == null ? null : weights.copy());
    }

    /** Unweighted: mean(r²). */
    static ResidualWeighting none() {
        return new Fixed("none", null);
    }

    /** Weights that never change (null: none); only "no weights" can be restored into them. */
    record Fixed(String name, DMatrixRMaj weights) implements ResidualWeighting {
        @Override
        public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
            return weights;
        }

        @Override
        public void restore(DMatrixRMaj saved) {
            if (saved != null || weights != null) {
                throw new IllegalArgumentException("weighting " + name + ": a checkpoint with residual weights"
                        + " cannot be resumed without weighting; use --weighting rba");
            }
        }
    }
}
