package org.totaldiff.experiments.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.totaldiff.engine.Parallel;
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.io.RunRecorder;
import org.totaldiff.experiments.monitor.MonitorPlots;
import org.totaldiff.experiments.phases.PhaseDetector;
import org.totaldiff.experiments.phases.RunPhases;
import org.totaldiff.experiments.progress.CombinedProgress;
import org.totaldiff.experiments.progress.Progress;
import org.totaldiff.experiments.progress.ProgressSink;
import org.totaldiff.experiments.train.TrainRun;

/**
 * A reproduction: its runs ({@link Arm}s), each trained into a run directory of its own under
 * one output directory ({@code OUT/vanilla}, {@code OUT/rba}), one after the other or side by
 * side, and then analysed ({@link #analyze}): phases.json and the marked monitor figures in each
 * run directory, the figure set in {@code OUT/figures/} and {@code OUT/summary.md}.
 *
 * <p>Each run directory is an ordinary {@code train} run: it can be inspected, analysed or
 * resumed on its own. With {@code --resume} a finished run is kept as it is, an unfinished one
 * continues from its checkpoint and a missing one starts. Runs side by side share the cores:
 * the engine's kernel threads are divided among them (two runs on two cores: one each); the
 * engine's results do not depend on the thread count, so a run's files are the same either way.
 */
public final class Reproduction {

    /** A run's state after training: where it is and what run.json says. */
    public record Result(Arm arm, Path dir, Manifest manifest) {
        /** The run's final metric {@code name} (rel_l2, rel_linf), NaN if absent. */
        public double metric(String name) {
            Double v = manifest.metrics().get(name);
            return v == null ? Double.NaN : v;
        }
    }

    /** A run analysed: its result and its phases. */
    public record Analysed(Result result, RunPhases phases) {
    }

    private final String title;
    private final List<Arm> arms;
    private final Path out;

    /**
     * @param title what is reproduced, e.g. "helmholtz, preset quick" (figure titles, summary)
     * @param arms  the runs
     * @param out   the output directory
     */
    public Reproduction(String title, List<Arm> arms, Path out) {
        this.title = title;
        this.arms = List.copyOf(arms);
        this.out = out;
    }

    /** The run directory of {@code arm}. */
    public Path dir(Arm arm) {
        return out.resolve(arm.name());
    }

