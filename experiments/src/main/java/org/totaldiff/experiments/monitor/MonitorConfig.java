package org.totaldiff.experiments.monitor;

import java.util.List;
import java.util.Locale;
import org.totaldiff.pinn.train.Trainer;
import org.totaldiff.pinn.train.TrainingListener.Cadence;

/**
 * Which learning-dynamics monitors a training run keeps, and how; recorded in run.json. The
 * defaults ({@link #defaults()}) are the authors' (Anagnostopoulos et al. 2024, utils/snr.py and
 * HM/HM.py): 100 contiguous groups of the collocation points, the SNR every 2 iterations below
 * 300 and every 100 after, the entropy at iterations 0, 10, 20, 40, 80 and every 100, the
 * residual order on a 10 x 10 grid of cells.
 *
 * @param snr write snr.csv (gradient SNR, order parameters, Adam SNR, residual order)
 * @param entropy write entropy.csv (binned entropy and saturation of every hidden layer)
 * @param grouping how the collocation points are grouped for the gradient statistics
 * @param groups B (contiguous: blocks of ⌊N/B⌋ points; spatial: a √B x √B grid of cells; ignored
 *     per sample, where B = N)
 * @param snrCadence the iterations with an snr.csv row
 * @param entropyAt iterations with an entropy.csv row besides every {@code entropyEvery}
 * @param entropyEvery an entropy.csv row every this many iterations
 * @param residualCells cells per axis of the residual-order grid
 */
public record MonitorConfig(boolean snr, boolean entropy, Grouping grouping, int groups, Cadence snrCadence,
        List<Integer> entropyAt, int entropyEvery, int residualCells) {

    /** How the collocation points are grouped. */
    public enum Grouping {
        /** B blocks of consecutive points in their stored (Latin-hypercube, so random) order. */
        CONTIGUOUS,
        /** The points of each cell of a √B x √B grid over the domain (empty cells left out). */
        SPATIAL,
        /** Every point its own group (B = N). */
        PER_SAMPLE;

        /** The command-line spelling: contiguous, spatial, per-sample. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The grouping called {@code name} on the command line. */
        public static Grouping parse(String name) {
            for (Grouping g : values()) {
                if (g.cliName().equals(name)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown grouping '" + name + "'; accepted: contiguous, spatial, per-sample");
        }
    }

    /** Checks every value. */
    public MonitorConfig {
        if (grouping == null || snrCadence == null) {
            throw new IllegalArgumentException("monitors: grouping and SNR cadence must be given");
        }
        if (groups < 1) {
            throw new IllegalArgumentException("--snr-groups must be >= 1, got " + groups);
        }
        if (grouping == Grouping.SPATIAL) {
            int side = (int) Math.round(Math.sqrt(groups));
            if (side * side != groups) {
                throw new IllegalArgumentException("--snr-groups must be a square for spatial grouping (a "
                        + "sqrt(B) x sqrt(B) grid of cells), got " + groups);
            }
        }
        entropyAt = entropyAt == null ? List.of() : List.copyOf(entropyAt);
        for (int it : entropyAt) {
            if (it < 0) {
                throw new IllegalArgumentException("--entropy-at: iterations must be >= 0, got " + it);
            }
        }
        if (entropyEvery < 1) {
            throw new IllegalArgumentException("--entropy-every must be >= 1, got " + entropyEvery);
        }
        if (residualCells < 1) {
            throw new IllegalArgumentException("--residual-cells must be >= 1, got " + residualCells);
        }
    }

    /** The authors' monitors and cadences, both on. */
    public static MonitorConfig defaults() {
        return new MonitorConfig(true, true, Grouping.CONTIGUOUS, Trainer.GRADIENT_GROUPS, new Cadence(2, 300, 100),
                List.of(0, 10, 20, 40, 80), 100, ResidualOrder.DEFAULT_CELLS);
    }

    /** No monitor (what a run recorded before the monitors existed has). */
    public static MonitorConfig none() {
        MonitorConfig d = defaults();
        return new MonitorConfig(false, false, d.grouping, d.groups, d.snrCadence, d.entropyAt, d.entropyEvery,
                d.residualCells);
    }

    /** True if entropy.csv gets a row at 0-based {@code iteration}. */
    public boolean entropyIncludes(int iteration) {
        return iteration % entropyEvery == 0 || entropyAt.contains(iteration);
    }
}
