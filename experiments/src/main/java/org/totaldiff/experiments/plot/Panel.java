package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * One heat map of a {@link HeatmapFigure}: a field on the figure's grid, its colour map, and
 * the name of its colour scale: panels with the same scale name share one value range (so
 * "reference" and "prediction" compare by colour), each panel draws its own colour bar.
 *
 * @param title  panel title, e.g. "prediction"
 * @param values {@code values[i][j]} at (x[i], y[j]) of the grid
 * @param colors colour map
 * @param scale  scale name; panels with equal names share their colour range
 */
public record Panel(String title, double[][] values, ColorMap colors, String scale) {

    /** Checks for nulls. */
    public Panel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(colors, "colors");
        Objects.requireNonNull(scale, "scale");
    }

    /** A panel with its own colour range. */
    public static Panel of(String title, double[][] values, ColorMap colors) {
        return new Panel(title, values, colors, title);
    }
}
