package org.totaldiff.experiments.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.totaldiff.experiments.phases.PhaseDetector.Descent;
import org.totaldiff.experiments.phases.PhaseDetector.Parameters;
import org.totaldiff.experiments.phases.PhaseDetector.Phases;
import org.totaldiff.experiments.phases.Traces.Trace;

/**
 * {@link PhaseDetector} on the authors' Helmholtz traces (their markers: fitting ends at about 180
 * vanilla and 70 RBA, total diffusion starts at about 19,000 and 1,000), on rescaled and thinned
 * copies of them, and on caller mistakes.
 */
class PhaseDetectorTest {

    private final PhaseDetector detector = new PhaseDetector(Parameters.defaults());

    private Phases detect(Trace t) {
        return detector.detect(t.iterations(), t.values());
    }

    private static void assertWithinFactor(double expected, Double actual, double factor, String what) {
        assertNotNull(actual, what + ": expected about " + expected + ", got none");
        assertTrue(actual >= expected / factor && actual <= expected * factor,
                what + ": expected within a factor " + factor + " of " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @CsvSource({"vanilla, 180, 19000", "rba, 70, 1000"})
    void authorsMarkersAreFoundWithinAFactor1point5(String run, double fittingEnd, double onset) {
        Phases found = detect(Traces.snr(run));
        assertWithinFactor(fittingEnd, found.fittingEnd(), 1.5, run + " fitting end");
        assertWithinFactor(onset, found.onset(), 1.5, run + " total-diffusion onset");
    }

    @ParameterizedTest
    @CsvSource({"vanilla, 10", "vanilla, 0.01", "vanilla, 7.3", "rba, 10", "rba, 1000", "rba, 0.37"})
    void iterationsTimesCMoveTheDetectionsByC(String run, double c) {
        Trace t = Traces.snr(run);
        Phases base = detect(t);
        Phases scaled = detect(t.scaled(c, 1));
        assertEquals(c * base.fittingEnd(), scaled.fittingEnd(), 1e-9 * c * base.fittingEnd(), run + " fitting end");
        assertEquals(c * base.onset(), scaled.onset(), 1e-9 * c * base.onset(), run + " onset");
    }

    @ParameterizedTest
    @CsvSource({"vanilla, 1000", "vanilla, 1e-4", "rba, 0.03", "rba, 37"})
    void aConstantFactorOnTheSnrChangesNothing(String run, double k) {
        Trace t = Traces.snr(run);
        assertEquals(detect(t), detect(t.scaled(1, k)));
    }

    /** Thinned to every 10 below 300, or to the every-100 rows plus every 10 below 300. */
    @ParameterizedTest
    @CsvSource({"vanilla, 180, 19000, 10", "rba, 70, 1000, 10", "vanilla, 180, 19000, 20",
        "rba, 70, 1000, 20"})
    void aSparserEarlyCadenceFindsTheSamePhases(String run, double fittingEnd, double onset, int every) {
        Trace thin = Traces.snr(run).keep(i -> i >= 300 || i % every == 0);
        Phases found = detect(thin);
        assertWithinFactor(fittingEnd, found.fittingEnd(), 1.5, run + " every " + every + " fitting end");
        assertWithinFactor(onset, found.onset(), 1.5, run + " every " + every + " onset");
    }

    @Test
    void rowsThatCannotBeLoggedAreSkippedAndOrderDoesNotMatter() {
        Trace t = Traces.snr("rba");
        int n = t.iterations().length;
        double[] it = new double[n + 4];
        double[] v = new double[n + 4];
        for (int i = 0; i < n; i++) {
            it[n - 1 - i] = t.iterations()[i];
            v[n - 1 - i] = t.values()[i];
        }
        double[][] junk = {{0, 1}, {-5, 1}, {50, Double.NaN}, {60, 0}};
        for (int j = 0; j < junk.length; j++) {
            it[n + j] = junk[j][0];
            v[n + j] = junk[j][1];
        }
        assertEquals(detect(t), detector.detect(it, v));
    }

    @Test
    void tooShortOrEmptyTracesHaveNoPhases() {
        Phases none = new Phases(null, null);
        assertEquals(none, detector.detect(new double[0], new double[0]));
        assertEquals(none, detector.detect(new double[] {100}, new double[] {1}));
        assertEquals(none, detector.detect(new double[] {1, 2, 3}, new double[] {Double.NaN, -1, 0}));
        assertEquals(none, detector.detect(new double[] {1, 2, 3, 4}, new double[] {1e3, 1e2, 1e1, 1}));
        assertNull(detector.fastestDescent(new double[] {100, 101}, new double[] {1, 0.5}));
    }

    @Test
    void callerMistakesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> detector.detect(new double[3], new double[2]));
        assertTrue(e.getMessage().contains("PhaseDetector.detect") && e.getMessage().contains("3")
                && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> detector.fastestDescent(null, new double[0]));
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(0.01, 0.1, 0.5, 1.0, 0.4, 1.0, 0.7, 0.3, 5, 0.5));
        assertTrue(p.getMessage().contains("sustainFraction"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Parameters(0.01, 0.001, 0.5, 1.0, 0.8, 1.0, 0.7,
                0.3, 5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new PhaseDetector(null));
    }

    /** Vanilla: after total diffusion sets in at ~19,000 (error 2.2 to 0.3 by 40,000). RBA: 600 to 2,000. */
    @ParameterizedTest
    @CsvSource({"vanilla, 12000, 60000, -1.5", "rba, 400, 2500, -2.5"})
    void theErrorFallsFastestJustAfterTheOnset(String run, double lo, double hi, double steeperThan) {
        Trace e = Traces.error(run);
        Descent d = detector.fastestDescent(e.iterations(), e.values());
        assertNotNull(d);
        assertTrue(d.from() >= lo && d.to() <= hi, run + ": window " + d);
        assertEquals(Math.pow(10, Parameters.defaults().descentWidth()), d.to() / d.from(), 1e-9);
        assertTrue(d.slope() < steeperThan, run + ": slope " + d.slope());
    }

    @ParameterizedTest
    @ValueSource(doubles = {10, 0.05})
    void theDescentWindowScalesWithTheIterationsAndIgnoresAFactorOnTheError(double c) {
        Trace e = Traces.error("vanilla");
        Descent base = detector.fastestDescent(e.iterations(), e.values());
        Trace scaled = e.scaled(c, 3.7);
        Descent d = detector.fastestDescent(scaled.iterations(), scaled.values());
        assertEquals(c * base.from(), d.from(), 1e-9 * c * base.from());
        assertEquals(c * base.to(), d.to(), 1e-9 * c * base.to());
        assertEquals(base.slope(), d.slope(), 1e-9);
    }

    @Test
    void nanErrorsAreSkipped() {
        Trace e = Traces.error("rba");
        double[] v = e.values().clone();
        for (int i = 0; i < v.length; i += 7) {
            v[i] = Double.NaN;
        }
        Descent d = detector.fastestDescent(e.iterations(), v);
        Descent all = detector.fastestDescent(e.iterations(), e.values());
        assertEquals(all.from(), d.from(), 0.1 * all.from());
        assertEquals(all.slope(), d.slope(), 0.3);
    }
}
