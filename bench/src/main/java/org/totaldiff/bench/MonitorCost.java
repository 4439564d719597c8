package org.totaldiff.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.GroupMoments;
import org.totaldiff.autodiff.GroupStatistics;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.experiments.monitor.GradientSnr;
import org.totaldiff.experiments.monitor.LayerEntropy;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainRun;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.Trainer;
import org.totaldiff.pinn.train.TrainingListener;

/**
 * The cost of the learning-dynamics measurements on a real training iteration, side by side:
 * Helmholtz with RBA at the paper's size (2 -> 6 x 128 -> 1, 25,600 points, a1 = a2 = 6) unless
 * told otherwise. Each round times, interleaved, one training iteration (forward, backward, Adam)
 *
 * <ul>
 *   <li>plain;</li>
 *   <li>with the SNR statistics for B = 100 contiguous groups (every weight matrix, as snr.csv);</li>
 *   <li>with the SNR statistics for B = N (per sample);</li>
 *   <li>with the entropy and saturation of every hidden layer;</li>
 *   <li>with the authors' way of getting the B = 100 group gradients: one backward pass of each
 *       group's own loss, on this engine.</li>
 * </ul>
 *
 * and prints the medians, the ratios to the plain iteration, and the bytes the statistics
 * allocate per measurement in steady state.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar org.totaldiff.bench.MonitorCost \
 *       [--points 25600] [--width 128] [--depth 6] [--rounds 7] [--only plain,snr,per-sample,entropy,authors]
 * </pre>
 */
public final class MonitorCost {

    private MonitorCost() {
    }

