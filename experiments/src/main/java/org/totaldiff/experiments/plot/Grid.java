package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * A tensor grid for heat maps: a field value {@code values[i][j]} sits at (x[i], y[j]); x is
 * drawn horizontally, y vertically (upwards). For a space-time field u(x, t) pass t as x to get
 * time on the horizontal axis, or x as x to get space there. Coordinates must increase and
 * need not be uniform.
 *
 * @param xLabel horizontal axis title, e.g. "t"
 * @param x      horizontal coordinates, increasing, at least 2
 * @param yLabel vertical axis title, e.g. "x"
 * @param y      vertical coordinates, increasing, at least 2
 */
public record Grid(String xLabel, double[] x, String yLabel, double[] y) {

    /** Checks that the coordinates increase. */
    public Grid {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        check(xLabel, x);
        check(yLabel, y);
    }

    private static void check(String name, double[] c) {
        if (c.length < 2) {
            throw new IllegalArgumentException("grid axis '" + name + "': expected at least 2 points, got " + c.length);
        }
        for (int i = 1; i < c.length; i++) {
            if (!(c[i] > c[i - 1])) {
                throw new IllegalArgumentException("grid axis '" + name + "': coordinates must increase, but point "
                        + i + " is " + c[i] + " after " + c[i - 1]);
            }
        }
    }

    /** {@code n} evenly spaced points from {@code a} to {@code b} inclusive. */
    public static double[] linspace(double a, double b, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("linspace: expected n >= 2, got " + n);
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = a + (b - a) * i / (n - 1);
        }
        c[n - 1] = b;
        return c;
    }

    /** Checks that {@code values} is x.length by y.length. */
    void checkShape(String what, double[][] values) {
        if (values.length != x.length) {
            throw new IllegalArgumentException(what + ": expected " + x.length + "x" + y.length + " values (x by y), got "
                    + values.length + " rows");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != y.length) {
                throw new IllegalArgumentException(what + ": expected " + x.length + "x" + y.length
                        + " values (x by y), but row " + i + " has " + values[i].length);
            }
        }
    }
}
