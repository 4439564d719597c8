package org.totaldiff.pinn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.pinn.io.Checkpoint;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.loss.Rba;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;
import org.totaldiff.pinn.pde.HelmholtzProblem;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.problem.Helmholtz2D;
import org.totaldiff.pinn.sampling.Sampling;

class TrainerTest {

    private static Trainer trainer(ResidualWeighting weighting) {
        return trainer(weighting, 16, 2, 256);
    }

    private static Trainer trainer(ResidualWeighting weighting, int width, int depth, int points) {
        PdeProblem problem = new HelmholtzProblem(new Helmholtz2D(1, 1, 1), 50);
        Rng rng = new Rng(2341);
        Mlp net = Mlp.xavier(Mlp.sizes(2, width, depth, 1), Functions.TANH, 1);
        DMatrixRMaj collocation = Sampling.latinHypercube(problem.domain(), points, rng);
        return new Trainer(problem, net, new Adam(new Constant(1e-3)), weighting, collocation, problem.conditions(rng));
    }

    private static List<Double> losses(Trainer t, int end) {
        List<Double> out = new ArrayList<>();
        t.run(end, List.of(new TrainingListener() {
            @Override
            public void afterBackward(Step step) {
                out.add(step.lossValue());
            }
        }));
        return out;
    }

    @Test
    void adamReducesTheHelmholtzLossAndTheTestError() {
        Trainer t = trainer(ResidualWeighting.none(), 32, 3, 512);
        DMatrixRMaj grid = org.totaldiff.pinn.sampling.TensorGrid.of(t.problem().domain(), 21, 21).points();
        double before = relativeError(t, grid);
        List<Double> loss = losses(t, 700);
        assertEquals(700, t.iteration());
        assertTrue(loss.get(699) < 0.01 * loss.get(0), "loss " + loss.get(0) + " -> " + loss.get(699));
        double after = relativeError(t, grid);
        assertTrue(after < 0.3 * before, "error " + before + " -> " + after);
    }

    @Test
    void rbaWeightsFollowTheResiduals() {
        Trainer t = trainer(new Rba(Rba.Config.paper()));
        losses(t, 5);
        DMatrixRMaj lambda = t.weighting().weights();
        assertEquals(256, lambda.numRows);
        double max = 0;
        for (double v : lambda.data) {
            assertTrue(v >= 0);
            max = Math.max(max, v);
        }
        // five updates of at most eta each, from zero
        assertTrue(max > 0 && max <= 5 * 0.001 + 1e-15, "max lambda " + max);
    }

    @Test
    void trainingIsDeterministic() {
        Trainer a = trainer(new Rba(Rba.Config.paper()));
        Trainer b = trainer(new Rba(Rba.Config.paper()));
        assertEquals(losses(a, 20), losses(b, 20));
        for (int j = 0; j < a.network().parameters().size(); j++) {
            assertArrayEquals(a.network().parameters().get(j).data, b.network().parameters().get(j).data);
        }
    }

    @Test
    void aRunResumedFromACheckpointFileIsBitForBitTheUninterruptedRun(@TempDir Path dir) throws IOException {
        Trainer straight = trainer(new Rba(Rba.Config.paper()));
        List<Double> expected = losses(straight, 12);

        Trainer first = trainer(new Rba(Rba.Config.paper()));
        List<Double> got = new ArrayList<>(losses(first, 5));
        Path file = dir.resolve("checkpoint.npz");
        first.checkpoint(Map.of("problem", "helmholtz")).save(file);

        Trainer resumed = trainer(new Rba(Rba.Config.paper()));
        resumed.restore(Checkpoint.load(file));
        assertEquals(5, resumed.iteration());
        got.addAll(losses(resumed, 12));
        assertEquals(expected, got);
        for (int j = 0; j < straight.network().parameters().size(); j++) {
            assertArrayEquals(straight.network().parameters().get(j).data, resumed.network().parameters().get(j).data);
        }
        assertArrayEquals(straight.weighting().weights().data, resumed.weighting().weights().data);
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefused() {
        Trainer small = trainer(ResidualWeighting.none(), 8, 2, 256);
        Trainer other = trainer(ResidualWeighting.none(), 16, 2, 256);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.restore(small.checkpoint(Map.of())));
        assertEquals("checkpoint: parameter W0 is 2x8, the network needs 2x16; resume with the same network options",
                e.getMessage());
        Trainer morePoints = trainer(ResidualWeighting.none(), 8, 2, 300);
        e = assertThrows(IllegalArgumentException.class, () -> morePoints.restore(small.checkpoint(Map.of())));
        assertTrue(e.getMessage().startsWith("checkpoint: its collocation points differ"), e.getMessage());
    }

