package org.totaldiff.experiments.phases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.totaldiff.experiments.io.AtomicFiles;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.plot.Marker;

/**
 * The phases of one run directory: {@link PhaseDetector} on its snr.csv (the minimum is the
 * columns {@code iteration,snr}), the fastest descent of {@code rel_l2} when a metrics.csv has
 * it, written to {@value #FILE}:
 *
 * <pre>
 *   {"fitting_end": 162.0, "total_diffusion_onset": 17000.0,
 *    "fastest_error_descent": {"from": ..., "to": ..., "slope": ...},   (null without metrics.csv)
 *    "detector": {the detector's parameters}}
 * </pre>
 *
 * Absent phases are null.
 *
 * @param fittingEnd where fitting ends, or null
 * @param onset the onset of total diffusion, or null
 * @param descent the window of fastest test-error descent, or null
 * @param snrIterations the trace the phases were found on (for figures)
 * @param snr its values
 */
public record RunPhases(Double fittingEnd, Double onset, PhaseDetector.Descent descent, double[] snrIterations,
        double[] snr) {

    /** The file written into the run directory. */
    public static final String FILE = "phases.json";

    /**
     * Finds the phases of {@code dir}.
     *
     * @throws IllegalArgumentException if the directory, its snr.csv or the snr column is missing
     */
    public static RunPhases of(Path dir, PhaseDetector detector) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("analyze: " + dir + " is not a directory");
        }
        Path file = dir.resolve("snr.csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("analyze: " + dir + " has no snr.csv (train writes it; the minimum is"
                    + " the columns iteration,snr)");
        }
        MetricsCsv.Table table = MetricsCsv.read(file);
        if (!table.header().contains("snr")) {
            throw new IllegalArgumentException("analyze: " + file + " has no column 'snr'; its columns are "
                    + table.header());
        }
        double[] it = table.column(MetricsCsv.ITERATION);
        double[] snr = table.column("snr");
        PhaseDetector.Phases phases = detector.detect(it, snr);
        PhaseDetector.Descent descent = null;
        Path metrics = dir.resolve("metrics.csv");
        if (Files.isRegularFile(metrics)) {
            MetricsCsv.Table m = MetricsCsv.read(metrics);
            if (m.header().contains("rel_l2")) {
                descent = detector.fastestDescent(m.column(MetricsCsv.ITERATION), m.column("rel_l2"));
            }
        }
        return new RunPhases(phases.fittingEnd(), phases.onset(), descent, it, snr);
    }

    /** The phases as figure markers. */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>();
        if (fittingEnd != null) {
            out.add(new Marker("fitting end", fittingEnd));
        }
        if (onset != null) {
            out.add(new Marker("total diffusion", onset));
        }
        return out;
    }

    /** Writes {@value #FILE} into {@code dir} (atomically). */
    public void write(Path dir, PhaseDetector.Parameters parameters) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fitting_end", fittingEnd);
        json.put("total_diffusion_onset", onset);
        json.put("fastest_error_descent", descent);
        json.put("detector", parameters);
        try {
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
            AtomicFiles.write(dir.resolve(FILE), (text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("phases.json: " + e.getMessage(), e);
        }
    }
}
