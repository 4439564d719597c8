package org.totaldiff.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private List<String> lines() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void linesModePrintsOnlyWhenTheIntervalHasPassed() {
        Progress p = new Progress("train", 1000, 0, Progress.Mode.LINES, err, clock::get, Duration.ofSeconds(5));
        for (int it = 1; it <= 100; it++) {
            clock.addAndGet(10_000_000L); // 10 ms per iteration: 1 s in all
            p.update(it, 0.5);
        }
        assertEquals(List.of(), lines());
        clock.addAndGet(4_000_000_000L);
        p.update(101, 0.25);
        assertEquals(List.of("train: 101/1000 (10.1%) loss 2.500e-01, 20 it/s, elapsed 5s, ETA 45s"), lines());
        p.close();
        assertEquals(2, lines().size());
        p.close();
        assertEquals(2, lines().size());
    }

    @Test
    void aResumedRunCountsOnlyNewIterationsForTheRate() {
        Progress p = new Progress("train", 2000, 1000, Progress.Mode.LINES, err, clock::get, Duration.ofSeconds(5));
        clock.addAndGet(10_000_000_000L);
        p.update(1500, Double.NaN);
        assertEquals(List.of("train: 1500/2000 (75.0%), 50 it/s, elapsed 10s, ETA 10s"), lines());
    }

    @Test
    void noneModeIsSilent() {
        Progress p = new Progress("train", 10, 0, Progress.Mode.NONE, err, clock::get, Duration.ZERO);
        p.update(5, 1.0);
        p.message("hello");
        p.close();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        Progress.quiet().close();
    }

    @Test
    void barModeDrawsTheTaskAndCountOnClose() {
        Progress p = new Progress("train", 10, 0, Progress.Mode.BAR, err, clock::get, Duration.ZERO);
        p.update(10, 0.125);
        p.close();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("train") && s.contains("10/10") && s.contains("loss 1.250e-01"), s);
    }

    @Test
    void autoResolvesToBarOrLines() {
        String before = System.getProperty(Progress.TTY_PROPERTY);
        try {
            System.setProperty(Progress.TTY_PROPERTY, "false");
            assertEquals(Progress.Mode.LINES,
                    new Progress("t", 1, 0, Progress.Mode.AUTO, err, clock::get, Duration.ZERO).mode());
        } finally {
            if (before == null) {
                System.clearProperty(Progress.TTY_PROPERTY);
            } else {
                System.setProperty(Progress.TTY_PROPERTY, before);
            }
        }
    }

    @Test
    void durationsAreShort() {
        assertEquals("42s", Progress.duration(42.2));
        assertEquals("3m 05s", Progress.duration(185));
        assertEquals("2h 07m", Progress.duration(2 * 3600 + 7 * 60 + 30));
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThrows(IllegalArgumentException.class,
                () -> new Progress("t", 10, 11, Progress.Mode.NONE, err, clock::get, Duration.ZERO));
    }
}
