package org.totaldiff.experiments.phases;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.totaldiff.engine.Rng;

/**
 * Traces for the phase-detector tests: the authors' published Helmholtz traces, read from
 * {@code ../shared/data} of the repository, and synthetic SNR traces with known transitions at
 * several logging cadences, with their QuickTheories generators.
 */
final class Traces {

    private Traces() {
    }

    /** A trace: one value per iteration. */
    record Trace(double[] iterations, double[] values) {

        /** This trace with every iteration times c and every value times k. */
        Trace scaled(double c, double k) {
            double[] it = iterations.clone();
            double[] v = values.clone();
            for (int i = 0; i < it.length; i++) {
                it[i] *= c;
                v[i] *= k;
            }
            return new Trace(it, v);
        }

        /** The rows whose iteration satisfies the filter. */
        Trace keep(java.util.function.DoublePredicate filter) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < iterations.length; i++) {
                if (filter.test(iterations[i])) {
                    rows.add(new double[] {iterations[i], values[i]});
                }
            }
            double[] it = new double[rows.size()];
            double[] v = new double[rows.size()];
            for (int i = 0; i < it.length; i++) {
                it[i] = rows.get(i)[0];
                v[i] = rows.get(i)[1];
            }
            return new Trace(it, v);
        }
    }

    // ---------------------------------------------------------------- the authors' traces

    /**
     * The folder of the published traces. Maven runs tests in the module folder, so it is
     * {@code ../../shared/data} from {@code experiments/}; {@code ../shared/data} is tried too.
     * Fails the test, naming the folders tried, when it is absent.
     */
    static Path dataDir() {
        for (String candidate : new String[] {"../../shared/data", "../shared/data"}) {
            Path dir = Path.of(candidate);
            if (Files.isRegularFile(dir.resolve("helmholtz_a6_vanilla_snr.csv"))) {
                return dir;
            }
        }
        return fail("the authors' reference traces (helmholtz_a6_*_snr.csv, helmholtz_a6_*_error.csv) were"
                + " not found in ../../shared/data or ../shared/data relative to "
                + Path.of("").toAbsolutePath() + "; they ship with the repository's shared data"
                + " (see shared/data/README.md)");
    }

    /** Column {@code column} (1 = the first after the iteration) of a CSV file of the data folder. */
    static Trace read(String file, int column) {
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve(file));
            int n = lines.size() - 1;
            double[] it = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",");
                it[i] = Double.parseDouble(cells[0]);
                v[i] = Double.parseDouble(cells[column]);
            }
            return new Trace(it, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Trace snr(String run) {
        return read("helmholtz_a6_" + run + "_snr.csv", 1);
    }

    static Trace error(String run) {
        return read("helmholtz_a6_" + run + "_error.csv", 1);
    }

    // ---------------------------------------------------------------- synthetic traces

    /** How often a synthetic trace is logged. */
    enum Cadence {
        /** Every iteration. */
        EVERY_1,
        /** Every 10 iterations, from 10. */
        EVERY_10,
        /** 600 points evenly spaced in log-iteration, rounded to whole iterations. */
        LOG_SPACED,
        /** The paper's: every 2 below 300, then every 100. */
        PAPER;

        double[] iterations(double last) {
            List<Double> out = new ArrayList<>();
            switch (this) {
                case EVERY_1 -> {
                    for (double i = 1; i <= last; i++) {
                        out.add(i);
                    }
                }
                case EVERY_10 -> {
                    for (double i = 10; i <= last; i += 10) {
                        out.add(i);
                    }
                }
                case LOG_SPACED -> {
                    double previous = 0;
                    for (int j = 0; j < 600; j++) {
                        double i = Math.round(Math.pow(last, j / 599.0));
                        if (i > previous) {
                            out.add(i);
                            previous = i;
                        }
                    }
                }
                case PAPER -> {
                    for (double i = 2; i < 300; i += 2) {
                        out.add(i);
                    }
                    for (double i = 300; i <= last; i += 100) {
                        out.add(i);
                    }
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * A synthetic SNR trace in log10 units: a power-law decay of the given slope that meets the
     * diffusion plateau at iteration 10<sup>knee</sup>, a step up of {@code step} decades at
     * 10<sup>onset</sup> (none when step is 0) sustained to the end, an optional extra bump of
     * {@code spikeHeight} decades over [spikeAt, spikeAt + spikeWidth), and Gaussian noise of
     * {@code sigma} decades on every row.
     */
    record Shape(double knee, double slope, double plateau, double onset, double step, double spikeAt,
            double spikeWidth, double spikeHeight, double sigma, double last, Cadence cadence, long seed) {

        double log10Snr(double u) {
            double y = u < knee ? plateau + slope * (knee - u) : plateau;
            if (step != 0 && u >= onset) {
                y += step;
            }
            if (u >= spikeAt && u < spikeAt + spikeWidth) {
                y += spikeHeight;
            }
            return y;
        }

        Trace trace() {
            Rng rng = new Rng(seed);
            double[] it = cadence.iterations(last);
            double[] v = new double[it.length];
            for (int i = 0; i < it.length; i++) {
                v[i] = Math.pow(10, log10Snr(Math.log10(it[i])) + sigma * rng.gaussian());
            }
            return new Trace(it, v);
        }
    }

    static Gen<Cadence> cadences() {
        return Generate.enumValues(Cadence.class);
    }

    static Gen<Long> seeds() {
        return SourceDSL.longs().between(1, Long.MAX_VALUE / 2);
    }

    /**
     * Decay (slope 1.5 to 4 decades per decade), plateau (anywhere from 10^-4 to 10) and a sustained
     * step of 1 to 2 decades, with noise of 0.02 to 0.3 decades. The knee is at iteration 60 to 300
     * and the step at least 0.8 decades after it and 0.7 decades before the end (3 x 10^4 or 10^5).
     */
    static Gen<Shape> transitions() {
        return transitions(2.5, 0.3);
    }

    /** As {@link #transitions()} with the knee at most at 10^kneeAtMost and noise at most sigmaAtMost. */
    static Gen<Shape> transitions(double kneeAtMost, double sigmaAtMost) {
        Gen<double[]> knobs = SourceDSL.doubles().between(1.8, kneeAtMost)
                .zip(SourceDSL.doubles().between(1.5, 4.0), SourceDSL.doubles().between(-4, 1),
                        SourceDSL.doubles().between(0, 1), (knee, slope, plateau, where) ->
                                new double[] {knee, slope, plateau, where});
        return knobs.zip(SourceDSL.doubles().between(1.0, 2.0), SourceDSL.doubles().between(0.02, sigmaAtMost),
                Generate.pick(List.of(3e4, 1e5)), (k, step, sigma, last) -> new double[] {k[0], k[1], k[2],
                        k[3], step, sigma, last})
                .zip(cadences(), seeds(), (k, cadence, seed) -> {
                    double first = k[0] + 0.8;
                    double onset = first + k[3] * (Math.log10(k[6]) - 0.7 - first);
                    return new Shape(k[0], k[1], k[2], onset, k[4], 0, 0, 0, k[5], k[6], cadence, seed);
                });
    }
}
