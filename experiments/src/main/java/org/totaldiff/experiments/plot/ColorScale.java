package org.totaldiff.experiments.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A {@link ColorMap} stretched over [lower, upper] as JFreeChart's {@link PaintScale}: value v
 * gets the colour at (v − lower) / (upper − lower) along the map, looked up in a table of 256
 * colours; values outside the range get the end colours, NaN gets grey. Heat maps, scatters and
 * their colour bars all paint through it.
 */
final class ColorScale implements PaintScale {

    private static final int LEVELS = 256;
    private static final Color MISSING = new Color(0x999999);

    private final double lower;
    private final double upper;
    private final Color[] table = new Color[LEVELS];

    /** The map over [lower, upper]; an empty or degenerate range is widened around its value. */
    ColorScale(ColorMap map, double lower, double upper) {
        if (!(upper > lower)) {
            double d = lower == 0 ? 1 : Math.abs(lower) * 0.05;
            lower -= d;
            upper += d;
        }
        this.lower = lower;
        this.upper = upper;
        for (int i = 0; i < LEVELS; i++) {
            table[i] = new Color(map.rgb(i / (LEVELS - 1.0)));
        }
    }

    /** The map over the finite values of {@code arrays} ([0, 1] if there is none). */
    static ColorScale over(ColorMap map, double[]... arrays) {
        double[] r = Axes.range(arrays);
        return r == null ? new ColorScale(map, 0, 1) : new ColorScale(map, r[0], r[1]);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double f = (value - lower) / (upper - lower);
        int i = (int) Math.round(Math.max(0.0, Math.min(1.0, f)) * (LEVELS - 1));
        return table[i];
    }
}
