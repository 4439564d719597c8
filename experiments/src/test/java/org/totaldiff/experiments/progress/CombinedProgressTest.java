package org.totaldiff.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CombinedProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private List<String> lines() {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void theDisplayShowsTheSumOfThePartsAndNamesTheirMessages() {
        long[] initial = {300, 0};   // part 0 resumed at 300, part 1 fresh
        Progress whole = new Progress("reproduce", 2000, CombinedProgress.sum(initial), Progress.Mode.LINES, err,
                clock::get, Duration.ofSeconds(5));
        CombinedProgress parts = new CombinedProgress(whole, initial);
        ProgressSink a = parts.part(0, "vanilla");
        ProgressSink b = parts.part(1, "rba");
        a.update(500, 1.0, Double.NaN);
        b.update(200, 2.0, Double.NaN);
        clock.addAndGet(4_000_000_000L);
        a.message("resuming at iteration 300");
        clock.addAndGet(1_000_000_000L);
        b.update(400, 0.5, Double.NaN);
        // 500 + 400 done, 300 of them before: 600 new in 5 s
        assertEquals(List.of("vanilla: resuming at iteration 300",
                "reproduce: 900/2000 (45.0%) loss 5.000e-01, 120 it/s, elapsed 5s, ETA 9s"), lines());
        assertThrows(IllegalArgumentException.class, () -> parts.part(2, "third"));
    }
}
