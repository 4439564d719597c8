package org.totaldiff.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aRefusedValueLeavesNoRunDirectoryBehind() {
        for (String[] bad : new String[][] {{"--width", "0"}, {"--lr", "-1"}, {"--weight", "nosuch=2"},
                {"--snr-groups", "100000"}}) {
            Path out = tmp.resolve("runs/" + bad[0].substring(2));
            StringWriter err = new StringWriter();
            String[] args = {"train", "--problem", "burgers", "--out", out.toString(), bad[0], bad[1]};
            assertEquals(ExitCodes.USAGE, run(err, args), err.toString());
            assertEquals(1, err.toString().strip().split("\\R").length, err.toString());
            assertFalse(Files.exists(tmp.resolve("runs")), String.join(" ", args) + " left " + out);
        }
    }

    @Test
    void theIterationPlanNamesTheLbfgsIterationsThatFollowAdam() {
        TrainConfig quick = Presets.of(TrainConfig.Problem.BURGERS, Presets.Name.QUICK);
        String plan = TrainCommand.iterationPlan(quick);
        assertTrue(plan.startsWith(quick.schedule().iterations() + " Adam iterations, then up to "
                + Presets.Quick.of(TrainConfig.Problem.BURGERS).lbfgsIterations() + " L-BFGS"), plan);
        TrainConfig paper = Presets.of(TrainConfig.Problem.BURGERS, Presets.Name.PAPER);
        assertEquals(paper.schedule().iterations() + " Adam iterations", TrainCommand.iterationPlan(paper));
        int adam = quick.schedule().iterations();
        assertEquals("3 Adam + 0 L-BFGS", TrainCommand.iterationsDone(quick, 3));
        assertEquals(adam + " Adam + 7 L-BFGS", TrainCommand.iterationsDone(quick, adam + 7));
    }

    private static TrainConfig configured(TrainConfig.Problem kind, String... args) {
        TrainCommand command = new TrainCommand();
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.parseArgs(args);
        return command.configure(kind);
    }

    @Test
    void harmonicsGoIntoTheNetworkConfigAndNeedTheEmbedding() {
        assertEquals(1, configured(TrainConfig.Problem.ALLEN_CAHN).network().harmonics());
        TrainConfig k10 = configured(TrainConfig.Problem.ALLEN_CAHN, "--harmonics", "10");
        assertTrue(k10.network().periodicEmbedding());
        assertEquals(10, k10.network().harmonics());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> configured(TrainConfig.Problem.BURGERS, "--harmonics", "3"));
        assertTrue(e.getMessage().contains("--periodic-embedding"), e.getMessage());
    }

    @Test
    void causalTrainingIsOffUnlessAnEpsilonIsGivenAndNeedsATimeCoordinate() {
        assertFalse(configured(TrainConfig.Problem.BURGERS).weighting().causal());
        TrainConfig.WeightingConfig w = configured(TrainConfig.Problem.BURGERS, "--causal-epsilon", "1").weighting();
        assertEquals(TrainCommand.CAUSAL_SLICES, w.causalSlices());
        assertEquals(1.0, w.causalEpsilon());
        assertEquals(8, configured(TrainConfig.Problem.BURGERS, "--causal-epsilon", "1", "--causal-slices", "8")
                .weighting().causalSlices());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> configured(TrainConfig.Problem.BURGERS, "--causal-slices", "8"));
        assertTrue(e.getMessage().contains("--causal-epsilon"), e.getMessage());

        StringWriter err = new StringWriter();
        Path out = tmp.resolve("causal-helmholtz");
        assertEquals(ExitCodes.USAGE, run(err, "train", "--problem", "helmholtz", "--causal-epsilon", "1", "--out",
                out.toString()));
        assertTrue(err.toString().contains("no time coordinate"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void lbfgsTolerancesDefaultToPyTorchsAndReachTheOptimizer() {
        TrainConfig.OptimizerConfig o = configured(TrainConfig.Problem.HELMHOLTZ).optimizer();
        assertEquals(1e-7, o.lbfgs().toleranceGrad());
        assertEquals(1e-9, o.lbfgs().toleranceChange());
        TrainConfig.OptimizerConfig tight = configured(TrainConfig.Problem.HELMHOLTZ, "--lbfgs-tolerance-change", "0",
                "--lbfgs-tolerance-grad", "1e-12").optimizer();
        assertEquals(0.0, tight.lbfgs().toleranceChange());
        assertEquals(1e-12, tight.lbfgs().toleranceGrad());
        assertEquals(1, tight.lbfgs().maxIterations());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> configured(TrainConfig.Problem.HELMHOLTZ, "--lbfgs-tolerance-change", "-1"));
    }

    @Test
    void selfAdaptiveWeightsTakeTheirOwnLearningRate() {
        TrainConfig.WeightingConfig sa = configured(TrainConfig.Problem.BURGERS, "--weighting", "sa").weighting();
        assertEquals(TrainConfig.Weighting.SA, sa.kind());
        assertEquals(TrainConfig.WeightingConfig.SA_LEARNING_RATE, sa.selfAdaptive().learningRate());
        assertEquals(0.005, configured(TrainConfig.Problem.BURGERS, "--weighting", "sa", "--sa-lr", "0.005")
                .weighting().saLearningRate());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> configured(TrainConfig.Problem.BURGERS, "--weighting", "rba", "--sa-lr", "0.01"));
        assertEquals("--sa-lr needs --weighting sa (this run's weighting is rba)", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> configured(TrainConfig.Problem.BURGERS, "--weighting", "sa", "--sa-lr", "-1"));
    }

    @Test
    void badSelfAdaptiveAndRefinementOptionsAreOneLineNamingTheOptionAndExitTwo() {
        String[][] bad = {
            {"--weighting", "sa", "--sa-lr", "0"},
            {"--weighting", "sa", "--sa-lr", "NaN"},
            {"--rar-every", "0"},
            {"--rar-points", "8"},
            {"--rar-every", "50", "--rar-points", "0"},
            {"--rar-every", "50", "--rar-points", "64", "--rar-candidates", "32"},
            {"--rar-every", "50", "--rar-candidates", "300000"},
            {"--rar-every", "100", "--iterations", "100"},
            {"--rar-every", "50", "--snr-grouping", "per-sample"},
        };
        for (String[] options : bad) {
            StringWriter err = new StringWriter();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--problem", "burgers",
                    "--out", tmp.resolve("runs/r").toString()));
            args.addAll(java.util.List.of(options));
            assertEquals(ExitCodes.USAGE, run(err, args.toArray(String[]::new)), err.toString());
            String message = err.toString().strip();
            assertEquals(1, message.split("\\R").length, message);
            String option = options[options.length - 2].equals("--snr-grouping") ? "per-sample" : options[options.length - 2];
            assertTrue(message.contains(option), options[options.length - 2] + ": " + message);
            assertFalse(Files.exists(tmp.resolve("runs")), String.join(" ", options));
        }
    }
}
