package org.totaldiff.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.totaldiff.engine.Parallel;

/**
 * How well {@link Parallel} hands work to its helper threads when kernel calls come with short
 * gaps between them, as in a PINN step: a job of 64 chunks of about 3.5 microseconds of
 * arithmetic, after a sleep of G microseconds, timed, with the number of chunks the helpers
 * took. Two threads should take 32 chunks each and halve the serial time.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.totaldiff.bench.ParallelHandoff [gap-microseconds ...]
 * </pre>
 */
public final class ParallelHandoff {

    private static final int CHUNKS = 64;
    private static final int CALLS = 3000;
    private static final int WARM_UP = 1000;
    private static volatile double sink;

    private ParallelHandoff() {
    }

    public static void main(String[] args) throws InterruptedException {
        int[] gaps = args.length == 0 ? new int[] {0, 20, 100, 300} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        long serial = Long.MAX_VALUE;
        for (int rep = 0; rep < 200; rep++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < CHUNKS; c++) {
                sink = work();
            }
            serial = Math.min(serial, System.nanoTime() - t0);
        }
        System.out.printf("%d threads; %d chunks per call; serial (best of 200): %.1f us%n", Parallel.threads(), CHUNKS,
                serial / 1e3);
        for (int gap : gaps) {
            long[] times = new long[CALLS - WARM_UP];
            int[] helped = new int[CALLS - WARM_UP];
            Thread caller = Thread.currentThread();
            for (int call = 0; call < CALLS; call++) {
                if (gap > 0) {
                    Thread.sleep(gap / 1000, (gap % 1000) * 1000);
                }
                AtomicInteger byHelpers = new AtomicInteger();
                long t0 = System.nanoTime();
                Parallel.forEachChunk(CHUNKS, c -> {
                    if (Thread.currentThread() != caller) {
                        byHelpers.incrementAndGet();
                    }
                    sink = work();
                });
                long t = System.nanoTime() - t0;
                if (call >= WARM_UP) {
                    times[call - WARM_UP] = t;
                    helped[call - WARM_UP] = byHelpers.get();
                }
            }
            Arrays.sort(times);
            Arrays.sort(helped);
            System.out.printf("gap %4d us: call median %.1f us (p10 %.1f, p90 %.1f); chunks taken by helpers: median %d, p10 %d%n",
                    gap, times[times.length / 2] / 1e3, times[times.length / 10] / 1e3,
                    times[times.length * 9 / 10] / 1e3, helped[helped.length / 2], helped[helped.length / 10]);
        }
    }

    private static double work() {
        double s = 0;
        for (int i = 0; i < 2000; i++) {
            s += Math.sqrt(i);
        }
        return s;
    }
}
