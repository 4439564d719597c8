package org.totaldiff.experiments.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;

/**
 * The axes of all figures: JFreeChart's {@link LogAxis} over whole decades, labelled
 * 10<sup>k</sup>, and its {@link NumberAxis} with round-number ticks (1, 2 or 5 times a power
 * of ten, never at data points).
 */
final class Axes {

    /** Most labelled decades on a log axis; more decades are labelled every second (third...) one. */
    private static final int MAX_DECADES = 10;

    private Axes() {
    }

    /**
     * A log axis over the whole decades around [min, max] (both positive), labelled 10<sup>k</sup>
     * and, if every decade is labelled, with minor ticks and grid lines at 2..9 × 10<sup>k</sup>.
     */
    static LogAxis log(String label, double min, double max) {
        double lo = Math.floor(Math.log10(min) + 1e-9);
        double hi = Math.ceil(Math.log10(max) - 1e-9);
        if (hi <= lo) {
            hi = lo + 1;
        }
        int decades = (int) Math.round(hi - lo);
        int every = (decades + MAX_DECADES - 1) / MAX_DECADES;
        LogAxis axis = new LogAxis(label);
        // a hair wider than the decades, so that rounding in log10 keeps the end ticks
        axis.setRange(Math.pow(10, lo) * (1 - 1e-9), Math.pow(10, hi) * (1 + 1e-9));
        DecimalFormat exponent = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        DecimalFormatSymbols symbols = exponent.getDecimalFormatSymbols();
        symbols.setMinusSign('\u2212');
        exponent.setDecimalFormatSymbols(symbols);
        axis.setTickUnit(new NumberTickUnit(every, exponent, every == 1 ? 9 : 0), false, true);
        axis.setMinorTickMarksVisible(every == 1);
        return axis;
    }

    /** A linear axis over [min, max] widened by {@code margin} (a fraction of the span) at both ends. */
    static NumberAxis linear(String label, double min, double max, double margin) {
        if (!(max > min)) {
            double d = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= d;
            max += d;
        }
        double pad = (max - min) * margin;
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(new NumberTickUnitSource());
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(min - pad, max + pad);
        return axis;
    }

    /** [min, max] of the finite values of {@code v}, or null if there is none. */
    static double[] range(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }
}
