package org.totaldiff.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.experiments.io.RunRecorder;
import org.totaldiff.experiments.progress.Progress;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainConfig.NetworkConfig;
import org.totaldiff.experiments.train.TrainConfig.OptimizerConfig;
import org.totaldiff.experiments.train.TrainConfig.ProblemConfig;
import org.totaldiff.experiments.train.TrainConfig.SamplingConfig;
import org.totaldiff.experiments.train.TrainConfig.ScheduleConfig;
import org.totaldiff.experiments.train.TrainConfig.WeightingConfig;
import org.totaldiff.experiments.train.TrainRun;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.pde.AllenCahnProblem;
import org.totaldiff.pinn.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code totaldiff train PROBLEM}: trains a PINN on a benchmark from a preset, any option
 * overriding the preset's value, and writes a run directory (docs/outputs.md).
 */
@Command(name = "train",
        description = {"Train a PINN (tanh MLP, Adam, full batch) on a benchmark and write metrics, checkpoints,"
                + " the model, the points and plots to a run directory.",
            "Options left out take the preset's value (docs/problems.md lists the presets)."},
        sortOptions = false)
public final class TrainCommand implements Callable<Integer> {

    /** Points added by each refinement unless --rar-points says otherwise. */
    static final int RAR_POINTS = 32;
    /** Candidates of each refinement unless --rar-candidates says otherwise. */
    static final int RAR_CANDIDATES = 16_384;

    /** The quick presets' L-BFGS iterations, for --help. */
    private static final String QUICK_LBFGS_BY_PROBLEM = "helmholtz " + Presets.QUICK_LBFGS_HELMHOLTZ
            + ", allen-cahn " + Presets.QUICK_LBFGS_ALLEN_CAHN + ", burgers " + Presets.QUICK_LBFGS_BURGERS;

