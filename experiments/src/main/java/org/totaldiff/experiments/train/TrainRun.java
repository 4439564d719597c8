package org.totaldiff.experiments.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.engine.Rng;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.io.RunRecorder;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.experiments.monitor.Monitors;
import org.totaldiff.experiments.progress.ProgressSink;
import org.totaldiff.pinn.io.Checkpoint;
import org.totaldiff.pinn.loss.CausalWeighting;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.loss.SelfAdaptive;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.nn.PeriodicEmbedding;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Lbfgs;
import org.totaldiff.pinn.optim.StepDecay;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.ResidualRefinement;
import org.totaldiff.pinn.sampling.Sampling;
import org.totaldiff.pinn.sampling.TensorGrid;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.Trainer;
import org.totaldiff.pinn.train.TrainingListener;

/**
 * One training run written to a run directory:
 *
 * <ul>
 *   <li>metrics.csv: every {@code logEvery} iterations the loss and its terms, the learning rate
 *       and the wall time; every {@code evalEvery} the relative L2 and L-infinity test errors;</li>
 *   <li>Adam for the configured iterations, then L-BFGS if configured;</li>
 *   <li>checkpoint.npz every {@code checkpointEvery} iterations and when the run stops or ends;
 *       a resumed run continues from it bit for bit;</li>
 *   <li>the learning-dynamics monitors ({@link Monitors}: snr.csv, entropy.csv and their
 *       figures);</li>
 *   <li>points.npz, model.npz and the figures ({@link RunOutputs}).</li>
 * </ul>
 *
 * A row describes the network before the step of its iteration (iteration 0: the initial
 * network).
 */
public final class TrainRun {

    /** How the run ended. */
    public record Outcome(int iterations, boolean finished, double relL2, double relLinf, double wallSeconds) {
    }

    private final TrainConfig config;
    private final PdeProblem problem;
    private final Trainer trainer;
    private final Lbfgs lbfgs;
    private final List<TrainingListener> extraListeners = new ArrayList<>();
    private final TensorGrid testGrid;
    private final List<String> columns = new ArrayList<>();
    private final RunOutputs outputs;
    private volatile boolean stopRequested;
    private int stopAt = Integer.MAX_VALUE;
    private double lastRelL2 = Double.NaN;
    private double lastRelLinf = Double.NaN;
    private DMatrixRMaj exact;
    private RunRecorder recorder;
    private ProgressSink progress;
    private Monitors monitors;

    /** Sets the run up: problem, points, network, optimizer, weighting (nothing is written yet). */
    public TrainRun(TrainConfig config) {
        this.config = config;
        this.problem = Problems.create(config.problem(), config.sampling());
        Rng rng = new Rng(config.sampling().seed());
        Box domain = problem.domain();
        DMatrixRMaj collocation = Sampling.latinHypercube(domain, config.sampling().collocation(), rng);
        List<Condition> conditions = weighted(problem.conditions(rng), config.weighting().conditionWeights());
        PeriodicEmbedding embedding = null;
        if (config.network().periodicEmbedding()) {
            int k = problem.periodicCoordinate();
            if (k < 0) {
                throw new IllegalArgumentException("--periodic-embedding: " + problem.name()
                        + " has no periodic coordinate (allen-cahn has: x)");
            }
            embedding = new PeriodicEmbedding(k, domain.width(k), config.network().harmonics());
        }
        int features = embedding == null ? domain.dim() : embedding.outputs(domain.dim());
        Mlp net = Mlp.xavier(Mlp.sizes(features, config.network().width(), config.network().depth(), 1),
                Functions.TANH, config.network().seed(), embedding);
        TrainConfig.OptimizerConfig oc = config.optimizer();
        Adam adam = new Adam(new StepDecay(oc.learningRate(), oc.decayGamma(), oc.decayEvery()));
        // a vanilla run tracks the RBA weights without using them, as the authors' code, so that
        // its residual order compares with an RBA run's
        Rba rba = new Rba(config.weighting().rba());
        ResidualWeighting weighting = switch (config.weighting().kind()) {
            case RBA -> rba;
            case SA -> new SelfAdaptive(config.weighting().selfAdaptive());
            case NONE -> ResidualWeighting.observed(rba);
        };
        if (config.weighting().causal()) {
            weighting = causal(weighting, domain, collocation, config.weighting());
        }
        this.trainer = new Trainer(problem, net, adam, weighting, collocation, conditions);
        if (config.sampling().refines()) {
            trainer.setRefinement(new ResidualRefinement(config.sampling().refinement()));
        }
        trainer.releaseGroupedAdjoints(readsOnlyGradientGroups(config, collocation.numRows));
        this.lbfgs = new Lbfgs(oc.lbfgs());
        trainer.attachLbfgs(lbfgs);
        int g = config.schedule().testGrid();
        this.testGrid = TensorGrid.of(domain, g, g);
        columns.addAll(List.of("loss", "rel_l2", "rel_linf", "loss_residual"));
        for (Condition c : conditions) {
            columns.add("loss_" + c.name());
        }
        columns.addAll(List.of("lr", "wall_s"));
        this.outputs = new RunOutputs(config, trainer, columns);
    }

