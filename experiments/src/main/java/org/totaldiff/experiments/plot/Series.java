package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * One line of a {@link LineChart}: points (x[i], y[i]).
 *
 * @param name legend entry (unique within a chart)
 * @param x    abscissae, e.g. iterations
 * @param y    ordinates, same length as x
 */
public record Series(String name, double[] x, double[] y) {

    /** Checks the lengths. */
    public Series {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " points, y has " + y.length);
        }
    }

    /** A series against 0, 1, 2, ... */
    public static Series of(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y);
    }
}
