package org.totaldiff.experiments.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.totaldiff.experiments.io.AtomicFiles;

/**
 * Renders figures to PNG, headless.
 *
 * <p>Both kinds are drawn with Java2D in one look (SansSerif text, light grid, round-number
 * ticks, Tableau colours): line charts of metrics against iteration ({@link LineChart}, log
 * axes with decade ticks, legend) and side-by-side heat maps of fields on a tensor grid with
 * colour bars ({@link HeatmapFigure}, e.g. reference, prediction, |error|). No charting library:
 * XChart was tried and puts linear-axis ticks on data points, and its heat map labels every cell.
 *
 * <p>PNG files are replaced atomically, so a figure is never seen half-written.
 */
public final class Plots {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {
    }

    /** Writes a line chart as PNG to {@code file}. */
    public static void write(LineChart chart, Path file) {
        png(render(chart), file);
    }

    /**
     * Renders a line chart.
     *
     * @throws IllegalArgumentException if no series has a point the axes can show
     */
    public static BufferedImage render(LineChart chart) {
        return LineRenderer.render(chart);
    }

    /** Writes side-by-side heat maps as PNG to {@code file}. */
    public static void write(HeatmapFigure figure, Path file) {
        png(render(figure), file);
    }

    /** Renders side-by-side heat maps. */
    public static BufferedImage render(HeatmapFigure figure) {
        return HeatmapRenderer.render(figure);
    }

    /** Writes an image as PNG, replacing {@code file} atomically. */
    public static void png(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JVM");
            }
        });
    }
}
