package org.totaldiff.experiments.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.totaldiff.experiments.io.AtomicFiles;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.io.RuntimeInfo;
import org.totaldiff.experiments.monitor.MonitorPlots;
import org.totaldiff.experiments.phases.PhaseDetector;
import org.totaldiff.experiments.progress.Progress;
import org.totaldiff.experiments.reproduce.Reproduction.Analysed;

/**
 * {@code OUT/summary.md} of a reproduction: per run, the final relative L2 and L-infinity errors,
 * the end of fitting, the onset of total diffusion, the window of fastest test-error descent,
 * iterations and wall time; then what the runs say on the study's claims (RBA's onset against
 * vanilla's, the errors, the residual order, the last hidden layer's entropy and saturation),
 * and the figures.
 */
public final class ReproductionSummary {

    /** The file, under the reproduction's output. */
    public static final String FILE = "summary.md";
    /** Rows of snr.csv whose median gives a trace's first and last values. */
    static final int EDGE_ROWS = 5;

    private ReproductionSummary() {
    }

    static void write(Path file, String title, String command, List<Analysed> runs, List<Path> figures, Path out) {
        StringBuilder s = new StringBuilder();
        RuntimeInfo rt = RuntimeInfo.current();
        s.append("# Reproduction: ").append(title).append("\n\n");
        s.append("`").append(command).append("`, analysed ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by totaldiff ").append(rt.totaldiff()).append(" (Java ").append(rt.java()).append(", ")
                .append(rt.cores()).append(" cores").append(cpu().map(c -> ", " + c).orElse("")).append(").\n\n");
        s.append("| weighting | iterations | rel. L2 | rel. L-inf | fitting end | total-diffusion onset |"
                + " fastest error descent | wall time |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (Analysed a : runs) {
            PhaseDetector.Descent d = a.phases().descent();
            s.append(String.format(Locale.ROOT, "| %s | %,d | %.3e | %.3e | %s | %s | %s | %s |%n",
                    a.result().arm().name(), a.result().manifest().iteration(), a.result().metric("rel_l2"),
                    a.result().metric("rel_linf"), iteration(a.phases().fittingEnd()), iteration(a.phases().onset()),
                    d == null ? "-" : String.format(Locale.ROOT, "%,.0f-%,.0f (slope %.2f)", d.from(), d.to(),
                            d.slope()), Progress.duration(a.result().manifest().wallSeconds())));
        }
        s.append("\nPhases from `snr.csv` by the detector of docs/learning-dynamics.md (parameters in each run's"
                + " `phases.json`); \"none\": not found. Each run's full configuration is in its `run.json`.\n");
        claims(s, runs);
        s.append("\n## Figures\n\n");
        for (Path f : figures) {
            String rel = out.relativize(f).toString().replace('\\', '/');
            s.append("![").append(f.getFileName()).append("](").append(rel).append(")\n\n");
        }
        s.append("## Runs\n\n");
        for (Analysed a : runs) {
            s.append("* `").append(out.relativize(a.result().dir())).append("/`: ").append(a.result().arm().name())
                    .append(", a train run (`totaldiff analyze` and `train --resume` work on it)\n");
        }
        AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What the runs say on the study's claims, in numbers. */
    private static void claims(StringBuilder s, List<Analysed> runs) {
        s.append("\n## The study's claims on these runs\n\n");
        Analysed vanilla = find(runs, "vanilla");
        Analysed rba = find(runs, "rba");
        for (Analysed a : runs) {
            Double onset = a.phases().onset();
            s.append("* ").append(a.result().arm().name()).append(": ").append(onset == null
                    ? "no abrupt, sustained SNR rise (no total diffusion) within the run"
                    : String.format(Locale.ROOT, "total diffusion from iteration %,.0f", onset)).append('\n');
        }
        if (vanilla != null && rba != null) {
            Double v = vanilla.phases().onset();
            Double r = rba.phases().onset();
            String earlier = v == null && r == null ? "not decidable (neither run reaches total diffusion)"
                    : r == null ? "no (only vanilla reaches total diffusion)"
                    : v == null ? String.format(Locale.ROOT, "yes (RBA at %,.0f; vanilla not within the run)", r)
                    : String.format(Locale.ROOT, "%s (RBA at %,.0f, vanilla at %,.0f: %.2fx)", r < v ? "yes" : "no",
                            r, v, v / r);
            s.append("* RBA's onset earlier than vanilla's: ").append(earlier).append('\n');
            double ev = vanilla.result().metric("rel_l2");
            double er = rba.result().metric("rel_l2");
            s.append(String.format(Locale.ROOT, "* RBA generalises better: %s (final relative L2 %.3e against %.3e)%n",
                    er < ev ? "yes" : "no", er, ev));
        }
        for (Analysed a : runs) {
            Path snr = a.result().dir().resolve("snr.csv");
            if (Files.isRegularFile(snr)) {
                MetricsCsv.Table t = MetricsCsv.read(snr);
                if (t.header().contains("phi_r")) {
                    double[] phi = t.column("phi_r");
                    s.append(String.format(Locale.ROOT, "* %s: residual order phi_r (RBA weights) %.3f at the start,"
                            + " %.3f at the end%n", a.result().arm().name(), edge(phi, true), edge(phi, false)));
                }
            }
            Optional<MonitorPlots.Entropy> e = MonitorPlots.entropy(a.result().dir().resolve("entropy.csv"));
            if (e.isPresent() && e.get().bits().length > 0) {
                int last = e.get().bits().length - 1;
                s.append(String.format(Locale.ROOT, "* %s: last hidden layer's entropy %.2f bits at the start,"
                        + " %.2f at the end; its saturation %.1f%% then %.1f%%%n", a.result().arm().name(),
                        first(e.get().bits()[last]), lastFinite(e.get().bits()[last]),
                        first(e.get().saturation()[last]), lastFinite(e.get().saturation()[last])));
            }
        }
    }

    private static Analysed find(List<Analysed> runs, String name) {
        return runs.stream().filter(a -> a.result().arm().name().equals(name)).findFirst().orElse(null);
    }

    /** The median of the first (or last) {@value #EDGE_ROWS} finite values. */
    static double edge(double[] v, boolean start) {
        double[] buf = new double[EDGE_ROWS];
        int n = 0;
        for (int k = 0; k < v.length && n < EDGE_ROWS; k++) {
            double x = v[start ? k : v.length - 1 - k];
            if (Double.isFinite(x)) {
                buf[n++] = x;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(buf, 0, n);
        return n % 2 == 1 ? buf[n / 2] : 0.5 * (buf[n / 2 - 1] + buf[n / 2]);
    }

    private static double first(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return x;
            }
        }
        return Double.NaN;
    }

    private static double lastFinite(double[] v) {
        for (int k = v.length - 1; k >= 0; k--) {
            if (Double.isFinite(v[k])) {
                return v[k];
            }
        }
        return Double.NaN;
    }

    private static String iteration(Double it) {
        return it == null ? "none" : String.format(Locale.ROOT, "%,.0f", it);
    }

    /** The CPU model (Linux), if known. */
    private static Optional<String> cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: left out
        }
        return Optional.empty();
    }
}
