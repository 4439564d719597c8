package org.totaldiff.experiments.monitor;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.GroupMoments;
import org.totaldiff.autodiff.GroupStatistics;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.TrainingListener;
import org.totaldiff.pinn.train.TrainingView;

/**
 * snr.csv: the gradient signal-to-noise ratio across the sample space and the order parameters
 * of Anagnostopoulos et al. (2024), one row per measured iteration t:
 *
 * <pre>
 *   iteration, snr, phi, snr_layer_0 .. snr_layer_{L-1}, adam_snr, adam_step, phi_r, phi_r_abs
 * </pre>
 *
 * <ul>
 *   <li>snr, phi, snr_layer_l: {@link GradientSnr} of the group moments of the weight matrices
 *       ({@link GroupStatistics}), from iteration t's own backward pass: the parameters after t
 *       updates, the residual weights λ that iteration's loss used;</li>
 *   <li>adam_snr, adam_step: {@link AdamStatistics} of Adam's moments after iteration t's update
 *       (they include t's gradient; step count t + 1); empty (NaN) during L-BFGS;</li>
 *   <li>phi_r, phi_r_abs: {@link ResidualOrder} of λ as updated at iteration t (tracked without
 *       entering the loss in vanilla runs) and of |r| at iteration t.</li>
 * </ul>
 *
 * A row is measured after backward and written after the step, before the run checkpoints, so a
 * checkpoint never precedes a row of an earlier iteration.
 */
final class SnrMonitor implements TrainingListener {

    private final MetricsCsv csv;
    private final MonitorConfig config;
    private Grouping grouping;
    private ResidualOrder residualOrder;
    private final int lastAdamIteration;
    private final List<Node> weights;
    private final List<GroupMoments> moments = new ArrayList<>();
    private final List<DMatrixRMaj> means = new ArrayList<>();
    private final List<DMatrixRMaj> variances = new ArrayList<>();
    private final AdamStatistics adam = new AdamStatistics();
    private final double[] row;
    private boolean pending;

    SnrMonitor(MetricsCsv csv, MonitorConfig config, Grouping grouping, TrainingView run, int adamIterations) {
        this.csv = csv;
        this.config = config;
        this.grouping = grouping;
        this.residualOrder = new ResidualOrder(run.points(), run.domain(), config.residualCells());
        this.lastAdamIteration = adamIterations - 1;
        this.weights = run.net().weights();
        for (Node w : weights) {
            GroupMoments m = GroupMoments.like(w);
            moments.add(m);
            means.add(m.mean());
            variances.add(m.variance());
        }
        this.row = new double[csv.header().size() - 1];
    }

    /** The value columns of snr.csv for a network with {@code layers} weight matrices. */
    static List<String> columns(int layers) {
        List<String> c = new ArrayList<>(List.of("snr", "phi"));
        for (int l = 0; l < layers; l++) {
            c.add("snr_layer_" + l);
        }
        c.addAll(List.of("adam_snr", "adam_step", "phi_r", "phi_r_abs"));
        return c;
    }

    private boolean measures(int iteration) {
        return (config.snrCadence().includes(iteration) || iteration == lastAdamIteration)
                && iteration > csv.lastIteration();
    }

    @Override
    public void afterBackward(Step step) {
        int it = step.iteration();
        if (!measures(it)) {
            return;
        }
        TrainingView run = step.run();
        if (grouping.samples() != run.collocation().size()) {
            // refinement added points: they join the groups and cells (Monitors.grouping)
            grouping = Monitors.grouping(config, run);
            residualOrder = new ResidualOrder(run.points(), run.domain(), config.residualCells());
        }
        Tape tape = run.net().tape();
        for (int l = 0; l < weights.size(); l++) {
            GroupStatistics.measure(tape, weights.get(l), run.collocation(), grouping, moments.get(l));
        }
        GradientSnr snr = GradientSnr.of(means, variances);
        int c = 0;
        row[c++] = snr.snr();
        row[c++] = snr.phi();
        for (double s : snr.layerSnr()) {
            row[c++] = s;
        }
        c += 2; // Adam's columns, after the step
        DMatrixRMaj lambda = run.weighting().attention();
        row[c++] = lambda == null ? Double.NaN : residualOrder.of(lambda);
        row[c] = residualOrder.ofAbs(step.loss().residual().value());
        pending = true;
    }

    @Override
    public void afterStep(Step step) {
        if (!pending) {
            return;
        }
        pending = false;
        AdamStatistics.Result a = step.phase() == Step.Phase.ADAM && step.run().optimizer() instanceof Adam optimizer
                ? adam.measure(optimizer) : AdamStatistics.Result.UNDEFINED;
        int c = 2 + weights.size();
        row[c] = a.snr();
        row[c + 1] = a.meanStep();
        csv.append(step.iteration(), row);
    }
}
