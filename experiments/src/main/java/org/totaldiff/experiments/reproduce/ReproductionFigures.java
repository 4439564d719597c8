package org.totaldiff.experiments.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.monitor.MonitorPlots;
import org.totaldiff.experiments.plot.LineChart;
import org.totaldiff.experiments.plot.Marker;
import org.totaldiff.experiments.plot.Plots;
import org.totaldiff.experiments.plot.Series;
import org.totaldiff.experiments.plot.StackedLineChart;
import org.totaldiff.experiments.reproduce.Reproduction.Analysed;

/**
 * The figure set of a reproduction, in {@code OUT/figures/}, drawn from the runs' files
 * (the charts of {@link MonitorPlots#charts}) with each run's phases marked:
 *
 * <ul>
 *   <li>{@code snr.png}: the gradient SNR of every run on one log-log plot (raw thin, moving
 *       median bold, one colour per run), with each run's end of fitting and onset of total
 *       diffusion;</li>
 *   <li>{@code snr_layers.png}: the SNR of each weight matrix, one panel per run;</li>
 *   <li>{@code order.png}: gradient order, residual order and normalised test error, one panel per run;</li>
 *   <li>{@code entropy.png}: entropy and saturation of each hidden layer, two panels per run,
 *       with the onsets of total diffusion;</li>
 *   <li>{@code rel_l2.png}: the relative L2 test error of every run against iteration, log-log.</li>
 * </ul>
 * A figure whose files are missing from every run is left out.
 */
public final class ReproductionFigures {

    /** The folder of the figures, under the reproduction's output. */
    public static final String DIR = "figures";
    /** Height of one panel of a stacked figure, in pixels. */
    static final int PANEL_HEIGHT = 400;

    private ReproductionFigures() {
    }

