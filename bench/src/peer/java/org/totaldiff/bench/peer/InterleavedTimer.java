package org.totaldiff.bench.peer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.totaldiff.bench.Median;

/**
 * Interleaved timing: each round runs every variant once, in order (A B C ... A B C ...), so
 * that a slow phase of a shared machine falls on all of them alike; the first rounds warm up
 * (JIT, libtorch's allocator) and are not recorded. Each variant's loss goes into a sink that is
 * printed, so no work can be dropped.
 */
final class InterleavedTimer {

    /**
     * One timed thing.
     *
     * @param name its row in the table
     * @param baseline the name of the variant its ratio is taken to, or null
     * @param step one training step, returning its loss
     */
    record Variant(String name, String baseline, DoubleSupplier step) {
    }

    /** Seconds per round of each variant, and the last loss of each. */
    record Times(List<Variant> variants, double[][] seconds, double[] lastLoss) {

        double median(int v) {
            return Median.of(seconds[v]);
        }

        double min(int v) {
            return Arrays.stream(seconds[v]).min().orElse(Double.NaN);
        }

        double max(int v) {
            return Arrays.stream(seconds[v]).max().orElse(Double.NaN);
        }

        int index(String name) {
            for (int v = 0; v < variants.size(); v++) {
                if (variants.get(v).name().equals(name)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("no variant named " + name);
        }
    }

    private InterleavedTimer() {
    }

    /**
     * @param progress where a line per round goes (the seconds of each variant, the resident memory)
     */
    static Times run(List<Variant> variants, int warmup, int rounds, PrintStream progress) {
        double[][] seconds = new double[variants.size()][rounds];
        double[] last = new double[variants.size()];
        for (int r = -warmup; r < rounds; r++) {
            StringBuilder line = new StringBuilder(r < 0 ? "warm-up" : "round " + (r + 1));
            for (int v = 0; v < variants.size(); v++) {
                long t0 = System.nanoTime();
                last[v] = variants.get(v).step().getAsDouble();
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    seconds[v][r] = s;
                }
                line.append(String.format(Locale.ROOT, " %.3f", s));
            }
            progress.println(line.append("   rss ").append(MachineInfo.residentMiB()).append(" MiB"));
        }
        return new Times(List.copyOf(variants), seconds, last);
    }

    /** The table: median, min, max, and the ratio of the median to the baseline's median. */
    static void print(PrintStream out, Times t) {
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s   %s%n", "variant", "median s", "min s", "max s", "ratio");
        for (int v = 0; v < t.variants().size(); v++) {
            Variant var = t.variants().get(v);
            String ratio = "";
            if (var.baseline() != null) {
                int b = t.index(var.baseline());
                ratio = String.format(Locale.ROOT, "%.2f x %s", t.median(v) / t.median(b), var.baseline());
            }
            out.printf(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f   %s%n", var.name(), t.median(v), t.min(v), t.max(v),
                    ratio);
        }
    }
}
