package org.totaldiff.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.io.RunRecorder;
import org.totaldiff.experiments.progress.Progress;
import org.totaldiff.pinn.io.Npz;
import org.totaldiff.pinn.io.NpzArchive;

/** The train command end to end on a tiny problem: files, errors, and an interrupted run resumed bit for bit. */
class TrainRunTest {

    private static final String[] TINY = {"--iterations", "20", "--points", "64", "--width", "8", "--depth", "2",
        "--boundary-points", "8", "--log-every", "5", "--eval-every", "10", "--checkpoint-every", "10",
        "--test-grid", "11", "--progress", "none", "--weighting", "rba", "--lbfgs-iterations", "0"};

    private record Result(int code, String out, String err) {
    }

    private static Result train(String problem, Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--problem", problem));
        if (List.of(more).contains("--resume")) {
            // a resume takes its configuration from run.json: only what the test adds
            args.addAll(List.of(more));
            args.addAll(List.of("--progress", "none"));
        } else {
            // the tiny settings, each overridden by the same option in "more"
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
            for (int i = 0; i < TINY.length; i += 2) {
                options.put(TINY[i], TINY[i + 1]);
            }
            List<String> flags = new ArrayList<>();
            for (int i = 0; i < more.length; i++) {
                if (i + 1 < more.length && !more[i + 1].startsWith("--")) {
                    options.put(more[i], more[++i]);
                } else {
                    flags.add(more[i]);
                }
            }
            args.addAll(List.of("--out", dir.toString()));
            options.forEach((k, v) -> {
                args.add(k);
                args.add(v);
            });
            args.addAll(flags);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aTinyRunWritesEveryOutput(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Result r = train("helmholtz", dir);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("finished 20 iterations of helmholtz"), r.out());
        assertTrue(Files.readAllLines(dir.resolve("metrics.csv")).get(0).startsWith("iteration,loss,rel_l2,rel_linf,"));
        for (String f : List.of("run.json", "metrics.csv", "checkpoint.npz", "model.npz", "points.npz",
                "plots/loss.png", "plots/error.png", "plots/solution.png", "plots/rba_weights.png", "snr.csv",
                "entropy.csv", "plots/snr.png", "plots/snr_layers.png", "plots/order.png", "plots/entropy.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        MetricsCsv.Table snr = MetricsCsv.read(dir.resolve("snr.csv"));
        assertEquals(List.of("iteration", "snr", "phi", "snr_layer_0", "snr_layer_1", "snr_layer_2", "adam_snr",
                "adam_step", "phi_r", "phi_r_abs"), snr.header());
        // every 2 below 300 (the authors' cadence), and the last Adam iteration
        assertArrayEquals(new long[] {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 19}, snr.iterations());
        for (String c : snr.header().subList(1, snr.header().size())) {
            for (double v : snr.column(c)) {
                assertTrue(Double.isFinite(v) && v > 0, c + " = " + v);
            }
        }
        for (double phi : snr.column("phi")) {
            assertTrue(phi <= 1, "phi = " + phi);
        }
        List<String> entropy = Files.readAllLines(dir.resolve("entropy.csv"));
        assertEquals("iteration,layer,entropy_bits,saturation_pct", entropy.get(0));
        // iterations 0, 10 and the last Adam iteration 19; two hidden layers each
        assertEquals(List.of("0,0", "0,1", "10,0", "10,1", "19,0", "19,1"), entropy.subList(1, entropy.size()).stream()
                .map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1))).toList());
        MetricsCsv.Table table = MetricsCsv.read(dir.resolve("metrics.csv"));
        assertArrayEquals(new long[] {0, 5, 10, 15, 20}, table.iterations());
        assertFalse(Double.isNaN(table.column("rel_l2")[2]), "evaluated at 10");
        assertTrue(Double.isNaN(table.column("rel_l2")[1]), "not evaluated at 5");
        Manifest m = Manifest.read(dir.resolve("run.json"));
        assertEquals(Manifest.Status.FINISHED, m.status());
        assertEquals(20, m.iteration());
    }

    @Test
    void theTestErrorFollowsItsOwnCadence(@TempDir Path tmp) {
        Path dir = tmp.resolve("cadence");
        assertEquals(0, train("burgers", dir, "--log-every", "4", "--eval-every", "6").code());
        MetricsCsv.Table table = MetricsCsv.read(dir.resolve("metrics.csv"));
        assertArrayEquals(new long[] {0, 4, 6, 8, 12, 16, 18, 20}, table.iterations());
        double[] err = table.column("rel_l2");
        for (int r = 0; r < err.length; r++) {
            long it = table.iterations()[r];
            assertEquals(it % 6 == 0 || it == 20, !Double.isNaN(err[r]), "iteration " + it);
        }
    }

