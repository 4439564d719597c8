package org.totaldiff.experiments.train;

import org.totaldiff.experiments.train.TrainConfig.NetworkConfig;
import org.totaldiff.experiments.train.TrainConfig.OptimizerConfig;
import org.totaldiff.experiments.train.TrainConfig.Problem;
import org.totaldiff.experiments.train.TrainConfig.ProblemConfig;
import org.totaldiff.experiments.train.TrainConfig.SamplingConfig;
import org.totaldiff.experiments.train.TrainConfig.ScheduleConfig;
import org.totaldiff.experiments.train.TrainConfig.Weighting;
import org.totaldiff.experiments.train.TrainConfig.WeightingConfig;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.pde.AllenCahnProblem;

/**
 * The named configurations. {@code paper} is the setup of Anagnostopoulos et al. (2024): MLP
 * 2 -> 6 x 128 -> 1, 25,600 Latin-hypercube points, Adam lr 1e-3 x 0.9 every 5,000 iterations,
 * 300,000 iterations, seed 2341 (days of CPU time). {@code quick} keeps the method, shrinks
 * the network and finishes with L-BFGS (as the RBA paper finishes Helmholtz), with the Adam and
 * L-BFGS iterations and the point count of each problem chosen by experiment for accuracy within
 * ten minutes on two cores ({@link Quick}; docs/problems.md gives the experiments and the
 * measured times and errors).
 */
public final class Presets {

    /** The preset names. */
    public enum Name { QUICK, PAPER }

    /**
     * What the quick preset of a problem trains: Adam iterations, then at most
     * {@code lbfgsIterations} of L-BFGS (it stops sooner when it converges), on {@code points}
     * collocation points; {@code lbfgsTolerance} replaces both of L-BFGS's tolerances (null:
     * PyTorch's 1e-7 and 1e-9); {@code rbaEta} is RBA's η when the run uses RBA. Chosen by the
     * experiments in docs/problems.md ("What limits the quick presets' accuracy").
     */
    public record Quick(int adamIterations, int lbfgsIterations, int points, Double lbfgsTolerance, double rbaEta) {
        /** The quick preset's iterations and points for {@code problem}. */
        public static Quick of(Problem problem) {
            return switch (problem) {
                // L-BFGS was still gaining at 1,500 (7.3e-3); it stops itself after about 6,400 at 6.8e-4
                case HELMHOLTZ -> new Quick(1_000, QUICK_LBFGS_HELMHOLTZ, 2_048, null, PAPER_RBA.eta());
                // RBA's weights capped at 1 (eta 0.001) leave the plateaus growing too late: eta
                // 0.01 lets them reach 10 (1.4e-1 -> 3.0e-2 with 10,000 L-BFGS); L-BFGS's tolerances
                // are off since the loss is of order 1e-5 (with eta 0.001 PyTorch's absolute ones
                // stopped it after 6,152 iterations with the error still falling)
                case ALLEN_CAHN -> new Quick(8_000, QUICK_LBFGS_ALLEN_CAHN, 2_048, 0.0, 0.01);
                // the shock needs points: its middle drifts off u = 0 at x = 0 with 2,048 (1.0e-2)
                case BURGERS -> new Quick(4_000, QUICK_LBFGS_BURGERS, 8_192, null, PAPER_RBA.eta());
            };
        }
    }

    /** The quick presets' L-BFGS iterations (constants, so that --help can name them). */
    public static final int QUICK_LBFGS_HELMHOLTZ = 10_000;
    public static final int QUICK_LBFGS_ALLEN_CAHN = 10_000;
    public static final int QUICK_LBFGS_BURGERS = 5_000;

    /** The authors' RBA settings (γ 0.999, η 0.001, from zero, max normalisation). */
    private static final Rba.Config PAPER_RBA = Rba.Config.paper();

    /** The paper's seed. */
    public static final long SEED = 2341;

    private Presets() {
    }

    /** The preset {@code name} for {@code problem}, vanilla (no weighting). */
    public static TrainConfig of(Problem problem, Name name) {
        boolean paper = name == Name.PAPER;
        // quick Allen-Cahn: x enters as (cos, sin), so periodicity is exact and only the initial
        // condition is a loss term, weighted 100 (the vanilla PINN otherwise stays near u = 0)
        boolean quickAllenCahn = !paper && problem == Problem.ALLEN_CAHN;
        ProblemConfig pc = switch (problem) {
            case HELMHOLTZ -> paper ? new ProblemConfig(problem, 6, 6, 1, null) : new ProblemConfig(problem, 4, 1, 1, null);
            // the authors' AC/AC.py: the initial condition only (no boundary term)
            case ALLEN_CAHN -> new ProblemConfig(problem, 0, 0, 0,
                    quickAllenCahn || paper ? AllenCahnProblem.Boundary.NONE : AllenCahnProblem.Boundary.PERIODIC);
            case BURGERS -> new ProblemConfig(problem, 0, 0, 0, null);
        };
        NetworkConfig net = paper ? new NetworkConfig(128, 6, SEED, false)
                : new NetworkConfig(48, 4, SEED, quickAllenCahn);
        Quick quick = Quick.of(problem);
        OptimizerConfig opt = paper ? new OptimizerConfig(1e-3, 0.9, 5000, 0)
                : new OptimizerConfig(1e-3, 0.9, 1000, quick.lbfgsIterations(), quick.lbfgsTolerance(),
                        quick.lbfgsTolerance());
        SamplingConfig sampling = !paper ? new SamplingConfig(quick.points(), 64, SEED) : switch (problem) {
            // HM/HM.py: 100 points per side drawn from the 1,001 grid nodes of that side
            case HELMHOLTZ -> new SamplingConfig(25_600, 100, SEED, 1001);
            // AC/AC.py: the 512 initial-condition points of the reference grid
            case ALLEN_CAHN -> new SamplingConfig(25_600, 512, SEED);
            case BURGERS -> new SamplingConfig(25_600, 256, SEED);
        };
        Rba.Config rba = Rba.Config.paper();
        if (paper && problem == Problem.HELMHOLTZ) {
            // HM/HM.py: init = 2 (eta* = 1 at iteration 0) and min-max normalisation of |r|
            rba = new Rba.Config(rba.gamma(), rba.eta(), Rba.Start.FULL_FIRST_STEP, Rba.Normalization.MIN_MAX);
        }
        double eta = paper ? rba.eta() : quick.rbaEta();
        WeightingConfig weighting = new WeightingConfig(Weighting.NONE, rba.gamma(), eta, rba.start(),
                rba.normalization(), quickAllenCahn ? java.util.Map.of("initial", 100.0) : java.util.Map.of());
        ScheduleConfig schedule = paper ? new ScheduleConfig(300_000, 100, 5_000, 5_000, 1001)
                : new ScheduleConfig(quick.adamIterations(), 10, 250, 500, 101);
        return new TrainConfig(pc, net, opt, sampling, weighting, schedule, MonitorConfig.defaults());
    }
}