    public static void main(String[] args) {
        int points = 25_600;
        int width = 128;
        int depth = 6;
        int rounds = 7;
        List<String> only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--only")) {
                only = List.of(args[i + 1].split(","));
                if (!only.contains("plain") || !List.of("plain", "snr", "per-sample", "entropy", "authors")
                        .containsAll(only)) {
                    throw new IllegalArgumentException("--only takes plain (always: the ratios are to it) and any of"
                            + " snr, per-sample, entropy, authors, comma-separated; got " + args[i + 1]);
                }
                continue;
            }
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--points" -> points = v;
                case "--width" -> width = v;
                case "--depth" -> depth = v;
                case "--rounds" -> rounds = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; accepted: --points, --width, --depth, --rounds, --only");
            }
        }
        TrainConfig paper = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        TrainConfig.WeightingConfig w = paper.weighting();
        TrainConfig config = new TrainConfig(paper.problem(), new TrainConfig.NetworkConfig(width, depth, Presets.SEED,
                false), paper.optimizer(), new TrainConfig.SamplingConfig(points, paper.sampling().boundary(),
                Presets.SEED), new TrainConfig.WeightingConfig(TrainConfig.Weighting.RBA, w.gamma(), w.eta(), w.start(),
                w.normalization(), w.conditionWeights()), paper.schedule(), paper.monitors());
        Trainer trainer = new TrainRun(config).trainer();
        trainer.releaseGroupedAdjoints(false); // the per-sample and the authors' variants read every adjoint
        System.out.printf(Locale.ROOT, "helmholtz rba, %s, %d points, %d threads, %s %s%n", trainer.network(), points,
                org.totaldiff.engine.Parallel.threads(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        Snr groups = new Snr(trainer, Grouping.contiguous(points, 100));
        Snr perSample = new Snr(trainer, Grouping.perSample(points));
        Entropy entropy = new Entropy();
        AuthorsWay authors = new AuthorsWay(trainer, 100);
        String[] names = {"plain", "snr B=100", "snr B=N", "entropy", "authors B=100"};
        String[] keys = {"plain", "snr", "per-sample", "entropy", "authors"};
        List<TrainingListener> variants = Arrays.asList(null, groups, perSample, entropy, authors);
        double[][] times = new double[names.length][rounds];
        // two warm-up rounds (the JIT), not recorded
        for (int r = -2; r < rounds; r++) {
            for (int v = 0; v < names.length; v++) {
                if (only != null && !only.contains(keys[v])) {
                    continue;
                }
                TrainingListener l = variants.get(v);
                long t0 = System.nanoTime();
                trainer.run(trainer.iteration() + 1, l == null ? List.of() : List.of(l));
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    times[v][r] = s;
                }
            }
        }
        double plain = Median.of(times[0]);
        System.out.printf(Locale.ROOT, "%-14s %10s %10s %12s%n", "iteration", "median s", "x plain", "extra s");
        for (int v = 0; v < names.length; v++) {
            if (only != null && !only.contains(keys[v])) {
                continue;
            }
            double m = Median.of(times[v]);
            System.out.printf(Locale.ROOT, "%-14s %10.3f %10.3f %12.3f%n", names[v], m, m / plain, m - plain);
        }
        if (only != null) {
            return; // the comparisons below need every variant
        }
        double extra = Median.of(times[1]) - plain;
        double authorsExtra = Median.of(times[4]) - plain;
        System.out.printf(Locale.ROOT, "group gradients for B=100: authors' way %.3f s, streamed %.3f s: %.1fx faster%n",
                authorsExtra, extra, authorsExtra / extra);
        System.out.printf(Locale.ROOT, "bytes allocated per measurement (steady state): B=100 %d, B=N %d, entropy %d%n",
                groups.lastBytes, perSample.lastBytes, entropy.lastBytes);
        System.out.printf(Locale.ROOT, "check: snr B=100 %.6g, B=N %.6g, authors %.6g (same iteration only for the"
                + " last two)%n", groups.lastSnr, perSample.lastSnr, authors.lastSnr);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** The SNR statistics of every weight matrix, as the snr.csv monitor computes them. */
    private static final class Snr implements TrainingListener {
        private final Grouping grouping;
        private final List<GroupMoments> moments = new ArrayList<>();
        private final List<DMatrixRMaj> means = new ArrayList<>();
        private final List<DMatrixRMaj> variances = new ArrayList<>();
        long lastBytes;
        double lastSnr;

        Snr(Trainer trainer, Grouping grouping) {
            this.grouping = grouping;
            for (Node w : trainer.view().net().weights()) {
                GroupMoments m = GroupMoments.like(w);
                moments.add(m);
                means.add(m.mean());
                variances.add(m.variance());
            }
        }

        @Override
        public void afterBackward(Step step) {
            long before = allocated();
            List<Node> weights = step.run().net().weights();
            for (int l = 0; l < weights.size(); l++) {
                GroupStatistics.measure(step.run().net().tape(), weights.get(l), step.run().collocation(), grouping,
                        moments.get(l));
            }
            lastSnr = GradientSnr.of(means, variances).snr();
            lastBytes = allocated() - before;
        }
    }

    /** Entropy and saturation of every hidden layer. */
    private static final class Entropy implements TrainingListener {
        private final LayerEntropy entropy = new LayerEntropy();
        long lastBytes;

        @Override
        public void afterBackward(Step step) {
            long before = allocated();
            entropy.measure(step.loss(), step.run().collocation().size());
            lastBytes = allocated() - before;
        }
    }

    /**
     * The authors' {@code find_snr}: for each group, record the group's own loss (its points'
     * mean of (λ r)² plus the full boundary term) on a second tape, one backward pass, copy the
     * weight gradients; then mean and population std over the groups.
     */
    private static final class AuthorsWay implements TrainingListener {
        private final Trainer trainer;
        private final Tape tape = new Tape();
        private final Mlp.Bound bound;
        private final DMatrixRMaj[] points;
        private final SampleSet[] sets;
        private final int size;
        double lastSnr;

        AuthorsWay(Trainer trainer, int groups) {
            this.trainer = trainer;
            this.bound = trainer.network().bind(tape);
            DMatrixRMaj all = trainer.collocation();
            size = all.numRows / groups;
            points = new DMatrixRMaj[groups];
            sets = new SampleSet[groups];
            for (int b = 0; b < groups; b++) {
                points[b] = new DMatrixRMaj(size, all.numCols);
                System.arraycopy(all.data, b * size * all.numCols, points[b].data, 0, size * all.numCols);
                sets[b] = new SampleSet("group", size);
            }
        }

        @Override
        public void afterBackward(Step step) {
            DMatrixRMaj lambda = step.run().weighting().attention();
            List<Node> weights = bound.weights();
            double[][] sum = new double[weights.size()][];
            double[][] sumSq = new double[weights.size()][];
            for (int b = 0; b < points.length; b++) {
                DMatrixRMaj lam = new DMatrixRMaj(size, 1);
                System.arraycopy(lambda.data, b * size, lam.data, 0, size);
                tape.rewind();
                tape.zeroGrad();
                PinnLoss loss = PinnLoss.record(bound, trainer.problem(), points[b], sets[b], trainer.conditions(),
                        ResidualWeighting.frozen(lam), step.iteration());
                tape.backward(loss.total());
                for (int l = 0; l < weights.size(); l++) {
                    double[] g = weights.get(l).grad().data;
                    if (sum[l] == null) {
                        sum[l] = new double[g.length];
                        sumSq[l] = new double[g.length];
                    }
                    for (int e = 0; e < g.length; e++) {
                        sum[l][e] += g[e];
                        sumSq[l][e] += g[e] * g[e];
                    }
                }
            }
            double mu2 = 0;
            double var = 0;
            int groups = points.length;
            for (int l = 0; l < sum.length; l++) {
                for (int e = 0; e < sum[l].length; e++) {
                    double m = sum[l][e] / groups;
                    mu2 += m * m;
                    var += Math.max(0, sumSq[l][e] / groups - m * m);
                }
            }
            lastSnr = Math.sqrt(mu2 / var);
        }
    }
}
