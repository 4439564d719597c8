package org.totaldiff.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code totaldiff}: builds the command line with its error handling and exits
 * with the command's exit code.
 *
 * <p>Errors become one line on stderr, {@code totaldiff: <message>}, never a stack trace:
 * a bad option or argument (with a pointer to the command's {@code --help}) and a caller
 * mistake during execution ({@link IllegalArgumentException}, {@link IllegalStateException},
 * {@link UncheckedIOException}, {@link IOException}) exit with {@link ExitCodes#USAGE}; any
 * other exception is a bug and exits with {@link ExitCodes#SOFTWARE}. {@code --debug} or the
 * environment variable {@code TOTALDIFF_DEBUG=1} prints the stack trace as well.
 */
public final class Main {

    /** Environment variable that turns on stack traces, like {@code --debug}. */
    public static final String DEBUG_ENV = "TOTALDIFF_DEBUG";

    private Main() {
    }

    /** Runs {@code totaldiff} with {@code args} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("totaldiff: out of memory; give the JVM more heap, e.g. JAVA_OPTS=-Xmx8g");
            code = ExitCodes.SOFTWARE;
        }
        System.exit(code);
    }

    /**
     * The {@code totaldiff} command line with its error handlers, ready to
     * {@link CommandLine#execute(String...)}. Tests set its out and err writers.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TotaldiffCommand());
        ErrorHandler handler = new ErrorHandler(envDebug());
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /**
     * The command-line arguments given after a subcommand's name, as recorded in run.json
     * (e.g. {@code ["--preset", "quick", "--out", "runs/x"]} for {@code totaldiff train --preset quick --out runs/x}).
     *
     * @param spec the subcommand's spec ({@code @Spec CommandSpec spec}), during {@code call()}
     */
    public static List<String> arguments(CommandSpec spec) {
        ParseResult pr = spec.commandLine().getParseResult();
        if (pr == null) {
            return List.of();
        }
        List<String> all = pr.originalArgs();
        int at = all.indexOf(spec.name());
        return List.copyOf(at < 0 ? all : all.subList(at + 1, all.size()));
    }

    private static boolean envDebug() {
        String v = System.getenv(DEBUG_ENV);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** One line for a message: its lines joined, never empty. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Turns exceptions into one line on stderr and an exit code. */
    static final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

        private final boolean envDebug;

        ErrorHandler(boolean envDebug) {
            this.envDebug = envDebug;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            if (envDebug || contains(args, "--debug")) {
                ex.printStackTrace(err);
            }
            StringBuilder line = new StringBuilder("totaldiff: ").append(oneLine(ex));
            if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
            }
            line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
            err.println(line);
            err.flush();
            return ExitCodes.USAGE;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            if (ex instanceof ParameterException pe) {
                return handleParseException(pe, parseResult.originalArgs().toArray(new String[0]));
            }
            PrintWriter err = cmd.getErr();
            if (envDebug || debug(parseResult)) {
                ex.printStackTrace(err);
            }
            int code;
            if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    || ex instanceof UncheckedIOException) {
                err.println("totaldiff: " + oneLine(ex));
                code = ExitCodes.USAGE;
            } else if (ex instanceof IOException io) {
                // a bare IOException often says only a path: name the kind of failure too
                String kind = io.getClass().getSimpleName().replace("Exception", "");
                err.println("totaldiff: " + (kind.isEmpty() || kind.equals("IO") ? "I/O error" : kind) + ": " + oneLine(io));
                code = ExitCodes.USAGE;
            } else {
                err.println("totaldiff: internal error: " + ex.getClass().getName() + ": " + oneLine(ex)
                        + " (run with --debug for the stack trace, and please report it)");
                code = ExitCodes.SOFTWARE;
            }
            err.flush();
            return code;
        }

        private static boolean debug(ParseResult pr) {
            for (ParseResult p = pr; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--debug")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(String[] args, String flag) {
            for (String a : args) {
                if (a.equals("--")) {
                    return false;
                }
                if (a.equals(flag)) {
                    return true;
                }
            }
            return false;
        }
    }
}
