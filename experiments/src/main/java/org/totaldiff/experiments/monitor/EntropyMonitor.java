package org.totaldiff.experiments.monitor;

import java.util.List;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.TrainingListener;

/**
 * entropy.csv: the binned entropy and saturation ({@link BinnedEntropy}) of every hidden layer's
 * activations at all collocation points, one row per layer and measured iteration t:
 *
 * <pre>
 *   iteration, layer, entropy_bits, saturation_pct
 * </pre>
 *
 * measured on the activations of iteration t's own forward pass (the parameters after t
 * updates), which the training pass already computed: no second forward pass. Layers are
 * numbered from the input side, 0 .. H-1.
 */
final class EntropyMonitor implements TrainingListener {

    /** The value columns of entropy.csv. */
    static final List<String> COLUMNS = List.of("layer", "entropy_bits", "saturation_pct");

    private final MetricsCsv csv;
    private final MonitorConfig config;
    private final int lastAdamIteration;
    private final LayerEntropy entropy = new LayerEntropy();
    private final double[] row = new double[COLUMNS.size()];

    EntropyMonitor(MetricsCsv csv, MonitorConfig config, int adamIterations) {
        this.csv = csv;
        this.config = config;
        this.lastAdamIteration = adamIterations - 1;
    }

    @Override
    public void afterBackward(Step step) {
        int it = step.iteration();
        if ((!config.entropyIncludes(it) && it != lastAdamIteration) || it <= csv.lastIteration()) {
            return;
        }
        PinnLoss loss = step.loss();
        int n = step.run().collocation().size();
        BinnedEntropy.Result[] results = entropy.measure(loss, n);
        for (int l = 0; l < results.length; l++) {
            BinnedEntropy.Result r = results[l];
            row[0] = l;
            row[1] = r.entropyBits();
            row[2] = r.saturationPct();
            csv.append(it, row);
        }
    }
}