    /** {@code weighting} times the causal weights over the time coordinate t of the points. */
    private static ResidualWeighting causal(ResidualWeighting weighting, Box domain, DMatrixRMaj collocation,
            TrainConfig.WeightingConfig w) {
        int t = domain.names().indexOf("t");
        if (t < 0) {
            throw new IllegalArgumentException("--causal-epsilon: the problem has no time coordinate t"
                    + " (causal training applies to allen-cahn and burgers)");
        }
        return new CausalWeighting(weighting, collocation, t, domain.lower(t), domain.upper(t), w.causalSlices(),
                w.causalEpsilon());
    }

    /** The configuration this run trains. */
    public TrainConfig config() {
        return config;
    }

    /** The conditions with their weights; a weight for a term the problem does not have is an error. */
    private static List<Condition> weighted(List<Condition> conditions, Map<String, Double> weights) {
        List<String> names = new ArrayList<>();
        for (Condition c : conditions) {
            names.add(c.name());
        }
        for (String name : weights.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--weight " + name + ": this problem's terms are "
                        + String.join(", ", names));
            }
        }
        List<Condition> out = new ArrayList<>();
        for (Condition c : conditions) {
            Double w = weights.get(c.name());
            out.add(w == null || w == 1.0 ? c : c.weighted(w));
        }
        return out;
    }

    /** The metrics.csv value columns of this run (without iteration). */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    /** Adds a listener called every iteration after the run's own (metrics, checkpoints). */
    public void addListener(TrainingListener listener) {
        extraListeners.add(listener);
    }

    /** Asks the run to stop after the current iteration (it saves a checkpoint first). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Stops the run once {@code iteration} iterations are complete (tests: an interruption at a known point). */
    void stopAt(int iteration) {
        this.stopAt = iteration;
    }

    /**
     * Trains to the configured number of iterations, or until stopped, recording into
     * {@code recorder} (started with {@link #columns()}); on resume it first restores the
     * directory's checkpoint.
     */
    public Outcome run(RunRecorder recorder, ProgressSink progress) throws IOException {
        this.recorder = recorder;
        this.progress = progress;
        RunDirectory dir = recorder.directory();
        CountDownLatch saved = new CountDownLatch(1);
        recorder.onInterrupt(() -> {
            requestStop();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Checkpoint checkpoint = recorder.resuming() ? checkpointAt(dir, recorder.startIteration()) : null;
            if (checkpoint != null) {
                trainer.restore(checkpoint);
                progress.message("resuming at iteration " + checkpoint.iteration());
            } else if (recorder.startIteration() != 0) {
                throw new IllegalStateException("--resume: run.json says iteration " + recorder.startIteration()
                        + " but there is no checkpoint.npz in " + dir);
            }
            outputs.writePoints(dir);
            progress.message("reference solution: " + problem.description());
            exact = problem.reference().evaluate(testGrid.points());
            int adamEnd = config.schedule().iterations();
            int end = config.totalIterations();
            monitors = Monitors.open(dir, recorder.startIteration(), config.monitors(), trainer.view(), adamEnd);
            // rows first (metrics, then the monitors), checkpoints last: a checkpoint never
            // precedes a row of an earlier iteration
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(new MetricsListener());
            listeners.addAll(monitors.listeners());
            listeners.addAll(extraListeners);
            listeners.add(new CheckpointListener(end));
            Trainer.Stop stop = trainer.run(adamEnd, listeners);
            if (stop == Trainer.Stop.END && adamEnd < end) {
                stop = trainer.runLbfgs(lbfgs, end, listeners);
            }
            int done = trainer.iteration();
            boolean finished = stop != Trainer.Stop.REQUESTED;
            saveCheckpoint(dir);
            if (finished) {
                evaluate();
                if (done > recorder.metrics().lastIteration()) {
                    recorder.record(done, finalRow(done));
                }
            } else {
                recorder.stopped(done);
            }
            if (config.sampling().refines()) {
                outputs.writePoints(dir); // with the added points
            }
            outputs.writeModel(dir);
            outputs.writePlots(dir, lastRelL2);
            Outcome outcome = new Outcome(done, finished, lastRelL2, lastRelLinf, recorder.wallSeconds());
            if (outcome.finished()) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("rel_l2", lastRelL2);
                metrics.put("rel_linf", lastRelLinf);
                recorder.finish(done, metrics);
            }
            return outcome;
        } finally {
            if (monitors != null) {
                monitors.close();
            }
            saved.countDown();
        }
    }

    /**
     * Whether nothing in this run reads the products' adjoints beyond the sums of the trainer's
     * gradient groups: no snr.csv, or one over those very groups (contiguous, B = the trainer's),
     * and no refinement (after which the monitor's groups become a partition of its own).
     */
    static boolean readsOnlyGradientGroups(TrainConfig config, int points) {
        MonitorConfig m = config.monitors();
        boolean snrOnGradientGroups = m.grouping() == MonitorConfig.Grouping.CONTIGUOUS
                && m.groups() == Math.min(Trainer.GRADIENT_GROUPS, points);
        return !config.sampling().refines() && (!m.snr() || snrOnGradientGroups);
    }

    /** metrics.csv: the loss terms every logEvery iterations, the test error every evalEvery. */
    private final class MetricsListener implements TrainingListener {
        @Override
        public void afterBackward(Step step) {
            int it = step.iteration();
            boolean eval = it % config.schedule().evalEvery() == 0;
            if ((it % config.schedule().logEvery() != 0 && !eval) || it <= recorder.metrics().lastIteration()) {
                return;
            }
            if (eval) {
                evaluate();
            }
            double[] row = new double[columns.size()];
            int c = 0;
            row[c++] = step.lossValue();
            row[c++] = eval ? lastRelL2 : Double.NaN;
            row[c++] = eval ? lastRelLinf : Double.NaN;
            row[c++] = step.loss().residualLoss().scalar();
            for (var term : step.loss().conditionLosses()) {
                row[c++] = term.scalar();
            }
            row[c++] = step.learningRate();
            row[c] = recorder.wallSeconds();
            recorder.record(it, row);
        }
    }

    /** Progress, checkpoints (with the monitors' figures) and stop requests, after every step. */
    private final class CheckpointListener implements TrainingListener {
        private final int end;

        CheckpointListener(int end) {
            this.end = end;
        }

        @Override
        public void afterStep(Step step) {
            int done = step.iteration() + 1;
            progress.update(done, step.lossValue(), lastRelL2);
            if (done % config.schedule().checkpointEvery() == 0 && done < end) {
                saveCheckpoint(recorder.directory());
                Monitors.writePlots(recorder.directory().path(), outputs.plotTitle());
            }
        }

        @Override
        public boolean stopRequested() {
            return stopRequested || trainer.iteration() >= stopAt;
        }
    }

    /** The last row, at the final iteration (after the last step): losses are not recomputed. */
    private double[] finalRow(int done) {
        double[] row = new double[columns.size()];
        java.util.Arrays.fill(row, Double.NaN);
        row[columns.indexOf("lr")] = done > config.schedule().iterations() ? lbfgs.config().learningRate()
                : trainer.optimizer().learningRate();
        row[columns.indexOf("rel_l2")] = lastRelL2;
        row[columns.indexOf("rel_linf")] = lastRelLinf;
        row[columns.indexOf("wall_s")] = recorder.wallSeconds();
        return row;
    }

    private static Path previousCheckpoint(RunDirectory dir) {
        return dir.checkpointFile().resolveSibling("checkpoint.prev.npz");
    }

    /** The checkpoint (current or previous) at the iteration run.json names, or null if there is none. */
    private static Checkpoint checkpointAt(RunDirectory dir, long iteration) throws IOException {
        Checkpoint found = null;
        for (Path file : List.of(dir.checkpointFile(), previousCheckpoint(dir))) {
            if (Files.exists(file)) {
                Checkpoint c = Checkpoint.load(file);
                if (c.iteration() == iteration) {
                    return c;
                }
                found = c;
            }
        }
        if (found != null) {
            throw new IllegalStateException("--resume: run.json says iteration " + iteration + " but the checkpoints"
                    + " in " + dir + " are at other iterations; the run directory is inconsistent");
        }
        return null;
    }

    /**
     * Relative errors of the network on the test grid: ‖u - u*‖₂ / ‖u*‖₂ and
     * max |u - u*| / max |u*|.
     */
    private void evaluate() {
        DMatrixRMaj u = trainer.network().predict(testGrid.points());
        double num = 0;
        double den = 0;
        double maxError = 0;
        double maxExact = 0;
        for (int i = 0; i < u.numRows; i++) {
            double e = u.data[i] - exact.data[i];
            num += e * e;
            den += exact.data[i] * exact.data[i];
            maxError = Math.max(maxError, Math.abs(e));
            maxExact = Math.max(maxExact, Math.abs(exact.data[i]));
        }
        lastRelL2 = Math.sqrt(num / den);
        lastRelLinf = maxError / maxExact;
    }

    /**
     * Writes checkpoint.npz and then run.json's iteration. The checkpoint it replaces is kept as
     * checkpoint.prev.npz, so a kill between the two writes leaves the one run.json names.
     */
    private void saveCheckpoint(RunDirectory dir) {
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("problem", problem.name());
            Path file = dir.checkpointFile();
            if (Files.exists(file)) {
                Files.move(file, previousCheckpoint(dir), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            trainer.checkpoint(meta).save(file);
            recorder.checkpointed(trainer.iteration());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dir.checkpointFile() + ": " + e.getMessage(), e);
        }
    }

    public Trainer trainer() {
        return trainer;
    }
}
