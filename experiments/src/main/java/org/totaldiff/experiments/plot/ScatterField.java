package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * Values at scattered 2-d points, drawn as small dots coloured by value with a colour bar:
 * e.g. the residual-based-attention weights λ<sub>i</sub> over the collocation points
 * (Anagnostopoulos et al., 2024). Points with a non-finite coordinate or value are left out;
 * dots are drawn in increasing value, so the largest stay visible where dots overlap.
 *
 * @param title  figure title (may be empty)
 * @param xLabel horizontal axis title, e.g. "t"
 * @param yLabel vertical axis title, e.g. "x"
 * @param x      horizontal coordinates
 * @param y      vertical coordinates, same length as x
 * @param values the value at each point, same length as x
 * @param colors colour map
 * @param scale  title of the colour bar, e.g. "λ" (may be empty)
 * @param width  PNG width in pixels
 * @param height PNG height in pixels
 */
public record ScatterField(String title, String xLabel, String yLabel, double[] x, double[] y, double[] values,
                           ColorMap colors, String scale, int width, int height) {

    /** Default size of a scatter, in pixels. */
    public static final int DEFAULT_WIDTH = 760;
    /** Default size of a scatter, in pixels. */
    public static final int DEFAULT_HEIGHT = 600;

    /** Checks lengths and size. */
    public ScatterField {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(colors, "colors");
        Objects.requireNonNull(scale, "scale");
        if (x.length != y.length || x.length != values.length) {
            throw new IllegalArgumentException("scatter '" + title + "': x, y and values must have one length, got "
                    + x.length + ", " + y.length + " and " + values.length);
        }
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("scatter '" + title + "': size must be at least 200x150, got "
                    + width + "x" + height);
        }
    }

    /** A viridis scatter of {@value #DEFAULT_WIDTH}x{@value #DEFAULT_HEIGHT} pixels. */
    public static ScatterField of(String title, String xLabel, String yLabel, double[] x, double[] y, double[] values,
                                  String scale) {
        return new ScatterField(title, xLabel, yLabel, x, y, values, ColorMap.VIRIDIS, scale, DEFAULT_WIDTH,
                DEFAULT_HEIGHT);
    }

    /** This scatter at another size. */
    public ScatterField withSize(int width, int height) {
        return new ScatterField(title, xLabel, yLabel, x, y, values, colors, scale, width, height);
    }
}
