package org.totaldiff.pinn.train;

import org.totaldiff.pinn.loss.PinnLoss;

/**
 * One training iteration as listeners see it. It describes the state the iteration's backward
 * pass saw: the parameters after {@code iteration} updates, the residual weights this
 * iteration's loss used, and (in {@link TrainingListener#afterBackward}) the gradients and
 * activations of that pass.
 *
 * @param iteration 0-based index of this iteration
 * @param phase the optimizer taking this iteration's step
 * @param learningRate the rate this iteration's step uses
 * @param loss the loss terms and hidden activations recorded on the tape (valid during
 *     {@code afterBackward} only: an L-BFGS line search records the loss again before
 *     {@code afterStep})
 * @param lossValue the total loss (valid throughout)
 * @param run what else a listener may read of the run (network, points, optimizer, weighting)
 */
public record Step(int iteration, Phase phase, double learningRate, PinnLoss loss, double lossValue,
        TrainingView run) {

    /** Which optimizer takes the step. */
    public enum Phase {
        /** Adam: its moments after this iteration's step are in {@code run().optimizer()}. */
        ADAM,
        /** L-BFGS after Adam: the residual weights are frozen, Adam's moments no longer move. */
        LBFGS
    }
}
