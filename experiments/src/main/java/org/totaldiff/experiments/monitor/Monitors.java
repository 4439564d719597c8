package org.totaldiff.experiments.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Partition;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.pinn.sampling.Box;
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

    /**
     * The groups of the collocation points that {@code config} asks for. Points added by
     * residual-based refinement (the rows after {@link TrainingView#initialPoints()}) keep the
     * groups of the drawn points as they were and join one: with spatial groups the group of their
     * own cell, else (and if their cell held no drawn point) the group of the nearest drawn point
     * that is in a group (distance in coordinates scaled to the unit box). B never changes, a group
     * only gains points, and before the first addition the grouping is exactly the one without
     * refinement.
     */
    static Grouping grouping(MonitorConfig config, TrainingView run) {
        int n = run.collocation().size();
        int initial = run.initialPoints();
        int groups = config.groups();
        if (n == initial) {
            return switch (config.grouping()) {
                case CONTIGUOUS -> Grouping.contiguous(n, groups);
                case PER_SAMPLE -> Grouping.perSample(n);
                case SPATIAL -> Grouping.of(spatialCells(run, (int) Math.round(Math.sqrt(groups))));
            };
        }
        int[] groupOf = new int[n];
        int b;
        int[] cellGroup = null;
        int[] cell = null;
        switch (config.grouping()) {
            case CONTIGUOUS -> {
                int size = initial / groups;
                for (int i = 0; i < initial; i++) {
                    groupOf[i] = i < groups * size ? i / size : Partition.NONE;
                }
                b = groups;
            }
            case SPATIAL -> {
                int side = (int) Math.round(Math.sqrt(groups));
                cell = ResidualOrder.cellIndices(run.points(), run.domain(), side);
                cellGroup = cellGroups(cell, initial, (int) Math.round(Math.pow(side, run.domain().dim())));
                b = 0;
                for (int i = 0; i < initial; i++) {
                    groupOf[i] = cellGroup[cell[i]];
                    b = Math.max(b, groupOf[i] + 1);
                }
            }
            default -> throw new IllegalArgumentException("per-sample groups cannot follow added points");
        }
        for (int i = initial; i < n; i++) {
            int own = cellGroup == null ? Partition.NONE : cellGroup[cell[i]];
            groupOf[i] = own != Partition.NONE ? own : groupOf[nearestGrouped(run, groupOf, initial, i)];
        }
        return Grouping.of(Partition.of(groupOf, b));
    }

    /** The group of each cell: occupied cells (among the first {@code initial} points) numbered in cell order. */
    private static int[] cellGroups(int[] cell, int initial, int cells) {
        int[] group = new int[cells];
        for (int i = 0; i < initial; i++) {
            group[cell[i]] = 1;
        }
        int groups = 0;
        for (int c = 0; c < cells; c++) {
            group[c] = group[c] > 0 ? groups++ : Partition.NONE;
        }
        return group;
    }

    /** The drawn point in a group nearest to point i (the first of equals). */
    private static int nearestGrouped(TrainingView run, int[] groupOf, int initial, int i) {
        DMatrixRMaj p = run.points();
        Box box = run.domain();
        int d = p.numCols;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < initial; j++) {
            if (groupOf[j] == Partition.NONE) {
                continue;
            }
            double s = 0;
            for (int k = 0; k < d; k++) {
                double t = (p.get(i, k) - p.get(j, k)) / box.width(k);
                s += t * t;
            }
            if (s < bestDistance) {
                bestDistance = s;
                best = j;
            }
        }
        return best;
    }

    /**
     * The points of each cell of a side x side grid over the domain, as the authors'
     * {@code bin_indices}; cells without points are left out (the authors' code would average
     * nothing there), so B can be smaller than side².
     */
    private static Partition spatialCells(TrainingView run, int side) {
        int[] cell = ResidualOrder.cellIndices(run.points(), run.domain(), side);
        int[] group = cellGroups(cell, cell.length, (int) Math.round(Math.pow(side, run.domain().dim())));
        int[] groupOf = new int[cell.length];
        for (int i = 0; i < cell.length; i++) {
            groupOf[i] = group[cell[i]];
        }
        return Partition.of(groupOf, Arrays.stream(group).max().orElse(-1) + 1);
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
