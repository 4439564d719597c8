package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void chunkCountCoversTheRange() {
        assertEquals(0, Parallel.chunkCount(0, 5));
        assertEquals(1, Parallel.chunkCount(5, 5));
        assertEquals(2, Parallel.chunkCount(6, 5));
    }

    @Test
    void forRangeVisitsEveryIndexOnce() {
        for (int threads : new int[] {1, 2, 3}) {
            int[] hits = new int[1003];
            MatrixAssert.withThreads(threads, () -> {
                Parallel.forRange(hits.length, 10, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                });
                return null;
            });
            int[] ones = new int[hits.length];
            java.util.Arrays.fill(ones, 1);
            assertArrayEquals(ones, hits, threads + " threads");
        }
    }

    @Test
    void sumIsIndependentOfThreadCount() {
        double[] x = MatrixGen.matrix(1, 10007, 3).data;
        Parallel.RangeSum body = (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += x[i];
            }
            return s;
        };
        double one = MatrixAssert.withThreads(1, () -> Parallel.sum(x.length, 64, body));
        for (int t : new int[] {2, 3, 4}) {
            double many = MatrixAssert.withThreads(t, () -> Parallel.sum(x.length, 64, body));
            assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(many));
        }
        assertEquals(0.0, Parallel.sum(0, 8, body));
    }

    @Test
    void nestedCallsRunInlineAndFailuresPropagate() {
        AtomicInteger count = new AtomicInteger();
        MatrixAssert.withThreads(2, () -> {
            Parallel.forEachChunk(4, c -> Parallel.forEachChunk(3, d -> count.incrementAndGet()));
            return null;
        });
        assertEquals(12, count.get());
        IllegalStateException e = thrown(IllegalStateException.class, 2, 8, c -> c == 5,
                c -> new IllegalStateException("chunk " + c));
        assertEquals("chunk 5", e.getMessage());
    }

    @Test
    void errorsFromAnyThreadReachTheCaller() {
        AssertionError e = thrown(AssertionError.class, 2, 64, c -> c == 63, c -> new AssertionError("chunk " + c));
        assertEquals("chunk 63", e.getMessage());
        // the helpers survive a failed job
        AtomicInteger count = new AtomicInteger();
        MatrixAssert.withThreads(2, () -> {
            Parallel.forEachChunk(64, c -> count.incrementAndGet());
            return null;
        });
        assertEquals(64, count.get());
    }

    /**
     * Every chunk from 10 on fails with a checked exception: the caller gets chunk 10's exception,
     * unwrapped, on any number of threads.
     */
    @Test
    void theLowestFailingChunkIsRethrownUnwrapped() {
        for (int threads : new int[] {1, 2, 3}) {
            IOException e = thrown(IOException.class, threads, 64, c -> c >= 10, c -> new IOException("chunk " + c));
            assertEquals("chunk 10", e.getMessage(), threads + " threads");
        }
    }

    /**
     * What {@code forEachChunk(chunks, ...)} on {@code threads} threads throws when every chunk c
     * that {@code fails} throws {@code failure(c)} (checked or not); asserts it is a {@code type}.
     */
    private static <T extends Throwable> T thrown(Class<T> type, int threads, int chunks, IntPredicate fails,
            IntFunction<? extends Throwable> failure) {
        return assertThrows(type, () -> MatrixAssert.withThreads(threads, () -> {
            Parallel.forEachChunk(chunks, c -> {
                if (fails.test(c)) {
                    ParallelTest.<RuntimeException>sneakyThrow(failure.apply(c));
                }
            });
            return null;
        }), threads + " threads");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * A call that finds the helpers busy runs inline, and so do the calls nested in its chunks,
     * even when the helpers have become free meanwhile.
     */
    @Test
    void callsNestedInAnInlineFallbackStayOnTheCallingThread() {
        Set<Thread> innerThreads = ConcurrentHashMap.newKeySet();
        MatrixAssert.withThreads(2, () -> {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch released = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                Parallel.forEachChunk(2, c -> {
                    holding.countDown();
                    await(release);
                });
                released.countDown();
            });
            holder.start();
            await(holding); // both chunks of the holder's job are running: the helpers are busy
            Parallel.forEachChunk(2, c -> {
                if (c == 0) {
                    release.countDown();
                    await(released); // the helpers are free again
                }
                Parallel.forEachChunk(64, d -> {
                    innerThreads.add(Thread.currentThread());
                    sleepBriefly();
                });
            });
            try {
                holder.join();
            } catch (InterruptedException x) {
                throw new IllegalStateException(x);
            }
            return null;
        });
        assertEquals(Set.of(Thread.currentThread()), innerThreads);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException x) {
            throw new IllegalStateException(x);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(0, 100_000);
        } catch (InterruptedException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Two threads calling at once: one job holds the helpers, the other runs inline; both complete. */
    @Test
    void concurrentCallersEachVisitEveryChunkOnce() {
        MatrixAssert.withThreads(2, () -> {
            Runnable caller = () -> {
                for (int round = 0; round < 200; round++) {
                    int[] hits = new int[97];
                    Parallel.forEachChunk(hits.length, c -> hits[c]++);
                    for (int c = 0; c < hits.length; c++) {
                        if (hits[c] != 1) {
                            throw new AssertionError("chunk " + c + " ran " + hits[c] + " times");
                        }
                    }
                }
            };
            Thread other = new Thread(caller);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            other.setUncaughtExceptionHandler((t, x) -> failure.set(x));
            other.start();
            caller.run();
            try {
                other.join();
            } catch (InterruptedException x) {
                throw new IllegalStateException(x);
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            return null;
        });
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (f, t) -> { }));
        assertThrows(IllegalArgumentException.class, () -> Parallel.sum(10, 0, (f, t) -> 0.0));
    }
}
