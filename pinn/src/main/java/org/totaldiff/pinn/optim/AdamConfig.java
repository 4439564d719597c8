package org.totaldiff.pinn.optim;

/**
 * The hyper-parameters of {@link Adam} other than the learning rate (which is a
 * {@link LearningRateSchedule}), with PyTorch's defaults in {@link #DEFAULTS}: the one source
 * of truth for them.
 *
 * @param beta1 decay of the first moment, in [0, 1)
 * @param beta2 decay of the second moment, in [0, 1)
 * @param epsilon added to the denominator, finite and {@code >= 0}
 * @param weightDecay L2 penalty added to the gradient (PyTorch's {@code weight_decay}, not AdamW),
 *     finite and {@code >= 0}
 */
public record AdamConfig(double beta1, double beta2, double epsilon, double weightDecay) {

    /** PyTorch's defaults: betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0. */
    public static final AdamConfig DEFAULTS = new AdamConfig(0.9, 0.999, 1e-8, 0.0);

    /** PyTorch's default learning rate, 1e-3 (also the paper's initial rate). */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Checks the arguments. */
    public AdamConfig {
        checkBeta("beta1", beta1);
        checkBeta("beta2", beta2);
        if (!Double.isFinite(epsilon) || epsilon < 0) {
            throw new IllegalArgumentException("AdamConfig: epsilon must be a finite number >= 0, got " + epsilon);
        }
        if (!Double.isFinite(weightDecay) || weightDecay < 0) {
            throw new IllegalArgumentException("AdamConfig: weightDecay must be a finite number >= 0, got "
                    + weightDecay);
        }
    }

    private static void checkBeta(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("AdamConfig: " + name + " must be in [0, 1), got " + beta);
        }
    }

    /** A copy with other betas. */
    public AdamConfig withBetas(double newBeta1, double newBeta2) {
        return new AdamConfig(newBeta1, newBeta2, epsilon, weightDecay);
    }

    /** A copy with another epsilon. */
    public AdamConfig withEpsilon(double newEpsilon) {
        return new AdamConfig(beta1, beta2, newEpsilon, weightDecay);
    }

    /** A copy with another weight decay. */
    public AdamConfig withWeightDecay(double newWeightDecay) {
        return new AdamConfig(beta1, beta2, epsilon, newWeightDecay);
    }
}
