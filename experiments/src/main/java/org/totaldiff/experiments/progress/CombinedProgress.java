package org.totaldiff.experiments.progress;

/**
 * One {@link Progress} display for several loops, run one after another or side by side (e.g.
 * the vanilla and RBA runs of a reproduction): each loop reports to its own {@link #part part},
 * with its own iteration count, and the display shows the sum over the parts against the sum of
 * their totals. Parts may report from different threads.
 */
public final class CombinedProgress {

    private final Progress whole;
    private final long[] done;

    /**
     * @param whole   the display, started with the sum of the parts' totals and of {@code initial}
     * @param initial each part's iterations already done (a resumed run's start)
     */
    public CombinedProgress(Progress whole, long[] initial) {
        this.whole = whole;
        this.done = initial.clone();
    }

    /** The sum of {@code initial}: what to start the whole display from. */
    public static long sum(long[] initial) {
        long s = 0;
        for (long v : initial) {
            s += v;
        }
        return s;
    }

    /** The sink of part {@code k} (0-based), whose messages are prefixed with {@code name}. */
    public ProgressSink part(int k, String name) {
        if (k < 0 || k >= done.length) {
            throw new IllegalArgumentException("progress part " + k + ": expected 0.." + (done.length - 1));
        }
        return new ProgressSink() {
            @Override
            public void update(long iteration, double loss, double error) {
                synchronized (CombinedProgress.this) {
                    done[k] = iteration;
                    whole.update(sum(done), loss, error);
                }
            }

            @Override
            public void message(String text) {
                synchronized (CombinedProgress.this) {
                    whole.message(name + ": " + text);
                }
            }
        };
    }
}
