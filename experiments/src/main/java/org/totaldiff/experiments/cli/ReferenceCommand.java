package org.totaldiff.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.plot.ColorMap;
import org.totaldiff.experiments.plot.HeatmapFigure;
import org.totaldiff.experiments.plot.Panel;
import org.totaldiff.experiments.plot.Plots;
import org.totaldiff.experiments.train.FieldGrid;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.Problems;
import org.totaldiff.experiments.train.TrainConfig;
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
 * grid and writes it as CSV with a heat map beside it.
 */
@Command(name = "reference",
        description = {"Compute a benchmark's reference solution on its grid and write it as CSV (columns: the"
                + " input coordinates by name, then u), with a heat map beside it.",
            "helmholtz: exact; allen-cahn: Fourier spectral + ETDRK4 (512 x 201 by default, the solver's own grid);"
                + " burgers: Cole-Hopf by Gauss-Hermite quadrature."},
        sortOptions = false)
public final class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "helmholtz, allen-cahn or burgers.")
    String problem;

    @Option(names = "--grid", paramLabel = "N",
            description = "Points per axis of an evenly spaced grid (default: the reference's own grid;"
                    + " allen-cahn: its solver grid, 512 x 201).")
    Integer grid;

    @Option(names = "--a1", paramLabel = "A", description = "Helmholtz: frequency factor in x (default 6).")
    Double a1;

    @Option(names = "--a2", paramLabel = "A", description = "Helmholtz: frequency factor in y (default 6).")
    Double a2;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.csv",
            description = "The CSV to write (default: runs/reference-PROBLEM.csv); the heat map goes beside it as FILE.png.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE.csv and FILE.png if they exist.")
    boolean force;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        TrainConfig.Problem kind = TrainConfig.Problem.parse(problem);
        if ((a1 != null || a2 != null) && kind != TrainConfig.Problem.HELMHOLTZ) {
            throw new IllegalArgumentException("--a1 and --a2 apply to helmholtz only, not " + kind.cliName());
        }
        if (grid != null && grid < 2) {
            throw new IllegalArgumentException("--grid must be >= 2, got " + grid);
        }
        Path csv = out != null ? out : Path.of("runs", "reference-" + kind.cliName() + ".csv");
        if (!csv.getFileName().toString().endsWith(".csv")) {
            throw new IllegalArgumentException("--out must name a .csv file, got " + csv);
        }
        Path png = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", ".png"));
        if (!force && (Files.exists(csv) || Files.exists(png))) {
            throw new IllegalArgumentException(csv + " or " + png + " exists; use --force to overwrite");
        }
        TrainConfig.ProblemConfig base = Presets.of(kind, Presets.Name.PAPER).problem();
        TrainConfig.ProblemConfig pc = new TrainConfig.ProblemConfig(kind, a1 != null ? a1 : base.a1(),
                a2 != null ? a2 : base.a2(), base.k(), base.boundary());
        long start = System.nanoTime();
        ReferenceSolution reference = Problems.create(pc, new TrainConfig.SamplingConfig(1, 2, 0)).reference();
        GridValues values = grid == null ? reference.onGrid() : reference.onGrid(grid, grid);
        Path parent = csv.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".reference", ".csv");
        try {
            values.writeCsv(tmp);
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        HeatmapFigure figure = new HeatmapFigure(kind.cliName() + " reference solution", FieldGrid.grid(values.grid()),
                List.of(new Panel("u", FieldGrid.values(values.grid(), values.values()), ColorMap.VIRIDIS, "u")),
                900, 620);
        Plots.write(figure, png);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "%s%n%d x %d grid in %.1f s: %s and %s%n", reference.description(),
                values.grid().count(0), values.grid().count(1), seconds, csv, png);
        printer.flush();
        return ExitCodes.OK;
    }
}
