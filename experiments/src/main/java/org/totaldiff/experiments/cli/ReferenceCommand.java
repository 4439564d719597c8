package org.totaldiff.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.io.RunDirectory;
import org.totaldiff.experiments.plot.ColorMap;
import org.totaldiff.experiments.plot.HeatmapFigure;
import org.totaldiff.experiments.plot.Panel;
import org.totaldiff.experiments.plot.Plots;
import org.totaldiff.experiments.train.FieldGrid;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.Problems;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.pinn.problem.AllenCahnReference;
import org.totaldiff.pinn.problem.GridValues;
import org.totaldiff.pinn.problem.ReferenceSolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code totaldiff reference PROBLEM}: computes a benchmark's exact or reference solution on a
 * grid and writes it as CSV with a heat map, in a run directory.
 */
@Command(name = "reference",
        description = {"Compute a benchmark's reference solution on a grid: reference.csv (columns: coordinates, u)"
                + " and plots/reference.png in a run directory.",
            "helmholtz: exact; allen-cahn: Fourier spectral + ETDRK4 (512 x 201 by default, the solver's own grid);"
                + " burgers: Cole-Hopf by Gauss-Hermite quadrature."},
        sortOptions = false)
public final class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "helmholtz, allen-cahn or burgers.")
    String problem;

    @Option(names = "--grid", paramLabel = "N",
            description = "Points per axis (default: 201; allen-cahn: its solver grid, 512 x 201).")
    Integer grid;

    @Option(names = "--a1", paramLabel = "A", description = "Helmholtz: frequency factor in x (default 6).")
    Double a1;

    @Option(names = "--a2", paramLabel = "A", description = "Helmholtz: frequency factor in y (default 6).")
    Double a2;

    @Mixin
    OutputOptions output;

    @Mixin
    ThreadsOption threads;

    /** What run.json records for a reference computation. */
    public record ReferenceConfig(TrainConfig.ProblemConfig problem, int grid) {
    }

    @Override
    public Integer call() throws Exception {
        TrainConfig.Problem kind = TrainConfig.Problem.parse(problem);
        if ((a1 != null || a2 != null) && kind != TrainConfig.Problem.HELMHOLTZ) {
            throw new IllegalArgumentException("--a1 and --a2 apply to helmholtz only, not " + kind.cliName());
        }
        if (grid != null && grid < 2) {
            throw new IllegalArgumentException("--grid must be >= 2, got " + grid);
        }
        if (output.mode() == RunDirectory.Mode.RESUME) {
            throw new IllegalArgumentException("--resume: a reference computation has nothing to resume; use --force");
        }
        TrainConfig.ProblemConfig base = Presets.of(kind, Presets.Name.PAPER).problem();
        TrainConfig.ProblemConfig pc = new TrainConfig.ProblemConfig(kind, a1 != null ? a1 : base.a1(),
                a2 != null ? a2 : base.a2(), base.k());
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        try (RunDirectory dir = output.open("reference-" + kind.cliName())) {
            ReferenceSolution reference = Problems.create(pc, 2).reference();
            GridValues values = grid == null && reference instanceof AllenCahnReference ac ? ac.grid()
                    : reference.onGrid(grid == null ? 201 : grid, grid == null ? 201 : grid);
            Path csv = dir.file("reference.csv");
            values.writeCsv(csv);
            HeatmapFigure figure = new HeatmapFigure(kind.cliName() + " reference solution", FieldGrid.grid(values.grid()),
                    List.of(new Panel("u", FieldGrid.values(values.grid(), values.values()), ColorMap.VIRIDIS, "u")),
                    900, 620);
            Plots.write(figure, dir.plot("reference"));
            double seconds = (System.nanoTime() - start) / 1e9;
            ReferenceConfig config = new ReferenceConfig(pc, values.grid().count(0));
            Manifest.started("reference", Main.arguments(spec), config, 0)
                    .finished(0, seconds, Map.of("points", (double) values.grid().size()))
                    .write(dir.manifestFile());
            out.printf(Locale.ROOT, "%s%n%d x %d grid in %.1f s: %s%n", reference.description(), values.grid().count(0),
                    values.grid().count(1), seconds, csv);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
