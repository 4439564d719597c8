package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Partition;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainRun;
import org.totaldiff.pinn.train.Trainer;

/** The SNR groups after residual-based refinement added points (Monitors.grouping). */
class RefinedGroupingTest {

    private static Trainer trainer(MonitorConfig.Grouping kind, int groups) {
        TrainConfig quick = Presets.of(TrainConfig.Problem.BURGERS, Presets.Name.QUICK);
        MonitorConfig d = MonitorConfig.defaults();
        MonitorConfig monitors = new MonitorConfig(true, false, kind, groups, d.snrCadence(), d.entropyAt(),
                d.entropyEvery(), d.residualCells());
        TrainConfig config = new TrainConfig(quick.problem(), quick.network(), quick.optimizer(),
                new TrainConfig.SamplingConfig(64, 8, 3, 0, 5, 3, 10), quick.weighting(), quick.schedule(), monitors);
        return new TrainRun(config).trainer();
    }

    /** Drawn points nearest to each added point, by brute force over the grouped ones. */
    private static int nearest(DMatrixRMaj p, int i, int initial, Grouping g, int size, int groups) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < initial; j++) {
            if (j >= groups * size) {
                continue;
            }
            // burgers: x in [-1, 1] (width 2), t in [0, 1]
            double dx = (p.get(i, 0) - p.get(j, 0)) / 2;
            double dt = p.get(i, 1) - p.get(j, 1);
            double d = dx * dx + dt * dt;
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    @Test
    void addedPointsJoinTheGroupOfTheNearestDrawnPointAndDrawnPointsKeepTheirs() {
        Trainer t = trainer(MonitorConfig.Grouping.CONTIGUOUS, 6);
        MonitorConfig config = configOf(MonitorConfig.Grouping.CONTIGUOUS, 6);
        assertEquals(Grouping.contiguous(64, 6).toString(), Monitors.grouping(config, t.view()).toString());
        DMatrixRMaj added = new DMatrixRMaj(new double[][] {{-0.9, 0.05}, {0.3, 0.5}, {0.99, 0.99}});
        t.addPoints(added);
        Grouping g = Monitors.grouping(config, t.view());
        assertEquals(67, g.samples());
        assertEquals(6, g.groups());
        assertEquals(4, g.ungrouped()); // 64 = 6 x 10 + 4 drawn points in none, as before
        // group sizes: 10 drawn points each, plus the added ones
        int total = 0;
        for (int b = 0; b < 6; b++) {
            total += g.size(b);
        }
        assertEquals(63, total);
        Partition p = partitionOf(t, config);
        for (int i = 0; i < 64; i++) {
            assertEquals(i < 60 ? i / 10 : Partition.NONE, p.group(i), "drawn point " + i);
        }
        for (int i = 64; i < 67; i++) {
            int j = nearest(t.collocation(), i, 64, g, 10, 6);
            assertEquals(j / 10, p.group(i), "added point " + i);
        }
    }

    @Test
    void withSpatialGroupsAnAddedPointJoinsItsCell() {
        Trainer t = trainer(MonitorConfig.Grouping.SPATIAL, 4);
        MonitorConfig config = configOf(MonitorConfig.Grouping.SPATIAL, 4);
        Grouping before = Monitors.grouping(config, t.view());
        t.addPoints(new DMatrixRMaj(new double[][] {{-0.5, 0.25}, {0.5, 0.75}}));
        Grouping after = Monitors.grouping(config, t.view());
        assertEquals(before.groups(), after.groups());
        Partition p = partitionOf(t, config);
        // a 2 x 2 grid of cells, x fastest: (-0.5, 0.25) in cell 0, (0.5, 0.75) in cell 3
        assertEquals(p.group(firstIn(t, 0)), p.group(64));
        assertEquals(p.group(firstIn(t, 3)), p.group(65));
    }

    /** The first drawn point in cell c of the 2 x 2 grid over [-1, 1] x [0, 1]. */
    private static int firstIn(Trainer t, int c) {
        DMatrixRMaj p = t.collocation();
        for (int i = 0; i < 64; i++) {
            int cell = (p.get(i, 0) < 0 ? 0 : 1) + (p.get(i, 1) < 0.5 ? 0 : 2);
            if (cell == c) {
                return i;
            }
        }
        throw new AssertionError("no drawn point in cell " + c);
    }

    private static MonitorConfig configOf(MonitorConfig.Grouping kind, int groups) {
        MonitorConfig d = MonitorConfig.defaults();
        return new MonitorConfig(true, false, kind, groups, d.snrCadence(), d.entropyAt(), d.entropyEvery(),
                d.residualCells());
    }

    /** The partition behind the grouping, read back through one group per sample query. */
    private static Partition partitionOf(Trainer t, MonitorConfig config) {
        Grouping g = Monitors.grouping(config, t.view());
        int n = g.samples();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, Partition.NONE);
        for (int b = 0; b < g.groups(); b++) {
            for (int i : g.members(b)) {
                groupOf[i] = b;
            }
        }
        return Partition.of(groupOf, g.groups());
    }
}
