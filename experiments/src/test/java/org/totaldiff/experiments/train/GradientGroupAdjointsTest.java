package org.totaldiff.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.totaldiff.experiments.monitor.MonitorConfig;

/**
 * Which runs let the hidden layers' products hand their adjoints back
 * ({@code Trainer.releaseGroupedAdjoints}): only those whose statistics read nothing but the
 * trainer's gradient groups.
 */
class GradientGroupAdjointsTest {

    private static final TrainConfig PAPER = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);

    private static TrainConfig with(MonitorConfig m, TrainConfig.SamplingConfig s) {
        return new TrainConfig(PAPER.problem(), PAPER.network(), PAPER.optimizer(), s, PAPER.weighting(),
                PAPER.schedule(), m);
    }

    private static MonitorConfig monitors(boolean snr, MonitorConfig.Grouping grouping, int groups) {
        MonitorConfig d = MonitorConfig.defaults();
        return new MonitorConfig(snr, d.entropy(), grouping, groups, d.snrCadence(), d.entropyAt(), d.entropyEvery(),
                d.residualCells());
    }

    @Test
    void onlyStatisticsOverTheGradientGroupsLetTheAdjointsGo() {
        TrainConfig.SamplingConfig s = PAPER.sampling();
        int n = s.collocation();
        assertEquals(true, TrainRun.readsOnlyGradientGroups(PAPER, n), "the paper preset: 100 contiguous groups");
        assertEquals(true, TrainRun.readsOnlyGradientGroups(with(monitors(false, MonitorConfig.Grouping.PER_SAMPLE, 1),
                s), n), "no snr.csv");
        assertEquals(false, TrainRun.readsOnlyGradientGroups(with(monitors(true, MonitorConfig.Grouping.CONTIGUOUS, 50),
                s), n), "50 groups");
        assertEquals(false, TrainRun.readsOnlyGradientGroups(with(monitors(true, MonitorConfig.Grouping.PER_SAMPLE, n),
                s), n), "per sample");
        assertEquals(false, TrainRun.readsOnlyGradientGroups(with(monitors(true, MonitorConfig.Grouping.SPATIAL, 100),
                s), n), "spatial cells");
        TrainConfig.SamplingConfig refining = new TrainConfig.SamplingConfig(n, s.boundary(), s.seed(),
                s.boundaryGrid(), 100, 10, 1000);
        assertEquals(false, TrainRun.readsOnlyGradientGroups(with(PAPER.monitors(), refining), n), "refinement");
        assertEquals(true, TrainRun.readsOnlyGradientGroups(with(monitors(true, MonitorConfig.Grouping.CONTIGUOUS, 50),
                s), 50), "50 points: the trainer's groups are 50 too");
    }
}
