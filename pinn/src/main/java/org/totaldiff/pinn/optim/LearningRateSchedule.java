package org.totaldiff.pinn.optim;

/**
 * The learning rate as a function of the iteration: {@code learningRate(k)} is the rate used by
 * the step that is taken after {@code k} completed steps (k = 0 for the first step). This is
 * the value PyTorch's optimizer holds when a scheduler is stepped once after every
 * {@code optimizer.step()}, and optax's schedule evaluated at the update count.
 *
 * <p>A schedule is a pure function of the iteration, so a run restored from a checkpoint gets
 * the same rates as the run that never stopped.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * @param iteration the number of completed steps, {@code >= 0}
     * @return the learning rate of the next step, finite and {@code >= 0}
     */
    double learningRate(int iteration);

    /** The same rate at every iteration. */
    static LearningRateSchedule constant(double learningRate) {
        return new Constant(learningRate);
    }

    /** A checked learning rate: finite and {@code >= 0}. */
    static double checkRate(String owner, String what, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(owner + ": " + what + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** A checked iteration: {@code >= 0}. */
    static int checkIteration(String owner, int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException(owner + ": iteration must be >= 0, got " + iteration);
        }
        return iteration;
    }
}
