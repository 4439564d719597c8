package org.totaldiff.bench.peer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.totaldiff.bench.Median;
import org.totaldiff.engine.Parallel;

/**
 * How much of the machine's peak our whole training step uses, measured alone (issue 11's 50 %
 * target): the peer harness's plain step ({@link TotaldiffStep}, the paper's Helmholtz step with
 * the hidden layers' dY handed back, as {@code train} runs it), timed in rounds that alternate
 * with the peak program ({@code bench/peak/fma_peak.c}), so that each round's step is compared
 * with the peak of the same minute on this shared machine:
 *
 * <pre>
 *   warm-up: K steps
 *   round r: peak_r = fma_peak's GFLOP/s on the step's threads (2);  t_r = median of S steps
 *            efficiency_r = useful GFLOP / t_r / peak_r
 *   result:  the median of efficiency_r (and of t_r, peak_r)
 * </pre>
 *
 * The useful work is counted by {@link UsefulWork} from the network and point counts. The peer
 * harness ({@link TorchPeer}) times the same step interleaved with libtorch's, whose multi-GB
 * allocations and threads share the machine with it; this harness gives the step the machine.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -XX:+UseParallelGC -XX:+UseTransparentHugePages -Xms4g -Xmn256m \
 *       -cp bench/target/benchmarks.jar:$(cat bench/target/peer-classpath.txt) \
 *       org.totaldiff.bench.peer.StepEfficiency --peak /tmp/fma_peak [--rounds 7] [--steps 9] [--warmup 5]
 * </pre>
 */
public final class StepEfficiency {

    static final String USAGE = "usage: StepEfficiency --peak PATH_TO_FMA_PEAK [--rounds R] [--steps S] [--warmup K]";
    private static final String BUILD_PEAK = "build it: gcc -O2 -mavx512f -mfma -pthread bench/peak/fma_peak.c"
            + " -o /tmp/fma_peak";

    private StepEfficiency() {
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
            if (Parallel.threads() > 2) {
                throw new IllegalArgumentException("the step would use " + Parallel.threads() + " threads, and"
                        + " fma_peak.c measures the peak of 1 and 2; run with -Dtotaldiff.threads=2");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("StepEfficiency: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(o, System.out);
        } catch (IllegalStateException e) {
            System.err.println("StepEfficiency: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options o, PrintStream out) {
        PeerOptions paper = PeerOptions.defaults();
        PeerProblem p = PeerProblem.paper(paper.points(), paper.width(), paper.depth());
        TotaldiffStep step = new TotaldiffStep(p, paper.groups());
        UsefulWork work = UsefulWork.of(p.sizes(), p.collocation().numRows, p.boundary().numRows, 2, 2);
        out.printf(Locale.ROOT, "step        paper Helmholtz, %s, %d points, %d boundary points, %d threads%n",
                Arrays.toString(p.sizes()), p.collocation().numRows, p.boundary().numRows, Parallel.threads());
        out.printf(Locale.ROOT, "useful work %s%n", work);
        for (int i = 0; i < o.warmup; i++) {
            step.plain();
        }
        out.println("round  peak GFLOP/s  median step s  useful GFLOP/s  % of peak");
        double[] peaks = new double[o.rounds];
        double[] medians = new double[o.rounds];
        double[] shares = new double[o.rounds];
        for (int r = 0; r < o.rounds; r++) {
            peaks[r] = peak(o.peak, Parallel.threads());
            double[] t = new double[o.steps];
            for (int s = 0; s < o.steps; s++) {
                long start = System.nanoTime();
                step.plain();
                t[s] = (System.nanoTime() - start) / 1e9;
            }
            medians[r] = Median.of(t);
            shares[r] = work.total() / 1e9 / medians[r] / peaks[r];
            out.printf(Locale.ROOT, "%5d  %12.1f  %13.4f  %14.1f  %8.1f%n", r + 1, peaks[r], medians[r],
                    work.total() / 1e9 / medians[r], 100 * shares[r]);
        }
        out.printf(Locale.ROOT, "median %11.1f  %13.4f  %14s  %8.1f   (medians over the rounds)%n", Median.of(peaks),
                Median.of(medians), "", 100 * Median.of(shares));
    }

    /** The GFLOP/s that the peak program prints for as many threads as the step uses. */
    private static double peak(String program, int threads) {
        Pattern line = Pattern.compile("^" + threads + " thread\\(s\\): ([0-9.]+) GFLOP/s", Pattern.MULTILINE);
        try {
            Process proc = new ProcessBuilder(program).redirectErrorStream(true).start();
            String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = proc.waitFor();
            Matcher m = line.matcher(text);
            if (status != 0 || !m.find()) {
                throw new IllegalStateException("the peak program " + program + " ended with status " + status
                        + " without a '" + threads + " thread(s): X GFLOP/s' line for the step's " + threads
                        + " threads (fma_peak.c measures 1 and 2; run with -Dtotaldiff.threads=2)");
            }
            return Double.parseDouble(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the peak program " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the peak program ran", e);
        }
    }

    /** The command line. */
    private record Options(String peak, int rounds, int steps, int warmup) {

        static Options parse(String... args) {
            String peak = null;
            int rounds = 7;
            int steps = 9;
            int warmup = 5;
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value; " + USAGE);
                }
                String value = args[i + 1];
                switch (name) {
                    case "--peak" -> peak = value;
                    case "--rounds" -> rounds = positive(name, value, 1);
                    case "--steps" -> steps = positive(name, value, 1);
                    case "--warmup" -> warmup = positive(name, value, 0);
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'; " + USAGE);
                }
            }
            if (peak == null) {
                throw new IllegalArgumentException("--peak is required (" + BUILD_PEAK + "); " + USAGE);
            }
            if (!Files.isExecutable(Path.of(peak))) {
                throw new IllegalArgumentException("--peak " + peak + " is not an executable file (" + BUILD_PEAK + ")");
            }
            return new Options(peak, rounds, steps, warmup);
        }

        private static int positive(String name, String value, int min) {
            int v = PeerOptions.whole(name, value);
            if (v < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
            }
            return v;
        }
    }
}
