package org.totaldiff.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.totaldiff.experiments.monitor.MonitorConfig;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.pde.AllenCahnProblem;

/** The paper preset is the authors' setup (HM/HM.py, AC/AC.py), monitors included; the quick presets' per-problem values. */
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
    void quickPresetsTakeTheirProblemsIterationsPointsTolerancesAndEta() {
        TrainConfig h = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.QUICK);
        TrainConfig b = Presets.of(TrainConfig.Problem.BURGERS, Presets.Name.QUICK);
        TrainConfig a = Presets.of(TrainConfig.Problem.ALLEN_CAHN, Presets.Name.QUICK);
        assertEquals(1_000, h.schedule().iterations());
        assertEquals(10_000, h.optimizer().lbfgsIterations());
        assertEquals(2_048, h.sampling().collocation());
        assertEquals(4_000, b.schedule().iterations());
        assertEquals(5_000, b.optimizer().lbfgsIterations());
        assertEquals(8_192, b.sampling().collocation());
        assertEquals(8_000, a.schedule().iterations());
        assertEquals(10_000, a.optimizer().lbfgsIterations());
        assertEquals(2_048, a.sampling().collocation());
        for (TrainConfig c : new TrainConfig[] {h, b}) {
            assertEquals(1e-7, c.optimizer().lbfgs().toleranceGrad());
            assertEquals(1e-9, c.optimizer().lbfgs().toleranceChange());
            assertEquals(0.001, c.weighting().eta());
        }
        // Allen-Cahn: L-BFGS without stopping tolerances, RBA's eta 10x the authors'
        assertEquals(0.0, a.optimizer().lbfgs().toleranceGrad());
        assertEquals(0.0, a.optimizer().lbfgs().toleranceChange());
        assertEquals(0.01, a.weighting().eta());
        assertEquals(0.999, a.weighting().gamma());
        for (TrainConfig.Problem p : TrainConfig.Problem.values()) {
            TrainConfig paper = Presets.of(p, Presets.Name.PAPER);
            assertEquals(0.001, paper.weighting().eta(), p.name());
            assertEquals(1e-9, paper.optimizer().lbfgs().toleranceChange(), p.name());
            assertEquals(0, paper.optimizer().lbfgsIterations(), p.name());
        }
    }

    @Test
    void theBoundaryGridReachesTheProblem() {
        TrainConfig c = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        var problem = Problems.create(c.problem(), c.sampling());
        assertEquals(400, problem.conditions(new org.totaldiff.engine.Rng(1)).get(0).points().numRows);
    }
}
