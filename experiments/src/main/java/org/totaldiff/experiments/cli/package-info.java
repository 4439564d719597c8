/**
 * The {@code totaldiff} command line, in picocli's idiom: the parent command
 * {@link org.totaldiff.experiments.cli.TotaldiffCommand} with one class per subcommand
 * (each {@code implements Callable<Integer>}), shared options as mixins
 * ({@link org.totaldiff.experiments.cli.OutputOptions},
 * {@link org.totaldiff.experiments.cli.ThreadsOption},
 * {@link org.totaldiff.experiments.cli.ProgressOption}), output through
 * {@code spec.commandLine().getOut()}, and {@code --help} on every command.
 *
 * <p>{@link org.totaldiff.experiments.cli.Main} wires the error handling: a caller mistake
 * ({@link java.lang.IllegalArgumentException}, {@link java.lang.IllegalStateException}, an
 * I/O failure, a bad option) becomes one line {@code totaldiff: <message>} on stderr and exit
 * code {@value org.totaldiff.experiments.cli.ExitCodes#USAGE}, never a stack trace;
 * {@code --debug} or {@code TOTALDIFF_DEBUG=1} adds the trace. Exit codes are listed in
 * {@link org.totaldiff.experiments.cli.ExitCodes} and {@code docs/outputs.md}.
 *
 * <p>To add a subcommand: write a class annotated {@code @Command(name = "...")} that
 * implements {@code Callable<Integer>}, and list it in the {@code subcommands} of
 * {@link org.totaldiff.experiments.cli.TotaldiffCommand}.
 */
package org.totaldiff.experiments.cli;
