package org.totaldiff.experiments.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.experiments.cli.Main;

/** {@code totaldiff analyze} on directories holding the authors' traces, and its errors. */
class AnalyzeCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result analyze(String... args) {
        List<String> all = new ArrayList<>(List.of("analyze"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Result(cl.execute(all.toArray(new String[0])), out.toString(), err.toString());
    }

    /** A directory with the authors' snr trace as snr.csv and their error trace as metrics.csv. */
    private static Path runOf(Path tmp, String run) throws Exception {
        Path dir = tmp.resolve(run);
        Files.createDirectories(dir);
        Files.copy(Traces.dataDir().resolve("helmholtz_a6_" + run + "_snr.csv"), dir.resolve("snr.csv"));
        Files.copy(Traces.dataDir().resolve("helmholtz_a6_" + run + "_error.csv"), dir.resolve("metrics.csv"));
        return dir;
    }

    @Test
    void writesPhasesFiguresAndAComparison(@TempDir Path tmp) throws Exception {
        Path vanilla = runOf(tmp, "vanilla");
        Path rba = runOf(tmp, "rba");
        Path figure = tmp.resolve("both.png");
        Result r = analyze(vanilla.toString(), rba.toString(), "--figure", figure.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode v = new ObjectMapper().readTree(vanilla.resolve("phases.json").toFile());
        JsonNode b = new ObjectMapper().readTree(rba.resolve("phases.json").toFile());
        // within 1.5x of the authors' markers: fitting end ~180 / ~70, onset ~19,000 / ~1,000
        assertWithin(180, v.get("fitting_end").asDouble());
        assertWithin(19_000, v.get("total_diffusion_onset").asDouble());
        assertWithin(70, b.get("fitting_end").asDouble());
        assertWithin(1_000, b.get("total_diffusion_onset").asDouble());
        assertTrue(v.get("fastest_error_descent").get("slope").asDouble() < 0);
        assertEquals(0.7, v.get("detector").get("minRise").asDouble());
        for (Path d : List.of(vanilla, rba)) {
            assertTrue(Files.isRegularFile(d.resolve("plots/snr.png")), d + "/plots/snr.png");
            assertTrue(Files.isRegularFile(d.resolve("plots/order.png")), d + "/plots/order.png");
        }
        assertTrue(Files.isRegularFile(figure));
        assertTrue(r.out().contains("fitting end"), r.out());
    }

    @Test
    void aTraceThatNeverRisesHasNoOnset(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("flat");
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("iteration,snr\n");
        java.util.Random rng = new java.util.Random(5);
        for (int it = 2; it < 30_000; it += it < 300 ? 2 : 100) {
            csv.append(it).append(',').append(Math.exp(0.3 * rng.nextGaussian())).append('\n');
        }
        Files.writeString(dir.resolve("snr.csv"), csv);
        assertEquals(0, analyze(dir.toString()).code());
        JsonNode p = new ObjectMapper().readTree(dir.resolve("phases.json").toFile());
        assertTrue(p.get("total_diffusion_onset").isNull(), p.toString());
        assertTrue(p.get("fastest_error_descent").isNull(), p.toString());
    }

    @Test
    void missingDirectoryFileOrColumnIsOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Result r = analyze(tmp.resolve("nope").toString());
        assertEquals(2, r.code());
        assertEquals("totaldiff: analyze: " + tmp.resolve("nope") + " is not a directory", r.err().strip());
        r = analyze(tmp.toString());
        assertEquals(2, r.code());
        assertEquals("totaldiff: analyze: " + tmp + " has no snr.csv (train writes it; the minimum is the columns"
                + " iteration,snr)", r.err().strip());
        Files.writeString(tmp.resolve("snr.csv"), "iteration,phi\n0,0.5\n");
        r = analyze(tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().startsWith("totaldiff: analyze: ") && r.err().contains("has no column 'snr'"),
                r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    private static void assertWithin(double marker, double found) {
        assertTrue(found >= marker / 1.5 && found <= marker * 1.5, "found " + found + ", marker " + marker);
    }
}
