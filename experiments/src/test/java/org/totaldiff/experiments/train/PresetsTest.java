package org.totaldiff.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.pde.AllenCahnProblem;

/** The paper preset is the authors' setup (HM/HM.py, AC/AC.py), monitors included. */
class PresetsTest {

    @Test
    void paperHelmholtzIsTheAuthorsSetup() {
        TrainConfig c = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        assertEquals(6, c.problem().a1());
        assertEquals(6, c.problem().a2());
        assertEquals(128, c.network().width());
        assertEquals(6, c.network().depth());
        assertEquals(new TrainConfig.SamplingConfig(25_600, 100, 2341, 1001), c.sampling());
        assertEquals(Rba.Start.FULL_FIRST_STEP, c.weighting().start());
        assertEquals(Rba.Normalization.MIN_MAX, c.weighting().normalization());
        assertEquals(300_000, c.schedule().iterations());
        assertEquals(MonitorConfig.defaults(), c.monitors());
    }

    @Test
    void paperAllenCahnHasTheInitialConditionOnlyAndStartMode1() {
        TrainConfig c = Presets.of(TrainConfig.Problem.ALLEN_CAHN, Presets.Name.PAPER);
        assertEquals(AllenCahnProblem.Boundary.NONE, c.problem().boundary());
        assertEquals(512, c.sampling().boundary());
        assertEquals(Rba.Start.ZERO, c.weighting().start());
        assertEquals(Rba.Normalization.MAX, c.weighting().normalization());
    }

    @Test
    void theBoundaryGridReachesTheProblem() {
        TrainConfig c = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        var problem = Problems.create(c.problem(), c.sampling());
        assertEquals(400, problem.conditions(new org.totaldiff.engine.Rng(1)).get(0).points().numRows);
    }
}
