package org.totaldiff.pinn.loss;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;
import org.totaldiff.pinn.optim.OptimizerState;

/**
 * Self-adaptive weights (McClenny and Braga-Neto, "Self-adaptive physics-informed neural
 * networks", J. Comput. Phys. 474 (2023) 111722; arXiv:2009.04544): one trainable weight per
 * collocation point, which the network minimises the loss against and the weights maximise it,
 *
 * <pre>
 *   min_θ max_λ  mean_i m(λ_i) r_i(θ)²,      m(λ) = λ²  (their polynomial mask),
 * </pre>
 *
 * so that in this code's loss mean((λ_i r_i)²) the weight is λ_i itself. Both players take their
 * step from the same iteration (simultaneous gradient descent-ascent, as one gradient tape in the
 * paper's code gives): iteration t's loss uses λ_t, and λ_{t+1} is Adam's ascent step on
 * ∂L/∂λ_i = 2 λ_i r_i² / N at (θ_t, λ_t). λ starts at {@code initial} (1: the first iteration is
 * the unweighted loss).
 *
 * <p>Departures from the paper, both to compare with RBA as this code applies it: only the
 * residual points carry weights (the boundary and initial terms keep fixed weights); the weights
 * start at one value rather than drawn at random (no extra random stream to save).
 *
 * <p>State: λ ({@link #attention()}, saved as the residual weights) and the weights' Adam
 * moments ({@link #state()}), so a checkpointed run resumes bit for bit.
 */
public final class SelfAdaptive implements ResidualWeighting {

    /** The weights' settings: Adam's learning rate for the ascent, and the starting value. */
    public record Config(double learningRate, double initial) {
        public Config {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("self-adaptive weights: the learning rate must be a finite number"
                        + " > 0, got " + learningRate);
            }
            if (!(initial > 0) || Double.isInfinite(initial)) {
                throw new IllegalArgumentException("self-adaptive weights: the initial weight must be a finite number"
                        + " > 0, got " + initial);
            }
        }
    }

    private final Config config;
    private final Adam ascent;
    private DMatrixRMaj lambda;
    private DMatrixRMaj used;
    private DMatrixRMaj negGrad;

    public SelfAdaptive(Config config) {
        this.config = config;
        this.ascent = new Adam(new Constant(config.learningRate()));
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return "sa";
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
        int n = residual.getNumElements();
        if (lambda == null) {
            lambda = new DMatrixRMaj(n, 1);
            java.util.Arrays.fill(lambda.data, config.initial());
        } else if (lambda.getNumElements() != n) {
            throw new IllegalArgumentException("self-adaptive weights: " + n + " residuals but "
                    + lambda.getNumElements() + " weights");
        }
        if (used == null) {
            used = new DMatrixRMaj(n, 1);
            negGrad = new DMatrixRMaj(n, 1);
        }
        System.arraycopy(lambda.data, 0, used.data, 0, n);
        // Adam descends: give it -dL/dλ to climb
        for (int i = 0; i < n; i++) {
            double r = residual.data[i];
            negGrad.data[i] = -2.0 * lambda.data[i] * r * r / n;
        }
        ascent.step(List.of(lambda), List.of(negGrad));
        return used;
    }

    /** The weights of the latest loss (λ_t), or null before the first update. */
    @Override
    public DMatrixRMaj weights() {
        return used;
    }

    /** λ after the latest ascent step (λ_{t+1}: what the next loss uses), or null before any. */
    @Override
    public DMatrixRMaj attention() {
        return lambda;
    }

    /**
     * New points start at the mean weight, and their Adam moments at the mean of the others'
     * moments: under Adam's one step count, zero moments would be bias-corrected as if they had
     * been averaged over all past steps and give the new points a several times larger step for
     * hundreds of iterations; the mean moments give them the step of a typical point.
     */
    @Override
    public void addPoints(DMatrixRMaj points) {
        if (lambda == null) {
            return;
        }
        int m = points.numRows;
        lambda = ResidualWeighting.grownByMean(lambda, m);
        used = null;
        OptimizerState state = ascent.state();
        java.util.Map<String, DMatrixRMaj> grown = new java.util.LinkedHashMap<>();
        for (String name : state.arrayNames()) {
            grown.put(name, ResidualWeighting.grownByMean(state.array(name), m));
        }
        ascent.restore(new OptimizerState(state.kind(), state.scalars(), grown));
    }

    /** λ is saved one ascent step past the weights the latest loss used. */
    @Override
    public boolean restoresLossWeights() {
        return false;
    }

    @Override
    public void restore(DMatrixRMaj weights) {
        lambda = weights == null ? null : weights.copy();
        used = null;
    }

    @Override
    public OptimizerState state() {
        return ascent.state();
    }

    @Override
    public void restoreState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException("self-adaptive weights: the checkpoint holds no state of the weights'"
                    + " optimizer, so the run cannot continue exactly");
        }
        ascent.restore(state);
    }
}
