package org.totaldiff.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.experiments.cli.Main;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.experiments.progress.Progress;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainConfig.NetworkConfig;
import org.totaldiff.experiments.train.TrainConfig.OptimizerConfig;
import org.totaldiff.experiments.train.TrainConfig.SamplingConfig;
import org.totaldiff.experiments.train.TrainConfig.ScheduleConfig;
import org.totaldiff.experiments.train.TrainConfig.Weighting;
import org.totaldiff.experiments.train.TrainConfig.WeightingConfig;
import org.totaldiff.pinn.train.TrainingListener;

/** The reproduction end to end on tiny runs: its files, side by side against one after the other, resume, bad input. */
class ReproductionTest {

    /** The quick Helmholtz reproduction shrunk to seconds: 40 iterations of a 2 -> 2 x 8 -> 1 network on 64 points. */
    private static List<Arm> tinyArms() {
        TrainConfig q = ReproducePresets.quick(TrainConfig.Problem.HELMHOLTZ);
        MonitorConfig m = new MonitorConfig(true, true, MonitorConfig.Grouping.CONTIGUOUS, 8,
                new TrainingListener.Cadence(2, 20, 5), List.of(0, 10), 10, 4);
        List<Arm> arms = new ArrayList<>();
        for (Weighting kind : List.of(Weighting.NONE, Weighting.RBA)) {
            WeightingConfig w = q.weighting();
            arms.add(new Arm(kind == Weighting.NONE ? "vanilla" : "rba", new TrainConfig(q.problem(),
                    new NetworkConfig(8, 2, 7, false), new OptimizerConfig(1e-3, 0.9, 1000, 0),
                    new SamplingConfig(64, 8, 7), new WeightingConfig(kind, w.gamma(), w.eta(), w.start(),
                    w.normalization(), w.conditionWeights()), new ScheduleConfig(40, 5, 10, 10, 11), m)));
        }
        return arms;
    }

    private static boolean train(Reproduction r, RunDirectory.Mode mode, int jobs) throws Exception {
        return r.train(mode, jobs, Progress.Mode.NONE, List.of(), new PrintWriter(new StringWriter()));
    }

    @Test
    void aReproductionWritesBothRunsTheirPhasesTheFiguresAndTheSummary(@TempDir Path tmp) throws Exception {
        Reproduction r = new Reproduction("helmholtz, tiny", tinyArms(), tmp);
        assertTrue(train(r, RunDirectory.Mode.NEW, 1));
        List<Reproduction.Analysed> analysed = r.analyze("totaldiff reproduce helmholtz");
        assertEquals(List.of("vanilla", "rba"), analysed.stream().map(a -> a.result().arm().name()).toList());
        for (String arm : List.of("vanilla", "rba")) {
            for (String f : List.of("run.json", "metrics.csv", "snr.csv", "entropy.csv", "phases.json",
                    "plots/snr.png", "plots/entropy.png")) {
                assertTrue(Files.isRegularFile(tmp.resolve(arm).resolve(f)), arm + "/" + f);
            }
        }
        for (String f : List.of("snr.png", "snr_layers.png", "order.png", "entropy.png", "rel_l2.png")) {
            assertTrue(Files.size(tmp.resolve("figures").resolve(f)) > 1000, f);
        }
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertTrue(summary.startsWith("# Reproduction: helmholtz, tiny"), summary);
        for (Reproduction.Analysed a : analysed) {
            // the table row carries the run's own final error, as run.json records it
            String row = summary.lines().filter(l -> l.startsWith("| " + a.result().arm().name() + " |"))
                    .findFirst().orElseThrow();
            assertTrue(row.contains(String.format(java.util.Locale.ROOT, "%.3e", a.result().metric("rel_l2"))), row);
            assertTrue(row.startsWith("| " + a.result().arm().name() + " | 40 |"), row);
        }
        assertTrue(summary.contains("![snr.png](figures/snr.png)"), summary);
        // the runs differ (vanilla and RBA train differently from the same start)
        assertNotEquals(analysed.get(0).result().metric("rel_l2"), analysed.get(1).result().metric("rel_l2"));
    }

    @Test
    void sideBySideGivesTheSameFilesAsOneAfterTheOther(@TempDir Path tmp) throws Exception {
        Reproduction one = new Reproduction("t", tinyArms(), tmp.resolve("one"));
        Reproduction two = new Reproduction("t", tinyArms(), tmp.resolve("two"));
        assertTrue(train(one, RunDirectory.Mode.NEW, 1));
        assertTrue(train(two, RunDirectory.Mode.NEW, 2));
        for (String arm : List.of("vanilla", "rba")) {
            for (String f : List.of("snr.csv", "entropy.csv", "checkpoint.npz", "model.npz")) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(arm).resolve(f)),
                        Files.readAllBytes(tmp.resolve("two").resolve(arm).resolve(f)), arm + "/" + f);
            }
            MetricsCsv.Table a = MetricsCsv.read(tmp.resolve("one").resolve(arm).resolve("metrics.csv"));
            MetricsCsv.Table b = MetricsCsv.read(tmp.resolve("two").resolve(arm).resolve("metrics.csv"));
            assertEquals(a.header(), b.header());
            for (String column : a.header()) {
                if (!column.equals("wall_s")) {
                    assertArrayEquals(a.column(column), b.column(column), arm + " " + column);
                }
            }
        }
    }

    @Test
    void resumeKeepsFinishedRunsAndTrainsTheMissingOne(@TempDir Path tmp) throws Exception {
        Reproduction r = new Reproduction("t", tinyArms(), tmp);
        assertTrue(train(r, RunDirectory.Mode.NEW, 1));
        byte[] vanilla = Files.readAllBytes(tmp.resolve("vanilla/run.json"));
        byte[] rbaSnr = Files.readAllBytes(tmp.resolve("rba/snr.csv"));
        try (var walk = Files.walk(tmp.resolve("rba"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        // a new reproduction refuses the directory; --resume keeps vanilla and redoes rba
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(r, RunDirectory.Mode.NEW, 1));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        assertTrue(train(r, RunDirectory.Mode.RESUME, 1));
        assertArrayEquals(vanilla, Files.readAllBytes(tmp.resolve("vanilla/run.json")));
        assertArrayEquals(rbaSnr, Files.readAllBytes(tmp.resolve("rba/snr.csv")));
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void badInputIsOneLineAndExitTwoAndCreatesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("r");
        for (String[] args : List.of(
                new String[] {"reproduce", "heat", "--out", out.toString()},
                new String[] {"reproduce", "helmholtz", "--jobs", "0", "--out", out.toString()},
                new String[] {"reproduce", "helmholtz", "--preset", "huge", "--out", out.toString()},
                new String[] {"reproduce", "helmholtz", "--resume", "--force", "--out", out.toString()})) {
            Cli c = cli(args);
            assertEquals(2, c.code(), String.join(" ", args) + ": " + c.err());
            assertEquals(1, c.err().strip().lines().count(), c.err());
            assertFalse(Files.exists(out), String.join(" ", args));
        }
    }
}
