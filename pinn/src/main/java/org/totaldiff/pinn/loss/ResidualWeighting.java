package org.totaldiff.pinn.loss;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.optim.OptimizerState;

/** Per-point weights λ_i of the residual loss mean((λ_i r_i)²); no gradient flows through them. */
public interface ResidualWeighting {

    /** none, rba, sa (a causal wrapper appends "+causal"). */
    String name();

    /**
     * Updates the weights from this iteration's residuals and returns them (N x 1), or null for
     * unweighted residuals.
     *
     * @param residual N x 1. Not modified.
     * @param iteration the iteration about to take its step (0 first)
     */
    DMatrixRMaj update(DMatrixRMaj residual, int iteration);

    /** The current weights the loss uses, or null. */
    DMatrixRMaj weights();

    /**
     * The residual-based attention weights λ as last updated, whether or not they enter the
     * loss: the loss's weights for RBA; for an {@link #observed} vanilla run the weights RBA
     * would have, tracked as the authors' code does so that the residual order of vanilla and
     * RBA runs compares; null if nothing is tracked. This is what a checkpoint saves.
     */
    default DMatrixRMaj attention() {
        return weights();
    }

    /** Replaces the tracked weights ({@link #attention()}; restoring a checkpoint). */
    void restore(DMatrixRMaj weights);

    /**
     * Whether {@link #weights()} after {@link #restore} are the weights of the checkpoint's latest
     * loss (RBA's λ; none for an unweighted loss). Not so for weights one optimizer step past
     * them ({@link SelfAdaptive}) or recomputed from the next residuals ({@link CausalWeighting}):
     * a checkpoint must then hold the loss's weights itself.
     */
    default boolean restoresLossWeights() {
        return true;
    }

    /**
     * Collocation points were appended to the N the weights cover (residual-based refinement,
     * {@link org.totaldiff.pinn.sampling.ResidualRefinement}): the weights grow with them, each new
     * point starting at the mean of the current weights (neither favoured nor ignored). Before
     * the first update there is nothing to grow.
     *
     * @param points the appended points (m x d, the problem's coordinates), in their order
     */
    void addPoints(DMatrixRMaj points);

    /**
     * The state of the weights' own optimizer, for a checkpoint ({@link SelfAdaptive}'s Adam
     * moments), or null if the weights have none (RBA's update needs only the weights).
     */
    default OptimizerState state() {
        return null;
    }

    /**
     * Restores what {@link #state()} returned (null: the checkpoint had none).
     *
     * @throws IllegalArgumentException if a state is given to a weighting that has none
     */
    default void restoreState(OptimizerState state) {
        if (state != null) {
            throw new IllegalArgumentException("weighting " + name() + ": the checkpoint holds the state of "
                    + state.kind() + " for self-adaptive weights; resume with --weighting sa");
        }
    }

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

    /**
     * Unweighted, mean(r²), while {@code tracked} updates its weights from the residuals every
     * iteration without entering the loss (Anagnostopoulos et al.'s code updates its RBA weights
     * in vanilla runs too and measures the residual order from them).
     */
    static ResidualWeighting observed(ResidualWeighting tracked) {
        return new Observed(tracked);
    }

    /** No weights in the loss; {@code tracked}'s weights updated alongside (see {@link #observed}). */
    record Observed(ResidualWeighting tracked) implements ResidualWeighting {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
            tracked.update(residual, iteration);
            return null;
        }

        @Override
        public DMatrixRMaj weights() {
            return null;
        }

        @Override
        public DMatrixRMaj attention() {
            return tracked.attention();
        }

        @Override
        public void restore(DMatrixRMaj weights) {
            tracked.restore(weights);
        }

        @Override
        public void addPoints(DMatrixRMaj points) {
            tracked.addPoints(points);
        }

        @Override
        public OptimizerState state() {
            return tracked.state();
        }

        @Override
        public void restoreState(OptimizerState state) {
            tracked.restoreState(state);
        }
    }

    /** Weights that never change (null: none); only "no weights" can be restored into them. */
    record Fixed(String name, DMatrixRMaj weights) implements ResidualWeighting {
        @Override
        public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
            return weights;
        }

        @Override
        public void addPoints(DMatrixRMaj points) {
            if (weights != null) {
                throw new IllegalStateException("weighting " + name + ": fixed weights cannot take added points");
            }
        }

        @Override
        public void restore(DMatrixRMaj saved) {
            if (saved != null || weights != null) {
                throw new IllegalArgumentException("weighting " + name + ": a checkpoint with residual weights"
                        + " cannot be resumed without weighting; use --weighting rba");
            }
        }
    }

    /**
     * {@code weights} (N x 1) with {@code added} more rows, each the mean of the N: what
     * {@link #addPoints} gives a weighting whose weights are a plain vector.
     */
    static DMatrixRMaj grownByMean(DMatrixRMaj weights, int added) {
        int n = weights.getNumElements();
        double mean = n == 0 ? 0 : org.totaldiff.engine.PortableMath.sum(weights.data, 0, n) / n;
        DMatrixRMaj out = new DMatrixRMaj(n + added, 1);
        System.arraycopy(weights.data, 0, out.data, 0, n);
        java.util.Arrays.fill(out.data, n, n + added, mean);
        return out;
    }
}
