package org.totaldiff.experiments.reproduce;

import java.util.List;
import java.util.Map;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainConfig.NetworkConfig;
import org.totaldiff.experiments.train.TrainConfig.OptimizerConfig;
import org.totaldiff.experiments.train.TrainConfig.Problem;
import org.totaldiff.experiments.train.TrainConfig.SamplingConfig;
import org.totaldiff.experiments.train.TrainConfig.ScheduleConfig;
import org.totaldiff.experiments.train.TrainConfig.Weighting;
import org.totaldiff.experiments.train.TrainConfig.WeightingConfig;
import org.totaldiff.pinn.loss.Rba;

/**
 * The runs of {@code totaldiff reproduce PROBLEM --preset NAME}: a vanilla and an RBA run of the
 * same configuration and seed, every monitor on (docs/reproduction.md).
 *
 * <ul>
 *   <li>{@code paper}: {@link Presets#of train's paper preset}, the authors' setup (300,000 Adam
 *       iterations: days of CPU);</li>
 *   <li>{@code quick}: sizes chosen so that the learning phases show within minutes on two
 *       cores (the research behind them is in docs/reproduction.md). Unlike train's quick
 *       presets, which aim at accuracy (and so differ per problem), these keep one network and
 *       point count for every problem and train with Adam only, as the study does (an
 *       L-BFGS finish would end the phases it measures), with RBA starting from
 *       &lambda; = 0 (the start the authors' published Helmholtz traces show).</li>
 * </ul>
 */
public final class ReproducePresets {

    /** The two weightings compared, in order. */
    public static final List<String> ARMS = List.of("vanilla", "rba");

    private ReproducePresets() {
    }

    /**
     * The runs of the reproduction of {@code problem} with preset {@code name}: vanilla, then RBA.
     *
     * @param iterations Adam iterations instead of the preset's (null: the preset's)
     */
    public static List<Arm> arms(Problem problem, Presets.Name name, Integer iterations) {
        TrainConfig base = name == Presets.Name.PAPER ? Presets.of(problem, name) : quick(problem);
        if (iterations != null) {
            ScheduleConfig s = base.schedule();
            base = new TrainConfig(base.problem(), base.network(), base.optimizer(), base.sampling(), base.weighting(),
                    new ScheduleConfig(iterations, s.logEvery(), s.evalEvery(), s.checkpointEvery(), s.testGrid()),
                    base.monitors());
        }
        return List.of(new Arm(ARMS.get(0), weighted(base, Weighting.NONE)),
                new Arm(ARMS.get(1), weighted(base, Weighting.RBA)));
    }

    /** Adam iterations of the quick presets. */
    static final int QUICK_ITERATIONS = 15_000;

    /** Width and depth of the quick reproductions' network. */
    static final int QUICK_WIDTH = 48;
    static final int QUICK_DEPTH = 4;
    /** Collocation points and points per boundary side of the quick reproductions. */
    static final int QUICK_POINTS = 2048;
    static final int QUICK_BOUNDARY_POINTS = 64;

    /**
     * The quick configuration of {@code problem} (vanilla): a 2 -> 4 x 48 -> 1 network on 2,048
     * points (64 per boundary side), train's quick problem (Helmholtz a = (4, 1); Allen-Cahn with
     * x entering as (cos, sin) and the initial term weighted 100), Adam only for
     * {@value #QUICK_ITERATIONS} iterations at 1e-3 x 0.9 every 5,000 (the paper's schedule),
     * RBA from &lambda; = 0. Helmholtz normalises |r| by min and max as the authors' HM/HM.py;
     * the others by the max, as their AC/AC.py. The sizes are fixed here, not taken from
     * train's quick presets, which are tuned for accuracy and may change.
     */
    static TrainConfig quick(Problem problem) {
        TrainConfig train = Presets.of(problem, Presets.Name.QUICK);
        boolean allenCahn = problem == Problem.ALLEN_CAHN;
        Rba.Config rba = Rba.Config.paper();
        Rba.Normalization normalization = problem == Problem.HELMHOLTZ ? Rba.Normalization.MIN_MAX
                : Rba.Normalization.MAX;
        WeightingConfig weighting = new WeightingConfig(Weighting.NONE, rba.gamma(), rba.eta(), Rba.Start.ZERO,
                normalization, allenCahn ? Map.of("initial", 100.0) : Map.of());
        return new TrainConfig(train.problem(), new NetworkConfig(QUICK_WIDTH, QUICK_DEPTH, Presets.SEED, allenCahn),
                new OptimizerConfig(1e-3, 0.9, 5000, 0),
                new SamplingConfig(QUICK_POINTS, QUICK_BOUNDARY_POINTS, Presets.SEED), weighting,
                new ScheduleConfig(QUICK_ITERATIONS, 10, 100, 1000, 101), MonitorConfig.defaults());
    }

    private static TrainConfig weighted(TrainConfig c, Weighting kind) {
        WeightingConfig w = c.weighting();
        return new TrainConfig(c.problem(), c.network(), c.optimizer(), c.sampling(),
                new WeightingConfig(kind, w.gamma(), w.eta(), w.start(), w.normalization(), w.conditionWeights()),
                c.schedule(), c.monitors());
    }
}
