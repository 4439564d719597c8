package org.totaldiff.pinn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

class AdamProperties {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(20240326L).withExamples(100);
    }

    private static List<DMatrixRMaj> run(Adam adam, ParameterGen.Problem problem, List<DMatrixRMaj> params, int from,
            int to) {
        for (int t = from; t < to; t++) {
            adam.step(params, problem.grads(params, t));
        }
        return params;
    }

    @Test
    void resumingFromAnyIterationIsBitForBitTheUninterruptedRun() {
        qt().forAll(ParameterGen.problems(), integers().between(0, 12)).checkAssert((problem, stop) -> {
            List<DMatrixRMaj> straight = run(new Adam(new StepDecay(0.01, 0.5, 3)), problem, problem.params(), 0, 12);
            Adam first = new Adam(new StepDecay(0.01, 0.5, 3));
            List<DMatrixRMaj> params = run(first, problem, problem.params(), 0, stop);
            OptimizerState saved = first.state();
            List<DMatrixRMaj> copy = new ArrayList<>();
            params.forEach(p -> copy.add(p.copy()));
            Adam second = new Adam(new StepDecay(0.01, 0.5, 3));
            second.restore(saved);
            run(second, problem, copy, stop, 12);
            for (int k = 0; k < copy.size(); k++) {
                assertArrayEquals(straight.get(k).data, copy.get(k).data, 0.0, problem + " stopped at " + stop);
            }
        });
    }

    @Test
    void theFirstStepMovesEachParameterByAtMostTheRateAgainstItsGradient() {
        qt().forAll(ParameterGen.problems()).checkAssert(problem -> {
            List<DMatrixRMaj> before = problem.params();
            List<DMatrixRMaj> params = problem.params();
            List<DMatrixRMaj> grads = problem.grads(params, 0);
            new Adam(new Constant(0.25)).step(params, grads);
            for (int k = 0; k < params.size(); k++) {
                for (int i = 0; i < params.get(k).data.length; i++) {
                    double delta = params.get(k).data[i] - before.get(k).data[i];
                    double g = grads.get(k).data[i];
                    assertTrue(Math.abs(delta) <= 0.25 * (1 + 1e-15), problem + ": |delta| = " + Math.abs(delta));
                    assertTrue(g == 0 || Math.signum(delta) == -Math.signum(g), problem + ": moved with the gradient");
                }
            }
        });
    }

    /** With eps = 0, scaling every gradient by a power of two changes no bit: Adam is scale-free. */
    @Test
    void withoutEpsilonAdamIgnoresAPowerOfTwoScaleOfTheGradient() {
        qt().forAll(ParameterGen.problems(), integers().between(-20, 20)).checkAssert((problem, e) -> {
            double scale = Math.scalb(1.0, e);
            AdamConfig noEps = AdamConfig.DEFAULTS.withEpsilon(0);
            Adam plain = new Adam(noEps, new Constant(0.01));
            Adam scaled = new Adam(noEps, new Constant(0.01));
            List<DMatrixRMaj> p = problem.params();
            List<DMatrixRMaj> q = problem.params();
            for (int t = 0; t < 5; t++) {
                plain.step(p, problem.grads(p, t));
                List<DMatrixRMaj> g = problem.grads(q, t);
                g.forEach(m -> {
                    for (int i = 0; i < m.data.length; i++) {
                        m.data[i] *= scale;
                    }
                });
                scaled.step(q, g);
            }
            for (int k = 0; k < p.size(); k++) {
                assertArrayEquals(p.get(k).data, q.get(k).data, 0.0, problem + " scale 2^" + e);
            }
        });
    }
}
