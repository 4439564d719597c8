package org.totaldiff.experiments.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.monitor.Monitors;
import org.totaldiff.experiments.plot.HeatmapFigure;
import org.totaldiff.experiments.plot.LineChart;
import org.totaldiff.experiments.plot.Plots;
import org.totaldiff.experiments.plot.ScatterField;
import org.totaldiff.pinn.io.Npz;
import org.totaldiff.pinn.io.NpzArchive;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.sampling.Box;
import org.totaldiff.pinn.sampling.TensorGrid;
import org.totaldiff.pinn.train.Trainer;

/**
 * The files of a training run besides its tables: points.npz (collocation and condition
 * points), model.npz (the parameters), and the figures plots/loss.png, error.png, solution.png,
 * rba_weights.png, with the learning-dynamics monitors' figures ({@link Monitors#writePlots}).
 */
final class RunOutputs {

    /** Largest plotted grid per axis (the test grid may be finer). */
    private static final int PLOT_GRID = 201;

    private final TrainConfig config;
    private final Trainer trainer;
    private final PdeProblem problem;
    private final List<String> columns;

    RunOutputs(TrainConfig config, Trainer trainer, List<String> columns) {
        this.config = config;
        this.trainer = trainer;
        this.problem = trainer.problem();
        this.columns = columns;
    }

    void writePoints(RunDirectory dir) throws IOException {
        NpzArchive points = new NpzArchive();
        points.put("collocation", trainer.collocation());
        for (Condition c : trainer.conditions()) {
            points.put(c.name(), c.points());
        }
        points.putText("columns", String.join(",", problem.domain().names()));
        Npz.write(dir.pointsFile(), points);
    }

    void writeModel(RunDirectory dir) throws IOException {
        NpzArchive model = new NpzArchive();
        Mlp net = trainer.network();
        for (int l = 0; l < net.layers(); l++) {
            model.put("W" + l, net.weight(l));
            model.put("b" + l, net.bias(l));
        }
        int[] sizes = net.layerSizes();
        long[] longSizes = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            longSizes[i] = sizes[i];
        }
        model.put("layer_sizes", org.totaldiff.pinn.io.NdArray.ofLongs(longSizes, sizes.length));
        model.putText("activation", net.activation().name());
        if (net.embedding() != null) {
            model.putLong("periodic_coordinate", net.embedding().coordinate());
            model.putScalar("period", net.embedding().period());
            model.putLong("harmonics", net.embedding().harmonics());
        }
        model.putLong("iteration", trainer.iteration());
        Npz.write(dir.modelFile(), model);
    }

    /** plots/loss.png, error.png, solution.png, rba_weights.png and the monitors' figures. */
    void writePlots(RunDirectory dir, double relL2) throws IOException {
        MetricsCsv.Table table = MetricsCsv.read(dir.metricsFile());
        if (table.rows() >= 2) {
            List<String> losses = new ArrayList<>();
            for (String c : columns) {
                if (c.startsWith("loss")) {
                    losses.add(c);
                }
            }
            Plots.write(LineChart.of(problem.name() + ": training loss", "iteration", "loss")
                    .withColumns(table, losses.toArray(new String[0])), dir.plot("loss"));
            Plots.write(LineChart.of(problem.name() + ": test error", "iteration", "error")
                    .withColumns(table, "rel_l2", "rel_linf"), dir.plot("error"));
        }
        Plots.write(solutionFigure(relL2), dir.plot("solution"));
        Monitors.writePlots(dir.path(), plotTitle());
        DMatrixRMaj lambda = trainer.lossWeights();
        if (lambda != null) {
            Plots.write(weightsFigure(lambda), dir.plot("rba_weights"));
        }
    }

    /** "helmholtz, rba": the problem and the weighting. */
    String plotTitle() {
        return problem.name() + ", " + switch (config.weighting().kind()) {
            case RBA -> "rba";
            case SA -> "self-adaptive";
            case NONE -> "vanilla";
        };
    }

    /** The residual weights λ_i at the collocation points (time across for space-time problems). */
    private ScatterField weightsFigure(DMatrixRMaj lambda) {
        DMatrixRMaj points = trainer.collocation();
        Box domain = problem.domain();
        boolean timeAcross = domain.name(1).equals("t");
        int across = timeAcross ? 1 : 0;
        int up = 1 - across;
        int n = points.numRows;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i, across);
            y[i] = points.get(i, up);
        }
        String kind = switch (config.weighting().kind()) {
            case SA -> "self-adaptive";
            case RBA -> "RBA";
            case NONE -> "causal";
        };
        String causal = config.weighting().causal() && config.weighting().kind() != TrainConfig.Weighting.NONE
                ? " x causal" : "";
        String title = String.format(java.util.Locale.ROOT, "%s: %s%s weights after %d iterations", problem.name(),
                kind, causal, trainer.iteration());
        return ScatterField.of(title, domain.name(across), domain.name(up), x, y,
                java.util.Arrays.copyOf(lambda.data, n), "λ");
    }

    /** Reference, prediction and |error| on a grid of at most {@link #PLOT_GRID} points per axis. */
    private HeatmapFigure solutionFigure(double relL2) {
        int n = Math.min(PLOT_GRID, config.schedule().testGrid());
        TensorGrid grid = TensorGrid.of(problem.domain(), n, n);
        double[][] reference = FieldGrid.values(grid, problem.reference().evaluate(grid.points()));
        double[][] prediction = FieldGrid.values(grid, trainer.network().predict(grid.points()));
        String title = String.format(java.util.Locale.ROOT, "%s after %d iterations: relative L2 error %.3e",
                problem.name(), trainer.iteration(), relL2);
        return HeatmapFigure.comparison(title, FieldGrid.grid(grid), reference, prediction, 1500, 480);
    }
}
