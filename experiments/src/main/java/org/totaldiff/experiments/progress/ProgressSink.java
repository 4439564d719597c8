package org.totaldiff.experiments.progress;

/**
 * Where a loop reports its progress: a {@link Progress} display, or one part of a
 * {@link CombinedProgress} (several runs shown as one).
 */
public interface ProgressSink {

    /**
     * Records that {@code iteration} is done, with its loss and the latest test error (NaN if
     * not known).
     */
    void update(long iteration, double loss, double error);

    /** Prints a message on its own line (nothing when progress is not shown). */
    void message(String text);
}
