package org.totaldiff.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    /** A configuration record as a trainer would define one. */
    record Config(String problem, int iterations, double learningRate, List<Integer> layers) {
    }

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughJsonWithTheConfigurationRecord() {
        Config config = new Config("helmholtz", 5000, 1e-3, List.of(2, 128, 128, 1));
        Manifest m = Manifest.started("train", List.of("--preset", "quick"), config, 2341L);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 1.5e-4);
        metrics.put("relL2", Double.NaN);
        Manifest done = m.progress(100, 1.5).finished(5000, 42.0, metrics);

        Path file = dir.resolve("run.json");
        done.write(file);
        Manifest back = Manifest.read(file);

        assertEquals(done.command(), back.command());
        assertEquals(done.arguments(), back.arguments());
        assertEquals(Manifest.Status.FINISHED, back.status());
        assertEquals(2341L, back.seed());
        assertEquals(5000L, back.iteration());
        assertEquals(42.0, back.wallSeconds());
        assertEquals(List.of("loss", "relL2"), List.copyOf(back.metrics().keySet()));
        assertEquals(1.5e-4, back.metrics().get("loss"));
        assertTrue(back.metrics().get("relL2").isNaN());
        assertEquals(config, back.configAs(Config.class));
        assertEquals(done.runtime(), back.runtime());
        assertTrue(back.done());
    }

    @Test
    void writesStatusInLowerCaseAndKeepsNoTemporaryFile() throws IOException {
        Path file = dir.resolve("run.json");
        Manifest.started("train", List.of(), null, 1L).write(file);
        Manifest.started("train", List.of(), null, 2L).stopped(7, 3.0, "interrupted", Map.of()).write(file);

        String json = Files.readString(file);
        assertTrue(json.contains("\"status\" : \"stopped\""), json);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        Manifest back = Manifest.read(file);
        assertEquals("interrupted", back.message());
        assertNull(back.config());
        assertThrows(IllegalStateException.class, () -> back.configAs(Config.class));
    }

    @Test
    void resumedCountsResumesAndCarriesWallTime() {
        Manifest m = Manifest.started("train", List.of(), null, 1L).stopped(300, 12.5, "interrupted", Map.of());
        Manifest r = m.resumed(300);
        assertEquals(Manifest.Status.RUNNING, r.status());
        assertEquals(1, r.resumes());
        assertEquals(12.5, r.wallSeconds());
        assertEquals(m.startTime(), r.startTime());
        assertNull(r.endTime());
        assertFalse(r.done());
    }

    @Test
    void unreadableFilesGiveOneLineErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.json");
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> Manifest.read(missing));
        assertTrue(e1.getMessage().contains("missing.json"));

        Path broken = dir.resolve("run.json");
        Files.writeString(broken, "{ \"format\": 1, \"command\": ");
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> Manifest.read(broken));
        assertTrue(e2.getMessage().startsWith(broken.toString()), e2.getMessage());
        assertFalse(e2.getMessage().contains("\n"), e2.getMessage());
    }

    @Test
    void ignoresUnknownFieldsAndRefusesNewerFormats() throws IOException {
        Path file = dir.resolve("run.json");
        String json = Manifest.started("train", List.of(), null, 1L).toJson();
        Files.writeString(file, json.replaceFirst("\\{", "{ \"later\" : 1,"));
        assertEquals("train", Manifest.read(file).command());

        Files.writeString(file, json.replace("\"format\" : 1", "\"format\" : 99"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(file));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
