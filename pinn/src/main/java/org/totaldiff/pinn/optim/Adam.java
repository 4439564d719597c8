package org.totaldiff.pinn.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) exactly as
 * PyTorch's {@code torch.optim.Adam} computes it (single-tensor path, amsgrad = false,
 * maximize = false). For step t = 1, 2, ... with learning rate lr = schedule(t - 1):
 *
 * <pre>
 *   g  = grad + weight_decay &middot; p                      (only if weight_decay != 0)
 *   m  = lerp(m, g, 1 - &beta;1)  = m + (1 - &beta;1)(g - m)      (PyTorch: exp_avg.lerp_)
 *   v  = &beta;2 v + ((1 - &beta;2) g) g                         (exp_avg_sq.mul_.addcmul_)
 *   bc1 = 1 - &beta;1<sup>t</sup>,  bc2 = 1 - &beta;2<sup>t</sup>
 *   stepSize = lr / bc1
 *   denom = sqrt(v) / sqrt(bc2) + eps
 *   p  = p + (-stepSize &middot; m) / denom                  (param.addcdiv_)
 * </pre>
 *
 * which is, up to rounding, p -= lr &middot; m&#770; / (sqrt(v&#770;) + eps) with the
 * bias-corrected moments m&#770; = m / bc1 and v&#770; = v / bc2. Each line is evaluated in
 * PyTorch's order of operations; PyTorch's vectorised CPU kernels may fuse a multiply-add into
 * one FMA, so agreement with a real PyTorch run is to about one ulp per step, and exact with the
 * formula above.
 *
 * <p>The moments are allocated on the first step, shaped like the parameters; later steps
 * require the same shapes. {@link #biasCorrectedMoments} exposes m&#770; and v&#770; for the
 * "Adam SNR" = ||m&#770;||<sub>2</sub> / ||sqrt(v&#770;) + eps||<sub>2</sub>.
 */
public final class Adam implements Optimizer {

    /** The {@link OptimizerState#kind()} written by Adam. */
    public static final String KIND = "adam";

    private final AdamConfig config;
    private LearningRateSchedule schedule;
    private int iteration;
    private List<DMatrixRMaj> expAvg;
    private List<DMatrixRMaj> expAvgSq;

    /** Adam with PyTorch's defaults ({@link AdamConfig#DEFAULTS}) and a constant rate of 1e-3. */
    public Adam() {
        this(AdamConfig.DEFAULTS, new Constant(AdamConfig.DEFAULT_LEARNING_RATE));
    }

    /** Adam with PyTorch's defaults and the given schedule. */
    public Adam(LearningRateSchedule schedule) {
        this(AdamConfig.DEFAULTS, schedule);
    }

    /**
     * @param config betas, eps and weight decay
     * @param schedule the learning rate per iteration
     */
    public Adam(AdamConfig config, LearningRateSchedule schedule) {
        this.config = Objects.requireNonNull(config, "Adam: config must be non-null (use AdamConfig.DEFAULTS)");
        setSchedule(schedule);
    }

    /** The hyper-parameters. */
    public AdamConfig config() {
        return config;
    }

    @Override
    public int iteration() {
        return iteration;
    }

    @Override
    public LearningRateSchedule schedule() {
        return schedule;
    }

    @Override
    public void setSchedule(LearningRateSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule,
                "Adam: schedule must be non-null (use LearningRateSchedule.constant(lr))");
    }

    @Override
    public void step(List<DMatrixRMaj> params, List<DMatrixRMaj> grads) {
        Params.checkMatching("Adam.step", params, "grads", grads);
        if (expAvg == null) {
            expAvg = Params.zerosLike(params);
            expAvgSq = Params.zerosLike(params);
        } else {
            Params.checkMatching("Adam.step", params, "the moments of earlier steps", expAvg);
        }
        double lr = LearningRateSchedule.checkRate("Adam.step", "the learning rate at iteration " + iteration,
                schedule.learningRate(iteration));
        int t = iteration + 1;
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double eps = config.epsilon();
        double weightDecay = config.weightDecay();
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / bc1;
        double bc2Sqrt = Math.sqrt(bc2);
        double negStep = -stepSize;
        double w1 = 1 - beta1;
        double w2 = 1 - beta2;
        boolean smallWeight = Math.abs(w1) < 0.5;
        for (int k = 0; k < params.size(); k++) {
            double[] p = params.get(k).data;
            double[] g = grads.get(k).data;
            double[] m = expAvg.get(k).data;
            double[] v = expAvgSq.get(k).data;
            int n = params.get(k).getNumElements();
            for (int i = 0; i < n; i++) {
                double gi = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i];
                // torch.lerp(m, g, w): m + w (g - m) if |w| < 0.5, else g - (g - m)(1 - w)
                m[i] = smallWeight ? m[i] + w1 * (gi - m[i]) : gi - (gi - m[i]) * (1 - w1);
                v[i] = v[i] * beta2 + w2 * gi * gi;
                double denom = Math.sqrt(v[i]) / bc2Sqrt + eps;
                p[i] = p[i] + negStep * m[i] / denom;
            }
        }
        iteration = t;
    }

    /** 1 - &beta;1<sup>t</sup> at the current iteration t (0 before the first step). */
    public double biasCorrection1() {
        return 1 - Math.pow(config.beta1(), iteration);
    }

    /** 1 - &beta;2<sup>t</sup> at the current iteration t (0 before the first step). */
    public double biasCorrection2() {
        return 1 - Math.pow(config.beta2(), iteration);
    }

    /** The number of parameter matrices seen (0 before the first step). */
    public int parameterCount() {
        return expAvg == null ? 0 : expAvg.size();
    }

    /**
     * The bias-corrected moments after the last step: m&#770; = m / (1 - &beta;1<sup>t</sup>),
     * v&#770; = v / (1 - &beta;2<sup>t</sup>). Before the first step there are no moments and this
     * throws.
     *
     * @param mHatOut Modified. One non-null matrix per parameter, each reshaped like its
     *     parameter; or a null list to skip m&#770;.
     * @param vHatOut Modified. Likewise for v&#770;; or a null list to skip it.
     * @throws IllegalStateException before the first step
     */
    public void biasCorrectedMoments(List<DMatrixRMaj> mHatOut, List<DMatrixRMaj> vHatOut) {
        if (expAvg == null) {
            throw new IllegalStateException("Adam.biasCorrectedMoments: no step taken yet, the moments do not exist");
        }
        if (mHatOut != null) {
            corrected("mHatOut", expAvg, biasCorrection1(), mHatOut);
        }
        if (vHatOut != null) {
            corrected("vHatOut", expAvgSq, biasCorrection2(), vHatOut);
        }
    }

    private static void corrected(String name, List<DMatrixRMaj> moment, double bc, List<DMatrixRMaj> out) {
        if (out.size() != moment.size()) {
            throw new IllegalArgumentException("Adam.biasCorrectedMoments: " + name + " has " + out.size()
                    + " matrices, expected one per parameter: " + moment.size());
        }
        for (int k = 0; k < moment.size(); k++) {
            DMatrixRMaj src = moment.get(k);
            DMatrixRMaj dst = out.get(k);
            if (dst == null) {
                throw new IllegalArgumentException("Adam.biasCorrectedMoments: " + name + "[" + k + "] is null");
            }
            dst.reshape(src.numRows, src.numCols);
            for (int i = 0; i < src.getNumElements(); i++) {
                dst.data[i] = src.data[i] / bc;
            }
        }
    }

    /**
     * The state: scalar {@code iteration} and the configuration ({@code beta1}, {@code beta2},
     * {@code epsilon}, {@code weightDecay}, checked on restore); arrays {@code exp_avg.k} and
     * {@code exp_avg_sq.k} for each parameter k (PyTorch's names), absent before the first step.
     */
    @Override
    public OptimizerState state() {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("iteration", (double) iteration);
        scalars.put("beta1", config.beta1());
        scalars.put("beta2", config.beta2());
        scalars.put("epsilon", config.epsilon());
        scalars.put("weightDecay", config.weightDecay());
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        if (expAvg != null) {
            for (int k = 0; k < expAvg.size(); k++) {
                arrays.put("exp_avg." + k, expAvg.get(k));
            }
            for (int k = 0; k < expAvgSq.size(); k++) {
                arrays.put("exp_avg_sq." + k, expAvgSq.get(k));
            }
        }
        return new OptimizerState(KIND, scalars, arrays);
    }

    @Override
    public void restore(OptimizerState state) {
        Objects.requireNonNull(state, "Adam.restore: state must be non-null").requireKind(KIND);
        checkSame(state, "beta1", config.beta1());
        checkSame(state, "beta2", config.beta2());
        checkSame(state, "epsilon", config.epsilon());
        checkSame(state, "weightDecay", config.weightDecay());
        double it = state.scalar("iteration");
        if (!(it >= 0 && it <= Integer.MAX_VALUE && it == Math.rint(it))) {
            throw new IllegalArgumentException("Adam.restore: iteration must be a whole number >= 0, got " + it);
        }
        int count = 0;
        while (state.arrayNames().contains("exp_avg." + count)) {
            count++;
        }
        if (state.arrayNames().size() != 2 * count) {
            throw new IllegalArgumentException("Adam.restore: expected arrays exp_avg.0.." + (count - 1)
                    + " and exp_avg_sq.0.." + (count - 1) + ", got " + state.arrayNames());
        }
        if (count == 0 && it != 0) {
            throw new IllegalArgumentException("Adam.restore: iteration is " + (int) it
                    + " but the state holds no moments");
        }
        List<DMatrixRMaj> m = null;
        List<DMatrixRMaj> v = null;
        if (count > 0) {
            m = new java.util.ArrayList<>(count);
            v = new java.util.ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                DMatrixRMaj mk = state.array("exp_avg." + k);
                DMatrixRMaj vk = state.array("exp_avg_sq." + k);
                if (mk.numRows != vk.numRows || mk.numCols != vk.numCols) {
                    throw new IllegalArgumentException("Adam.restore: exp_avg." + k + " is " + Dense.shape(mk)
                            + " but exp_avg_sq." + k + " is " + Dense.shape(vk));
                }
                m.add(mk);
                v.add(vk);
            }
        }
        expAvg = m;
        expAvgSq = v;
        iteration = (int) it;
    }

    private static void checkSame(OptimizerState state, String name, double expected) {
        double actual = state.scalar(name);
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(expected)) {
            throw new IllegalArgumentException("Adam.restore: the state has " + name + " = " + actual
                    + " but this optimizer has " + name + " = " + expected + "; build it with the same AdamConfig");
        }
    }

    @Override
    public String toString() {
        return "Adam(" + config + ", " + schedule + ", iteration " + iteration + ")";
    }
}
