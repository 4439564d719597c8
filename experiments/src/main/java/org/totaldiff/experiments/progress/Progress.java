package org.totaldiff.experiments.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a loop of {@code total} iterations, reported on stderr.
 *
 * <ul>
 *   <li>{@link Mode#BAR}: a progress bar redrawn in place (me.tongfei progressbar): task,
 *       percentage, iteration/total, elapsed time, ETA, and the latest loss;</li>
 *   <li>{@link Mode#LINES}: one plain line every {@link #DEFAULT_INTERVAL} (and a last one at
 *       the end), e.g. {@code train: 1200/5000 (24.0%) loss 3.210e-03, 152 it/s, elapsed 8s, ETA 25s};</li>
 *   <li>{@link Mode#NONE}: nothing (tests, {@code --progress none});</li>
 *   <li>{@link Mode#AUTO}: BAR if stderr is an interactive terminal, else LINES. The launcher
 *       script tells the JVM with {@code -Dtotaldiff.tty=true|false} (it may pipe stderr);
 *       without that property the JVM's console decides. {@code TERM=dumb} means LINES.</li>
 * </ul>
 * {@link #update} is cheap (no I/O unless a line is due) and may be called every iteration.
 * A resumed run passes its starting iteration so the rate and ETA count only new work.
 */
public final class Progress implements ProgressSink, AutoCloseable {

    /** How progress is shown. */
    public enum Mode { AUTO, BAR, LINES, NONE }

    /** Interval between two plain lines in {@link Mode#LINES}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** System property set by the launcher: whether stderr is an interactive terminal. */
    public static final String TTY_PROPERTY = "totaldiff.tty";

    private final String task;
    private final long total;
    private final long initial;
    private final Mode mode;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long startNanos;
    private final ProgressBar bar;
    private long lastLineNanos;
    private long iteration;
    private double loss = Double.NaN;
    private double error = Double.NaN;
    private boolean closed;

    Progress(String task, long total, long initial, Mode mode, PrintStream err, LongSupplier nanoTime,
             Duration interval) {
        if (total < 0 || initial < 0 || initial > total) {
            throw new IllegalArgumentException("progress: expected 0 <= initial <= total, got initial " + initial
                    + ", total " + total);
        }
        this.task = task;
        this.total = total;
        this.initial = initial;
        this.mode = mode == Mode.AUTO ? (interactive() ? Mode.BAR : Mode.LINES) : mode;
        this.err = err;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.startNanos = nanoTime.getAsLong();
        this.lastLineNanos = startNanos;
        this.iteration = initial;
        this.bar = this.mode == Mode.BAR ? bar(task, total, initial, err) : null;
    }

    /** Reports on {@code System.err} the progress of iterations {@code initial..total}. */
    public static Progress start(String task, long total, long initial, Mode mode) {
        return new Progress(task, total, initial, mode, System.err, System::nanoTime, DEFAULT_INTERVAL);
    }

    /** Reports on {@code err} the progress of iterations {@code initial..total}. */
    public static Progress start(String task, long total, long initial, Mode mode, PrintStream err) {
        return new Progress(task, total, initial, mode, err, System::nanoTime, DEFAULT_INTERVAL);
    }

    /** A progress that shows nothing. */
    public static Progress quiet() {
        return new Progress("", 0, 0, Mode.NONE, System.err, () -> 0L, DEFAULT_INTERVAL);
    }

    /** True if stderr is taken to be an interactive terminal (see {@link Mode#AUTO}). */
    public static boolean interactive() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        String tty = System.getProperty(TTY_PROPERTY);
        if (tty != null) {
            return Boolean.parseBoolean(tty.trim());
        }
        return System.console() != null;
    }

    private static ProgressBar bar(String task, long total, long initial, PrintStream err) {
        int width = 100;
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                width = Math.max(40, Integer.parseInt(columns.trim()) - 1);
            } catch (NumberFormatException ignored) {
                // keep the default width
            }
        }
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .startsFrom(initial, Duration.ZERO)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err, width))
                .build();
    }

    /** The mode in use (never AUTO). */
    public Mode mode() {
        return mode;
    }

    /** Records that {@code iteration} is done, with its loss (NaN if not known). */
    public void update(long iteration, double loss) {
        update(iteration, loss, error);
    }

    @Override
    public void update(long iteration, double loss, double error) {
        this.iteration = iteration;
        this.loss = loss;
        this.error = error;
        if (mode == Mode.BAR) {
            bar.stepTo(iteration);
            bar.setExtraMessage(measures());
        } else if (mode == Mode.LINES) {
            long now = nanoTime.getAsLong();
            if (now - lastLineNanos >= intervalNanos) {
                lastLineNanos = now;
                err.println(line(now));
                err.flush();
            }
        }
    }

    /** Prints a message on its own line without breaking the bar (nothing in NONE mode). */
    @Override
    public void message(String text) {
        if (mode == Mode.NONE) {
            return;
        }
        synchronized (err) {
            if (mode == Mode.BAR) {
                err.print("\r\033[K");
            }
            err.println(text);
            err.flush();
        }
    }

    /** The status line for the current state, as printed in LINES mode. */
    String line(long now) {
        double elapsed = (now - startNanos) / 1e9;
        long done = iteration - initial;
        StringBuilder s = new StringBuilder();
        s.append(task).append(": ").append(iteration).append('/').append(total);
        if (total > 0) {
            s.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * iteration / total));
        }
        String measures = measures();
        if (!measures.isEmpty()) {
            s.append(' ').append(measures);
        }
        if (done > 0 && elapsed > 0) {
            double rate = done / elapsed;
            s.append(String.format(Locale.ROOT, ", %s it/s", rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate)
                    : String.format(Locale.ROOT, "%.2f", rate)));
            s.append(", elapsed ").append(duration(elapsed));
            if (iteration < total) {
                s.append(", ETA ").append(duration((total - iteration) / rate));
            }
        } else {
            s.append(", elapsed ").append(duration(elapsed));
        }
        return s.toString();
    }

    /** "loss 1.234e-02, error 5.678e-03", leaving out what is not known. */
    private String measures() {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(loss)) {
            s.append(String.format(Locale.ROOT, "loss %.3e", loss));
        }
        if (!Double.isNaN(error)) {
            s.append(s.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "error %.3e", error));
        }
        return s.toString();
    }

    /** A duration as "42s", "3m 05s" or "2h 07m". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }

    /** Ends the display: the bar's last state, or a last plain line. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mode == Mode.BAR) {
            bar.close();
        } else if (mode == Mode.LINES) {
            err.println(line(nanoTime.getAsLong()));
            err.flush();
        }
    }
}
