package org.totaldiff.experiments.phases;

/**
 * Finds the learning phases of Anagnostopoulos, Toscano, Stergiopulos, Karniadakis, "Learning in
 * PINNs: Phase transition, total diffusion, and generalization" (arXiv:2403.18494, 2024) in a
 * gradient-SNR trace: the end of <i>fitting</i> (the early high-SNR drift, after which the SNR has
 * fallen and settled into the low, noisy <i>diffusion</i> phase) and the onset of <i>total
 * diffusion</i> (the abrupt, sustained rise of the SNR after diffusion); and, in a test-error trace,
 * the window of fixed width where the error falls fastest.
 *
 * <p><b>Coordinates.</b> Everything happens in u = log<sub>10</sub>(iteration), y =
 * log<sub>10</sub>(SNR). The trace is resampled onto a grid of step {@code gridStep} in u by a
 * running median of width {@code smoothingWidth} in which each row weighs the span of u it covers
 * ({@link LogTrace}), and only differences of y and widths in u are compared with the
 * parameters. So a constant factor on the SNR changes nothing, multiplying the iterations by c
 * multiplies the detections by c, and the logging cadence does not matter where the trace has rows
 * enough to show the feature. Below, s<sub>k</sub> is the resampled series, W = {@code
 * sustainWindow}, and the <i>level ahead</i> F<sub>k</sub> is the median of s over [u<sub>k</sub>,
 * u<sub>k</sub> + W] (cut at the end of the trace; undefined when less than W/2 is left).
 *
 * <p><b>Changes of level, tested in two windows.</b> Both detections compare a level before a
 * grid point with the level ahead of it, a moving-window two-sample statistic in the manner of
 * MOSUM change-point detection (Eichinger and Kirch, "A MOSUM procedure for the estimation of
 * multiple random change points", Bernoulli 24(1), 2018), with medians for means. A change is
 * <i>sustained</i> when at least {@code sustainFraction} of the window ahead lies beyond the
 * midpoint of the two levels: the reference value of Page's CUSUM for a shift between two known
 * levels (Page, "Continuous inspection schemes", Biometrika 41, 1954), used here as a sign test
 * over the window. A rise that falls back within sustainFraction &middot; W (0.4 decades, a factor
 * 2.5 in iteration, by default) cannot pass it. In the last W of the trace the window ahead is cut
 * (to no less than W/2) and a change is judged on what is left.
 *
 * <p><b>Fitting end.</b> (1) The fall: the first k where the highest level held so far, H<sub>k</sub>
 * = max over j &le; k of the median of s over [u<sub>j</sub> - W, u<sub>j</sub>] (widened back to
 * hold {@code minRows} rows), exceeds F<sub>k</sub> by {@code minFall} and the fall is sustained.
 * (2) The arrival: the first k after it where the level ahead has bottomed out, F<sub>k</sub> &le;
 * min<sub>j&isin;[k, k+W]</sub> F<sub>j</sub> + {@code tolerance}, and the median of s over the next
 * {@code smoothingWidth} is within {@code tolerance} of F<sub>k</sub>; at least 2W of trace must
 * follow. (3) The knee: a broken-stick fit (falling line, then flat) to s over [u<sub>a</sub> - W/2,
 * u<sub>a</sub> + W] around the arrival a ({@link Robust#fallKnee}, Hinkley 1969). A power-law
 * decay steeper than {@code tolerance}/W decades per decade never bottoms out: no fitting end.
 *
 * <p><b>Total-diffusion onset.</b> After the fitting end (without one, from {@code levelWindow}
 * into the trace, so that the first diffusion level rests on a whole window), for every k: the diffusion level B<sub>k</sub> = median of s over the last {@code levelWindow}
 * (not before the fitting end; at least {@code minRows} rows), the rise D<sub>k</sub> =
 * F<sub>k</sub> - B<sub>k</sub>, kept if sustained. If the largest sustained rise D* is below
 * {@code minRise} there is no onset (trendless noise, a decay, a spike that falls back). Otherwise
 * k<sub>1</sub> is the first sustained k with D<sub>k</sub> &ge; D* - {@code tolerance} (so a
 * smaller rise earlier in the diffusion phase is passed over) and the onset is the first grid point
 * from k<sub>1</sub> on where s has arrived within {@code tolerance} of the new level
 * F<sub>k<sub>1</sub></sub>: where the SNR reaches total diffusion, not where it starts to climb.
 *
 * <p><b>Calibration.</b> On the authors' Helmholtz traces (a<sub>1</sub> = a<sub>2</sub> = 6,
 * {@code shared/data}) the defaults give fitting ends at 162 (vanilla) and 80 (RBA) and onsets at
 * 17,000 and 900, against the authors' markers of about 180 and 70, and 19,000 and 1,000. In the
 * vanilla run the SNR climbs from 10<sup>-5</sup> at 12,700 to its plateau of about 2 by 17,000;
 * the first sustained change (at 12,700) would be 1.5 times early. In the RBA run the SNR already
 * rises by one decade at 150 (to 0.1 - 0.3), inside diffusion; the largest-rise rule passes it
 * over for the rise of 1.4 decades at 900.
 *
 * <p>Detections are reported as the logged iteration nearest (in log-iteration) to the grid
 * point, so they are iterations of the trace.
 *
 * <p><b>Fastest descent.</b> The error is resampled the same way; every window of {@code
 * descentWidth} in u holding at least {@code minRows} rows gets the Theil-Sen slope of log error
 * against log iteration, and the most negative wins (its edges are returned as iterations).
 */
