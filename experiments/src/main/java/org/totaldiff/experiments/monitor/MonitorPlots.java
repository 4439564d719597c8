package org.totaldiff.experiments.monitor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.plot.LineChart;
import org.totaldiff.experiments.plot.Marker;
import org.totaldiff.experiments.plot.Plots;
import org.totaldiff.experiments.plot.Series;
import org.totaldiff.experiments.plot.StackedLineChart;

/**
 * The figures of a run's monitor histories, after those of Anagnostopoulos et al., "Learning in
 * PINNs: Phase transition, total diffusion, and generalization" (arXiv:2403.18494), drawn from the
 * CSV files of its run directory (while it trains, or after) into {@code plots/}:
 *
 * <ul>
 *   <li>{@code snr.png}: the full-network gradient SNR against iteration, log-log: the raw trace
 *       thin and light, its moving median (see {@link #movingMedian}) bold;
 *   <li>{@code snr_layers.png}: the SNR of each weight matrix, log-log, input layer first;
 *   <li>{@code order.png}: the gradient order &phi;, the residual orders &phi;<sub>r</sub> (from
 *       the RBA weights) and from |r|, and the test error rel_l2 of metrics.csv divided by its
 *       first finite value (drawn where it is finite, joined across the rows without a test),
 *       against log iteration, linear y: the phases of learning side by side;
 *   <li>{@code entropy.png}: two panels stacked on one log iteration axis, the binned entropy (bits)
 *       and the saturation (%) of each hidden layer's activations; the initial network
 *       (iteration 0) is drawn at x = 1.
 * </ul>
 *
 * <p>A figure is drawn only from the files it needs that are present, and only if it has at
 * least {@value #MIN_ROWS} iterations to show: a missing file, one with fewer rows (e.g. a run
 * that has just started) or without the needed columns skips the figure quietly. A malformed
 * file is an {@link IllegalArgumentException} naming it.
 *
 * <p>Iteration is on a log axis, which cannot show 0: a line's point at iteration 0 (the
 * initial network) is drawn at x = 1, unless the line also has a (finite) point at iteration 1,
 * in which case the point at 0 is left out (entropy.csv has no row at 1, so there it is always
 * drawn). Markers (e.g. the end of fitting and the onset of total diffusion) are dashed vertical
 * lines labelled above each figure; markers at iteration &le; 0 are not drawn.
 */
public final class MonitorPlots {

    /** Fewest iterations a figure needs. */
    static final int MIN_ROWS = 2;
    /** Rows in the moving median of the SNR. */
    static final int MEDIAN_WINDOW = 11;
    /** Width of the figures, in pixels. */
    static final int WIDTH = LineChart.DEFAULT_WIDTH;
    /** Height of the single-panel figures, in pixels. */
    static final int HEIGHT = LineChart.DEFAULT_HEIGHT;
    /** Height of entropy.png (two panels), in pixels. */
    static final int ENTROPY_HEIGHT = 860;

    private static final Pattern LAYER_COLUMN = Pattern.compile("snr_layer_(\\d+)");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private MonitorPlots() {
    }

    /** Writes the figures of {@code runDir} without markers; see {@link #write(Path, String, List)}. */
    public static void write(Path runDir, String title) {
        write(runDir, title, List.of());
    }

