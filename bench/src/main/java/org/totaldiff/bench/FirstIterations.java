package org.totaldiff.bench;

import java.util.Locale;

/**
 * The first iterations of a fresh JVM: times each of the first few forward + backward passes of
 * {@link MlpJetBenchmark}'s step (the paper's network on 25,600 points by default), so that the
 * cost of first-touch memory and of the JIT's warm-up can be compared across JVM options
 * (docs/performance.md, run 11). Run it under {@code /usr/bin/time} for the system time.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector [-XX:+UseParallelGC -XX:+UseTransparentHugePages -Xms4g] \
 *       -cp bench/target/benchmarks.jar org.totaldiff.bench.FirstIterations [iterations 4] [points 25600]
 * </pre>
 */
public final class FirstIterations {

    private FirstIterations() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        MlpJetBenchmark step = new MlpJetBenchmark();
        step.points = args.length > 1 ? Integer.parseInt(args[1]) : 25_600;
        step.width = 128;
        step.depth = 6;
        step.setUp();
        for (int it = 0; it < iterations; it++) {
            long start = System.nanoTime();
            double result = step.forwardBackward();
            System.out.printf(Locale.ROOT, "iteration %d: %.2f s (%.6e)%n", it, (System.nanoTime() - start) / 1e9, result);
        }
    }
}
