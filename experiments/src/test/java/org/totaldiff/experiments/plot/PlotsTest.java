package org.totaldiff.experiments.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.experiments.io.MetricsCsv;

class PlotsTest {

    @TempDir
    Path dir;

    /** Reads back a PNG and checks its size and that it is not one flat colour. */
    private static BufferedImage readAndCheck(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file.toString());
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a decodable image: " + file);
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        assertTrue(luminanceVariance(img) > 0, "blank image: " + file);
        return img;
    }

    private static double luminanceVariance(BufferedImage img) {
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sumSq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    private static double[] lossCurve(SplittableRandom rng, int n, double rate) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.exp(-rate * i) * (1 + 0.3 * rng.nextDouble());
        }
        return y;
    }

    /** Metrics evaluated every tenth row: NaN elsewhere. */
    private static double[] everyTenth(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (i % 10 != 0) {
                y[i] = Double.NaN;
            }
        }
        return y;
    }

    @Test
    void lineChartWithLogYIsAPngOfTheRequestedSize() throws IOException {
        SplittableRandom rng = new SplittableRandom(2341);
        int n = 500;
        double[] it = new double[n];
        for (int i = 0; i < n; i++) {
            it[i] = 10.0 * i;
        }
        LineChart chart = LineChart.of("Training loss", "iteration", "loss")
                .with("total", it, lossCurve(rng, n, 0.01))
                .with("residual", it, lossCurve(rng, n, 0.012))
                .with("boundary", it, lossCurve(rng, n, 0.008))
                .with("rel_l2", it, everyTenth(lossCurve(rng, n, 0.005)))
                .withSize(800, 500);
        Path file = dir.resolve("loss.png");
        Plots.write(chart, file);
        readAndCheck(file, 800, 500);
    }

    @Test
    void logAxesDropNonPositivePointsAndRefuseNothingToDraw() throws IOException {
        LineChart chart = LineChart.of("SNR", "iteration", "SNR").withLog(true, true)
                .with("snr", new double[] {0, 1, 10, 100}, new double[] {5, -1, 0.5, 2});
        Path file = dir.resolve("snr.png");
        Plots.write(chart, file);
        readAndCheck(file, LineChart.DEFAULT_WIDTH, LineChart.DEFAULT_HEIGHT);

        LineChart empty = LineChart.of("x", "i", "y").with("neg", new double[] {1, 2}, new double[] {-1, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.render(empty));
        assertTrue(e.getMessage().contains("log axis"), e.getMessage());
    }

    @Test
    void lineChartFromMetricsColumns() throws IOException {
        Path csv = dir.resolve("metrics.csv");
        try (MetricsCsv m = MetricsCsv.create(csv, List.of("loss", "snr"))) {
            for (int i = 1; i <= 50; i++) {
                m.append(i, 1.0 / i, Math.sqrt(i));
            }
        }
        LineChart chart = LineChart.of("", "iteration", "value").withColumns(MetricsCsv.read(csv), "loss", "snr");
        assertEquals(2, chart.series().size());
        Path file = dir.resolve("metrics.png");
        Plots.write(chart, file);
        readAndCheck(file, LineChart.DEFAULT_WIDTH, LineChart.DEFAULT_HEIGHT);
    }

    @Test
    void comparisonHeatmapHasThreePanelsAndColourBars() throws IOException {
        double[] t = Grid.linspace(0, 1, 101);
        double[] x = Grid.linspace(-1, 1, 256);
        double[][] ref = new double[t.length][x.length];
        double[][] pred = new double[t.length][x.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < x.length; j++) {
                ref[i][j] = Math.exp(-t[i]) * Math.sin(Math.PI * x[j]);
                pred[i][j] = ref[i][j] + 0.02 * Math.cos(3 * x[j]) * t[i];
            }
        }
        HeatmapFigure fig = HeatmapFigure.comparison("Burgers: u(t, x)", new Grid("t", t, "x", x), ref, pred, 1500, 450);
        Path file = dir.resolve("u.png");
        Plots.write(fig, file);
        BufferedImage img = readAndCheck(file, 1500, 450);
        // The left and right thirds differ (a field vs its error), so panels are really drawn apart.
        assertTrue(img.getRGB(250, 225) != img.getRGB(1250, 225));
    }

    @Test
    void heatmapOnANonUniformGridWithNaNsStillRenders() throws IOException {
        double[] x = {0, 0.1, 0.3, 0.7, 1.5};
        double[] y = {-2, -1, 3};
        double[][] v = {{1, 2, 3}, {4, Double.NaN, 6}, {7, 8, 9}, {1, 1, 1}, {0, 0, 0}};
        HeatmapFigure fig = new HeatmapFigure("", new Grid("x", x, "y", y),
                List.of(Panel.of("field", v, ColorMap.BLUE_RED)), 400, 300);
        Path file = dir.resolve("f.png");
        Plots.write(fig, file);
        readAndCheck(file, 400, 300);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void badShapesAreClearErrors() {
        Grid grid = new Grid("x", new double[] {0, 1}, "y", new double[] {0, 1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeatmapFigure("", grid, List.of(Panel.of("p", new double[2][2], ColorMap.VIRIDIS)), 400, 300));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid("x", new double[] {0, 0}, "y", new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[1], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("c", "x", "y").with("a", new double[1], new double[1]).with("a", new double[1], new double[1]));
    }

    @Test
    void logAxesSpanWholeDecadesAndLinearAxesRoundNumbers() {
        LogAxis log = Axes.log("loss", 3e-4, 2.0);
        assertEquals(1e-4, log.getLowerBound(), 1e-12);
        assertEquals(10, log.getUpperBound(), 1e-6);
        assertEquals(1.0, log.getTickUnit().getSize());
        LogAxis wide = Axes.log("loss", 1e-15, 1e3);
        assertEquals(2.0, wide.getTickUnit().getSize(), "18 decades are labelled every second one");
        NumberAxis flat = Axes.linear("u", 2, 2, 0);
        assertTrue(flat.getLowerBound() < 2 && flat.getUpperBound() > 2, "a constant gets a range around it");
    }

    @Test
    void heatmapBlocksKeepUniformGridsAndResampleOthers() {
        double[] uniform = Grid.linspace(-1, 1, 201);
        assertSame(uniform, Heatmaps.blocks(uniform));
        double[] fine = Grid.linspace(0, 1, 1000);
        assertEquals(Heatmaps.MAX_BLOCKS, Heatmaps.blocks(fine).length);
        double[] x = {0, 0.1, 0.3, 0.7, 1.5};
        double[] xs = Heatmaps.blocks(x);
        assertEquals(Heatmaps.MAX_BLOCKS, xs.length);
        Grid grid = new Grid("x", x, "y", new double[] {0, 1});
        double[][] v = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[][] r = Heatmaps.resample(grid, v, xs, new double[] {0, 1});
        assertEquals(0, r[0][0]);
        assertEquals(4, r[xs.length - 1][1]);
        // x = 0.2 lies half way between the points 0.1 and 0.3
        double[][] mid = Heatmaps.resample(grid, v, new double[] {0.2}, new double[] {0.5});
        assertEquals(1.5, mid[0][0], 1e-12);
    }

    @Test
    void scatterOfWeightsAtPointsIsAPngOfTheRequestedSize() throws IOException {
        SplittableRandom rng = new SplittableRandom(77);
        int n = 1500;
        double[] t = new double[n];
        double[] x = new double[n];
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble();
            x[i] = -1 + 2 * rng.nextDouble();
            lambda[i] = Math.exp(-Math.pow((Math.abs(x[i]) - 0.5) / 0.1, 2));
        }
        lambda[3] = Double.NaN;
        ScatterField scatter = ScatterField.of("RBA weights", "t", "x", t, x, lambda, "\u03bb").withSize(640, 480);
        Path file = dir.resolve("rba.png");
        Plots.write(scatter, file);
        readAndCheck(file, 640, 480);

        ScatterField none = ScatterField.of("none", "t", "x", new double[] {Double.NaN}, new double[] {0},
                new double[] {1}, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.render(none));
        assertTrue(e.getMessage().contains("no point"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScatterField.of("s", "t", "x", new double[2], new double[2], new double[3], "\u03bb"));
    }

    @Test
    void colourMapsAreClampedAndGreyForNaN() {
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(-3));
        assertEquals(0xfde725, ColorMap.VIRIDIS.rgb(7));
        assertEquals(0x999999, ColorMap.INFERNO.rgb(Double.NaN));
        ColorScale scale = new ColorScale(ColorMap.VIRIDIS, -2, 2);
        assertEquals(new Color(0x440154), scale.getPaint(-5));
        assertEquals(new Color(0xfde725), scale.getPaint(2));
        assertEquals(new Color(0x999999), scale.getPaint(Double.NaN));
        ColorScale flat = new ColorScale(ColorMap.INFERNO, 3, 3);
        assertTrue(flat.getLowerBound() < 3 && flat.getUpperBound() > 3);
    }

    @Test
    void styledSeriesAndMarkersRenderAndMarkersWidenTheXAxis() throws IOException {
        SplittableRandom rng = new SplittableRandom(99);
        int n = 300;
        double[] it = new double[n];
        double[] raw = new double[n];
        double[] smooth = new double[n];
        for (int i = 0; i < n; i++) {
            it[i] = i + 1;
            smooth[i] = 10 * Math.pow(i + 1, -0.5);
            raw[i] = smooth[i] * Math.exp(0.5 * rng.nextGaussian());
        }
        LineChart chart = LineChart.of("SNR", "iteration", "SNR").withLog(true, true)
                .with(new Series("median", it, smooth).withColor(0).withWeight(Series.Weight.BOLD))
                .with(new Series("raw", it, raw).withColor(0).withWeight(Series.Weight.THIN));
        BufferedImage plain = Plots.render(chart);
        LineChart marked = chart.withMarker("fitting end", 50).withMarker("total diffusion onset", 70)
                .withMarker("", 2000).withMarker("not drawn on a log axis", -5);
        assertEquals(4, marked.markers().size());
        Path file = dir.resolve("marked.png");
        Plots.write(marked, file);
        BufferedImage img = readAndCheck(file, LineChart.DEFAULT_WIDTH, LineChart.DEFAULT_HEIGHT);
        // the labels take a band above the plot, so the frame moves down
        assertTrue(frameTop(img) > frameTop(plain) + 10, frameTop(img) + " vs " + frameTop(plain));
        assertThrows(IllegalArgumentException.class, () -> new Marker("inf", Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[1], new double[1], -2,
                Series.Weight.NORMAL));
    }

    /** Row of the top edge of the plot frame: the first row, from the top, whose middle half is frame-grey. */
    private static int frameTop(BufferedImage img) {
        int dark = Look.FRAME.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) {
            int count = 0;
            for (int x = img.getWidth() / 4; x < 3 * img.getWidth() / 4; x++) {
                count += (img.getRGB(x, y) & 0xffffff) == dark ? 1 : 0;
            }
            if (count > img.getWidth() / 3) {
                return y;
            }
        }
        return -1;
    }

    @Test
    void stackedChartSharesTheXAxisAndChecksItsPanels() throws IOException {
        double[] it = {1, 10, 20, 40, 80, 100, 200, 400, 1000};
        LineChart top = LineChart.of("", "iteration", "entropy (bits)").withLog(true, false)
                .with("layer 0", it, new double[] {7, 7, 6.9, 6.8, 6.5, 6.4, 6, 5.5, 5})
                .with("layer 1", it, new double[] {6, 6, 5.9, 5.8, 5.5, 5.4, 5, 4.5, 4})
                .withMarker("phase", 300);
        LineChart bottom = LineChart.of("", "iteration", "saturation (%)").withLog(true, false)
                .with("", it, new double[] {1, 1, 2, 3, 5, 8, 10, 20, 30})
                .with("", it, new double[] {2, 2, 3, 4, 6, 9, 12, 25, 35});
        StackedLineChart fig = new StackedLineChart("entropy", List.of(top, bottom), 800, 700);
        assertEquals(List.of(new Marker("phase", 300)), fig.markers());
        Path file = dir.resolve("stacked.png");
        Plots.write(fig, file);
        readAndCheck(file, 800, 700);

        assertThrows(IllegalArgumentException.class, () -> new StackedLineChart("t", List.of(), 800, 700));
        IllegalArgumentException titled = assertThrows(IllegalArgumentException.class,
                () -> new StackedLineChart("t", List.of(LineChart.of("a title", "iteration", "y"), bottom), 800, 700));
        assertTrue(titled.getMessage().contains("panel 0"), titled.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new StackedLineChart("t", List.of(top, bottom.withLog(false, false)), 800, 700));
        assertThrows(IllegalArgumentException.class, () -> new StackedLineChart("t", List.of(top, bottom), 800, 200));
        StackedLineChart empty = new StackedLineChart("t", List.of(top, LineChart.of("", "iteration", "y")
                .withLog(true, false)), 800, 700);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Plots.render(empty));
        assertTrue(none.getMessage().contains("panel 1") && none.getMessage().contains("no point"), none.getMessage());
    }

    @Test
    void aCrowdedChartPutsItsLegendBelowThePlot() throws IOException {
        // lines through all four corners leave no room for a legend inside
        double[] x = Grid.linspace(0, 1, 200);
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        double[] zig = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            up[i] = x[i];
            down[i] = 1 - x[i];
            zig[i] = i % 2 == 0 ? 0 : 1;
        }
        LineChart chart = LineChart.of("", "x", "y").withLog(false, false)
                .with("up", x, up).with("down", x, down).with("zigzag between 0 and 1", x, zig);
        BufferedImage img = Plots.render(chart);
        assertEquals(LineChart.DEFAULT_HEIGHT, img.getHeight());
        // below the x axis title there is legend text: dark pixels in the bottom 4% of the image
        int dark = 0;
        for (int y = (int) (0.96 * img.getHeight()); y < img.getHeight(); y++) {
            for (int i = 0; i < img.getWidth(); i++) {
                int rgb = img.getRGB(i, y);
                dark += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300 ? 1 : 0;
            }
        }
        assertTrue(dark > 20, "no legend below the plot");
        // series with empty names may repeat: they are not in the legend
        LineChart unnamed = LineChart.of("", "x", "y").with("", x, up).with("", x, down);
        assertEquals(2, unnamed.series().size());
    }
}
