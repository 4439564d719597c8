package org.totaldiff.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    private static void finishedRun(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("plots"));
        Files.writeString(dir.resolve("plots/loss.png"), "x");
        Manifest.started("train", List.of(), null, 1L).finished(10, 1.0, Map.of("loss", 0.5))
                .write(dir.resolve("run.json"));
    }

    private static void stoppedRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("checkpoint.npz"), "x");
        Manifest.started("train", List.of(), null, 1L).stopped(40, 1.0, "interrupted", Map.of())
                .write(dir.resolve("run.json"));
    }

    @Test
    void createsAMissingDirectoryAsAFreshRun() {
        Path dir = tmp.resolve("a/b/run");
        try (RunDirectory run = RunDirectory.open(dir, RunDirectory.Mode.NEW)) {
            assertTrue(Files.isDirectory(dir));
            assertFalse(run.resuming());
            assertTrue(run.previous().isEmpty());
            assertEquals(dir.resolve("run.json").toAbsolutePath(), run.manifestFile());
            assertEquals(dir.resolve("plots/loss.png").toAbsolutePath(), run.plot("loss"));
            assertTrue(Files.isDirectory(dir.resolve("plots")));
            assertFalse(run.hasCheckpoint());
        }
    }

    @Test
    void refusesAFinishedRunUnlessForced() throws IOException {
        Path dir = tmp.resolve("run");
        finishedRun(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(dir, RunDirectory.Mode.NEW));
        assertTrue(e.getMessage().contains("finished") && e.getMessage().contains("--force"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(dir, RunDirectory.Mode.RESUME));

        try (RunDirectory run = RunDirectory.open(dir, RunDirectory.Mode.FORCE)) {
            assertFalse(run.resuming());
            assertFalse(Files.exists(dir.resolve("run.json")));
            assertFalse(Files.exists(dir.resolve("plots")));
        }
    }

    @Test
    void resumesAnUnfinishedRunOnlyWhenAsked() throws IOException {
        Path dir = tmp.resolve("run");
        stoppedRun(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(dir, RunDirectory.Mode.NEW));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());

        try (RunDirectory run = RunDirectory.open(dir, RunDirectory.Mode.RESUME)) {
            assertTrue(run.resuming());
            assertEquals(40L, run.previous().orElseThrow().iteration());
            assertTrue(run.hasCheckpoint());
        }
    }

    @Test
    void resumeOfAnEmptyDirectoryStartsFresh() {
        try (RunDirectory run = RunDirectory.open(tmp.resolve("new"), RunDirectory.Mode.RESUME)) {
            assertFalse(run.resuming());
        }
    }

    @Test
    void aRunDirectoryClosedWithNothingWrittenIsLeftAsItWasFound() throws IOException {
        RunDirectory.open(tmp.resolve("a/b/run"), RunDirectory.Mode.NEW).close();
        assertFalse(Files.exists(tmp.resolve("a")), "directories opening created are removed again");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RunDirectory.open(empty, RunDirectory.Mode.NEW).close();
        assertTrue(Files.isDirectory(empty), "a directory that was there stays");
        try (var entries = Files.list(empty)) {
            assertEquals(List.of(), entries.toList(), "and holds no lock file");
        }

        Path used = tmp.resolve("c/run");
        try (RunDirectory run = RunDirectory.open(used, RunDirectory.Mode.NEW)) {
            Files.writeString(run.file("notes.txt"), "x");
        }
        assertTrue(Files.exists(used.resolve("notes.txt")), "a directory with output is kept");
    }

    @Test
    void neverTouchesADirectoryThatIsNotARun() throws IOException {
        Path dir = tmp.resolve("home");
        Files.createDirectories(dir);
        Path precious = Files.writeString(dir.resolve("thesis.tex"), "x");
        for (RunDirectory.Mode mode : RunDirectory.Mode.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(dir, mode));
            assertTrue(e.getMessage().contains("not a totaldiff run"), e.getMessage());
        }
        assertTrue(Files.exists(precious));
        assertFalse(Files.exists(dir.resolve(RunDirectory.LOCK_FILE)), "no lock file left in a refused directory");

        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(file, RunDirectory.Mode.NEW));
    }

    @Test
    void lockKeepsASecondWriterOutUntilClosed() {
        Path dir = tmp.resolve("run");
        RunDirectory first = RunDirectory.open(dir, RunDirectory.Mode.NEW);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunDirectory.open(dir, RunDirectory.Mode.NEW));
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
        first.close();
        RunDirectory.open(dir, RunDirectory.Mode.NEW).close();
    }

    @Test
    void fileStaysInsideTheDirectory() {
        try (RunDirectory run = RunDirectory.open(tmp.resolve("run"), RunDirectory.Mode.NEW)) {
            assertEquals(run.path().resolve("model.npz"), run.file("model.npz"));
            assertThrows(IllegalArgumentException.class, () -> run.file("../escape"));
            assertThrows(IllegalArgumentException.class, () -> run.plot("a/b"));
        }
    }
}
