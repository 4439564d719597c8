package org.totaldiff.pinn.optim;

/**
 * Staircase decay: lr(k) = lr0 &middot; &gamma;<sup>floor(k / stepSize)</sup>.
 *
 * <p>The paper (Anagnostopoulos et al., arXiv:2403.18494) uses lr0 = 1e-3, &gamma; = 0.9 every
 * 5000 iterations: {@link #paper()}. This is PyTorch's {@code StepLR(step_size, gamma)} stepped
 * once per iteration, and bit for bit: the power is formed by repeated multiplication
 * ((lr0 &middot; &gamma;) &middot; &gamma;) ..., as PyTorch's chainable {@code StepLR} does, not by
 * {@code Math.pow}.
 *
 * @param initialRate lr0, finite and {@code >= 0}
 * @param gamma the factor applied every {@code stepSize} iterations, finite and {@code > 0}
 *     (usually in (0, 1])
 * @param stepSize iterations between two decays, {@code >= 1}
 */
public record StepDecay(double initialRate, double gamma, int stepSize) implements LearningRateSchedule {

    /** Checks the arguments. */
    public StepDecay {
        LearningRateSchedule.checkRate("StepDecay", "initialRate", initialRate);
        if (!Double.isFinite(gamma) || gamma <= 0) {
            throw new IllegalArgumentException("StepDecay: gamma must be a finite number > 0 (usually in (0, 1]), got "
                    + gamma);
        }
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepDecay: stepSize must be >= 1 iteration, got " + stepSize);
        }
    }

    /** The paper's schedule: 1e-3 &middot; 0.9<sup>floor(k / 5000)</sup>. */
    public static StepDecay paper() {
        return new StepDecay(1e-3, 0.9, 5000);
    }

    @Override
    public double learningRate(int iteration) {
        LearningRateSchedule.checkIteration("StepDecay", iteration);
        int decays = iteration / stepSize;
        double rate = initialRate;
        for (int i = 0; i < decays; i++) {
            rate *= gamma;
        }
        return rate;
    }
}