    @Test
    void oneThreadAndTwoThreadsGiveTheSameBits() {
        int threads = org.totaldiff.engine.Parallel.threads();
        try {
            org.totaldiff.engine.Parallel.setThreads(1);
            Trainer one = trainer(new Rba(Rba.Config.paper()), 32, 2, 2048);
            List<Double> a = losses(one, 8);
            org.totaldiff.engine.Parallel.setThreads(2);
            Trainer two = trainer(new Rba(Rba.Config.paper()), 32, 2, 2048);
            assertEquals(a, losses(two, 8));
            for (int j = 0; j < one.network().parameters().size(); j++) {
                assertArrayEquals(one.network().parameters().get(j).data, two.network().parameters().get(j).data);
            }
        } finally {
            org.totaldiff.engine.Parallel.setThreads(threads);
        }
    }

    @Test
    void lbfgsAfterAdamLowersTheLossFurther() {
        Trainer t = trainer(ResidualWeighting.none());
        List<Double> adam = losses(t, 50);
        List<Double> lbfgs = new ArrayList<>();
        t.runLbfgs(new org.totaldiff.pinn.optim.Lbfgs(org.totaldiff.pinn.optim.LbfgsConfig.DEFAULTS.withLimits(1, 25)),
                80, List.of(new TrainingListener() {
                    @Override
                    public void afterStep(Step step) {
                        lbfgs.add(step.lossValue());
                    }
                }));
        assertEquals(80, t.iteration());
        assertEquals(30, lbfgs.size());
        assertTrue(lbfgs.get(29) < 0.5 * adam.get(49), "adam " + adam.get(49) + " -> lbfgs " + lbfgs.get(29));
    }

    @Test
    void lbfgsKeepsTheWeightsOfAdamsLastLossAndCheckpointsThem() {
        org.totaldiff.pinn.loss.SelfAdaptive sa = new org.totaldiff.pinn.loss.SelfAdaptive(
                new org.totaldiff.pinn.loss.SelfAdaptive.Config(0.05, 1.0));
        Trainer t = trainer(sa);
        losses(t, 5);
        // the loss of iteration 4 used λ_4; SA's tracked λ is one ascent step further
        DMatrixRMaj used = t.lossWeights().copy();
        assertTrue(!java.util.Arrays.equals(used.data, sa.attention().data), "λ_5 differs from λ_4");
        org.totaldiff.pinn.optim.Lbfgs lbfgs = new org.totaldiff.pinn.optim.Lbfgs(
                org.totaldiff.pinn.optim.LbfgsConfig.DEFAULTS.withLimits(1, 25));
        t.runLbfgs(lbfgs, 7, List.of());
        assertArrayEquals(used.data, t.lossWeights().data);
        Checkpoint c = t.checkpoint(Map.of());
        assertArrayEquals(used.data, c.extra("loss_weights").toMatrix().data);

        // a checkpoint taken during L-BFGS without them (as before 2026-12-07) cannot resume SA exactly
        Map<String, org.totaldiff.pinn.io.NdArray> extras = new java.util.LinkedHashMap<>(c.extras());
        extras.remove("loss_weights");
        Checkpoint old = new Checkpoint(c.iteration(), c.parameters(), c.optimizer().orElseThrow(), extras, Map.of());
        Trainer resumed = trainer(new org.totaldiff.pinn.loss.SelfAdaptive(
                new org.totaldiff.pinn.loss.SelfAdaptive.Config(0.05, 1.0)));
        resumed.attachLbfgs(new org.totaldiff.pinn.optim.Lbfgs(
                org.totaldiff.pinn.optim.LbfgsConfig.DEFAULTS.withLimits(1, 25)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resumed.restore(old));
        assertTrue(e.getMessage().contains("cannot continue exactly"), e.getMessage());
    }

    @Test
    void listenersRunAtTheirCadence() {
        Trainer t = trainer(ResidualWeighting.none());
        List<Integer> seen = new ArrayList<>();
        t.run(12, List.of(TrainingListener.at(new TrainingListener.Cadence(2, 6, 5), new TrainingListener() {
            @Override
            public void afterBackward(Step step) {
                seen.add(step.iteration());
            }
        })));
        assertEquals(List.of(0, 2, 4, 10), seen);
        assertTrue(TrainingListener.Cadence.every(3).includes(9));
        assertThrows(IllegalArgumentException.class, () -> new TrainingListener.Cadence(0, 1, 1));
    }

    @Test
    void aListenerCanStopTheRun() {
        Trainer t = trainer(ResidualWeighting.none());
        t.run(100, List.of(new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return t.iteration() >= 7;
            }
        }));
        assertEquals(7, t.iteration());
    }

    private static double relativeError(Trainer t, DMatrixRMaj grid) {
        DMatrixRMaj u = t.network().predict(grid);
        DMatrixRMaj exact = t.problem().reference().evaluate(grid);
        double num = 0;
        double den = 0;
        for (int i = 0; i < u.numRows; i++) {
            num += (u.data[i] - exact.data[i]) * (u.data[i] - exact.data[i]);
            den += exact.data[i] * exact.data[i];
        }
        return Math.sqrt(num / den);
    }
}
