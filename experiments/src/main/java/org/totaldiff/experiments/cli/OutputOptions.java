package org.totaldiff.experiments.cli;

import java.nio.file.Path;
import org.totaldiff.experiments.io.RunDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Mixin for commands that write a run directory: {@code --out DIR}, {@code --force},
 * {@code --resume}. See {@link RunDirectory} for what each does with an existing directory:
 * <ul>
 *   <li>no flag: a new or empty directory is used; one holding a run is refused;</li>
 *   <li>{@code --force}: a directory holding a run (finished or not) is cleared first;</li>
 *   <li>{@code --resume DIR}: the unfinished run in DIR continues from its checkpoint; a finished
 *       one is refused; a new or empty directory starts a fresh run.</li>
 * </ul>
 * A non-empty directory that holds no run.json is always refused.
 */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Run directory for run.json, metrics.csv, plots/ and checkpoints "
                    + "(default: runs/<command>-<name> under the current directory).")
    Path out;

    @Option(names = "--force",
            description = "Delete the run already in DIR (finished or not) and start afresh. "
                    + "Never deletes a directory that is not a totaldiff run.")
    boolean force;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the unfinished (stopped, failed or killed) run in DIR from its last checkpoint,"
                    + " with the configuration recorded there.")
    Path resume;

    /** The directory: {@code --resume} or {@code --out} if given, else {@code runs/<defaultName>}. */
    public Path directory(String defaultName) {
        if (resume != null) {
            return resume;
        }
        return out != null ? out : Path.of("runs", defaultName);
    }

    /** True if {@code --resume DIR} was given. */
    public boolean resuming() {
        return resume != null;
    }

    /**
     * What to do with an existing run.
     *
     * @throws ParameterException if both --force and --resume are given
     */
    public RunDirectory.Mode mode() {
        if (force && resume != null) {
            throw new ParameterException(mixee.commandLine(), "--force and --resume exclude each other; choose one");
        }
        if (out != null && resume != null && !out.equals(resume)) {
            throw new ParameterException(mixee.commandLine(), "--resume DIR names the run directory; drop --out "
                    + out + " or make it the same directory");
        }
        return force ? RunDirectory.Mode.FORCE : resume != null ? RunDirectory.Mode.RESUME : RunDirectory.Mode.NEW;
    }

    /** Opens the run directory ({@link #directory(String)}) in the chosen {@link #mode()}. */
    public RunDirectory open(String defaultName) {
        return RunDirectory.open(directory(defaultName), mode());
    }
}
