package org.totaldiff.experiments.train;

import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.loss.SelfAdaptive;
import org.totaldiff.pinn.sampling.ResidualRefinement;
import org.totaldiff.pinn.pde.AllenCahnProblem;
import org.totaldiff.pinn.optim.LbfgsConfig;

/**
 * Everything a training run depends on; recorded in run.json and used as is on resume. The
 * presets ({@link Presets}) are the one source of default values.
 *
 * @param problem the PDE and its parameters
 * @param network the MLP
 * @param optimizer Adam and its learning-rate schedule
 * @param sampling point counts and the seed
 * @param weighting residual weighting
 * @param schedule iterations and the cadence of metrics, test error and checkpoints
 * @param monitors the learning-dynamics monitors (a run.json written before they existed has
 *     none: null reads as {@link MonitorConfig#none()})
 */
public record TrainConfig(ProblemConfig problem, NetworkConfig network, OptimizerConfig optimizer,
        SamplingConfig sampling, WeightingConfig weighting, ScheduleConfig schedule, MonitorConfig monitors) {

    /** Fills in what an older run.json lacks. */
    public TrainConfig {
        if (monitors == null) {
            monitors = MonitorConfig.none();
        }
        if (monitors.snr() && monitors.grouping() == MonitorConfig.Grouping.PER_SAMPLE && sampling.refines()) {
            throw new IllegalArgumentException("--snr-grouping per-sample cannot be combined with --rar-every (B = N"
                    + " would change as points are added); use contiguous or spatial groups");
        }
        if (monitors.snr() && monitors.grouping() != MonitorConfig.Grouping.PER_SAMPLE
                && monitors.groups() > sampling.collocation()) {
            throw new IllegalArgumentException("--snr-groups " + monitors.groups() + " is more than the "
                    + sampling.collocation() + " collocation points");
        }
    }

    /** The benchmarks. */
    public enum Problem {
        HELMHOLTZ("helmholtz"), ALLEN_CAHN("allen-cahn"), BURGERS("burgers");

        private final String cliName;

        Problem(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        /** The problem called {@code name} on the command line. */
        public static Problem parse(String name) {
            for (Problem p : values()) {
                if (p.cliName.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown problem '" + name + "'; accepted: helmholtz, allen-cahn, burgers");
        }
    }

    /** Residual weighting schemes: none, residual-based attention, self-adaptive weights. */
    public enum Weighting { NONE, RBA, SA }

    /**
     * @param kind the benchmark
     * @param a1 Helmholtz: frequency factor in x (ignored by the others)
     * @param a2 Helmholtz: frequency factor in y
     * @param k Helmholtz: wavenumber
     * @param boundary Allen-Cahn: periodic in x, or the paper code's initial condition only
     */
    public record ProblemConfig(Problem kind, double a1, double a2, double k, AllenCahnProblem.Boundary boundary) {
        public ProblemConfig {
            if (boundary == null) {
                boundary = AllenCahnProblem.Boundary.PERIODIC;
            }
        }
    }

    /**
     * A tanh MLP in -> width x depth -> 1, Xavier-normal from {@code seed}; with
     * {@code periodicEmbedding} the problem's periodic coordinate enters as its first
     * {@code harmonics} Fourier harmonics (cos kωx, sin kωx), k = 1..K (a run.json without the
     * field reads as K = 1, the (cos, sin) embedding).
     */
    public record NetworkConfig(int width, int depth, long seed, boolean periodicEmbedding, int harmonics) {
        public NetworkConfig {
            positive("--width", width);
            positive("--depth", depth);
            if (harmonics == 0) {
                harmonics = 1;
            }
            positive("--harmonics", harmonics);
        }

        /** One harmonic: the (cos, sin) embedding when {@code periodicEmbedding}. */
        public NetworkConfig(int width, int depth, long seed, boolean periodicEmbedding) {
            this(width, depth, seed, periodicEmbedding, 1);
        }
    }

    /**
     * Adam with lr x gamma every {@code decayEvery} iterations (gamma 1: constant), then
     * {@code lbfgsIterations} iterations of L-BFGS (0: none), which stops early when max |g| &lt;=
     * {@code lbfgsToleranceGrad} or a step or loss change is below {@code lbfgsToleranceChange}
     * (null, as in a run.json without them: PyTorch's 1e-7 and 1e-9).
     */
    public record OptimizerConfig(double learningRate, double decayGamma, int decayEvery, int lbfgsIterations,
            Double lbfgsToleranceGrad, Double lbfgsToleranceChange) {
        public OptimizerConfig {
            if (lbfgsToleranceGrad == null) {
                lbfgsToleranceGrad = LbfgsConfig.DEFAULTS.toleranceGrad();
            }
            if (lbfgsToleranceChange == null) {
                lbfgsToleranceChange = LbfgsConfig.DEFAULTS.toleranceChange();
            }
            if (!(lbfgsToleranceGrad >= 0) || lbfgsToleranceGrad.isInfinite()) {
                throw new IllegalArgumentException("--lbfgs-tolerance-grad must be a finite number >= 0, got "
                        + lbfgsToleranceGrad);
            }
            if (!(lbfgsToleranceChange >= 0) || lbfgsToleranceChange.isInfinite()) {
                throw new IllegalArgumentException("--lbfgs-tolerance-change must be a finite number >= 0, got "
                        + lbfgsToleranceChange);
            }
            if (lbfgsIterations < 0) {
                throw new IllegalArgumentException("--lbfgs-iterations must be >= 0, got " + lbfgsIterations);
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
            }
            if (!(decayGamma > 0 && decayGamma <= 1)) {
                throw new IllegalArgumentException("--lr-decay must be in (0, 1], got " + decayGamma);
            }
            positive("--lr-decay-every", decayEvery);
        }

        /** With PyTorch's L-BFGS tolerances. */
        public OptimizerConfig(double learningRate, double decayGamma, int decayEvery, int lbfgsIterations) {
            this(learningRate, decayGamma, decayEvery, lbfgsIterations, null, null);
        }

        /** The L-BFGS settings (one iteration per call, up to 25 evaluations) with these tolerances. */
        public LbfgsConfig lbfgs() {
            return LbfgsConfig.DEFAULTS.withLimits(1, 25).withTolerances(lbfgsToleranceGrad, lbfgsToleranceChange);
        }
    }

    /**
     * @param collocation Latin-hypercube collocation points
     * @param boundary points per boundary side / initial line / periodic pair set
     * @param seed seed of the points
     * @param boundaryGrid Helmholtz: 0 for evenly spaced boundary points, else the boundary points
     *     of each side are drawn at random from this many evenly spaced nodes of the side (the
     *     authors' code: 100 of 1,001)
     * @param rarEvery residual-based refinement ({@link ResidualRefinement}): add points before
     *     every this many Adam iterations; 0 (the default, and a run.json without the fields): off
     * @param rarPoints the points added each time (0 with refinement off)
     * @param rarCandidates the random candidates whose residual is evaluated each time
     */
    public record SamplingConfig(int collocation, int boundary, long seed, int boundaryGrid, int rarEvery,
            int rarPoints, int rarCandidates) {
        public SamplingConfig {
            positive("--points", collocation);
            if (rarEvery < 0) {
                throw new IllegalArgumentException("--rar-every must be >= 1, got " + rarEvery);
            }
            if (rarEvery > 0) {
                new ResidualRefinement.Config(rarEvery, rarPoints, rarCandidates, seed);
            }
            if (boundary < 2) {
                throw new IllegalArgumentException("--boundary-points must be >= 2, got " + boundary);
            }
            if (boundaryGrid < 0) {
                throw new IllegalArgumentException("--boundary-grid must be >= 0, got " + boundaryGrid);
            }
        }

        /** Without refinement. */
        public SamplingConfig(int collocation, int boundary, long seed, int boundaryGrid) {
            this(collocation, boundary, seed, boundaryGrid, 0, 0, 0);
        }

        /** Evenly spaced boundary points, without refinement. */
        public SamplingConfig(int collocation, int boundary, long seed) {
            this(collocation, boundary, seed, 0);
        }

        /** True if residual-based refinement adds points during Adam. */
        public boolean refines() {
            return rarEvery > 0;
        }

        /** The refinement's settings (its candidates seeded from the points' seed); null if off. */
        public ResidualRefinement.Config refinement() {
            return refines() ? new ResidualRefinement.Config(rarEvery, rarPoints, rarCandidates, seed) : null;
        }
    }

    /**
     * RBA settings are used when {@code kind} is RBA; {@code conditionWeights} multiply the
     * boundary and initial terms by name (a missing name: 1). With {@code causalSlices} &gt; 0 the
     * residual weights are multiplied by causal weights over that many time slices with
     * parameter {@code causalEpsilon} ({@link org.totaldiff.pinn.loss.CausalWeighting}; 0: off,
     * as in a run.json without the fields). {@code saLearningRate} is the Adam rate of the
     * self-adaptive weights when {@code kind} is SA ({@link org.totaldiff.pinn.loss.SelfAdaptive};
     * 0, as in a run.json without the field, reads as {@link #SA_LEARNING_RATE}).
     */
    public record WeightingConfig(Weighting kind, double gamma, double eta, Rba.Start start,
            Rba.Normalization normalization, java.util.Map<String, Double> conditionWeights, int causalSlices,
            double causalEpsilon, double saLearningRate) {

        /** The self-adaptive weights' learning rate unless --sa-lr says otherwise. */
        public static final double SA_LEARNING_RATE = 1e-3;

        public WeightingConfig {
            if (saLearningRate == 0) {
                saLearningRate = SA_LEARNING_RATE;
            }
            if (!(saLearningRate > 0) || Double.isInfinite(saLearningRate)) {
                throw new IllegalArgumentException("--sa-lr must be a finite number > 0, got " + saLearningRate);
            }
            conditionWeights = conditionWeights == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(conditionWeights));
            if (causalSlices < 0) {
                throw new IllegalArgumentException("--causal-slices must be >= 1, got " + causalSlices);
            }
            if (!(causalEpsilon >= 0) || Double.isInfinite(causalEpsilon)) {
                throw new IllegalArgumentException("--causal-epsilon must be a finite number >= 0, got "
                        + causalEpsilon);
            }
        }

        /** Without causal weighting. */
        public WeightingConfig(Weighting kind, double gamma, double eta, Rba.Start start,
                Rba.Normalization normalization, java.util.Map<String, Double> conditionWeights) {
            this(kind, gamma, eta, start, normalization, conditionWeights, 0, 0, SA_LEARNING_RATE);
        }

        /** With causal weighting, self-adaptive weights (if any) at their default rate. */
        public WeightingConfig(Weighting kind, double gamma, double eta, Rba.Start start,
                Rba.Normalization normalization, java.util.Map<String, Double> conditionWeights, int causalSlices,
                double causalEpsilon) {
            this(kind, gamma, eta, start, normalization, conditionWeights, causalSlices, causalEpsilon,
                    SA_LEARNING_RATE);
        }

        /** True if the residual weights include causal weights. */
        public boolean causal() {
            return causalSlices > 0;
        }

        /** The RBA settings as the pinn module takes them. */
        public Rba.Config rba() {
            return new Rba.Config(gamma, eta, start, normalization);
        }

        /** The self-adaptive weights' settings as the pinn module takes them (they start at 1). */
        public SelfAdaptive.Config selfAdaptive() {
            return new SelfAdaptive.Config(saLearningRate, 1.0);
        }
    }

    /**
     * @param iterations Adam iterations (L-BFGS iterations come after them)
     * @param logEvery a metrics row every this many iterations
     * @param evalEvery the test error every this many iterations (on a testGrid x testGrid grid)
     * @param checkpointEvery checkpoint.npz every this many iterations
     * @param testGrid points per axis of the test grid
     */
    public record ScheduleConfig(int iterations, int logEvery, int evalEvery, int checkpointEvery, int testGrid) {
        public ScheduleConfig {
            positive("--iterations", iterations);
            positive("--log-every", logEvery);
            positive("--eval-every", evalEvery);
            positive("--checkpoint-every", checkpointEvery);
            if (testGrid < 2) {
                throw new IllegalArgumentException("--test-grid must be >= 2, got " + testGrid);
            }
        }
    }

    /** Adam and L-BFGS iterations together. */
    public int totalIterations() {
        return schedule.iterations() + optimizer.lbfgsIterations();
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
    }
}
