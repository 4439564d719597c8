package org.totaldiff.experiments.phases;

import java.util.Arrays;

/**
 * The robust statistics of the phase detector, on a series s sampled on a uniform grid of step h:
 * quantiles over a range of grid points, the fraction of a range on one side of a threshold, the
 * knee of a broken-stick fit and the Theil-Sen slope. Ranges are half-open, [from, to).
 */
final class Robust {

    private Robust() {
    }

    /**
     * The q-quantile of s[from, to), linear between order statistics (Hyndman and Fan, "Sample
     * quantiles in statistical packages", The American Statistician 50(4), 1996: definition 7,
     * numpy's default). Needs from &lt; to.
     */
    static double quantile(double[] s, int from, int to, double q) {
        double[] v = Arrays.copyOfRange(s, from, to);
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** The median of s[from, to). */
    static double median(double[] s, int from, int to) {
        return quantile(s, from, to, 0.5);
    }

    /** The smallest of s[from, to). */
    static double min(double[] s, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.min(m, s[i]);
        }
        return m;
    }

    /** The fraction of s[from, to) strictly above t (sign = +1) or strictly below t (sign = -1). */
    static double fractionBeyond(double[] s, int from, int to, double t, int sign) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (sign * (s[i] - t) > 0) {
                count++;
            }
        }
        return (double) count / (to - from);
    }

    /**
     * The knee of a fall that levels off: the grid point t in (from, to - 1) that minimises the
     * residual sum of squares of the broken stick
     *
     * <pre>
     *   s_i = c + a max(0, t - i) h + e_i,   a &gt; 0      (falling slope a before t, flat after)
     * </pre>
     *
     * fitted by least squares for each t (a two-phase regression with a continuous join: Hinkley,
     * "Inference about the intersection in two-phase regression", Biometrika 56(3), 1969). Returns
     * -1 when no t gives a falling slope. Only index differences enter, so the answer does not
     * depend on where the grid starts.
     */
    static int fallKnee(double[] s, int from, int to, double h) {
        int best = -1;
        double bestRss = Double.POSITIVE_INFINITY;
        int n = to - from;
        double ym = 0;
        for (int i = from; i < to; i++) {
            ym += s[i] / n;
        }
        for (int t = from + 1; t < to - 1; t++) {
            double xm = 0;
            for (int i = from; i < to; i++) {
                xm += Math.max(0, t - i) * h / n;
            }
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            for (int i = from; i < to; i++) {
                double dx = Math.max(0, t - i) * h - xm;
                double dy = s[i] - ym;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
            if (sxx <= 0 || sxy <= 0) {
                continue;
            }
            double rss = syy - sxy * sxy / sxx;
            if (rss < bestRss) {
                bestRss = rss;
                best = t;
            }
        }
        return best;
    }

    /**
     * The Theil-Sen slope of s[from, to) against grid position: the median of the pairwise slopes
     * (s_j - s_i) / ((j - i) h) (Theil, "A rank-invariant method of linear and polynomial regression
     * analysis", Indagationes Mathematicae 12, 1950; Sen, "Estimates of the regression coefficient
     * based on Kendall's tau", JASA 63(324), 1968). A few wild points move it little. Needs
     * to - from &ge; 2.
     */
    static double theilSen(double[] s, int from, int to, double h) {
        int n = to - from;
        double[] slopes = new double[n * (n - 1) / 2];
        int m = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                slopes[m++] = (s[j] - s[i]) / ((j - i) * h);
            }
        }
        return quantile(slopes, 0, m, 0.5);
    }
}
