package org.totaldiff.experiments.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cadence-free resampling of {@link LogTrace} and the statistics of {@link Robust}. */
class LogTraceTest {

    /** log10 value = 0 below iteration 1000 and 2 from it on. */
    private static double[] step(double[] iterations) {
        double[] v = new double[iterations.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = iterations[i] < 1000 ? 1 : 100;
        }
        return v;
    }

    private static double[] range(double from, double to, double every) {
        int n = (int) Math.round((to - from) / every) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i * every;
        }
        return out;
    }

    @Test
    void everyRowWeighsTheLogIterationItCoversSoTheCadenceDoesNotMatter() {
        double[] dense = range(100, 100000, 1);
        double[] sparse = range(100, 100000, 100);
        double[] a = LogTrace.of("test", dense, step(dense)).runningMedian(0.01, 0.1);
        double[] b = LogTrace.of("test", sparse, step(sparse)).runningMedian(0.01, 0.1);
        assertEquals(301, a.length);
        assertEquals(a.length, b.length);
        for (int k = 0; k < a.length; k++) {
            double u = 2 + 0.01 * k;
            if (Math.abs(u - 3) > 0.08) {
                assertEquals(u < 3 ? 0 : 2, a[k], "every row, grid point " + k);
                assertEquals(a[k], b[k], "every 100, grid point " + k);
            }
        }
    }

    @Test
    void aLoneRowCoveringMostOfTheWindowOutweighsManyRowsCoveringLittle() {
        // 21 rows packed in [1000, 1020], then one row at 1100 that covers [1060, 1149].
        double[] it = new double[23];
        double[] v = new double[23];
        for (int i = 0; i < 21; i++) {
            it[i] = 1000 + i;
            v[i] = 1;
        }
        it[21] = 1100;
        v[21] = 1000;
        it[22] = 1200;
        v[22] = 1000;
        LogTrace t = LogTrace.of("test", it, v);
        double[] s = t.runningMedian(0.01, 0.06);
        assertEquals(3, s[3], "around iteration 1070 most of the log-iteration window is the row at 1100");
    }

    @Test
    void nearestIterationIsALoggedOneNearestInLogIteration() {
        LogTrace t = LogTrace.of("test", new double[] {100, 10, 1000}, new double[] {1, 1, 1});
        assertEquals(100, t.nearestIteration(Math.log10(300)));
        assertEquals(1000, t.nearestIteration(Math.log10(320)));
        assertEquals(10, t.nearestIteration(-3));
        assertEquals(3, t.rowsBetween(1, 3));
        assertEquals(1, t.rowsBetween(1.5, 2.5));
    }

    @Test
    void quantilesFollowNumpysLinearDefinition() {
        double[] v = {4, 1, 3, 2};
        assertEquals(2.5, Robust.median(v, 0, 4));
        assertEquals(3.4, Robust.quantile(v, 0, 4, 0.8), 1e-12);
        assertEquals(3, Robust.median(v, 0, 3));
        assertEquals(0.5, Robust.fractionBeyond(v, 0, 4, 2.5, +1));
        assertEquals(0.25, Robust.fractionBeyond(v, 0, 4, 2, -1));
    }

    @Test
    void theilSenIgnoresAFewWildPointsAndTheKneeOfABrokenStickIsExact() {
        double h = 0.01;
        double[] line = new double[50];
        for (int i = 0; i < line.length; i++) {
            line[i] = 3 - 2 * i * h;
        }
        line[7] = 40;
        line[31] = -40;
        assertEquals(-2, Robust.theilSen(line, 0, 50, h), 1e-12);
        double[] stick = new double[80];
        for (int i = 0; i < stick.length; i++) {
            stick[i] = -1 + 3 * Math.max(0, 33 - i) * h;
        }
        assertEquals(33, Robust.fallKnee(stick, 0, 80, h));
        assertEquals(-1, Robust.fallKnee(new double[] {1, 1, 1, 1, 1}, 0, 5, h));
    }
}
