package org.totaldiff.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.engine.Parallel;
import org.totaldiff.engine.Simd;
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.io.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

class MainTest {

    /** A stand-in for the future train command: uses the mixins the way it will. */
    @Command(name = "fake", description = "test command")
    static final class FakeCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        OutputOptions output;
        @Mixin
        ThreadsOption threads;
        @Mixin
        ProgressOption progress;
        @Parameters(arity = "0..1")
        String fail;

        @Override
        public Integer call() throws Exception {
            if ("iae".equals(fail)) {
                throw new IllegalArgumentException("fake: bad value\nsecond line");
            }
            if ("io".equals(fail)) {
                throw new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/no/such/reference.npz"));
            }
            if ("checked".equals(fail)) {
                throw new java.nio.file.NoSuchFileException("/no/such/reference.npz");
            }
            if ("npe".equals(fail)) {
                throw new NullPointerException("boom");
            }
            try (RunDirectory dir = output.open("fake")) {
                spec.commandLine().getOut().println("dir " + dir.path().getFileName() + " threads " + threads.threads()
                        + " progress " + progress.mode() + " args " + Main.arguments(spec));
            }
            return ExitCodes.OK;
        }
    }

    /** Output of one run: exit code, stdout, stderr. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private final int threadsBefore = Parallel.threads();

    @TempDir
    Path tmp;

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new FakeCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpWorksOnEveryCommand() {
        Result root = run("--help");
        assertEquals(0, root.code());
        assertTrue(root.out().contains("Usage: totaldiff"), root.out());
        assertTrue(root.out().contains("info"), root.out());
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            Result r = run(sub, "--help");
            assertEquals(0, r.code(), sub);
            assertTrue(r.out().contains("Usage: totaldiff " + sub), sub + ": " + r.out());
            assertEquals("", r.err(), sub);
        }
        Result fake = run("fake", "--help");
        assertTrue(fake.out().contains("--resume") && fake.out().contains("--threads"), fake.out());
        assertEquals(0, run("help", "info").code());
    }

    @Test
    void versionNamesTotaldiffAndJava() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("totaldiff "), r.out());
        assertTrue(r.out().contains("Java "), r.out());
    }

    @Test
    void aBadFlagGivesExitTwoAndOneLine() {
        Result r = run("info", "--bogus");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("totaldiff: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("'totaldiff info --help'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aTypoGetsASuggestionOnTheSameLine() {
        Result r = run("inf");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("info"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = run();
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("missing command"), r.err());
    }

    @Test
    void badOptionValuesAreOneLine() {
        for (String[] args : List.of(new String[] {"info", "--threads", "0"}, new String[] {"info", "--threads", "x"},
                new String[] {"fake", "--progress", "sideways"})) {
            Result r = run(args);
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("totaldiff: "), r.err());
        }
    }

    @Test
    void callerMistakesDuringExecutionAreOneLineWithoutTrace() {
        Result r = run("fake", "--out", tmp.resolve("x").toString(), "iae");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(List.of("totaldiff: fake: bad value second line"), r.errLines());
        Result checked = run("fake", "checked");
        assertEquals(ExitCodes.USAGE, checked.code());
        assertEquals(List.of("totaldiff: NoSuchFile: /no/such/reference.npz"), checked.errLines());
        Result unchecked = run("fake", "io");
        assertEquals(ExitCodes.USAGE, unchecked.code());
        assertEquals(1, unchecked.errLines().size(), unchecked.err());
    }

    @Test
    void bugsAreOneLineWithExitOneAndTraceOnlyWithDebug() {
        Result r = run("fake", "npe");
        assertEquals(ExitCodes.SOFTWARE, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("internal error") && r.err().contains("boom"), r.err());

        Result debug = run("fake", "--debug", "npe");
        assertEquals(ExitCodes.SOFTWARE, debug.code(), debug.err());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void infoPrintsTheVectorApiState() {
        Result r = run("info");
        assertEquals(0, r.code(), r.err());
        String expected = "vector API  " + (Simd.available() ? "enabled" : "disabled") + ": " + Simd.describe();
        assertTrue(r.out().contains(expected), r.out());
        assertTrue(r.out().contains("java        " + System.getProperty("java.runtime.version")), r.out());
        assertTrue(r.out().contains("cores       " + Runtime.getRuntime().availableProcessors()), r.out());
    }

    @Test
    void infoThreadsOptionSetsTheEngineThreadCount() {
        Result r = run("info", "--threads", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("threads     3"), r.out());
        assertEquals(3, Parallel.threads());
    }

    @Test
    void debugIsAcceptedByEverySubcommand() {
        assertEquals(0, run("info", "--debug").code());
        assertEquals(0, run("--debug", "info").code());
    }

    @Test
    void infoJsonIsTheRuntimeRecord() {
        Result r = run("info", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"vectorApi\" : " + Simd.available()), r.out());
    }

    @Test
    void outputOptionsMapToRunDirectoryModes() throws Exception {
        Path dir = tmp.resolve("run");
        Result fresh = run("fake", "-o", dir.toString(), "--progress", "LINES");
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(fresh.out().contains("dir run") && fresh.out().contains("progress LINES"), fresh.out());
        assertTrue(fresh.out().contains("args [-o, " + dir + ", --progress, LINES]"), fresh.out());

        assertFalse(Files.exists(dir), "a command that wrote nothing leaves no directory");

        Files.createDirectories(dir);
        Manifest.started("fake", List.of(), null, 1L).finished(1, 1.0, Map.of()).write(dir.resolve("run.json"));
        Result refused = run("fake", "-o", dir.toString());
        assertEquals(ExitCodes.USAGE, refused.code());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains("--force"), refused.err());

        assertEquals(0, run("fake", "-o", dir.toString(), "--force").code());
        assertFalse(Files.exists(dir.resolve("run.json")));

        Result both = run("fake", "-o", dir.toString(), "--force", "--resume", dir.toString());
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("exclude each other") && both.err().contains("--help"), both.err());
    }
}
