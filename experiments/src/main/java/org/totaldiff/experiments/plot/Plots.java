package org.totaldiff.experiments.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.totaldiff.experiments.io.AtomicFiles;

/**
 * Renders figures to PNG, headless, with JFreeChart: line charts of metrics against iteration
 * ({@link LineChart}: log axes labelled 10<sup>k</sup>, legend, vertical {@link Marker}s; panels
 * stacked on one x axis as a {@link StackedLineChart}), side-by-side heat maps of fields
 * on a tensor grid with colour bars ({@link HeatmapFigure}, e.g. reference, prediction,
 * |error|), and values at scattered points coloured by value ({@link ScatterField}, e.g.
 * residual-based-attention weights over the collocation points). All share one look
 * ({@code Look}: white background, light grid, SansSerif, Tableau colours).
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
        return LineCharts.render(chart);
    }

    /** Writes line charts stacked on one x axis as PNG to {@code file}. */
    public static void write(StackedLineChart chart, Path file) {
        png(render(chart), file);
    }

    /**
     * Renders line charts stacked on one x axis.
     *
     * @throws IllegalArgumentException if a panel has no point its axes can show
     */
    public static BufferedImage render(StackedLineChart chart) {
        return LineCharts.render(chart);
    }

    /** Writes side-by-side heat maps as PNG to {@code file}. */
    public static void write(HeatmapFigure figure, Path file) {
        png(render(figure), file);
    }

    /** Renders side-by-side heat maps. */
    public static BufferedImage render(HeatmapFigure figure) {
        return Heatmaps.render(figure);
    }

    /** Writes a scatter of values at points as PNG to {@code file}. */
    public static void write(ScatterField scatter, Path file) {
        png(render(scatter), file);
    }

    /**
     * Renders a scatter of values at points.
     *
     * @throws IllegalArgumentException if no point has finite coordinates and value
     */
    public static BufferedImage render(ScatterField scatter) {
        return Scatters.render(scatter);
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
