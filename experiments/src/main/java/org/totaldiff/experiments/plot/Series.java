package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * One line of a {@link LineChart}: points (x[i], y[i]), drawn in a colour of the chart's
 * palette and with a weight.
 *
 * @param name   legend entry, unique within a chart; an empty name (which may repeat) leaves the line out of the legend
 * @param x      abscissae, e.g. iterations
 * @param y      ordinates, same length as x
 * @param color  index into the palette (Tableau 10, cycled), or {@link #AUTO} for the series' position in its chart
 * @param weight how heavily the line is drawn
 */
public record Series(String name, double[] x, double[] y, int color, Weight weight) {

    /** The colour of a series by its position in its chart: first blue, then red, green, orange, ... */
    public static final int AUTO = -1;

    /** How heavily a line is drawn. */
    public enum Weight {
        /** 1 pixel in a light (translucent) shade of the colour: a noisy raw trace behind its smoothing. */
        THIN,
        /** 2 pixels: the default. */
        NORMAL,
        /** 3 pixels: a smoothed curve over its raw trace. */
        BOLD
    }

    /** Checks the lengths. */
    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weight, "weight");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
        }
        if (color < AUTO) {
            throw new IllegalArgumentException("series '" + name + "': colour must be a palette index >= 0 or AUTO ("
                    + AUTO + "), got " + color);
        }
    }

    /** A series in the colour of its position, of normal weight. */
    public Series(String name, double[] x, double[] y) {
        this(name, x, y, AUTO, Weight.NORMAL);
    }

    /** A series against 0, 1, 2, ... */
    public static Series of(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y);
    }

    /** This series in colour {@code color} of the palette (or {@link #AUTO}). */
    public Series withColor(int color) {
        return new Series(name, x, y, color, weight);
    }

    /** This series drawn with another weight. */
    public Series withWeight(Weight weight) {
        return new Series(name, x, y, color, weight);
    }
}
