package org.totaldiff.experiments.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.totaldiff.engine.Rng;
import org.totaldiff.experiments.phases.PhaseDetector.Descent;
import org.totaldiff.experiments.phases.PhaseDetector.Parameters;
import org.totaldiff.experiments.phases.PhaseDetector.Phases;
import org.totaldiff.experiments.phases.Traces.Shape;
import org.totaldiff.experiments.phases.Traces.Trace;

/**
 * {@link PhaseDetector} on synthetic traces with known transitions (or none) at every cadence of
 * {@link Traces.Cadence}, and its invariances: iterations times c move the detections by c, a
 * factor on the SNR changes nothing.
 */
class PhaseDetectorProperties {

    private static final long SEED = 20240327L;

    private final PhaseDetector detector = new PhaseDetector(Parameters.defaults());

    private Phases detect(Trace t) {
        return detector.detect(t.iterations(), t.values());
    }

    private static boolean within(double expected, Double actual, double factor) {
        return actual != null && actual >= expected / factor && actual <= expected * factor;
    }

    @Test
    void aStepUpAfterDiffusionIsFoundWhereItIs() {
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(0).forAll(Traces.transitions())
                .checkAssert(shape -> {
                    Phases found = detect(shape.trace());
                    double onset = Math.pow(10, shape.onset());
                    assertTrue(within(onset, found.onset(), 1.5), "onset " + onset + ", found " + found + ", " + shape);
                });
    }

    /**
     * The knee needs rows to show: below 200 iterations (where the paper's cadence logs every 2),
     * noise up to 0.2 decades, and not at every 10 iterations, which leaves 6 to 20 rows for the whole
     * decay. (Measured on 300 traces per cadence: with noise up to 0.3 or the knee at 300, about 1%
     * of the paper-cadence traces put the fitting end 1.5 to 1.6 times late; at every 10, 5 to 10%
     * are off or missing.)
     */
    @Test
    void theEndOfTheDecayIsTheFittingEnd() {
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(0)
                .forAll(Traces.transitions(2.3, 0.2).assuming(s -> s.cadence() != Traces.Cadence.EVERY_10))
                .checkAssert(shape -> {
                    Phases found = detect(shape.trace());
                    double knee = Math.pow(10, shape.knee());
                    assertTrue(within(knee, found.fittingEnd(), 1.5), "knee " + knee + ", found " + found + ", " + shape);
                });
    }

    @Test
    void iterationsTimesCMoveTheDetectionsByCAndAFactorOnTheSnrChangesNothing() {
        Gen<double[]> factors = doubles().between(-2, 3).zip(doubles().between(-4, 4),
                (logC, logK) -> new double[] {Math.pow(10, logC), Math.pow(10, logK)});
        qt().withFixedSeed(SEED).withExamples(40).withShrinkCycles(0).forAll(Traces.transitions(), factors)
                .checkAssert((shape, ck) -> {
                    Trace t = shape.trace();
                    Phases base = detect(t);
                    Phases moved = detect(t.scaled(ck[0], ck[1]));
                    assertScaled(ck[0], base.fittingEnd(), moved.fittingEnd(), shape + " fitting end, c = " + ck[0]);
                    assertScaled(ck[0], base.onset(), moved.onset(), shape + " onset, c = " + ck[0]);
                });
    }

    private static void assertScaled(double c, Double base, Double moved, String what) {
        if (base == null) {
            assertNull(moved, what);
        } else {
            assertNotNull(moved, what);
            assertEquals(c * base, moved, 1e-9 * c * base, what);
        }
    }

    /** log10 SNR = level + noise: nothing happens. */
    @Test
    void trendlessNoiseHasNoPhases() {
        Gen<Shape> noise = doubles().between(-5, 2).zip(doubles().between(0.02, 0.5), Traces.cadences(),
                Traces.seeds(), (level, sigma, cadence, seed) ->
                        new Shape(0, 0, level, 0, 0, 0, 0, 0, sigma, 3e4, cadence, seed));
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(0).forAll(noise).checkAssert(shape -> {
            Phases found = detect(shape.trace());
            assertNull(found.onset(), "onset in noise: " + found + ", " + shape);
            assertNull(found.fittingEnd(), "fitting end in noise: " + found + ", " + shape);
        });
    }

