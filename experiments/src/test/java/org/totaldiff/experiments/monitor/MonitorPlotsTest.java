package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.experiments.plot.Marker;

class MonitorPlotsTest {

    private static final String[] FIGURES = {"snr", "snr_layers", "order", "entropy"};

    @TempDir
    Path dir;

    /** Iterations of snr.csv: every 2 below 300, then every 100 up to {@code last}. */
    private static List<Long> snrIterations(long last) {
        List<Long> its = new ArrayList<>();
        for (long i = 0; i < 300 && i <= last; i += 2) {
            its.add(i);
        }
        for (long i = 300; i <= last; i += 100) {
            its.add(i);
        }
        return its;
    }

    /** snr.csv of a network with {@code layers} weight matrices: noisy SNR falling from ~30 to ~0.3, orders rising. */
    private static void writeSnr(Path file, int layers, long last, SplittableRandom rng) throws IOException {
        StringBuilder b = new StringBuilder("iteration,snr,phi");
        for (int l = 0; l < layers; l++) {
            b.append(",snr_layer_").append(l);
        }
        b.append(",adam_snr,adam_step,phi_r,phi_r_abs\n");
        for (long it : snrIterations(last)) {
            double t = Math.log10(it + 1);
            double trend = 30 * Math.exp(-t) + 0.3;
            b.append(it).append(',').append(trend * Math.exp(0.5 * rng.nextGaussian()))
                    .append(',').append(0.1 + 0.8 / (1 + Math.exp(-3 * (t - 3))));
            for (int l = 0; l < layers; l++) {
                b.append(',').append(trend * Math.pow(3, l - 1) * Math.exp(0.4 * rng.nextGaussian()));
            }
            boolean lbfgs = it > 0.8 * last;
            b.append(',').append(lbfgs ? "NaN" : "2.5").append(',').append(lbfgs ? "NaN" : "0.001")
                    .append(',').append(0.2 + 0.6 / (1 + Math.exp(-3 * (t - 3.3))))
                    .append(',').append(0.3 + 0.5 / (1 + Math.exp(-3 * (t - 2.8)))).append('\n');
        }
        Files.writeString(file, b);
    }

    /** metrics.csv with a row per iteration and the test error every 100 iterations (NaN between). */
    private static void writeMetrics(Path file, long last) throws IOException {
        StringBuilder b = new StringBuilder("iteration,loss,rel_l2,rel_linf,loss_residual,loss_bc,lr,wall_s\n");
        for (long it = 0; it <= last; it++) {
            double loss = Math.exp(-it / 2000.0);
            String e = it % 100 == 0 ? Double.toString(0.8 * Math.exp(-it / 3000.0) + 0.01) : "NaN";
            b.append(it).append(',').append(loss).append(',').append(e).append(',').append(e).append(',')
                    .append(loss).append(',').append(loss / 10).append(",0.001,").append(it * 0.01).append('\n');
        }
        Files.writeString(file, b);
    }

    /** entropy.csv as the monitor writes it (numbers as doubles): one row per hidden layer per iteration. */
    private static void writeEntropy(Path file, int hidden, long last, SplittableRandom rng) throws IOException {
        StringBuilder b = new StringBuilder("iteration,layer,entropy_bits,saturation_pct\n");
        List<Long> its = new ArrayList<>(List.of(0L, 10L, 20L, 40L, 80L));
        for (long i = 100; i <= last; i += 100) {
            its.add(i);
        }
        for (long it : its) {
            double t = Math.log10(it + 1);
            for (int l = 0; l < hidden; l++) {
                b.append((double) it).append(',').append((double) l).append(',')
                        .append(7 - 0.4 * l - 2 / (1 + Math.exp(-2 * (t - 3))) + 0.05 * rng.nextGaussian()).append(',')
                        .append(2 + 3 * l + 30 / (1 + Math.exp(-2 * (t - 3.3))) + rng.nextDouble()).append('\n');
            }
        }
        Files.writeString(file, b);
    }

    private void writeRun(int layers) throws IOException {
        SplittableRandom rng = new SplittableRandom(1234);
        writeSnr(dir.resolve("snr.csv"), layers, 5000, rng);
        writeMetrics(dir.resolve("metrics.csv"), 5000);
        writeEntropy(dir.resolve("entropy.csv"), layers - 1, 5000, rng);
    }

