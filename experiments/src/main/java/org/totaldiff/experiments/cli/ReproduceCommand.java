package org.totaldiff.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.reproduce.ReproducePresets;
import org.totaldiff.experiments.reproduce.Reproduction;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code totaldiff reproduce PROBLEM}: the study's experiment on one benchmark, vanilla and RBA
 * from the same seed with every monitor on, then phases, figures and summary.md
 * (docs/reproduction.md).
 */
@Command(name = "reproduce",
        description = {"Reproduce the study on a benchmark: train a vanilla and an RBA PINN from the same seed with"
                + " every monitor on (each a run directory under --out), find their learning phases and write the"
                + " figure set and summary.md.",
            "Presets: quick (the phases within minutes on 2 cores), paper (the authors' setup: days)."},
        sortOptions = false)
public final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROBLEM", description = "helmholtz, allen-cahn or burgers.")
    String problem;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "quick",
            description = "quick or paper. Default: ${DEFAULT-VALUE}.")
    Presets.Name preset;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Adam iterations of each run instead of the preset's (a shorter look, or a longer one).")
    Integer iterations;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (default: runs/reproduce-PROBLEM-PRESET).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Runs trained side by side, the cores shared among them (1: one after the other)."
                    + " Results are identical either way. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Option(names = "--resume",
            description = "Continue the reproduction in --out: finished runs are kept, unfinished ones continue from"
                    + " their checkpoints, missing ones start; then the analysis is redone.")
    boolean resume;

    @Option(names = "--force", description = "Delete the reproduction already in --out and start afresh.")
    boolean force;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        TrainConfig.Problem kind = TrainConfig.Problem.parse(problem);
        if (iterations != null && iterations < 1) {
            throw new IllegalArgumentException("--iterations must be >= 1, got " + iterations);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        if (resume && force) {
            throw new IllegalArgumentException("--force and --resume exclude each other; choose one");
        }
        String presetName = preset.name().toLowerCase(Locale.ROOT);
        Path dir = out != null ? out : Path.of("runs", "reproduce-" + kind.cliName() + "-" + presetName);
        Reproduction reproduction = new Reproduction(kind.cliName() + ", preset " + presetName,
                ReproducePresets.arms(kind, preset, iterations), dir);
        RunDirectory.Mode mode = force ? RunDirectory.Mode.FORCE : resume ? RunDirectory.Mode.RESUME
                : RunDirectory.Mode.NEW;
        PrintWriter log = spec.commandLine().getOut();
        boolean finished = reproduction.train(mode, jobs, progressOption.mode(), Main.arguments(spec), log);
        String command = "totaldiff reproduce " + String.join(" ", Main.arguments(spec));
        if (!finished) {
            log.println("stopped; continue with: totaldiff reproduce " + kind.cliName() + " --preset " + presetName
                    + (iterations != null ? " --iterations " + iterations : "") + " --out " + dir + " --resume");
            log.flush();
            return ExitCodes.INTERRUPTED;
        }
        for (Reproduction.Analysed a : reproduction.analyze(command)) {
            log.printf(Locale.ROOT, "%s: relative L2 %.4e, fitting end %s, total diffusion onset %s%n",
                    a.result().arm().name(), a.result().metric("rel_l2"), show(a.phases().fittingEnd()),
                    show(a.phases().onset()));
        }
        log.println("results in " + dir + " (summary.md, figures/, one run directory per weighting)");
        log.flush();
        return ExitCodes.OK;
    }

    private static String show(Double iteration) {
        return iteration == null ? "none" : String.format(Locale.ROOT, "%.0f", iteration);
    }
}
