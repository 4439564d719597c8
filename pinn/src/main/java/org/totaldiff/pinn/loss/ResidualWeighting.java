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
        DMatrixRMaj fixed = weights == null ? null : weights.copy();
        return new ResidualWeighting() {
            @Override
            public String name() {
                return "frozen";
            }

            @Override
            public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
                return fixed;
            }

            @Override
            public DMatrixRMaj weights() {
                return fixed;
            }

            @Override
            public void restore(DMatrixRMaj weights) {
                throw new IllegalStateException("frozen weights cannot be restored");
            }
        };
    }

    /** Unweighted: mean(r²). */
    static ResidualWeighting none() {
        return new ResidualWeighting() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
                return null;
            }

            @Override
            public DMatrixRMaj weights() {
                return null;
            }

            @Override
            public void restore(DMatrixRMaj weights) {
                if (weights != null) {
                    throw new IllegalArgumentException("weighting none: a checkpoint with residual weights"
                            + " cannot be resumed without weighting; use --weighting rba");
                }
            }
        };
    }
}