    /** log10 SNR = a (knee - u) + noise over the whole trace: it never rises back. */
    @Test
    void aMonotoneDecayHasNoOnset() {
        Gen<Shape> decay = doubles().between(0.2, 4).zip(doubles().between(0.02, 0.4), Traces.cadences(),
                Traces.seeds(), (slope, sigma, cadence, seed) ->
                        new Shape(6, slope, -3, 0, 0, 0, 0, 0, sigma, 3e4, cadence, seed));
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(0).forAll(decay).checkAssert(shape -> {
            Phases found = detect(shape.trace());
            assertNull(found.onset(), "onset in a decay: " + found + ", " + shape);
        });
    }

    /**
     * Decay and plateau with a bump of 1 to 3 decades lasting at most 0.3 decades of iteration (a
     * factor 2): it falls back, so it is no onset, and it does not move the fitting end.
     */
    @Test
    void aTransientSpikeThatFallsBackIsNoOnset() {
        Gen<double[]> spike = doubles().between(2.6, 4.0).zip(doubles().between(0.02, 0.3),
                doubles().between(1, 3), (at, width, height) -> new double[] {at, width, height});
        Gen<Shape> shapes = doubles().between(1.8, 2.3).zip(spike, doubles().between(0.02, 0.3),
                Traces.cadences(), (knee, s, sigma, cadence) -> new double[] {knee, s[0], s[1], s[2], sigma,
                        cadence.ordinal()})
                .zip(Traces.seeds(), (k, seed) -> new Shape(k[0], 2.5, -3, 0, 0, k[1], k[2], k[3], k[4], 3e4,
                        Traces.Cadence.values()[(int) k[5]], seed));
        qt().withFixedSeed(SEED).withExamples(60).withShrinkCycles(0).forAll(shapes).checkAssert(shape -> {
            Phases found = detect(shape.trace());
            assertNull(found.onset(), "onset at a spike: " + found + ", " + shape);
        });
    }

    /**
     * log10 error falls at slope -0.3, then at slope -s (1.5 to 3) over [u1, u1 + 1], then at -0.3
     * again, with noise, logged every 1, 10 or 100 iterations up to 3 x 10^4: the fastest window lies
     * in the steep stretch and its slope is close to -s.
     */
    @Test
    void theFastestDescentIsTheSteepStretch() {
        Gen<double[]> errors = doubles().between(2.5, 3.4).zip(doubles().between(1.5, 3), doubles().between(0, 0.05),
                Generate.pick(List.of(1.0, 10.0, 100.0)), (u1, s, sigma, every) -> new double[] {u1, s, sigma, every});
        qt().withFixedSeed(SEED).withExamples(40).withShrinkCycles(0).forAll(errors, Traces.seeds())
                .checkAssert((e, seed) -> {
                    Rng rng = new Rng(seed);
                    int n = (int) (3e4 / e[3]);
                    double[] it = new double[n];
                    double[] err = new double[n];
                    for (int i = 0; i < n; i++) {
                        it[i] = (i + 1) * e[3];
                        double u = Math.log10(it[i]);
                        double steep = Math.min(Math.max(u - e[0], 0), 1);
                        err[i] = Math.pow(10, -0.3 * (u - steep) - e[1] * steep + e[2] * rng.gaussian());
                    }
                    Descent d = detector.fastestDescent(it, err);
                    String what = d + " for steep stretch from 10^" + e[0] + " at slope -" + e[1];
                    assertNotNull(d, what);
                    assertTrue(Math.log10(d.from()) >= e[0] - 0.05 && Math.log10(d.to()) <= e[0] + 1.05, what);
                    assertEquals(-e[1], d.slope(), 0.15 * e[1], what);
                });
    }
}
