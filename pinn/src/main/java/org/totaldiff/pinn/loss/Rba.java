package org.totaldiff.pinn.loss;

import org.ejml.data.DMatrixRMaj;

/**
 * Residual-based attention (Anagnostopoulos, Toscano, Stergiopulos, Karniadakis, 2024):
 *
 * <pre>
 *   λ_i ← γ λ_i + η* |r_i| / max_j |r_j|,      λ_i = 0 at the start,
 * </pre>
 *
 * updated from each iteration's residuals before the loss mean((λ_i r_i)²) is formed, with no
 * gradient through λ. Variants: {@link Start#FULL_FIRST_STEP} uses η* = 1 at iteration 0 ("start
 * mode 2"); {@link Normalization#MIN_MAX} uses (|r_i| - min|r|) / (max|r| - min|r|).
 */
public final class Rba implements ResidualWeighting {

    /** How the first update is made. */
    public enum Start {
        /** η* = η from the first iteration (λ_0 = 0). */
        ZERO,
        /** η* = 1 at iteration 0, then η ("start mode 2"). */
        FULL_FIRST_STEP
    }

    /** How |r| is normalised. */
    public enum Normalization {
        /** |r_i| / max |r|. */
        MAX,
        /** (|r_i| - min |r|) / (max |r| - min |r|). */
        MIN_MAX
    }

    /**
     * The RBA settings; {@link #paper()} gives γ = 0.999, η = 0.001, start from zero, max
     * normalisation.
     */
    public record Config(double gamma, double eta, Start start, Normalization normalization) {
        public Config {
            if (!(gamma >= 0 && gamma < 1)) {
                throw new IllegalArgumentException("rba: gamma must be in [0, 1), got " + gamma);
            }
            if (!(eta > 0)) {
                throw new IllegalArgumentException("rba: eta must be > 0, got " + eta);
            }
            if (start == null || normalization == null) {
                throw new IllegalArgumentException("rba: start and normalization must be given");
            }
        }

        public static Config paper() {
            return new Config(0.999, 0.001, Start.ZERO, Normalization.MAX);
        }
    }

    private final Config config;
    private DMatrixRMaj lambda;

    public Rba(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return "rba";
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
        int n = residual.getNumElements();
        if (lambda == null) {
            lambda = new DMatrixRMaj(n, 1);
        } else if (lambda.getNumElements() != n) {
            throw new IllegalArgumentException("rba: " + n + " residuals but " + lambda.getNumElements() + " weights");
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(residual.data[i]);
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        double eta = config.start() == Start.FULL_FIRST_STEP && iteration == 0 ? 1.0 : config.eta();
        double shift = config.normalization() == Normalization.MIN_MAX ? min : 0;
        double range = max - shift;
        for (int i = 0; i < n; i++) {
            double normalized = range > 0 ? (Math.abs(residual.data[i]) - shift) / range : 0;
            lambda.data[i] = config.gamma() * lambda.data[i] + eta * normalized;
        }
        return lambda;
    }

    @Override
    public DMatrixRMaj weights() {
        return lambda;
    }

    @Override
    public void addPoints(DMatrixRMaj points) {
        if (lambda != null) {
            lambda = ResidualWeighting.grownByMean(lambda, points.numRows);
        }
    }

    @Override
    public void restore(DMatrixRMaj weights) {
        lambda = weights == null ? null : weights.copy();
    }
}
