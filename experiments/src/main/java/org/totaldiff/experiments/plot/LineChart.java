package org.totaldiff.experiments.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.totaldiff.experiments.io.MetricsCsv;

/**
 * A line chart: one or more {@link Series} against a common x axis (typically iteration),
 * y on a log scale by default, and optional vertical {@link Marker}s. Build with {@link #of}
 * and the {@code with...} methods. On a log axis, points with a non-positive or non-finite
 * coordinate are left out. The x axis spans the points and the markers.
 *
 * @param title  chart title (may be empty)
 * @param xLabel x axis title
 * @param yLabel y axis title
 * @param series the lines, in legend order (the first drawn on top)
 * @param logX   log-scale x axis
 * @param logY   log-scale y axis
 * @param width  PNG width in pixels
 * @param height PNG height in pixels
 * @param markers dashed vertical lines, labelled above the plot
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX,
                        boolean logY, int width, int height, List<Marker> markers) {

    /** Default size of a chart, in pixels. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default size of a chart, in pixels. */
    public static final int DEFAULT_HEIGHT = 560;

    /** Checks sizes and names. */
    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("line chart '" + title + "': size must be at least 100x100, got "
                    + width + "x" + height);
        }
        List<String> names = new ArrayList<>();
        for (Series s : series) {
            if (!s.name().isEmpty() && names.contains(s.name())) {
                throw new IllegalArgumentException("line chart '" + title + "': two series named '" + s.name() + "'");
            }
            names.add(s.name());
        }
    }

    /** A chart without markers. */
    public LineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY,
                     int width, int height) {
        this(title, xLabel, yLabel, series, logX, logY, width, height, List.of());
    }

    /** An empty chart with log-scale y, linear x, {@value #DEFAULT_WIDTH}x{@value #DEFAULT_HEIGHT} pixels. */
    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel, List.of(), false, true, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** This chart with one more series. */
    public LineChart with(Series s) {
        List<Series> all = new ArrayList<>(series);
        all.add(s);
        return new LineChart(title, xLabel, yLabel, all, logX, logY, width, height, markers);
    }

    /** This chart with one more series. */
    public LineChart with(String name, double[] x, double[] y) {
        return with(new Series(name, x, y));
    }

    /** This chart with one series per named column of a metrics table, against iteration. */
    public LineChart withColumns(MetricsCsv.Table table, String... columns) {
        LineChart c = this;
        double[] it = table.column(MetricsCsv.ITERATION);
        for (String column : columns) {
            c = c.with(column, it, table.column(column));
        }
        return c;
    }

    /** This chart with the given axis scales. */
    public LineChart withLog(boolean logX, boolean logY) {
        return new LineChart(title, xLabel, yLabel, series, logX, logY, width, height, markers);
    }

    /** This chart at another size. */
    public LineChart withSize(int width, int height) {
        return new LineChart(title, xLabel, yLabel, series, logX, logY, width, height, markers);
    }

    /** This chart with one more marker: a dashed vertical line at {@code x} labelled {@code label}. */
    public LineChart withMarker(String label, double x) {
        List<Marker> all = new ArrayList<>(markers);
        all.add(new Marker(label, x));
        return withMarkers(all);
    }

    /** This chart with the given markers instead of its own. */
    public LineChart withMarkers(List<Marker> markers) {
        return new LineChart(title, xLabel, yLabel, series, logX, logY, width, height, markers);
    }
}
