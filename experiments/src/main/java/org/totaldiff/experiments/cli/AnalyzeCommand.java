package org.totaldiff.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.totaldiff.experiments.monitor.MonitorPlots;
import org.totaldiff.experiments.phases.PhaseDetector;
import org.totaldiff.experiments.phases.RunPhases;
import org.totaldiff.experiments.plot.LineChart;
import org.totaldiff.experiments.plot.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code totaldiff analyze DIR...}: the learning phases of run directories (docs/learning-dynamics.md):
 * phases.json in each, the monitors' figures redrawn with the phases marked, and with several
 * directories one figure of all their SNR traces.
 */
@Command(name = "analyze",
        description = {"Find the learning phases (end of fitting, onset of total diffusion) of run directories from"
                + " their snr.csv (at least the columns iteration,snr), and the fastest test-error descent from"
                + " metrics.csv. Writes DIR/phases.json, redraws DIR/plots/ with the phases marked and, for several"
                + " directories, a comparison figure."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Run directories holding an snr.csv.")
    List<Path> dirs;

    @Option(names = "--figure", paramLabel = "FILE",
            description = "With several directories: the comparison figure (default: snr_comparison.png here).")
    Path figure;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PhaseDetector detector = new PhaseDetector(PhaseDetector.Parameters.defaults());
        List<RunPhases> all = new ArrayList<>();
        for (Path dir : dirs) {
            all.add(RunPhases.of(dir, detector));
        }
        LineChart comparison = LineChart.of("gradient SNR", "iteration", "gradient SNR").withLog(true, true);
        for (int d = 0; d < dirs.size(); d++) {
            Path dir = dirs.get(d);
            RunPhases p = all.get(d);
            p.write(dir, detector.parameters());
            String name = dir.toAbsolutePath().normalize().getFileName().toString();
            MonitorPlots.write(dir, name, p.markers());
            out.printf(Locale.ROOT, "%s: fitting end %s, total diffusion onset %s, fastest error descent %s%n", dir,
                    show(p.fittingEnd()), show(p.onset()), p.descent() == null ? "-" : String.format(Locale.ROOT,
                            "%.0f-%.0f (slope %.2f)", p.descent().from(), p.descent().to(), p.descent().slope()));
            comparison = comparison.with(name, p.snrIterations(), p.snr());
            if (p.onset() != null) {
                comparison = comparison.withMarker(name + ": onset", p.onset());
            }
        }
        if (dirs.size() > 1) {
            Path file = figure != null ? figure : Path.of("snr_comparison.png");
            Plots.write(comparison, file);
            out.println("comparison in " + file);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String show(Double iteration) {
        return iteration == null ? "none" : String.format(Locale.ROOT, "%.0f", iteration);
    }
}
