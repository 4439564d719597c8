package org.totaldiff.engine;

import java.util.function.IntConsumer;

/**
 * Deterministic multicore execution for the kernels.
 *
 * <p>Work is cut into <em>chunks</em> whose boundaries depend only on the problem size and a
 * fixed grain, never on the number of threads. Each chunk is computed by exactly one thread
 * with the same instruction sequence it would have on one thread, and reductions combine
 * per-chunk partial results in chunk order. So a kernel's result is bit-for-bit identical for
 * 1 thread and for N threads.
 *
 * <p>The thread count defaults to the number of available processors; it can be set with the
 * system property {@code totaldiff.threads} or {@link #setThreads(int)}. A call made from
 * inside a chunk runs inline (no nested parallelism, no deadlock). A failing chunk's exception
 * reaches the caller unwrapped; when several chunks fail, it is that of the lowest chunk, as on
 * one thread.
 */
public final class Parallel {

    /** Body of a ranged loop: processes the half-open index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Body of a ranged reduction: returns the partial result of [from, to). */
    @FunctionalInterface
    public interface RangeSum {
        double sum(int from, int to);
    }

    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private static volatile int threads = initialThreads();
    private static Workers pool;

    private Parallel() {
    }

    private static int initialThreads() {
        String property = System.getProperty("totaldiff.threads");
        if (property == null || property.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(property.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(
                "totaldiff.threads: expected a whole number >= 1, got '" + property + "'");
    }

    /** Number of threads the kernels use. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads the kernels use (1 = run on the calling thread only). A kernel
     * call running meanwhile on another thread still completes, with the same result; the helpers
     * it started with stop after it.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads: expected >= 1, got " + n);
        }
        if (n != threads && pool != null) {
            pool.close();
            pool = null;
        }
        threads = n;
    }

    /** Number of chunks of size {@code grain} that cover {@code n} items. */
    public static int chunkCount(int n, int grain) {
        return n <= 0 ? 0 : (n + grain - 1) / grain;
    }

    /**
     * Runs {@code body} over [0, n) cut into chunks of {@code grain} items (the last may be
     * shorter). Chunks run concurrently on up to {@link #threads()} threads.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain: expected >= 1, got " + grain);
        }
        int chunks = chunkCount(n, grain);
        forEachChunk(chunks, c -> body.run(c * grain, Math.min(n, (c + 1) * grain)));
    }

    /**
     * Sums {@code body} over [0, n) cut into chunks of {@code grain}: the partial sums are
     * added in chunk order, so the result does not depend on the thread count.
     */
    public static double sum(int n, int grain, RangeSum body) {
        if (grain < 1) {
            throw new IllegalArgumentException("grain: expected >= 1, got " + grain);
        }
        int chunks = chunkCount(n, grain);
        if (chunks <= 1) {
            return chunks == 0 ? 0.0 : body.sum(0, n);
        }
        double[] partial = new double[chunks];
        forEachChunk(chunks, c -> partial[c] = body.sum(c * grain, Math.min(n, (c + 1) * grain)));
        double total = 0.0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** Runs {@code body.accept(c)} for every chunk index c in [0, chunks), in any order. */
    public static void forEachChunk(int chunks, IntConsumer body) {
        int workers = Math.min(threads, chunks);
        if (workers <= 1 || INSIDE.get()) {
            runInline(chunks, body);
            return;
        }
        Workers pool = workers();
        INSIDE.set(true);
        try {
            if (!pool.run(chunks, body)) {
                // another thread's job holds the helpers: this call runs here, nested calls too
                runInline(chunks, body);
            }
        } finally {
            INSIDE.set(false);
        }
    }

    private static void runInline(int chunks, IntConsumer body) {
        for (int c = 0; c < chunks; c++) {
            body.accept(c);
        }
    }

    /** Marks the calling thread as a kernel worker: its own kernel calls then run inline. */
    static void markInside() {
        INSIDE.set(true);
    }

    private static synchronized Workers workers() {
        if (pool == null) {
            pool = new Workers(threads - 1);
        }
        return pool;
    }
}
