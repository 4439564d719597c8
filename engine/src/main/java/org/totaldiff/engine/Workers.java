package org.totaldiff.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The helper threads behind {@link Parallel}: {@code size} daemon threads that take chunks of
 * one job at a time beside the calling thread.
 *
 * <p>Between jobs a helper <em>spins</em> for {@link #SPIN_NANOS} before it parks. A kernel call
 * of a PINN step lasts from tens of microseconds to a few milliseconds and the next one follows at
 * once, so a spinning helper picks it up within a microsecond. A parked one has to be woken, and
 * the operating system tends to wake a thread on the CPU of the thread that woke it: the helper
 * then waits behind the caller and the call runs on one core (measured: with a 20 microsecond
 * gap between calls of 64 chunks, a thread pool that parked its threads ran the helper's share on
 * the caller's core and the call took as long as on one thread; docs/performance.md, run 8). BLAS
 * libraries spin for the same reason.
 *
 * <p>With more threads than processors the helpers park at once: a spinning helper would take the
 * processor that another thread needs.
 *
 * <p>One job at a time: a second thread calling a kernel while a job runs does its work inline
 * on its own thread, which gives the same result (chunk boundaries never depend on the threads).
 *
 * <p>A failing chunk stops the hand-out of further chunks, and the caller rethrows the failure of
 * the lowest chunk, unwrapped. Chunks are handed out in order, so every chunk below the first
 * failing one has run: the caller sees the same throwable as on one thread.
 */
final class Workers {

    /** How long an idle helper spins before it parks. */
    static final long SPIN_NANOS = 2_000_000L;

    private final Helper[] helpers;
    /** {@link #SPIN_NANOS}, or 0 when there are more threads than processors to spin on. */
    private final long spinNanos;
    private final ReentrantLock running = new ReentrantLock();
    /** The job the helpers should take next, and a count of the jobs published. */
    private volatile Job job;
    private volatile long published;
    private volatile boolean closed;

    Workers(int size) {
        spinNanos = size + 1 <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
        helpers = new Helper[size];
        for (int i = 0; i < size; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].thread.start();
        }
    }

    /**
     * Runs {@code body.accept(c)} for every c in [0, chunks) on the calling thread and the helpers;
     * returns false without running anything if another job holds the helpers.
     */
    boolean run(int chunks, IntConsumer body) {
        if (!running.tryLock()) {
            return false;
        }
        try {
            Job j = new Job(chunks, body);
            job = j;
            published = published + 1;
            for (Helper h : helpers) {
                if (h.parked) {
                    LockSupport.unpark(h.thread);
                }
            }
            j.work();
            j.close();
            j.rethrow();
            return true;
        } finally {
            job = null;
            running.unlock();
        }
    }

    /** Stops the helpers (they finish the job in hand, if any, and exit). */
    void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }

    /** One call's chunks: taken one at a time by whichever thread asks next. */
    private static final class Job {
        private static final int CLOSED = 1 << 30;

        private final int chunks;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        /** Helpers inside {@link #work}, plus {@link #CLOSED} once no helper may join. */
        private final AtomicInteger inside = new AtomicInteger();
        /** The failure of the lowest failing chunk so far, and that chunk (guarded by this). */
        private Throwable failure;
        private int failedChunk = Integer.MAX_VALUE;

        Job(int chunks, IntConsumer body) {
            this.chunks = chunks;
            this.body = body;
        }

        /** A helper joins unless the caller has closed the job. */
        boolean join() {
            for (int s = inside.get(); (s & CLOSED) == 0; s = inside.get()) {
                if (inside.compareAndSet(s, s + 1)) {
                    return true;
                }
            }
            return false;
        }

        void leave() {
            inside.decrementAndGet();
        }

        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.accept(c);
                } catch (Throwable t) {
                    failed(c, t);
                    next.set(chunks);
                    return;
                }
            }
        }

        private synchronized void failed(int chunk, Throwable t) {
            if (chunk < failedChunk) {
                failedChunk = chunk;
                failure = t;
            }
        }

        /** Every chunk has been taken: bar late helpers and wait for those still working. */
        void close() {
            int spins = 0;
            for (int s = inside.getAndUpdate(v -> v | CLOSED); (s & ~CLOSED) != 0; s = inside.get()) {
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        /** Called after {@link #close()}: no thread touches the failure any more. */
        void rethrow() {
            Throwable t;
            synchronized (this) {
                t = failure;
            }
            if (t != null) {
                Job.<RuntimeException>sneakyThrow(t);
            }
        }

        /** Throws {@code t} as it is, checked or not (a body may throw checked exceptions sneakily). */
        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
            throw (T) t;
        }
    }

    private final class Helper implements Runnable {
        final Thread thread;
        volatile boolean parked;

        Helper(int id) {
            thread = new Thread(this, "totaldiff-kernel-" + id);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            Parallel.markInside();
            long seen = 0;
            while (!closed) {
                long now = published;
                if (now == seen) {
                    idle(seen);
                    continue;
                }
                seen = now;
                Job j = job;
                if (j != null && j.join()) {
                    try {
                        j.work();
                    } finally {
                        j.leave();
                    }
                }
            }
        }

        /** Spins for a while for the next job, then parks until the caller unparks it. */
        private void idle(long seen) {
            long until = System.nanoTime() + spinNanos;
            while (published == seen && !closed) {
                if (System.nanoTime() < until) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                // an interrupt (ours are nobody's to interrupt) would make every park return at once
                Thread.interrupted();
                if (published == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
            }
        }
    }
}