public final class PhaseDetector {

    /**
     * Every parameter of the detector, in decades (log<sub>10</sub> units) of iteration or SNR.
     *
     * @param gridStep spacing of the resampling grid in log-iteration (0.01: 2.3% in iteration)
     * @param smoothingWidth width of the running median in log-iteration (0.1: a factor 1.26);
     *     isolated spikes narrower than half of it vanish
     * @param sustainWindow W, how far ahead a new level is measured and must hold (0.5: a factor
     *     3.2 in iteration); also the look-back of the fitting high level
     * @param levelWindow how far back the diffusion level is measured for the onset (1.0)
     * @param sustainFraction share of the window ahead that must lie beyond the midpoint between the
     *     old and the new level (0.8), in (0.5, 1]
     * @param minFall the least fall, in decades of SNR, that ends fitting (1.0)
     * @param minRise the least rise, in decades of SNR, of total diffusion (0.7: a step of one
     *     decade passes with noise to spare)
     * @param tolerance two levels this close, in decades, count as the same (0.3)
     * @param minRows the least rows a level before a point rests on, and a fastest-descent window
     *     holds (5)
     * @param descentWidth width in log-iteration of the fastest-descent window (0.5)
     */
    public record Parameters(double gridStep, double smoothingWidth, double sustainWindow,
            double levelWindow, double sustainFraction, double minFall, double minRise,
            double tolerance, int minRows, double descentWidth) {

        /** Checks every parameter; each message names the parameter and its valid range. */
        public Parameters {
            positive("gridStep", gridStep);
            positive("smoothingWidth", smoothingWidth);
            positive("sustainWindow", sustainWindow);
            positive("levelWindow", levelWindow);
            positive("minFall", minFall);
            positive("minRise", minRise);
            positive("tolerance", tolerance);
            positive("descentWidth", descentWidth);
            for (double width : new double[] {smoothingWidth, sustainWindow, levelWindow, descentWidth}) {
                if (width < gridStep) {
                    throw new IllegalArgumentException("PhaseDetector.Parameters: every window must be at"
                            + " least gridStep = " + gridStep + " wide, got " + width);
                }
            }
            if (!(sustainFraction > 0.5 && sustainFraction <= 1)) {
                throw new IllegalArgumentException(
                        "PhaseDetector.Parameters: sustainFraction must be in (0.5, 1], got " + sustainFraction);
            }
            if (minRows < 1) {
                throw new IllegalArgumentException("PhaseDetector.Parameters: minRows must be >= 1, got " + minRows);
            }
        }

        /** The defaults, calibrated on the authors' Helmholtz traces (see the class comment). */
        public static Parameters defaults() {
            return new Parameters(0.01, 0.1, 0.5, 1.0, 0.8, 1.0, 0.7, 0.3, 5, 0.5);
        }

        private static void positive(String name, double v) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "PhaseDetector.Parameters: " + name + " must be finite and > 0, got " + v);
            }
        }
    }

    /**
     * The detected phases, as iterations of the trace (the logged iteration nearest the detected
     * grid point).
     *
     * @param fittingEnd where fitting ends and diffusion begins; null when there is no fall that
     *     settles
     * @param onset where total diffusion is reached; null when the SNR never rises back
     */
    public record Phases(Double fittingEnd, Double onset) {
    }

    /**
     * The window of fastest error descent.
     *
     * @param from first iteration of the window
     * @param to last iteration; log10(to / from) = descentWidth, rounded to whole grid steps
     * @param slope Theil-Sen slope of log10(error) against log10(iteration) over the window
     */
    public record Descent(double from, double to, double slope) {
    }

    private final Parameters p;

    /** A detector with the given parameters. */
    public PhaseDetector(Parameters p) {
        if (p == null) {
            throw new IllegalArgumentException("PhaseDetector: parameters must not be null; use Parameters.defaults()");
        }
        this.p = p;
    }

    /** The parameters. */
    public Parameters parameters() {
        return p;
    }

    /**
     * Fitting end and total-diffusion onset of an SNR trace, at any cadence, in any order. Rows with
     * a non-finite or non-positive SNR or iteration are skipped.
     *
     * @throws IllegalArgumentException if an array is null or the lengths differ
     */
    public Phases detect(double[] iterations, double[] snr) {
        LogTrace t = LogTrace.of("PhaseDetector.detect", iterations, snr);
        if (t.rows() < 2 || t.span() < p.gridStep()) {
            return new Phases(null, null);
        }
        Series s = new Series(t, t.runningMedian(p.gridStep(), p.smoothingWidth()));
        int fit = fittingEnd(s);
        int onset = onset(s, fit);
        return new Phases(fit < 0 ? null : s.iteration(fit), onset < 0 ? null : s.iteration(onset));
    }

    /**
     * The window of width {@code descentWidth} (in log-iteration) where log(error) falls fastest
     * against log(iteration); null if no window holds {@code minRows} rows. Rows with a non-finite
     * or non-positive error or iteration (NaN included) are skipped.
     *
     * @throws IllegalArgumentException if an array is null or the lengths differ
     */
    public Descent fastestDescent(double[] iterations, double[] error) {
        LogTrace t = LogTrace.of("PhaseDetector.fastestDescent", iterations, error);
        double h = p.gridStep();
        int width = steps(p.descentWidth());
        if (t.rows() < 2 || t.gridSize(h) <= width) {
            return null;
        }
        double[] s = t.runningMedian(h, p.smoothingWidth());
        int best = -1;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int a = 0; a + width < s.length; a++) {
            if (t.rowsBetween(t.grid(a, h), t.grid(a + width, h)) < p.minRows()) {
                continue;
            }
            double slope = Robust.theilSen(s, a, a + width + 1, h);
            if (slope < bestSlope) {
                bestSlope = slope;
                best = a;
            }
        }
        if (best < 0) {
            return null;
        }
        return new Descent(Math.pow(10, t.grid(best, h)), Math.pow(10, t.grid(best + width, h)), bestSlope);
    }

    /** The grid index of the fitting end, or -1. */
    private int fittingEnd(Series s) {
        int w = steps(p.sustainWindow());
        int fall = -1;
        double high = Double.NaN;
        for (int k = 0; k < s.n && s.hasLevel(k); k++) {
            int r = s.trace.lastAtOrBefore(s.u(k));
            if (r + 1 >= p.minRows()) {
                double start = Math.min(s.u(k) - p.sustainWindow(), s.trace.u(r + 1 - p.minRows()));
                double before = Robust.median(s.v, s.indexAtOrAfter(start), k + 1);
                high = Double.isNaN(high) ? before : Math.max(high, before);
            }
            if (Double.isNaN(high) || high - s.level[k] < p.minFall()) {
                continue;
            }
            double mid = 0.5 * (high + s.level[k]);
            if (Robust.fractionBeyond(s.v, k, s.aheadEnd(k), mid, -1) >= p.sustainFraction()) {
                fall = k;
                break;
            }
        }
        if (fall < 0) {
            return -1;
        }
        int near = steps(p.smoothingWidth());
        for (int k = fall; k + 2 * w < s.n; k++) {
            boolean bottomed = s.level[k] <= Robust.min(s.level, k, k + w + 1) + p.tolerance();
            if (bottomed && Robust.median(s.v, k, k + near + 1) <= s.level[k] + p.tolerance()) {
                int from = Math.max(fall, k - w / 2);
                int to = Math.min(s.n, k + w + 1);
                int knee = Robust.fallKnee(s.v, from, to, p.gridStep());
                return knee < 0 ? k : knee;
            }
        }
        return -1;
    }

    /** The grid index of the total-diffusion onset, or -1. */
    private int onset(Series s, int fit) {
        int back = steps(p.levelWindow());
        int floor = Math.max(fit, 0);
        double[] rise = new double[s.n];
        boolean[] sustained = new boolean[s.n];
        double largest = Double.NEGATIVE_INFINITY;
        int start = fit >= 0 ? fit + 1 : back;
        for (int k = start; k < s.n && s.hasLevel(k); k++) {
            int a = Math.max(floor, k - back);
            if (s.trace.rowsBetween(s.u(a), s.u(k)) < p.minRows()) {
                continue;
            }
            double base = Robust.median(s.v, a, k);
            double mid = 0.5 * (base + s.level[k]);
            rise[k] = s.level[k] - base;
            sustained[k] = Robust.fractionBeyond(s.v, k, s.aheadEnd(k), mid, +1) >= p.sustainFraction();
            if (sustained[k]) {
                largest = Math.max(largest, rise[k]);
            }
        }
        if (largest < p.minRise()) {
            return -1;
        }
        int first = start;
        while (!(sustained[first] && rise[first] >= largest - p.tolerance())) {
            first++;
        }
        for (int k = first; k < s.n; k++) {
            if (s.v[k] >= s.level[first] - p.tolerance()) {
                return k;
            }
        }
        return first;
    }

    private int steps(double width) {
        return Math.max(1, (int) Math.round(width / p.gridStep()));
    }

    /** The resampled trace, with the level ahead F<sub>k</sub> of every grid point. */
    private final class Series {
        final LogTrace trace;
        final double[] v;
        final double[] level;
        final int n;
        private final int w = steps(p.sustainWindow());

        Series(LogTrace trace, double[] v) {
            this.trace = trace;
            this.v = v;
            this.n = v.length;
            level = new double[n];
            for (int k = 0; k < n; k++) {
                level[k] = 2 * (aheadEnd(k) - 1 - k) >= w ? Robust.median(v, k, aheadEnd(k)) : Double.NaN;
            }
        }

        /** One past the last grid point of the window ahead of k. */
        int aheadEnd(int k) {
            return Math.min(n, k + w + 1);
        }

        boolean hasLevel(int k) {
            return !Double.isNaN(level[k]);
        }

        double u(int k) {
            return trace.grid(k, p.gridStep());
        }

        int indexAtOrAfter(double x) {
            return Math.max(0, (int) Math.ceil((x - trace.u(0)) / p.gridStep() - 1e-9));
        }

        double iteration(int k) {
            return trace.nearestIteration(u(k));
        }
    }
}
