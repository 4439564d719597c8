package org.totaldiff.pinn.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * A first-order optimizer: one {@link #step} updates the parameters in place from their
 * gradients. The learning rate comes from a {@link LearningRateSchedule} evaluated at
 * {@link #iteration()}; the whole state can be exported and restored for checkpoints.
 */
public interface Optimizer {

    /**
     * Updates the parameters in place from their gradients and advances {@link #iteration()}.
     *
     * @param params Modified. The parameters (weights and biases).
     * @param grads Not modified. The gradient of the loss for each parameter, same shapes.
     */
    void step(List<DMatrixRMaj> params, List<DMatrixRMaj> grads);

    /** The number of completed steps (0 before the first). */
    int iteration();

    /** The learning rate the next step will use: {@code schedule().learningRate(iteration())}. */
    default double learningRate() {
        return schedule().learningRate(iteration());
    }

    /** The learning-rate schedule. */
    LearningRateSchedule schedule();

    /** Replaces the learning-rate schedule; it applies from the next step on. */
    void setSchedule(LearningRateSchedule schedule);

    /** The whole state (iteration, moments, ...) as a copy. */
    OptimizerState state();

    /**
     * Replaces the whole state by a copy of {@code state}, written by {@link #state()} of an
     * optimizer of the same kind and configuration.
     *
     * @throws IllegalArgumentException if the state is of another kind or configuration
     */
    void restore(OptimizerState state);
}
