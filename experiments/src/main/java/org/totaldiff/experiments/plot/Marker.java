package org.totaldiff.experiments.plot;

import java.util.Objects;

/**
 * A dashed vertical line across a chart at {@code x}, labelled just above the plot's frame,
 * e.g. the iteration at which a learning phase begins. Labels of nearby markers are stacked
 * so that they do not overlap. On a log x axis a marker at x &le; 0 is not drawn.
 *
 * @param label text above the line (may be empty: the line alone)
 * @param x     where the line is, in the x axis's units (e.g. an iteration)
 */
public record Marker(String label, double x) {

    /** Checks the position. */
    public Marker {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("marker '" + label + "': x must be finite, got " + x);
        }
    }
}
