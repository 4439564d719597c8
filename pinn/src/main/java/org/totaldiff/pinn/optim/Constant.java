package org.totaldiff.pinn.optim;

/**
 * A constant learning rate: lr(k) = lr.
 *
 * @param rate the learning rate, finite and {@code >= 0}
 */
public record Constant(double rate) implements LearningRateSchedule {

    /** Checks the rate. */
    public Constant {
        LearningRateSchedule.checkRate("Constant", "rate", rate);
    }

    @Override
    public double learningRate(int iteration) {
        LearningRateSchedule.checkIteration("Constant", iteration);
        return rate;
    }
}
