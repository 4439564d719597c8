package org.totaldiff.pinn.train;

/**
 * Called by the {@link Trainer} during every iteration. The {@link Step}'s tape nodes (loss,
 * residual) and the parameter gradients are those of the iteration only during
 * {@link #afterBackward}: by {@link #afterStep} an L-BFGS line search has recorded the loss
 * again at other points. {@link Step#lossValue()} stays valid.
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

    /**
     * {@code listener} called only at the iterations {@code cadence} accepts (its stop requests
     * are asked every iteration).
     */
    static TrainingListener at(Cadence cadence, TrainingListener listener) {
        return new TrainingListener() {
            @Override
            public void afterBackward(Step step) {
                if (cadence.includes(step.iteration())) {
                    listener.afterBackward(step);
                }
            }

            @Override
            public void afterStep(Step step) {
                if (cadence.includes(step.iteration())) {
                    listener.afterStep(step);
                }
            }

            @Override
            public boolean stopRequested() {
                return listener.stopRequested();
            }
        };
    }

    /**
     * Which iterations a listener runs at: every {@code early} iterations below {@code until},
     * then every {@code late} (the paper measures its SNR every 2 iterations below 300, then
     * every 100). {@code every(n)} is the plain cadence.
     */
    record Cadence(int early, int until, int late) {
        public Cadence {
            if (early < 1 || late < 1 || until < 0) {
                throw new IllegalArgumentException("cadence: periods must be >= 1 and the switch >= 0, got every "
                        + early + " below " + until + ", then every " + late);
            }
        }

        /** Every {@code n} iterations. */
        public static Cadence every(int n) {
            return new Cadence(n, 0, n);
        }

        /** True if the listener runs at 0-based {@code iteration}. */
        public boolean includes(int iteration) {
            return iteration < until ? iteration % early == 0 : iteration % late == 0;
        }
    }
}