    /**
     * Writes snr.png, snr_layers.png, order.png and entropy.png into {@code runDir/plots/} (created
     * if absent), each only if the files it is drawn from are present with enough rows.
     *
     * @param runDir  the run directory holding snr.csv, entropy.csv and metrics.csv
     * @param title   what the run is, e.g. "helmholtz, rba": the start of each figure's title (may be empty)
     * @param markers iterations to mark with a labelled dashed line on every figure, e.g.
     *                ("fitting end", 2000) and ("total diffusion onset", 9000)
     * @throws IllegalArgumentException if a file is present but malformed
     */
    public static void write(Path runDir, String title, List<Marker> markers) {
        Charts charts = charts(runDir, title);
        List<Figure> figures = new ArrayList<>();
        charts.snr().ifPresent(c -> figures.add(new Figure("snr", c.withMarkers(markers))));
        charts.layers().ifPresent(c -> figures.add(new Figure("snr_layers", c.withMarkers(markers))));
        charts.order().ifPresent(c -> figures.add(new Figure("order", c.withMarkers(markers))));
        Optional<StackedLineChart> entropyFigure = charts.entropy().map(panels -> new StackedLineChart(
                title(title, "activation entropy and saturation per hidden layer"),
                List.of(panels.get(0).withMarkers(markers), panels.get(1)), WIDTH, ENTROPY_HEIGHT));
        if (figures.isEmpty() && entropyFigure.isEmpty()) {
            return;
        }
        Path plots = runDir.resolve("plots");
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + plots + ": " + e.getMessage(), e);
        }
        for (Figure f : figures) {
            Plots.write(f.chart, plots.resolve(f.name + ".png"));
        }
        entropyFigure.ifPresent(f -> Plots.write(f, plots.resolve("entropy.png")));
    }

    /**
     * The charts of a run directory's monitor files, without markers, each empty when its files
     * are absent or too short (see the class comment); other figures (e.g. a reproduction's,
     * which sets two runs side by side) are built from them.
     *
     * @param snr     the full-network SNR and its moving median, log-log
     * @param layers  the SNR of each weight matrix, log-log
     * @param order   the gradient and residual orders and the normalised test error, log x
     * @param entropy two panels with empty titles: entropy (bits) and saturation (%) of each hidden layer
     */
    public record Charts(Optional<LineChart> snr, Optional<LineChart> layers, Optional<LineChart> order,
            Optional<List<LineChart>> entropy) {
    }

    /**
     * Reads {@code runDir}'s snr.csv, metrics.csv and entropy.csv and builds their charts,
     * titled {@code title + ": " + what} (just what if the title is blank).
     *
     * @throws IllegalArgumentException if a file is present but malformed
     */
    public static Charts charts(Path runDir, String title) {
        Optional<MetricsCsv.Table> snr = table(runDir.resolve("snr.csv"));
        Optional<MetricsCsv.Table> metrics = table(runDir.resolve("metrics.csv"));
        Optional<Entropy> entropy = entropy(runDir.resolve("entropy.csv"));
        return new Charts(snr.flatMap(t -> snrChart(t, title)), snr.flatMap(t -> layersChart(t, title)),
                orderChart(snr, metrics, title), entropy.flatMap(MonitorPlots::entropyPanels));
    }

    private record Figure(String name, LineChart chart) {
    }

    /** snr.png: the SNR and its moving median, log-log. */
    private static Optional<LineChart> snrChart(MetricsCsv.Table t, String title) {
        if (!t.header().contains("snr")) {
            return Optional.empty();
        }
        double[] snr = t.column("snr");
        double[] x = logIterations(t.iterations(), snr);
        if (countPositive(x, snr) < MIN_ROWS) {
            return Optional.empty();
        }
        return Optional.of(LineChart.of(title(title, "gradient SNR"), "iteration", "gradient SNR").withLog(true, true)
                .withSize(WIDTH, HEIGHT)
                .with(new Series("moving median of " + MEDIAN_WINDOW + " rows", x, movingMedian(snr, MEDIAN_WINDOW))
                        .withColor(0).withWeight(Series.Weight.BOLD))
                .with(new Series("raw", x, snr).withColor(0).withWeight(Series.Weight.THIN)));
    }

    /** snr_layers.png: the SNR of each weight matrix, log-log. */
    private static Optional<LineChart> layersChart(MetricsCsv.Table t, String title) {
        TreeMap<Integer, String> layers = new TreeMap<>();
        for (String c : t.header()) {
            Matcher m = LAYER_COLUMN.matcher(c);
            if (m.matches()) {
                layers.put(Integer.parseInt(m.group(1)), c);
            }
        }
        LineChart chart = LineChart.of(title(title, "gradient SNR per weight matrix"), "iteration", "gradient SNR")
                .withLog(true, true).withSize(WIDTH, HEIGHT);
        int last = layers.isEmpty() ? -1 : layers.lastKey();
        int shown = 0;
        for (Map.Entry<Integer, String> e : layers.entrySet()) {
            double[] y = t.column(e.getValue());
            double[] x = logIterations(t.iterations(), y);
            if (countPositive(x, y) >= MIN_ROWS) {
                chart = chart.with(layerName(e.getKey(), last), x, y);
                shown++;
            }
        }
        return shown == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** "layer 0 (input)", "layer 1", ..., "layer L-1 (output)". */
    static String layerName(int layer, int last) {
        String role = layer == 0 && layer == last ? " (input and output)"
                : layer == 0 ? " (input)" : layer == last ? " (output)" : "";
        return "layer " + layer + role;
    }

    /** order.png: the orders of snr.csv and the normalised test error of metrics.csv, log x, linear y. */
    private static Optional<LineChart> orderChart(Optional<MetricsCsv.Table> snr, Optional<MetricsCsv.Table> metrics,
                                                  String title) {
        List<Series> series = new ArrayList<>();
        snr.ifPresent(t -> {
            addIfEnough(series, t, "phi", "\u03c6 (gradient order)", 0);
            addIfEnough(series, t, "phi_r", "\u03c6_r (residual order, RBA weights)", 1);
            addIfEnough(series, t, "phi_r_abs", "\u03c6_r (residual order, |r|)", 2);
        });
        metrics.filter(t -> t.header().contains("rel_l2")).ifPresent(t -> {
            double[] e = t.column("rel_l2");
            double[] x = logIterations(t.iterations(), e);
            double first = Double.NaN;
            for (int i = 0; i < e.length && Double.isNaN(first); i++) {
                if (Double.isFinite(e[i])) {
                    first = e[i];
                }
            }
            if (first > 0) {
                double[] y = new double[e.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = e[i] / first;
                }
                if (countFinite(x, y) >= MIN_ROWS) {
                    String name = String.format(Locale.ROOT, "test rel. L2 error / %.3g (its first value)", first);
                    series.add(new Series(name, x, y).withColor(3));
                }
            }
        });
        if (series.isEmpty()) {
            return Optional.empty();
        }
        LineChart chart = LineChart.of(title(title, "gradient and residual order, test error"), "iteration",
                "order, normalised error").withLog(true, false).withSize(WIDTH, HEIGHT);
        for (Series s : series) {
            chart = chart.with(s);
        }
        return Optional.of(chart);
    }

    private static void addIfEnough(List<Series> series, MetricsCsv.Table t, String column, String name, int color) {
        if (t.header().contains(column)) {
            double[] y = t.column(column);
            double[] x = logIterations(t.iterations(), y);
            if (countFinite(x, y) >= MIN_ROWS) {
                series.add(new Series(name, x, y).withColor(color));
            }
        }
    }

    /** entropy.png's panels: entropy over saturation of each hidden layer, on one log iteration axis. */
    private static Optional<List<LineChart>> entropyPanels(Entropy e) {
        LineChart bits = LineChart.of("", "iteration", "entropy (bits)").withLog(true, false);
        LineChart saturation = LineChart.of("", "iteration", "saturation (%)").withLog(true, false);
        int shown = 0;
        for (int l = 0; l < e.bits.length; l++) {
            double[] xb = logIterations(e.iterations, e.bits[l]);
            double[] xs = logIterations(e.iterations, e.saturation[l]);
            if (countFinite(xb, e.bits[l]) >= MIN_ROWS || countFinite(xs, e.saturation[l]) >= MIN_ROWS) {
                // one legend, on top, names the layers for both panels
                bits = bits.with(new Series("hidden layer " + l, xb, e.bits[l]).withColor(l));
                saturation = saturation.with(new Series("", xs, e.saturation[l]).withColor(l));
                shown++;
            }
        }
        if (shown == 0 || countFinite(bits) == 0 || countFinite(saturation) == 0) {
            return Optional.empty();
        }
        return Optional.of(List.of(bits, saturation));
    }

    /**
     * The moving median of {@code v} over {@code window} (odd) consecutive rows centred on each
     * row; near the ends the window shrinks symmetrically (to 1 row at the first and the last),
     * so it stays centred and does not lag. Non-finite values are left out of each window; a
     * window with none finite gives NaN. Of an even count, the median is the mean of the middle two.
     */
    static double[] movingMedian(double[] v, int window) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("moving median: the window must be an odd number of rows, got "
                    + window);
        }
        int half = window / 2;
        double[] out = new double[v.length];
        double[] buf = new double[window];
        for (int i = 0; i < v.length; i++) {
            int h = Math.min(half, Math.min(i, v.length - 1 - i));
            int n = 0;
            for (int j = i - h; j <= i + h; j++) {
                if (Double.isFinite(v[j])) {
                    buf[n++] = v[j];
                }
            }
            if (n == 0) {
                out[i] = Double.NaN;
            } else {
                Arrays.sort(buf, 0, n);
                out[i] = n % 2 == 1 ? buf[n / 2] : 0.5 * (buf[n / 2 - 1] + buf[n / 2]);
            }
        }
        return out;
    }

    /**
     * Iterations as x on a log axis for the line {@code y}: iteration 0 at 1, unless y has a
     * finite value at iteration 1 (then 0 becomes NaN, which a chart leaves out).
     */
    public static double[] logIterations(long[] iterations, double[] y) {
        boolean hasOne = false;
        for (int i = 0; i < iterations.length; i++) {
            hasOne |= iterations[i] == 1 && Double.isFinite(y[i]);
        }
        double[] x = new double[iterations.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = iterations[i] == 0 ? (hasOne ? Double.NaN : 1) : iterations[i];
        }
        return x;
    }

    private static String title(String run, String what) {
        return run.isBlank() ? what : run + ": " + what;
    }

    /** Number of points with finite positive x and y (drawable log-log). */
    private static int countPositive(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += Double.isFinite(x[i]) && x[i] > 0 && Double.isFinite(y[i]) && y[i] > 0 ? 1 : 0;
        }
        return n;
    }

    /** Number of points with finite positive x and finite y (drawable on log x). */
    private static int countFinite(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += Double.isFinite(x[i]) && x[i] > 0 && Double.isFinite(y[i]) ? 1 : 0;
        }
        return n;
    }

    private static int countFinite(LineChart chart) {
        int n = 0;
        for (Series s : chart.series()) {
            n += countFinite(s.x(), s.y());
        }
        return n;
    }

    /** A metrics-style table, or empty if the file is absent. */
    private static Optional<MetricsCsv.Table> table(Path file) {
        return Files.isRegularFile(file) ? Optional.of(MetricsCsv.read(file)) : Optional.empty();
    }

    /**
     * entropy.csv by layer: {@code bits[l][i]} and {@code saturation[l][i]} of hidden layer l at
     * {@code iterations[i]} (NaN where the layer has no row at that iteration).
     */
    public record Entropy(long[] iterations, double[][] bits, double[][] saturation) {
    }

    /**
     * Reads entropy.csv (header {@code iteration,layer,entropy_bits,saturation_pct}, several rows
     * per iteration, one per hidden layer); a half-written last line is ignored. Empty if the file
     * is absent or lacks one of those columns.
     *
     * @throws IllegalArgumentException if a row is malformed
     */
    public static Optional<Entropy> entropy(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": malformed CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = records.get(0).toList();
        int it = header.indexOf("iteration");
        int layer = header.indexOf("layer");
        int bits = header.indexOf("entropy_bits");
        int sat = header.indexOf("saturation_pct");
        if (it < 0 || layer < 0 || bits < 0 || sat < 0) {
            return Optional.empty();
        }
        // iteration -> layer -> {bits, saturation}
        TreeMap<Long, TreeMap<Integer, double[]>> rows = new TreeMap<>();
        int layers = 0;
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new IllegalArgumentException(file + ": line " + (r + 1) + " has " + rec.size()
                        + " fields, the header has " + header.size());
            }
            double iteration = number(file, r + 1, "iteration", rec.get(it));
            if (!(iteration >= 0 && iteration == Math.rint(iteration))) {
                throw new IllegalArgumentException(file + ": line " + (r + 1) + ": iteration '" + rec.get(it)
                        + "' is not a whole number >= 0");
            }
            double l = number(file, r + 1, "layer", rec.get(layer));
            if (!(l >= 0 && l == Math.rint(l))) {
                throw new IllegalArgumentException(file + ": line " + (r + 1) + ": layer '" + rec.get(layer)
                        + "' is not a layer index (0, 1, ...)");
            }
            rows.computeIfAbsent((long) iteration, k -> new TreeMap<>()).put((int) l, new double[] {
                number(file, r + 1, "entropy_bits", rec.get(bits)),
                number(file, r + 1, "saturation_pct", rec.get(sat))});
            layers = Math.max(layers, (int) l + 1);
        }
        long[] iterations = new long[rows.size()];
        double[][] b = new double[layers][rows.size()];
        double[][] s = new double[layers][rows.size()];
        for (double[] a : b) {
            Arrays.fill(a, Double.NaN);
        }
        for (double[] a : s) {
            Arrays.fill(a, Double.NaN);
        }
        int i = 0;
        for (Map.Entry<Long, TreeMap<Integer, double[]>> e : rows.entrySet()) {
            iterations[i] = e.getKey();
            for (Map.Entry<Integer, double[]> v : e.getValue().entrySet()) {
                b[v.getKey()][i] = v.getValue()[0];
                s[v.getKey()][i] = v.getValue()[1];
            }
            i++;
        }
        return Optional.of(new Entropy(iterations, b, s));
    }

    private static double number(Path file, int line, String column, String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": line " + line + ": " + column + " '" + s
                    + "' is not a number");
        }
    }
}
