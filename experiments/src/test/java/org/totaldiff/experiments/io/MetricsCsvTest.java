package org.totaldiff.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    private static final List<String> COLUMNS = List.of("loss", "snr");

    @TempDir
    Path dir;

    @Test
    void writesAHeaderAndFlushesEveryRow() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.create(file, COLUMNS)) {
            csv.append(0, 1.0, 2.5);
            // Flushed: readable while the writer is still open (as after a kill -9).
            assertEquals("iteration,loss,snr\n0,1.0,2.5\n", Files.readString(file));
            csv.append(2, Map.of("loss", 1e-4));
            assertEquals(2L, csv.lastIteration());
        }
        MetricsCsv.Table t = MetricsCsv.read(file);
        assertEquals(List.of("iteration", "loss", "snr"), t.header());
        assertArrayEquals(new long[] {0, 2}, t.iterations());
        assertArrayEquals(new double[] {1.0, 1e-4}, t.column("loss"));
        assertTrue(Double.isNaN(t.column("snr")[1]));
    }

    @Test
    void valuesRoundTripExactlyIncludingNonFinite() {
        Path file = dir.resolve("metrics.csv");
        double[] v = {Math.PI / 3, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<String> cols = List.of("a", "b", "c", "d", "e");
        try (MetricsCsv csv = MetricsCsv.create(file, cols)) {
            csv.append(1, v);
        }
        assertArrayEquals(v, MetricsCsv.read(file).values()[0]);
    }

    @Test
    void rejectsWrongWidthsAndOutOfOrderIterations() {
        try (MetricsCsv csv = MetricsCsv.create(dir.resolve("m.csv"), COLUMNS)) {
            assertThrows(IllegalArgumentException.class, () -> csv.append(0, 1.0));
            assertThrows(IllegalArgumentException.class, () -> csv.append(0, Map.of("nope", 1.0)));
            csv.append(5, 1.0, 1.0);
            assertThrows(IllegalStateException.class, () -> csv.append(5, 1.0, 1.0));
            assertThrows(IllegalStateException.class, () -> csv.append(4, 1.0, 1.0));
        }
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.create(dir.resolve("x.csv"), List.of("iteration")));
        assertThrows(IllegalArgumentException.class, () -> MetricsCsv.create(dir.resolve("x.csv"), List.of("a", "a")));
    }

    @Test
    void resumeDropsRowsAfterTheCheckpointSoNoIterationRepeats() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.create(file, COLUMNS)) {
            for (int it = 0; it <= 50; it += 10) {
                csv.append(it, it, -it);
            }
        }
        // The checkpoint was at iteration 30; rows 40 and 50 were computed after it.
        try (MetricsCsv csv = MetricsCsv.resume(file, COLUMNS, 30)) {
            assertEquals(30L, csv.lastIteration());
            assertThrows(IllegalStateException.class, () -> csv.append(30, 0, 0));
            csv.append(40, 400, -400);
        }
        MetricsCsv.Table t = MetricsCsv.read(file);
        assertArrayEquals(new long[] {0, 10, 20, 30, 40}, t.iterations());
        assertEquals(400.0, t.column("loss")[4]);
    }

    @Test
    void resumeDropsAHalfWrittenLastLine() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (MetricsCsv csv = MetricsCsv.create(file, COLUMNS)) {
            csv.append(0, 1, 1);
            csv.append(1, 2, 2);
        }
        Files.writeString(file, "2,3.", StandardOpenOption.APPEND);
        try (MetricsCsv csv = MetricsCsv.resume(file, COLUMNS, 100)) {
            assertEquals(1L, csv.lastIteration());
            csv.append(2, 3, 3);
        }
        assertEquals("iteration,loss,snr\n0,1.0,1.0\n1,2.0,2.0\n2,3.0,3.0\n", Files.readString(file));
    }

    @Test
    void resumeRefusesADifferentHeaderAndCreatesAMissingFile() throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.create(file, List.of("loss")).close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsCsv.resume(file, COLUMNS, 0));
        assertTrue(e.getMessage().contains("header"), e.getMessage());

        Path fresh = dir.resolve("fresh.csv");
        MetricsCsv.resume(fresh, COLUMNS, 10).close();
        assertEquals("iteration,loss,snr\n", Files.readString(fresh));
    }

    @Test
    void readReportsMalformedRowsWithTheirLine() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "iteration,loss\n0,1.0\n1,abc\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsCsv.read(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
