package org.totaldiff.experiments.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records one run in its {@link RunDirectory}: the manifest {@code run.json} through the run's
 * life, and the rows of {@code metrics.csv}. The trainer's loop is:
 *
 * <pre>{@code
 * try (RunRecorder run = RunRecorder.start(output.open("helmholtz"), "train", args, config, seed, columns)) {
 *     long it = run.startIteration();          // 0, or the checkpoint a resume continues from
 *     // if (run.resuming()) restore the state from run.directory().checkpointFile()
 *     for (...) {
 *         run.record(it, loss, snr, ...);       // a metrics row, flushed at once
 *         // every so often: save checkpoint.npz, then
 *         run.checkpointed(it);                 // run.json now says a resume continues from it
 *     }
 *     run.finish(it, Map.of("relL2", err));    // status finished, final metrics
 * }
 * }</pre>
 *
 * <p>While the run is open a JVM shutdown hook marks it <em>stopped</em> if the process is
 * interrupted (Ctrl-C, SIGTERM), so run.json tells the truth; a run killed outright (SIGKILL,
 * power loss) stays <em>running</em>, which {@link RunDirectory} also treats as resumable.
 * Closing a run that did not {@link #finish} marks it <em>failed</em>.
 *
 * <p>A resume continues from the last {@link #checkpointed} iteration k: metrics rows after k
 * are removed (they will be computed again), the wall time goes on adding up, and the
 * configuration is the one recorded ({@link #manifest()}{@code .configAs(...)}).
 */
public final class RunRecorder implements AutoCloseable {

    private final RunDirectory dir;
    private final MetricsCsv metrics;
    private final long startIteration;
    private final double wallBefore;
    private final long segmentStart;
    private final Thread hook;
    private Manifest manifest;
    private boolean ended;
    private volatile Runnable interruptHandler;

    private RunRecorder(RunDirectory dir, Manifest manifest, MetricsCsv metrics, long startIteration,
                        long segmentStart) {
        this.dir = dir;
        this.segmentStart = segmentStart;
        this.manifest = manifest;
        this.metrics = metrics;
        this.startIteration = startIteration;
        this.wallBefore = manifest.wallSeconds();
        this.hook = new Thread(this::markInterrupted, "totaldiff-run-stopped");
    }

    /**
     * Starts recording a run in {@code dir} (which it then owns and closes), or continues the
     * run {@code dir} holds if it was opened to resume.
     *
     * @param dir       the opened run directory
     * @param command   the subcommand, e.g. "train"
     * @param arguments the command-line arguments after the subcommand name
     * @param config    the configuration record (ignored on resume: the recorded one stands)
     * @param seed      the random seed (ignored on resume)
     * @param columns   the metrics.csv value columns, without "iteration"; on resume they must
     *                  equal the recorded header
     */
    public static RunRecorder start(RunDirectory dir, String command, List<String> arguments, Object config,
                                    long seed, List<String> columns) {
        Objects.requireNonNull(dir, "dir");
        long segmentStart = System.nanoTime();
        try {
            RunRecorder run;
            if (dir.resuming()) {
                Manifest previous = dir.previous().orElseThrow();
                if (!previous.command().equals(command)) {
                    throw new IllegalArgumentException("--resume: " + dir + " holds a '" + previous.command()
                            + "' run, not a '" + command + "' run");
                }
                long k = previous.iteration();
                MetricsCsv csv = MetricsCsv.resume(dir.metricsFile(), columns, k);
                Manifest resumed = previous.resumed(k);
                resumed.write(dir.manifestFile());
                run = new RunRecorder(dir, resumed, csv, k, segmentStart);
            } else {
                // run.json first: from then on the directory is recognisably a run
                Manifest m = Manifest.started(command, arguments, config, seed);
                m.write(dir.manifestFile());
                run = new RunRecorder(dir, m, MetricsCsv.create(dir.metricsFile(), columns), 0L, segmentStart);
            }
            Runtime.getRuntime().addShutdownHook(run.hook);
            return run;
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** True if this run continues an earlier one. */
    public boolean resuming() {
        return dir.resuming();
    }

    /** Iteration to continue after: 0 for a fresh run, the last checkpointed iteration on resume. */
    public long startIteration() {
        return startIteration;
    }

    /** The run directory. */
    public RunDirectory directory() {
        return dir;
    }

    /** The manifest as last written. */
    public synchronized Manifest manifest() {
        return manifest;
    }

    /** The metrics table (for {@link MetricsCsv#append(long, Map)} and the like). */
    public MetricsCsv metrics() {
        return metrics;
    }

    /** Appends a metrics row (flushed at once). */
    public void record(long iteration, double... values) {
        metrics.append(iteration, values);
    }

    /** Wall-clock seconds of the whole run so far, over all its segments. */
    public double wallSeconds() {
        return wallBefore + (System.nanoTime() - segmentStart) / 1e9;
    }

    /**
     * Notes that the state after {@code iteration} is saved (checkpoint.npz written), so a
     * resume continues from here; rewrites run.json.
     */
    public synchronized void checkpointed(long iteration) {
        requireOpen();
        manifest = manifest.progress(iteration, wallSeconds());
        manifest.write(dir.manifestFile());
    }

    /** Marks the run finished after {@code iteration} with its final metrics. */
    public synchronized void finish(long iteration, Map<String, Double> finalMetrics) {
        requireOpen();
        manifest = manifest.finished(iteration, wallSeconds(), finalMetrics);
        manifest.write(dir.manifestFile());
        ended = true;
    }

    /** Marks the run failed with {@code error}'s message; it stays resumable from its last checkpoint. */
    public synchronized void fail(Throwable error) {
        requireOpen();
        String m = error.getMessage();
        manifest = manifest.failed(manifest.iteration(), wallSeconds(),
                m == null ? error.getClass().getSimpleName() : m.strip().replaceAll("\\s*\\R\\s*", " "));
        manifest.write(dir.manifestFile());
        ended = true;
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("run " + dir + ": already ended with status "
                    + manifest.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Runs {@code handler} first when the process is interrupted, before the run is marked
     * stopped: the place to let the training loop finish its iteration and save a checkpoint
     * (which it reports with {@link #checkpointed}), so that nothing is lost. The handler should
     * return within a few seconds.
     */
    public void onInterrupt(Runnable handler) {
        this.interruptHandler = handler;
    }

    /** Shutdown hook: the process is being interrupted while the run is open. */
    void markInterrupted() {
        Runnable handler = interruptHandler;
        if (handler != null) {
            try {
                handler.run();
            } catch (RuntimeException ignored) {
                // the status below is still written
            }
        }
        markStopped();
    }

    /**
     * Marks the run stopped by request after {@code iteration} (resumable from its last
     * checkpoint); the shutdown hook then has nothing left to do.
     */
    public synchronized void stopped(long iteration) {
        requireOpen();
        manifest = manifest.stopped(manifest.iteration(), wallSeconds(), "stopped after iteration " + iteration
                + "; resume continues from iteration " + manifest.iteration(), manifest.metrics());
        manifest.write(dir.manifestFile());
        ended = true;
    }

    private synchronized void markStopped() {
        if (ended) {
            return;
        }
        try {
            long last = metrics.lastIteration();
            manifest = manifest.stopped(manifest.iteration(), wallSeconds(), "interrupted after iteration "
                    + (last == Long.MIN_VALUE ? startIteration : last) + "; resume continues from iteration "
                    + manifest.iteration(), manifest.metrics());
            manifest.write(dir.manifestFile());
            ended = true;
        } catch (RuntimeException ignored) {
            // the JVM is going down; run.json keeps saying "running", which is resumable too
        }
    }

    /** Closes the metrics table and the directory; a run not finished is marked failed. */
    @Override
    public void close() {
        synchronized (this) {
            if (!ended) {
                manifest = manifest.failed(manifest.iteration(), wallSeconds(), "ended before finishing");
                manifest.write(dir.manifestFile());
                ended = true;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        try {
            metrics.close();
        } finally {
            dir.close();
        }
    }
}