    /**
     * Checks, before anything is created, that the output directory can be used in {@code mode}:
     * a new reproduction needs its run directories absent or empty.
     *
     * @throws IllegalArgumentException naming the directory and the option that would change that
     */
    public void check(RunDirectory.Mode mode) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out: " + out + " exists and is not a directory");
        }
        for (Arm arm : arms) {
            Path dir = dir(arm);
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out: " + dir + " exists and is not a directory");
            }
            if (mode == RunDirectory.Mode.NEW && !empty(dir)) {
                throw new IllegalArgumentException("--out: " + out + " already holds a reproduction (" + dir
                        + "); pass --resume to continue or reuse it, --force to start over, or choose another"
                        + " directory");
            }
        }
    }

    /**
     * Trains every run not finished yet, {@code jobs} at a time, showing one progress for all.
     *
     * @return true if every run has finished (false if one was stopped)
     */
    public boolean train(RunDirectory.Mode mode, int jobs, Progress.Mode progressMode, List<String> arguments,
                         PrintWriter log) throws IOException, InterruptedException {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        check(mode);
        List<Arm> todo = new ArrayList<>();
        List<Long> initial = new ArrayList<>();
        long total = 0;
        for (Arm arm : arms) {
            Manifest m = manifest(dir(arm));
            if (mode == RunDirectory.Mode.RESUME && m != null && m.done()) {
                log.printf(Locale.ROOT, "%s: finished earlier (%d iterations), kept%n", arm.name(), m.iteration());
                continue;
            }
            todo.add(arm);
            initial.add(mode == RunDirectory.Mode.RESUME && m != null ? m.iteration() : 0L);
            total += arm.config().totalIterations();
        }
        log.flush();
        if (todo.isEmpty()) {
            return true;
        }
        long[] start = initial.stream().mapToLong(Long::longValue).toArray();
        int side = Math.min(jobs, todo.size());
        int threadsBefore = Parallel.threads();
        Parallel.setThreads(Math.max(1, threadsBefore / side));
        ExecutorService pool = Executors.newFixedThreadPool(side, r -> {
            Thread t = new Thread(r, "reproduce");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = Progress.start("reproduce " + title, total, CombinedProgress.sum(start),
                progressMode)) {
            CombinedProgress parts = new CombinedProgress(progress, start);
            List<Future<TrainRun.Outcome>> futures = new ArrayList<>();
            AtomicBoolean stopped = new AtomicBoolean();
            for (int k = 0; k < todo.size(); k++) {
                Arm arm = todo.get(k);
                ProgressSink part = parts.part(k, arm.name());
                futures.add(pool.submit(() -> {
                    if (stopped.get()) {
                        return null;   // an earlier run was stopped: leave this one for --resume
                    }
                    TrainRun.Outcome o = trainOne(arm, mode, arguments, part);
                    if (!o.finished()) {
                        stopped.set(true);
                    }
                    return o;
                }));
            }
            boolean all = true;
            Exception failure = null;
            for (int k = 0; k < futures.size(); k++) {
                try {
                    TrainRun.Outcome o = futures.get(k).get();
                    all &= o != null && o.finished();
                    if (o != null) {
                        progress.message(String.format(Locale.ROOT, "%s: %s %d iterations in %.1f s: relative L2 error"
                                + " %.4e, relative L-infinity error %.4e", todo.get(k).name(),
                                o.finished() ? "finished" : "stopped after", o.iterations(), o.wallSeconds(),
                                o.relL2(), o.relLinf()));
                    }
                } catch (ExecutionException e) {
                    all = false;
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return all;
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(threadsBefore);
        }
    }

    private TrainRun.Outcome trainOne(Arm arm, RunDirectory.Mode mode, List<String> arguments, ProgressSink part)
            throws IOException {
        TrainRun run = new TrainRun(arm.config());
        // recorded as a train run, so that `train --resume OUT/ARM` works on it as well
        try (RunRecorder recorder = RunRecorder.start(RunDirectory.open(dir(arm), mode), "train", arguments,
                arm.config(), arm.config().sampling().seed(), run.columns())) {
            try {
                return run.run(recorder, part);
            } catch (RuntimeException | IOException e) {
                recorder.fail(e);
                throw e;
            }
        }
    }

    /**
     * Analyses the finished runs: phases.json and the monitor figures with the phases marked in
     * each run directory, the figure set in {@code OUT/figures/} and {@code OUT/summary.md}.
     *
     * @return the runs with their phases, in arm order
     */
    public List<Analysed> analyze(String command) {
        PhaseDetector detector = new PhaseDetector(PhaseDetector.Parameters.defaults());
        List<Analysed> all = new ArrayList<>();
        for (Arm arm : arms) {
            Path dir = dir(arm);
            Manifest m = manifest(dir);
            if (m == null || !m.done()) {
                throw new IllegalStateException("reproduce: " + dir + " has not finished; resume it first");
            }
            RunPhases phases = RunPhases.of(dir, detector);
            phases.write(dir, detector.parameters());
            MonitorPlots.write(dir, title + ", " + arm.name(), phases.markers());
            all.add(new Analysed(new Result(arm, dir, m), phases));
        }
        List<Path> figures = ReproductionFigures.write(out.resolve(ReproductionFigures.DIR), title, all);
        ReproductionSummary.write(out.resolve(ReproductionSummary.FILE), title, command, all, figures, out);
        return all;
    }

    private static Manifest manifest(Path dir) {
        Path file = dir.resolve(Manifest.FILE_NAME);
        return Files.isRegularFile(file) ? Manifest.read(file) : null;
    }

    private static boolean empty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.noneMatch(p -> !p.getFileName().toString().equals(RunDirectory.LOCK_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