    /** Reads back a PNG: decodable, of the expected size, and drawn in many colours (lines, text, grid). */
    private static BufferedImage readAndCheck(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not written");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a decodable image: " + file);
        assertEquals(width, img.getWidth(), file.toString());
        assertEquals(height, img.getHeight(), file.toString());
        assertTrue(colours(img) >= 50, "nearly blank image: " + file + " has " + colours(img) + " colours");
        return img;
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    private Path png(String name) {
        return dir.resolve("plots").resolve(name + ".png");
    }

    @Test
    void allFourFiguresAreWrittenFromARunDirectory() throws IOException {
        writeRun(5);
        MonitorPlots.write(dir, "helmholtz, rba");
        readAndCheck(png("snr"), MonitorPlots.WIDTH, MonitorPlots.HEIGHT);
        readAndCheck(png("snr_layers"), MonitorPlots.WIDTH, MonitorPlots.HEIGHT);
        readAndCheck(png("order"), MonitorPlots.WIDTH, MonitorPlots.HEIGHT);
        readAndCheck(png("entropy"), MonitorPlots.WIDTH, MonitorPlots.ENTROPY_HEIGHT);
    }

    @Test
    void markersChangeEveryFigure() throws IOException {
        writeRun(8);
        MonitorPlots.write(dir, "");
        List<BufferedImage> plain = new ArrayList<>();
        for (String f : FIGURES) {
            plain.add(ImageIO.read(png(f).toFile()));
        }
        MonitorPlots.write(dir, "burgers, plain",
                List.of(new Marker("fitting end", 400), new Marker("total diffusion onset", 600)));
        for (int k = 0; k < FIGURES.length; k++) {
            BufferedImage marked = readAndCheck(png(FIGURES[k]), MonitorPlots.WIDTH,
                    FIGURES[k].equals("entropy") ? MonitorPlots.ENTROPY_HEIGHT : MonitorPlots.HEIGHT);
            assertFalse(same(plain.get(k), marked), FIGURES[k] + " looks the same with markers");
        }
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void aMissingFileSkipsItsFigures() throws IOException {
        MonitorPlots.write(dir, "nothing yet");
        assertFalse(Files.exists(dir.resolve("plots")), "no figure, no plots folder");

        SplittableRandom rng = new SplittableRandom(5);
        writeEntropy(dir.resolve("entropy.csv"), 3, 2000, rng);
        MonitorPlots.write(dir, "entropy only");
        assertTrue(Files.isRegularFile(png("entropy")));
        for (String f : List.of("snr", "snr_layers", "order")) {
            assertFalse(Files.exists(png(f)), f);
        }

        Files.delete(dir.resolve("entropy.csv"));
        Files.delete(png("entropy"));
        writeSnr(dir.resolve("snr.csv"), 3, 2000, rng);
        MonitorPlots.write(dir, "snr only");
        for (String f : List.of("snr", "snr_layers", "order")) {
            assertTrue(Files.isRegularFile(png(f)), f);
        }
        assertFalse(Files.exists(png("entropy")));

        // the test error alone still makes an order figure
        Path only = dir.resolve("metrics-only");
        Files.createDirectories(only);
        writeMetrics(only.resolve("metrics.csv"), 1000);
        MonitorPlots.write(only, "");
        assertTrue(Files.isRegularFile(only.resolve("plots/order.png")));
        assertFalse(Files.exists(only.resolve("plots/snr.png")));
    }

    @Test
    void filesWithASingleRowOrAHalfWrittenLineDoNotThrow() throws IOException {
        Files.writeString(dir.resolve("snr.csv"),
                "iteration,snr,phi,snr_layer_0,snr_layer_1,adam_snr,adam_step,phi_r,phi_r_abs\n" + "0,12.5,0.1,3.0,40.0,NaN,NaN,0.2,0.3\n2,11.0,0.");
        Files.writeString(dir.resolve("metrics.csv"), "iteration,loss,rel_l2,rel_linf,loss_residual,lr,wall_s\n"
                + "0,1.0,0.9,1.2,1.0,0.001,0.0\n");
        Files.writeString(dir.resolve("entropy.csv"), "iteration,layer,entropy_bits,saturation_pct\n"
                + "0.0,0.0,7.1,2.0\n0.0,1.0,6.8,3.0\n");
        MonitorPlots.write(dir, "just started", List.of(new Marker("fitting end", 100)));
        for (String f : FIGURES) {
            assertFalse(Files.exists(png(f)), f + " drawn from a single row");
        }

        Files.writeString(dir.resolve("entropy.csv"), "iteration,layer,entropy_bits,saturation_pct\n");
        Files.writeString(dir.resolve("snr.csv"), "iteration,snr,phi\n");
        MonitorPlots.write(dir, "headers only");
        assertFalse(Files.exists(png("snr")));
    }

    @Test
    void aMalformedFileIsAClearError() throws IOException {
        Files.writeString(dir.resolve("entropy.csv"), "iteration,layer,entropy_bits,saturation_pct\n0,0,7,x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonitorPlots.write(dir, ""));
        assertTrue(e.getMessage().contains("entropy.csv") && e.getMessage().contains("saturation_pct"), e.getMessage());
    }

    @Test
    void movingMedianShrinksSymmetricallyAtTheEndsAndSkipsNaN() {
        double[] v = {5, 1, 4, 2, 3, 100, 0};
        assertArrayEquals(new double[] {5, 4, 2, 3, 3, 3, 0}, MonitorPlots.movingMedian(v, 3));
        // centred window of 5 in the middle; 1 and 3 rows at the ends
        assertArrayEquals(new double[] {5, 4, 3, 3, 3, 3, 0}, MonitorPlots.movingMedian(v, 5));
        double[] gap = {Double.NaN, 2, 4};
        assertArrayEquals(new double[] {Double.NaN, 3, 4}, MonitorPlots.movingMedian(gap, 3));
        assertArrayEquals(new double[0], MonitorPlots.movingMedian(new double[0], 11));
        assertThrows(IllegalArgumentException.class, () -> MonitorPlots.movingMedian(v, 4));
    }

    @Test
    void iterationZeroIsDrawnAtOneUnlessTheLineHasAPointThere() {
        long[] its = {0, 2, 4};
        assertArrayEquals(new double[] {1, 2, 4}, MonitorPlots.logIterations(its, new double[] {1, 1, 1}));
        long[] dense = {0, 1, 2};
        assertTrue(Double.isNaN(MonitorPlots.logIterations(dense, new double[] {1, 1, 1})[0]));
        // a NaN at iteration 1 (no test there) leaves iteration 0 its place at x = 1
        assertEquals(1, MonitorPlots.logIterations(dense, new double[] {1, Double.NaN, 1})[0]);
    }

    @Test
    void entropyIsReadByLayerWhateverTheRowOrder() throws IOException {
        Path file = dir.resolve("entropy.csv");
        Files.writeString(file, "iteration,layer,entropy_bits,saturation_pct\n"
                + "0.0,1.0,6.0,2.0\n0.0,0.0,7.0,1.0\n10.0,0.0,6.5,4.0\n20,1,5,8\n");
        MonitorPlots.Entropy e = MonitorPlots.entropy(file).orElseThrow();
        assertArrayEquals(new long[] {0, 10, 20}, e.iterations());
        assertArrayEquals(new double[] {7.0, 6.5, Double.NaN}, e.bits()[0]);
        assertArrayEquals(new double[] {6.0, Double.NaN, 5.0}, e.bits()[1]);
        assertArrayEquals(new double[] {2.0, Double.NaN, 8.0}, e.saturation()[1]);
        assertTrue(MonitorPlots.entropy(dir.resolve("absent.csv")).isEmpty());
    }

    @Test
    void layersAreNamedInputToOutput() {
        assertEquals("layer 0 (input)", MonitorPlots.layerName(0, 3));
        assertEquals("layer 1", MonitorPlots.layerName(1, 3));
        assertEquals("layer 3 (output)", MonitorPlots.layerName(3, 3));
        assertEquals("layer 0 (input and output)", MonitorPlots.layerName(0, 0));
    }
}
