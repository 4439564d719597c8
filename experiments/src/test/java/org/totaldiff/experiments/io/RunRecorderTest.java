package org.totaldiff.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    record Config(String problem, int iterations) {
    }

    private static final List<String> COLUMNS = List.of("loss", "snr");

    @TempDir
    Path tmp;

    private RunRecorder start(Path dir, RunDirectory.Mode mode) {
        return RunRecorder.start(RunDirectory.open(dir, mode), "train", List.of("--iterations", "50"),
                new Config("burgers", 50), 2341L, COLUMNS);
    }

    @Test
    void aRunInterruptedAfterACheckpointResumesFromItWithoutDuplicateRows() {
        Path dir = tmp.resolve("run");
        try (RunRecorder run = start(dir, RunDirectory.Mode.NEW)) {
            assertFalse(run.resuming());
            assertEquals(0L, run.startIteration());
            assertEquals(Manifest.Status.RUNNING, Manifest.read(dir.resolve("run.json")).status());
            for (int it = 0; it <= 30; it += 5) {
                run.record(it, 1.0 / (it + 1), it);
                if (it == 20) {
                    run.checkpointed(it);
                }
            }
            run.markInterrupted();
            Manifest stopped = Manifest.read(dir.resolve("run.json"));
            assertEquals(Manifest.Status.STOPPED, stopped.status());
            assertEquals(20L, stopped.iteration());
            assertTrue(stopped.message().contains("after iteration 30"), stopped.message());
        }
        // Interrupted stays stopped (closing does not turn it into failed).
        assertEquals(Manifest.Status.STOPPED, Manifest.read(dir.resolve("run.json")).status());

        assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(dir, RunDirectory.Mode.NEW));
        try (RunRecorder run = start(dir, RunDirectory.Mode.RESUME)) {
            assertTrue(run.resuming());
            assertEquals(20L, run.startIteration());
            assertEquals(1, run.manifest().resumes());
            assertEquals(new Config("burgers", 50), run.manifest().configAs(Config.class));
            for (int it = 25; it <= 50; it += 5) {
                run.record(it, 1.0 / (it + 1), it);
            }
            run.finish(50, Map.of("relL2", 0.01));
            assertThrows(IllegalStateException.class, () -> run.checkpointed(50));
        }
        Manifest done = Manifest.read(dir.resolve("run.json"));
        assertEquals(Manifest.Status.FINISHED, done.status());
        assertEquals(0.01, done.metrics().get("relL2"));
        assertArrayEquals(new long[] {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50},
                MetricsCsv.read(dir.resolve("metrics.csv")).iterations());
    }

    @Test
    void closingWithoutFinishingMarksFailedAndReleasesTheDirectory() {
        Path dir = tmp.resolve("run");
        try (RunRecorder run = start(dir, RunDirectory.Mode.NEW)) {
            run.record(0, 1, 1);
        }
        Manifest m = Manifest.read(dir.resolve("run.json"));
        assertEquals(Manifest.Status.FAILED, m.status());
        try (RunRecorder run = start(dir, RunDirectory.Mode.RESUME)) {
            assertEquals(0L, run.startIteration());
            run.fail(new IllegalStateException("diverged: loss is NaN"));
        }
        assertEquals("diverged: loss is NaN", Manifest.read(dir.resolve("run.json")).message());
    }

    @Test
    void resumingAnotherCommandsRunIsRefused() {
        Path dir = tmp.resolve("run");
        start(dir, RunDirectory.Mode.NEW).close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunRecorder.start(RunDirectory.open(dir, RunDirectory.Mode.RESUME), "reference", List.of(), null,
                        1L, COLUMNS));
        assertTrue(e.getMessage().contains("'train' run"), e.getMessage());
        // the directory was released by the failed start
        RunDirectory.open(dir, RunDirectory.Mode.FORCE).close();
    }
}
