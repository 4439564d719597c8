package org.totaldiff.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code totaldiff}: the parent command. Its options ({@code --help}, {@code --version},
 * {@code --debug}) are inherited by every subcommand. Run without a subcommand, it reports a
 * usage error.
 */
@Command(name = "totaldiff",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Train physics-informed neural networks and study how they learn: "
                + "gradient signal-to-noise ratio, diffusion phases, information compression.",
        footer = {"", "Run 'totaldiff COMMAND --help' for the options of a command.",
            "Environment: TOTALDIFF_DEBUG=1 prints stack traces; JAVA_OPTS passes JVM options (launcher)."},
        subcommands = {TrainCommand.class, ReproduceCommand.class, AnalyzeCommand.class, ReferenceCommand.class, InfoCommand.class,
            HelpCommand.class})
public final class TotaldiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Print the stack trace of an error (also: environment variable TOTALDIFF_DEBUG=1). */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On an error, print the stack trace too.")
    boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command; choose one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
