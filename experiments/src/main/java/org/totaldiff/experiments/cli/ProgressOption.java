package org.totaldiff.experiments.cli;

import org.totaldiff.experiments.progress.Progress;
import picocli.CommandLine.Option;

/** Mixin {@code --progress auto|bar|lines|none}: how a long command reports its progress on stderr. */
public final class ProgressOption {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "AUTO",
            description = "Progress on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: "
                    + "a bar on a terminal, a line every few seconds otherwise).")
    Progress.Mode mode = Progress.Mode.AUTO;

    /** The chosen mode. */
    public Progress.Mode mode() {
        return mode;
    }
}