    /** Time slices of causal training unless --causal-slices says otherwise (jaxpi's default). */
    static final int CAUSAL_SLICES = 32;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", paramLabel = "NAME",
            description = "helmholtz, allen-cahn or burgers (with --resume: taken from the run).")
    String problem;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (minutes on 2 cores) or paper (the paper's sizes: days). Default: ${DEFAULT-VALUE}.")
    Presets.Name preset;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Adam iterations. The L-BFGS iterations of --lbfgs-iterations come after them (the quick"
                    + " presets: up to " + QUICK_LBFGS_BY_PROBLEM + "), so with a quick preset --iterations 5"
                    + " runs 5 Adam and up to that many L-BFGS iterations.")
    Integer iterations;

    @Option(names = "--points", paramLabel = "N", description = "Latin-hypercube collocation points.")
    Integer points;

    @Option(names = "--boundary-points", paramLabel = "N",
            description = "Points per boundary side, initial line or periodic side.")
    Integer boundaryPoints;

    @Option(names = "--boundary-grid", paramLabel = "N",
            description = "Helmholtz: draw the --boundary-points of each side at random from N evenly spaced nodes of"
                    + " the side (the paper preset: 100 of 1001, as the authors' code); 0: evenly spaced.")
    Integer boundaryGrid;

    @Option(names = "--width", paramLabel = "N", description = "Neurons per hidden layer.")
    Integer width;

    @Option(names = "--depth", paramLabel = "N", description = "Hidden layers.")
    Integer depth;

    @Option(names = "--periodic-embedding", negatable = true,
            description = "Feed the problem's periodic coordinate (allen-cahn: x) to the network as cos and sin,"
                    + " periodic by construction.")
    Boolean periodicEmbedding;

    @Option(names = "--harmonics", paramLabel = "K",
            description = "With --periodic-embedding: the periodic coordinate enters as its first K Fourier"
                    + " harmonics, cos(k pi x) and sin(k pi x) for k = 1..K (default 1).")
    Integer harmonics;

    @Option(names = "--lr", paramLabel = "RATE", description = "Initial Adam learning rate.")
    Double lr;

    @Option(names = "--lr-decay", paramLabel = "GAMMA", description = "Learning-rate factor per decay step (1: constant).")
    Double lrDecay;

    @Option(names = "--lr-decay-every", paramLabel = "N", description = "Iterations per decay step.")
    Integer lrDecayEvery;

    @Option(names = "--lbfgs-iterations", paramLabel = "N",
            description = "L-BFGS iterations after Adam (strong-Wolfe line search; residual weights frozen); it may"
                    + " stop sooner when it converges. Quick presets: " + QUICK_LBFGS_BY_PROBLEM + "; paper: 0.")
    Integer lbfgsIterations;

    @Option(names = "--lbfgs-tolerance-grad", paramLabel = "TOL",
            description = "L-BFGS stops when max |gradient| <= TOL (default 1e-7, PyTorch's).")
    Double lbfgsToleranceGrad;

    @Option(names = "--lbfgs-tolerance-change", paramLabel = "TOL",
            description = "L-BFGS stops when a step, the loss change or the slope along the search direction is"
                    + " below TOL in absolute value (default 1e-9, PyTorch's; 0: only the iteration count stops it).")
    Double lbfgsToleranceChange;

    @Option(names = "--rar-every", paramLabel = "K",
            description = "Residual-based refinement (RAR, as DeepXDE): every K Adam iterations add the"
                    + " --rar-points candidates with the largest residual. Default: off (the study keeps its points).")
    Integer rarEvery;

    @Option(names = "--rar-points", paramLabel = "M", description = "With --rar-every: points added each time"
            + " (default " + RAR_POINTS + ").")
    Integer rarPoints;

    @Option(names = "--rar-candidates", paramLabel = "C", description = "With --rar-every: random candidates"
            + " whose residual is evaluated each time (default " + RAR_CANDIDATES + ").")
    Integer rarCandidates;

    @Option(names = "--weighting", paramLabel = "KIND", description = "Residual weighting: none, rba"
            + " (residual-based attention) or sa (self-adaptive weights, McClenny and Braga-Neto 2023).")
    TrainConfig.Weighting weighting;

    @Option(names = "--weight", paramLabel = "TERM=W",
            description = "Weight of a boundary or initial term, by name (boundary, initial, periodic); repeatable."
                    + " Default 1.")
    java.util.Map<String, Double> weights;

    @Option(names = "--rba-gamma", paramLabel = "G", description = "RBA memory gamma (default 0.999).")
    Double rbaGamma;

    @Option(names = "--rba-eta", paramLabel = "E", description = "RBA learning rate eta (default 0.001, the authors'; the quick"
            + " Allen-Cahn preset: 0.01).")
    Double rbaEta;

    @Option(names = "--rba-start", paramLabel = "MODE",
            description = "RBA start: zero (lambda from 0) or full_first_step (eta* = 1 at iteration 0).")
    Rba.Start rbaStart;

    @Option(names = "--rba-normalization", paramLabel = "MODE", description = "RBA normalisation: max or min_max.")
    Rba.Normalization rbaNormalization;

    @Option(names = "--sa-lr", paramLabel = "LR", description = "With --weighting sa: Adam learning rate of the"
            + " weights' ascent (default " + WeightingConfig.SA_LEARNING_RATE + ").")
    Double saLearningRate;

    @Option(names = "--causal-epsilon", paramLabel = "E",
            description = "Causal training (Wang, Sankaran, Perdikaris 2024; allen-cahn, burgers): time slice k's"
                    + " residual loss is weighted by exp(-E x the losses of the slices before it). Default: off.")
    Double causalEpsilon;

    @Option(names = "--causal-slices", paramLabel = "M",
            description = "With --causal-epsilon: equal time slices (default " + CAUSAL_SLICES + ").")
    Integer causalSlices;

    @Option(names = "--a1", paramLabel = "A", description = "Helmholtz: frequency factor in x.")
    Double a1;

    @Option(names = "--a2", paramLabel = "A", description = "Helmholtz: frequency factor in y.")
    Double a2;

    @Option(names = "--allen-cahn-boundary", paramLabel = "KIND",
            description = "Allen-Cahn: periodic (u and u_x match at x = -1 and 1) or none (the paper code's setup:"
                    + " initial condition only).")
    AllenCahnProblem.Boundary allenCahnBoundary;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the points and the initial network.")
    Long seed;

    @Option(names = "--log-every", paramLabel = "N", description = "A metrics row every N iterations.")
    Integer logEvery;

    @Option(names = "--eval-every", paramLabel = "N", description = "The test error every N iterations.")
    Integer evalEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "checkpoint.npz every N iterations.")
    Integer checkpointEvery;

    @Option(names = "--test-grid", paramLabel = "N", description = "Test grid points per axis.")
    Integer testGrid;

    @Option(names = "--monitors", paramLabel = "LIST", split = ",",
            description = "Learning-dynamics monitors: snr (snr.csv), entropy (entropy.csv), both (the default:"
                    + " snr,entropy) or none.")
    List<String> monitors;

    @Option(names = "--snr-grouping", paramLabel = "KIND",
            description = "Groups of the collocation points for the gradient SNR: contiguous (blocks in stored"
                    + " order, the default), spatial (a sqrt(B) x sqrt(B) grid of cells) or per-sample (B = N).")
    String snrGrouping;

    @Option(names = "--snr-groups", paramLabel = "B", description = "Number of groups B (default 100, or the number of points if fewer).")
    Integer snrGroups;

    @Option(names = "--snr-every", paramLabel = "N", description = "An snr.csv row every N iterations (default 100)...")
    Integer snrEvery;

    @Option(names = "--snr-early-every", paramLabel = "N",
            description = "... and every N iterations below --snr-early-until (default 2 below 300).")
    Integer snrEarlyEvery;

    @Option(names = "--snr-early-until", paramLabel = "N", description = "See --snr-early-every (0: none).")
    Integer snrEarlyUntil;

    @Option(names = "--entropy-every", paramLabel = "N", description = "An entropy.csv row every N iterations"
            + " (default 100)...")
    Integer entropyEvery;

    @Option(names = "--entropy-at", paramLabel = "LIST", split = ",",
            description = "... and at these iterations (default 0,10,20,40,80).")
    List<Integer> entropyAt;

    @Option(names = "--residual-cells", paramLabel = "N",
            description = "Cells per axis of the residual-order grid (default 10: 10 x 10).")
    Integer residualCells;

    @Mixin
    OutputOptions output;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        if (problem == null && !output.resuming()) {
            throw new IllegalArgumentException("--problem is required: helmholtz, allen-cahn or burgers");
        }
        TrainConfig.Problem asked = problem == null ? null : TrainConfig.Problem.parse(problem);
        PrintWriter out = spec.commandLine().getOut();
        // a fresh run is configured and set up before its directory exists, so that a refused
        // value leaves nothing behind
        TrainRun fresh = output.resuming() ? null : new TrainRun(configure(asked));
        try (RunDirectory dir = output.open("train-" + (asked == null ? "run" : asked.cliName()))) {
            TrainConfig config;
            TrainRun run = fresh;
            if (dir.resuming()) {
                rejectOptionsOnResume();
                config = dir.previous().orElseThrow().configAs(TrainConfig.class);
                if (asked != null && config.problem().kind() != asked) {
                    throw new IllegalArgumentException("--resume: " + dir + " holds a "
                            + config.problem().kind().cliName() + " run, not " + asked.cliName());
                }
                run = new TrainRun(config);
            } else {
                if (asked == null) {
                    throw new IllegalArgumentException("--problem is required: " + dir + " holds no run to resume");
                }
                if (run == null) {
                    // --resume on an empty directory starts a run
                    run = new TrainRun(configure(asked));
                }
                config = run.config();
            }
            TrainConfig.Problem kind = config.problem().kind();
            try (RunRecorder recorder = RunRecorder.start(dir, "train", Main.arguments(spec), config,
                    config.sampling().seed(), run.columns());
                    Progress progress = Progress.start("train " + kind.cliName(), config.totalIterations(),
                            recorder.startIteration(), progressOption.mode())) {
                progress.message("train " + kind.cliName() + ": " + iterationPlan(config));
                if (recorder.resuming()) {
                    out.println("resuming " + dir + " at iteration " + recorder.startIteration()
                            + " with its recorded configuration");
                }
                TrainRun.Outcome outcome;
                try {
                    outcome = run.run(recorder, progress);
                } catch (RuntimeException | java.io.IOException e) {
                    recorder.fail(e);
                    throw e;
                }
                progress.close();
                out.printf(Locale.ROOT, "%s %d iterations of %s (%s) in %.1f s: relative L2 error %.4e,"
                        + " relative L-infinity error %.4e%n", outcome.finished() ? "finished" : "stopped after",
                        outcome.iterations(), kind.cliName(), iterationsDone(config, outcome.iterations()),
                        outcome.wallSeconds(), outcome.relL2(), outcome.relLinf());
                out.println("results in " + dir);
                out.flush();
                return outcome.finished() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
            }
        }
    }

    /** "1000 Adam iterations, then up to 10000 L-BFGS iterations (...)": what the run will do. */
    static String iterationPlan(TrainConfig config) {
        int adam = config.schedule().iterations();
        int lbfgs = config.optimizer().lbfgsIterations();
        if (lbfgs == 0) {
            return adam + " Adam iterations";
        }
        return adam + " Adam iterations, then up to " + lbfgs + " L-BFGS iterations (--lbfgs-iterations;"
                + " 0 for Adam only)";
    }

    /** "5 Adam + 6426 L-BFGS": how the iterations done split between the optimizers. */
    static String iterationsDone(TrainConfig config, long done) {
        long adam = Math.min(done, config.schedule().iterations());
        return adam + " Adam + " + (done - adam) + " L-BFGS";
    }

    /** A resumed run keeps its recorded configuration: options that would change it are refused. */
    private void rejectOptionsOnResume() {
        java.util.Set<String> allowed = java.util.Set.of("--resume", "--out", "--threads", "--progress", "--problem",
                "--debug");
        java.util.List<String> given = new java.util.ArrayList<>();
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(option.longestName())) {
                given.add(option.longestName());
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--resume continues with the configuration recorded in run.json; "
                    + String.join(", ", given) + " cannot change it (only --threads and --progress apply)");
        }
    }

    /** The preset for the problem with every given option applied. */
    TrainConfig configure(TrainConfig.Problem kind) {
        TrainConfig base = Presets.of(kind, preset);
        ProblemConfig p = base.problem();
        if ((a1 != null || a2 != null) && kind != TrainConfig.Problem.HELMHOLTZ) {
            throw new IllegalArgumentException("--a1 and --a2 apply to helmholtz only, not " + kind.cliName());
        }
        if (allenCahnBoundary != null && kind != TrainConfig.Problem.ALLEN_CAHN) {
            throw new IllegalArgumentException("--allen-cahn-boundary applies to allen-cahn only, not " + kind.cliName());
        }
        ProblemConfig problemConfig = new ProblemConfig(kind, or(a1, p.a1()), or(a2, p.a2()), p.k(),
                or(allenCahnBoundary, p.boundary()));
        NetworkConfig n = base.network();
        long s = or(seed, n.seed());
        boolean embedded = or(periodicEmbedding, n.periodicEmbedding());
        if (harmonics != null && !embedded) {
            throw new IllegalArgumentException("--harmonics " + harmonics + " needs the periodic embedding;"
                    + " add --periodic-embedding (allen-cahn only)");
        }
        NetworkConfig network = new NetworkConfig(or(width, n.width()), or(depth, n.depth()), s, embedded,
                or(harmonics, n.harmonics()));
        OptimizerConfig o = base.optimizer();
        OptimizerConfig optimizer = new OptimizerConfig(or(lr, o.learningRate()), or(lrDecay, o.decayGamma()),
                or(lrDecayEvery, o.decayEvery()), or(lbfgsIterations, o.lbfgsIterations()),
                or(lbfgsToleranceGrad, o.lbfgsToleranceGrad()), or(lbfgsToleranceChange, o.lbfgsToleranceChange()));
        SamplingConfig sa = base.sampling();
        if ((rarPoints != null || rarCandidates != null) && rarEvery == null && !sa.refines()) {
            throw new IllegalArgumentException("--rar-points and --rar-candidates need --rar-every (refinement is off)");
        }
        atLeast("--rar-every", rarEvery, 1);
        boolean refines = rarEvery != null || sa.refines();
        SamplingConfig sampling = new SamplingConfig(or(points, sa.collocation()), or(boundaryPoints, sa.boundary()),
                or(seed, sa.seed()), or(boundaryGrid, sa.boundaryGrid()), or(rarEvery, sa.rarEvery()),
                refines ? or(rarPoints, sa.refines() ? sa.rarPoints() : RAR_POINTS) : 0,
                refines ? or(rarCandidates, sa.refines() ? sa.rarCandidates() : RAR_CANDIDATES) : 0);
        WeightingConfig w = base.weighting();
        java.util.Map<String, Double> conditionWeights = new java.util.TreeMap<>(w.conditionWeights());
        if (weights != null) {
            conditionWeights.putAll(weights);
        }
        if (causalSlices != null && causalEpsilon == null && !w.causal()) {
            throw new IllegalArgumentException("--causal-slices needs --causal-epsilon (causal training is off)");
        }
        atLeast("--causal-slices", causalSlices, 1);
        int slices = causalEpsilon == null && !w.causal() ? 0
                : or(causalSlices, w.causal() ? w.causalSlices() : CAUSAL_SLICES);
        WeightingConfig weightingConfig = new WeightingConfig(or(weighting, w.kind()), or(rbaGamma, w.gamma()),
                or(rbaEta, w.eta()), or(rbaStart, w.start()), or(rbaNormalization, w.normalization()), conditionWeights,
                slices, or(causalEpsilon, w.causalEpsilon()), or(saLearningRate, w.saLearningRate()));
        if (saLearningRate != null && !(saLearningRate > 0 && Double.isFinite(saLearningRate))) {
            // checked here: the config reads a 0 as "not given" (a run.json from before the option)
            throw new IllegalArgumentException("--sa-lr must be a finite number > 0, got " + saLearningRate);
        }
        if (saLearningRate != null && weightingConfig.kind() != TrainConfig.Weighting.SA) {
            throw new IllegalArgumentException("--sa-lr needs --weighting sa (this run's weighting is "
                    + weightingConfig.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        weightingConfig.rba();
        ScheduleConfig sc = base.schedule();
        ScheduleConfig schedule = new ScheduleConfig(or(iterations, sc.iterations()), or(logEvery, sc.logEvery()),
                or(evalEvery, sc.evalEvery()), or(checkpointEvery, sc.checkpointEvery()), or(testGrid, sc.testGrid()));
        if (sampling.refines() && sampling.rarEvery() >= schedule.iterations()) {
            throw new IllegalArgumentException("--rar-every " + sampling.rarEvery() + " adds no point within the "
                    + schedule.iterations() + " Adam iterations; give a value below --iterations");
        }
        return new TrainConfig(problemConfig, network, optimizer, sampling, weightingConfig, schedule,
                monitorConfig(base.monitors(), sampling.collocation()));
    }

    /**
     * The preset's monitors with the given options applied; without --snr-groups, B is the
     * preset's 100 or the number of points if that is smaller.
     */
    private MonitorConfig monitorConfig(MonitorConfig m, int points) {
        boolean snr = m.snr();
        boolean entropy = m.entropy();
        if (monitors != null) {
            java.util.Set<String> names = new java.util.TreeSet<>(monitors);
            if (names.contains("none") && names.size() > 1) {
                throw new IllegalArgumentException("--monitors: none cannot be combined with " + monitors);
            }
            for (String name : names) {
                if (!List.of("snr", "entropy", "none").contains(name)) {
                    throw new IllegalArgumentException("--monitors: unknown monitor '" + name
                            + "'; accepted: snr, entropy (comma-separated) or none");
                }
            }
            snr = names.contains("snr");
            entropy = names.contains("entropy");
        }
        TrainingListener.Cadence c = m.snrCadence();
        atLeast("--snr-every", snrEvery, 1);
        atLeast("--snr-early-every", snrEarlyEvery, 1);
        atLeast("--snr-early-until", snrEarlyUntil, 0);
        TrainingListener.Cadence cadence = new TrainingListener.Cadence(or(snrEarlyEvery, c.early()),
                or(snrEarlyUntil, c.until()), or(snrEvery, c.late()));
        return new MonitorConfig(snr, entropy, snrGrouping == null ? m.grouping() : MonitorConfig.Grouping.parse(snrGrouping),
                snrGroups != null ? snrGroups : Math.min(m.groups(), points), cadence, or(entropyAt, m.entropyAt()), or(entropyEvery, m.entropyEvery()),
                or(residualCells, m.residualCells()));
    }

    private static void atLeast(String option, Integer value, int min) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
        }
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }
}