    /**
     * Writes the figures into {@code dir} (created if absent).
     *
     * @return the files written, in the order above
     */
    static List<Path> write(Path dir, String title, List<Analysed> runs) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<MonitorPlots.Charts> charts = new ArrayList<>();
        for (Analysed a : runs) {
            charts.add(MonitorPlots.charts(a.result().dir(), ""));
        }
        List<Path> written = new ArrayList<>();
        snr(title, runs, charts).ifPresent(c -> written.add(write(c, dir.resolve("snr.png"))));
        stacked(title + ": gradient SNR per weight matrix", runs, charts, "SNR", c -> c.layers())
                .ifPresent(c -> written.add(write(c, dir.resolve("snr_layers.png"))));
        stacked(title + ": gradient order, residual order and test error", runs, charts, "order, error",
                c -> c.order()).ifPresent(c -> written.add(write(c, dir.resolve("order.png"))));
        entropy(title, runs, charts).ifPresent(c -> written.add(write(c, dir.resolve("entropy.png"))));
        relL2(title, runs).ifPresent(c -> written.add(write(c, dir.resolve("rel_l2.png"))));
        return written;
    }

    /** Every run's SNR on one chart, one colour per run. */
    private static Optional<LineChart> snr(String title, List<Analysed> runs, List<MonitorPlots.Charts> charts) {
        LineChart chart = LineChart.of(title + ": gradient SNR", "iteration", "gradient SNR").withLog(true, true);
        List<Marker> markers = new ArrayList<>();
        boolean any = false;
        for (int k = 0; k < runs.size(); k++) {
            Optional<LineChart> c = charts.get(k).snr();
            if (c.isEmpty()) {
                continue;
            }
            String name = runs.get(k).result().arm().name();
            for (Series s : c.get().series()) {
                chart = chart.with(new Series(name + ": " + s.name(), s.x(), s.y(), k, s.weight()));
            }
            markers.addAll(markers(runs.get(k), true));
            any = true;
        }
        return any ? Optional.of(chart.withMarkers(markers)) : Optional.empty();
    }

    /** One panel per run of the chart {@code pick} gives, each run's phases marked. */
    private static Optional<StackedLineChart> stacked(String title, List<Analysed> runs,
            List<MonitorPlots.Charts> charts, String what, java.util.function.Function<MonitorPlots.Charts,
            Optional<LineChart>> pick) {
        List<LineChart> panels = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Optional<LineChart> c = pick.apply(charts.get(k));
            if (c.isPresent()) {
                LineChart p = c.get();
                // the runs' panels draw the same lines: one legend, on the first panel, names them
                List<Series> series = panels.isEmpty() ? p.series() : p.series().stream()
                        .map(s -> new Series("", s.x(), s.y(), s.color(), s.weight())).toList();
                panels.add(new LineChart("", p.xLabel(), runs.get(k).result().arm().name() + ": " + what, series,
                        p.logX(), p.logY(), p.width(), p.height(), markers(runs.get(k), true)));
            }
        }
        return panels.isEmpty() ? Optional.empty()
                : Optional.of(new StackedLineChart(title, panels, LineChart.DEFAULT_WIDTH, PANEL_HEIGHT * panels.size()));
    }

    /** Entropy and saturation panels of every run, with the onsets of total diffusion. */
    private static Optional<StackedLineChart> entropy(String title, List<Analysed> runs,
                                                      List<MonitorPlots.Charts> charts) {
        List<LineChart> panels = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            Optional<List<LineChart>> c = charts.get(k).entropy();
            if (c.isPresent()) {
                String name = runs.get(k).result().arm().name();
                List<Marker> onset = markers(runs.get(k), false);
                for (LineChart p : c.get()) {
                    panels.add(new LineChart("", p.xLabel(), name + ": " + p.yLabel(), p.series(), p.logX(),
                            p.logY(), p.width(), p.height(), onset));
                }
            }
        }
        return panels.isEmpty() ? Optional.empty() : Optional.of(new StackedLineChart(
                title + ": activation entropy and saturation per hidden layer", panels, LineChart.DEFAULT_WIDTH,
                PANEL_HEIGHT * panels.size() * 3 / 4));
    }

    /** The relative L2 test error of every run, log-log. */
    private static Optional<LineChart> relL2(String title, List<Analysed> runs) {
        LineChart chart = LineChart.of(title + ": relative L2 test error", "iteration", "relative L2 error")
                .withLog(true, true);
        boolean any = false;
        for (int k = 0; k < runs.size(); k++) {
            Path file = runs.get(k).result().dir().resolve("metrics.csv");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            MetricsCsv.Table t = MetricsCsv.read(file);
            if (!t.header().contains("rel_l2")) {
                continue;
            }
            double[] y = t.column("rel_l2");
            double[] x = MonitorPlots.logIterations(t.iterations(), y);
            // rows without a test error are NaN: the line joins the rows that have one
            int n = 0;
            for (int i = 0; i < y.length; i++) {
                n += Double.isFinite(y[i]) && Double.isFinite(x[i]) ? 1 : 0;
            }
            if (n >= 2) {
                chart = chart.with(new Series(runs.get(k).result().arm().name(), x, y).withColor(k));
                any = true;
            }
        }
        return any ? Optional.of(chart) : Optional.empty();
    }

    /** The run's phases as markers named after it: both phases, or the onset only. */
    private static List<Marker> markers(Analysed a, boolean fittingEnd) {
        String name = a.result().arm().name();
        List<Marker> out = new ArrayList<>();
        if (fittingEnd && a.phases().fittingEnd() != null) {
            out.add(new Marker(name + ": fitting end", a.phases().fittingEnd()));
        }
        if (a.phases().onset() != null) {
            out.add(new Marker(name + ": total diffusion", a.phases().onset()));
        }
        return out;
    }

    private static Path write(LineChart c, Path file) {
        Plots.write(c, file);
        return file;
    }

    private static Path write(StackedLineChart c, Path file) {
        Plots.write(c, file);
        return file;
    }
}
