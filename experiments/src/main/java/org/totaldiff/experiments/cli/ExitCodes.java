package org.totaldiff.experiments.cli;

/** Exit codes of {@code totaldiff} (also listed in docs/outputs.md). */
public final class ExitCodes {

    /** Success: the command did what was asked (a training run finished). */
    public static final int OK = 0;
    /** An internal error (a bug): the message says so and asks for a report. */
    public static final int SOFTWARE = 1;
    /** A usage or input error: bad option, unusable directory or file, invalid configuration. */
    public static final int USAGE = 2;
    /** Interrupted by Ctrl-C / SIGINT (128 + 2, set by the JVM); the run is marked stopped. */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM (128 + 15, set by the JVM); the run is marked stopped. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
