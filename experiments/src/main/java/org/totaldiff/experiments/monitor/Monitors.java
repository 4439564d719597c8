package org.totaldiff.experiments.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Partition;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.pinn.train.TrainingListener;
import org.totaldiff.pinn.train.TrainingView;

/**
 * The learning-dynamics monitors of one training run, as {@link MonitorConfig} asks: each is a
 * {@link TrainingListener} that owns its file in the run directory ({@value #SNR_FILE},
 * {@value #ENTROPY_FILE}), and {@link MonitorPlots} draws their figures.
 *
 * <p>Files are written row by row and flushed as the run goes. On resume from the checkpoint
 * after k iterations, rows of iterations k and later are removed first (the resumed run measures
 * them again from the same state), so a run killed at any point and resumed has the same files
 * as one that never stopped.
 */
public final class Monitors implements AutoCloseable {

    /** The gradient SNR and order parameters. */
    public static final String SNR_FILE = "snr.csv";
    /** The binned entropy and saturation of the hidden layers. */
    public static final String ENTROPY_FILE = "entropy.csv";

    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<MetricsCsv> files = new ArrayList<>();

    private Monitors() {
    }

    /**
     * Opens the monitors' files in {@code dir} (continuing them when the directory is resumed at
     * {@code startIteration}) and makes their listeners.
     *
     * @param adamIterations the run's Adam iterations (its last always gets a row)
     */
    public static Monitors open(RunDirectory dir, long startIteration, MonitorConfig config, TrainingView run,
            int adamIterations) {
        Grouping grouping = config.snr() ? grouping(config, run) : null;
        Monitors m = new Monitors();
        try {
            if (config.snr()) {
                int layers = run.net().weights().size();
                MetricsCsv csv = m.file(dir, SNR_FILE, SnrMonitor.columns(layers), MetricsCsv.Rows.ONE_PER_ITERATION,
                        startIteration);
                m.listeners.add(new SnrMonitor(csv, config, grouping, run, adamIterations));
            }
            if (config.entropy()) {
                MetricsCsv csv = m.file(dir, ENTROPY_FILE, EntropyMonitor.COLUMNS, MetricsCsv.Rows.SEVERAL_PER_ITERATION,
                        startIteration);
                m.listeners.add(new EntropyMonitor(csv, config, adamIterations));
            }
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private MetricsCsv file(RunDirectory dir, String name, List<String> columns, MetricsCsv.Rows rows,
            long startIteration) {
        Path file = dir.file(name);
        MetricsCsv csv = dir.resuming() ? MetricsCsv.resume(file, columns, startIteration - 1, rows)
                : MetricsCsv.create(file, columns, rows);
        files.add(csv);
        return csv;
    }

    /** The groups of the collocation points that {@code config} asks for. */
    static Grouping grouping(MonitorConfig config, TrainingView run) {
        int n = run.collocation().size();
        int groups = config.groups();
        return switch (config.grouping()) {
            case CONTIGUOUS -> Grouping.contiguous(n, groups);
            case PER_SAMPLE -> Grouping.perSample(n);
            case SPATIAL -> Grouping.of(spatialCells(run, (int) Math.round(Math.sqrt(groups))));
        };
    }

    /**
     * The points of each cell of a side x side grid over the domain, as the authors'
     * {@code bin_indices}; cells without points are left out (the authors' code would average
     * nothing there), so B can be smaller than side².
     */
    private static Partition spatialCells(TrainingView run, int side) {
        int[] cell = ResidualOrder.cellIndices(run.points(), run.domain(), side);
        int[] group = new int[(int) Math.round(Math.pow(side, run.domain().dim()))];
        for (int c : cell) {
            group[c] = 1;
        }
        int groups = 0;
        for (int c = 0; c < group.length; c++) {
            group[c] = group[c] > 0 ? groups++ : -1;
        }
        int[] groupOf = new int[cell.length];
        for (int i = 0; i < cell.length; i++) {
            groupOf[i] = group[cell[i]];
        }
        return Partition.of(groupOf, groups);
    }

    /** The listeners, to be called before the run checkpoints (see {@link SnrMonitor}). */
    public List<TrainingListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Draws the figures of the files present in {@code dir} (plots/snr.png, ...). */
    public static void writePlots(Path dir, String title) {
        MonitorPlots.write(dir, title);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        List<MetricsCsv> open = List.copyOf(files);
        files.clear();
        for (MetricsCsv f : open) {
            try {
                f.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