    @Test
    void eachProblemTrains(@TempDir Path tmp) {
        for (String problem : List.of("allen-cahn", "burgers")) {
            Result r = train(problem, tmp.resolve(problem), "--iterations", "5");
            assertEquals(0, r.code(), r.err());
        }
        Result initialOnly = train("allen-cahn", tmp.resolve("ac-none"), "--iterations", "5", "--allen-cahn-boundary",
                "none");
        assertEquals(0, initialOnly.code(), initialOnly.err());
        Result periodic = train("allen-cahn", tmp.resolve("ac-periodic"), "--iterations", "5", "--allen-cahn-boundary",
                "periodic", "--no-periodic-embedding");
        assertEquals(0, periodic.code(), periodic.err());
        assertTrue(MetricsCsv.read(tmp.resolve("ac-none/metrics.csv")).header().stream()
                .noneMatch(c -> c.equals("loss_periodic")));
        assertTrue(MetricsCsv.read(tmp.resolve("ac-periodic/metrics.csv")).header().contains("loss_periodic"));
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2(@TempDir Path tmp) {
        Result r = train("helmholtz", tmp.resolve("a"), "--points", "0");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --points must be >= 1, got 0", r.err().strip());
        r = train("poisson", tmp.resolve("b"));
        assertEquals(2, r.code());
        assertEquals("totaldiff: unknown problem 'poisson'; accepted: helmholtz, allen-cahn, burgers", r.err().strip());
        r = train("burgers", tmp.resolve("c"), "--a1", "3");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --a1 and --a2 apply to helmholtz only, not burgers", r.err().strip());
        r = train("burgers", tmp.resolve("d"), "--snr-groups", "65");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --snr-groups 65 is more than the 64 collocation points", r.err().strip());
        r = train("burgers", tmp.resolve("e"), "--snr-grouping", "spatial", "--snr-groups", "10");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --snr-groups must be a square for spatial grouping (a sqrt(B) x sqrt(B) grid of"
                + " cells), got 10", r.err().strip());
        r = train("burgers", tmp.resolve("f"), "--monitors", "snr,gradients");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --monitors: unknown monitor 'gradients'; accepted: snr, entropy (comma-separated) or"
                + " none", r.err().strip());
        r = train("burgers", tmp.resolve("g"), "--snr-every", "0");
        assertEquals(2, r.code());
        assertEquals("totaldiff: --snr-every must be >= 1, got 0", r.err().strip());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"helmholtz", "burgers --causal-epsilon 1 --causal-slices 4",
        "allen-cahn --weighting sa --sa-lr 0.01",
        "burgers --weighting rba --causal-epsilon 1 --causal-slices 4 --rar-every 4 --rar-points 5 --rar-candidates 40",
        "allen-cahn --weighting sa --rar-every 6 --rar-points 3 --rar-candidates 20 --snr-grouping spatial --snr-groups 4"})
    void anInterruptedRunResumesBitForBit(String setup, @TempDir Path tmp) throws Exception {
        String[] words = setup.split(" ");
        String problem = words[0];
        String[] options = java.util.Arrays.copyOfRange(words, 1, words.length);
        Path straight = tmp.resolve("straight");
        assertEquals(0, train(problem, straight, options).code());

        // the same run, stopped after iteration 10 as Ctrl-C would stop it
        Path stopped = tmp.resolve("stopped");
        TrainConfig config = configOf(straight);
        TrainRun run = new TrainRun(config);
        run.stopAt(10);
        try (RunRecorder recorder = RunRecorder.start(RunDirectory.open(stopped, RunDirectory.Mode.NEW), "train",
                List.of(), config, config.sampling().seed(), run.columns())) {
            TrainRun.Outcome o = run.run(recorder, Progress.quiet());
            assertFalse(o.finished());
            assertEquals(10, o.iterations());
        }
        Manifest paused = Manifest.read(stopped.resolve("run.json"));
        assertEquals(Manifest.Status.STOPPED, paused.status());
        assertEquals(10, paused.iteration());
        Result changing = train(problem, stopped, "--resume", stopped.toString(), "--iterations", "50");
        assertEquals(2, changing.code());
        assertTrue(changing.err().contains("--iterations cannot change it"), changing.err());
        Result resumed = train(problem, stopped, "--resume", stopped.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith("resuming"), resumed.out());

        NpzArchive a = Npz.read(straight.resolve("model.npz"));
        NpzArchive b = Npz.read(stopped.resolve("model.npz"));
        for (String name : a.names()) {
            if (name.startsWith("W") || name.startsWith("b")) {
                assertArrayEquals(a.doubles(name), b.doubles(name), name);
            }
        }
        MetricsCsv.Table ta = MetricsCsv.read(straight.resolve("metrics.csv"));
        MetricsCsv.Table tb = MetricsCsv.read(stopped.resolve("metrics.csv"));
        assertArrayEquals(ta.iterations(), tb.iterations());
        assertArrayEquals(ta.column("loss"), tb.column("loss"));
        assertArrayEquals(ta.column("rel_l2"), tb.column("rel_l2"));
        assertSameMonitorFiles(straight, stopped);
    }

    /** snr.csv and entropy.csv byte for byte. */
    private static void assertSameMonitorFiles(Path a, Path b) throws java.io.IOException {
        for (String f : List.of("snr.csv", "entropy.csv")) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void monitorFilesAreIdenticalOnOneAndTwoThreads(@TempDir Path tmp) throws Exception {
        assertEquals(0, train("helmholtz", tmp.resolve("one"), "--threads", "1").code());
        assertEquals(0, train("helmholtz", tmp.resolve("two"), "--threads", "2").code());
        assertSameMonitorFiles(tmp.resolve("one"), tmp.resolve("two"));
    }

    @Test
    void everyGroupingAndMonitorChoiceRuns(@TempDir Path tmp) throws Exception {
        assertEquals(0, train("helmholtz", tmp.resolve("spatial"), "--snr-grouping", "spatial", "--snr-groups", "16")
                .code());
        assertEquals(0, train("burgers", tmp.resolve("per-sample"), "--snr-grouping", "per-sample", "--snr-every", "5",
                "--snr-early-until", "0", "--monitors", "snr").code());
        assertArrayEquals(new long[] {0, 5, 10, 15, 19},
                MetricsCsv.read(tmp.resolve("per-sample/snr.csv")).iterations());
        assertFalse(Files.exists(tmp.resolve("per-sample/entropy.csv")));
        assertEquals(0, train("helmholtz", tmp.resolve("none"), "--monitors", "none").code());
        assertFalse(Files.exists(tmp.resolve("none/snr.csv")));
        Manifest m = Manifest.read(tmp.resolve("spatial/run.json"));
        assertEquals(org.totaldiff.experiments.monitor.MonitorConfig.Grouping.SPATIAL,
                m.configAs(TrainConfig.class).monitors().grouping());
    }

    /**
     * L-BFGS minimises with the weights of Adam's last loss frozen; a run stopped during L-BFGS,
     * or exactly where Adam ends, must resume with those weights, whatever the weighting (the
     * self-adaptive weights' tracked λ is one ascent step past them, the causal factors are
     * recomputed from residuals).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"helmholtz --weighting rba, 25", "helmholtz --weighting rba, 20",
        "burgers --weighting sa --sa-lr 0.05, 25", "burgers --weighting sa --sa-lr 0.05, 20",
        "burgers --weighting rba --causal-epsilon 1 --causal-slices 4, 25",
        "allen-cahn --weighting sa --sa-lr 0.05 --causal-epsilon 1 --causal-slices 4, 20"})
    void anInterruptionDuringLbfgsAlsoResumesBitForBit(String setup, int stopAt, @TempDir Path tmp) throws Exception {
        String[] words = setup.split(" ");
        String problem = words[0];
        List<String> options = new ArrayList<>(List.of(words).subList(1, words.length));
        options.addAll(List.of("--lbfgs-iterations", "10"));
        Path straight = tmp.resolve("straight");
        assertEquals(0, train(problem, straight, options.toArray(String[]::new)).code());
        Path stopped = tmp.resolve("stopped");
        TrainConfig config = configOf(straight);
        TrainRun run = new TrainRun(config);
        run.stopAt(stopAt);
        try (RunRecorder recorder = RunRecorder.start(RunDirectory.open(stopped, RunDirectory.Mode.NEW), "train",
                List.of(), config, config.sampling().seed(), run.columns())) {
            assertEquals(stopAt, run.run(recorder, Progress.quiet()).iterations());
        }
        assertEquals(0, train(problem, stopped, "--resume", stopped.toString()).code());
        NpzArchive a = Npz.read(straight.resolve("model.npz"));
        NpzArchive b = Npz.read(stopped.resolve("model.npz"));
        assertEquals(30, a.longScalar("iteration"));
        for (String name : a.names()) {
            if (name.startsWith("W") || name.startsWith("b")) {
                assertArrayEquals(a.doubles(name), b.doubles(name), name);
            }
        }
        assertSameMonitorFiles(straight, stopped);
    }

    @Test
    void aProcessKilledOutrightResumesFromItsLastCheckpoint(@TempDir Path tmp) throws Exception {
        Path straight = tmp.resolve("straight");
        String[] longer = {"--iterations", "400", "--checkpoint-every", "20"};
        assertEquals(0, train("helmholtz", straight, longer).code());

        Path killed = tmp.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--problem", "helmholtz", "--out", killed.toString()));
        for (int i = 0; i < TINY.length; i += 2) {
            if (!List.of(longer).contains(TINY[i])) {
                command.add(TINY[i]);
                command.add(TINY[i + 1]);
            }
        }
        command.addAll(List.of(longer));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && process.isAlive()) {
                Path json = killed.resolve("run.json");
                if (Files.exists(json) && Manifest.read(json).iteration() >= 40) {
                    break;
                }
                Thread.sleep(20);
            }
        } finally {
            process.destroyForcibly().waitFor();
        }
        Manifest before = Manifest.read(killed.resolve("run.json"));
        org.junit.jupiter.api.Assumptions.assumeTrue(before.status() != Manifest.Status.FINISHED,
                "the child process finished before it could be killed; nothing to resume");
        assertTrue(before.iteration() >= 20, "killed after a checkpoint: " + before.iteration());

        Result resumed = train("helmholtz", killed, "--resume", killed.toString());
        assertEquals(0, resumed.code(), resumed.err());
        NpzArchive a = Npz.read(straight.resolve("model.npz"));
        NpzArchive b = Npz.read(killed.resolve("model.npz"));
        for (String name : a.names()) {
            if (name.startsWith("W") || name.startsWith("b")) {
                assertArrayEquals(a.doubles(name), b.doubles(name), name);
            }
        }
        MetricsCsv.Table ta = MetricsCsv.read(straight.resolve("metrics.csv"));
        MetricsCsv.Table tb = MetricsCsv.read(killed.resolve("metrics.csv"));
        assertArrayEquals(ta.iterations(), tb.iterations());
        assertArrayEquals(ta.column("loss"), tb.column("loss"));
        assertSameMonitorFiles(straight, killed);
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nan");
        TrainConfig config = Presets.of(TrainConfig.Problem.BURGERS, Presets.Name.QUICK);
        config = new TrainConfig(config.problem(), new TrainConfig.NetworkConfig(8, 2, 1, false), config.optimizer(),
                new TrainConfig.SamplingConfig(64, 8, 1), config.weighting(),
                new TrainConfig.ScheduleConfig(40, 5, 10, 10, 11), smallGroups(config.monitors(), 8));
        TrainRun run = new TrainRun(config);
        run.addListener(new org.totaldiff.pinn.train.TrainingListener() {
            @Override
            public void afterStep(org.totaldiff.pinn.train.Step step) {
                if (step.iteration() == 13) {
                    run.trainer().network().weight(0).data[0] = Double.NaN;
                }
            }
        });
        try (RunRecorder recorder = RunRecorder.start(RunDirectory.open(dir, RunDirectory.Mode.NEW), "train",
                List.of(), config, 1, run.columns())) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> run.run(recorder, Progress.quiet()));
            assertEquals("training diverged at iteration 14: loss is NaN; lower the learning rate or check the"
                    + " problem setup", e.getMessage());
            recorder.fail(e);
        }
        org.totaldiff.pinn.io.Checkpoint last = org.totaldiff.pinn.io.Checkpoint.load(dir.resolve("checkpoint.npz"));
        assertEquals(10, last.iteration());
        for (var p : last.parameters().values()) {
            for (double v : p.data) {
                assertTrue(Double.isFinite(v));
            }
        }
        Manifest m = Manifest.read(dir.resolve("run.json"));
        assertEquals(Manifest.Status.FAILED, m.status());
        assertEquals(10, m.iteration());
    }

    private static org.totaldiff.experiments.monitor.MonitorConfig smallGroups(
            org.totaldiff.experiments.monitor.MonitorConfig m, int groups) {
        return new org.totaldiff.experiments.monitor.MonitorConfig(m.snr(), m.entropy(), m.grouping(), groups,
                m.snrCadence(), m.entropyAt(), m.entropyEvery(), m.residualCells());
    }

    private static TrainConfig configOf(Path run) {
        return Manifest.read(run.resolve("run.json")).configAs(TrainConfig.class);
    }
}
