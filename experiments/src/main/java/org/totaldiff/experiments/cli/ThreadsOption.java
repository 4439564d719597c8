package org.totaldiff.experiments.cli;

import org.totaldiff.engine.Parallel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Mixin {@code --threads N}: the number of threads the engine's kernels use. The value is
 * applied to {@link Parallel#setThreads(int)} as soon as the option is parsed; without the
 * option the engine's default holds (all cores, or the system property totaldiff.threads).
 * Results do not depend on it: the engine splits work deterministically.
 */
public final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--threads", paramLabel = "N",
            description = "Kernel threads (default: all available cores). Results are identical for any N.")
    void setThreads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads: expected a number >= 1, got " + n);
        }
        Parallel.setThreads(n);
    }

    /** The thread count in force. */
    public int threads() {
        return Parallel.threads();
    }
}
