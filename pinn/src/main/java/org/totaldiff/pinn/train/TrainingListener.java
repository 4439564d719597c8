package org.totaldiff.pinn.train;

/**
 * Called by the {@link Trainer} during every iteration. The {@link Step}'s tape nodes (loss,
 * residual, gradients) are valid only during the call.
 */
public interface TrainingListener {

    /**
     * After backward, before the optimizer step: the parameter gradients of this iteration are
     * in the tape (the place to measure gradient SNR).
     */
    default void afterBackward(Step step) {
    }

    /** After the optimizer step; {@code step.iteration() + 1} iterations are complete. */
    default void afterStep(Step step) {
    }

    /** Asked after every iteration; true stops the run cleanly (Ctrl-C, a time limit, ...). */
    default boolean stopRequested() {
        return false;
    }
}
