package org.totaldiff.pinn.optim;

/**
 * Smooth exponential decay: lr(k) = lr0 &middot; &gamma;<sup>k / decaySteps</sup>.
 *
 * <p>With {@code decaySteps = 1} this is PyTorch's {@code ExponentialLR(gamma)} in its closed
 * form ({@code base_lr * gamma ** k}); with {@code decaySteps > 1} it is optax's
 * {@code exponential_decay(lr0, decaySteps, gamma, staircase=False)}. (For the staircase form
 * use {@link StepDecay}.) The power is {@code Math.pow}, so it may differ in the last bit from
 * PyTorch's chainable form, which multiplies by &gamma; once per step.
 *
 * @param initialRate lr0, finite and {@code >= 0}
 * @param gamma the factor per {@code decaySteps} iterations, finite and {@code > 0}
 * @param decaySteps iterations over which the rate is multiplied by &gamma;, {@code >= 1}
 */
public record ExponentialDecay(double initialRate, double gamma, int decaySteps) implements LearningRateSchedule {

    /** Checks the arguments. */
    public ExponentialDecay {
        LearningRateSchedule.checkRate("ExponentialDecay", "initialRate", initialRate);
        if (!Double.isFinite(gamma) || gamma <= 0) {
            throw new IllegalArgumentException(
                    "ExponentialDecay: gamma must be a finite number > 0 (usually in (0, 1]), got " + gamma);
        }
        if (decaySteps < 1) {
            throw new IllegalArgumentException("ExponentialDecay: decaySteps must be >= 1 iteration, got " + decaySteps);
        }
    }

    /** lr0 &middot; &gamma;<sup>k</sup>: PyTorch's {@code ExponentialLR}. */
    public ExponentialDecay(double initialRate, double gamma) {
        this(initialRate, gamma, 1);
    }

    @Override
    public double learningRate(int iteration) {
        LearningRateSchedule.checkIteration("ExponentialDecay", iteration);
        return initialRate * Math.pow(gamma, (double) iteration / decaySteps);
    }
}
