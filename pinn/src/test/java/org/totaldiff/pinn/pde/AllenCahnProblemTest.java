package org.totaldiff.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;
import org.totaldiff.pinn.pde.AllenCahnProblem.Boundary;
import org.totaldiff.pinn.problem.ReferenceSolution;
import org.totaldiff.pinn.sampling.Sampling;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.Trainer;
import org.totaldiff.pinn.train.TrainingListener;

/** The two Allen-Cahn setups: periodic, and the paper code's initial condition only. */
class AllenCahnProblemTest {

    /** The tests never ask for the (slow, spectral) reference. */
    private static final Supplier<ReferenceSolution> NOT_NEEDED = () -> {
        throw new AssertionError("the reference solution is not needed here");
    };

    private static List<String> names(List<Condition> conditions) {
        List<String> out = new ArrayList<>();
        for (Condition c : conditions) {
            out.add(c.name());
        }
        return out;
    }

    @Test
    void theOriginalConstructorIsThePeriodicSetup() {
        AllenCahnProblem p = new AllenCahnProblem(1e-4, 5, 20, 10, NOT_NEEDED);
        assertEquals(Boundary.PERIODIC, p.boundary());
        List<Condition> conditions = p.conditions(new Rng(1));
        assertEquals(List.of("initial", "periodic"), names(conditions));
        assertEquals(20, conditions.get(0).points().numRows);
        assertEquals(2 * 10, conditions.get(1).points().numRows);
        assertTrue(p.description().contains("periodic in x"), p.description());
    }

    @Test
    void theNoneSetupHasTheInitialConditionOnly() {
        AllenCahnProblem p = new AllenCahnProblem(1e-4, 5, 20, 10, Boundary.NONE, NOT_NEEDED);
        assertEquals(Boundary.NONE, p.boundary());
        List<Condition> conditions = p.conditions(new Rng(1));
        assertEquals(List.of("initial"), names(conditions));
        DMatrixRMaj initial = conditions.get(0).points();
        assertEquals(20, initial.numRows);
        for (int i = 0; i < initial.numRows; i++) {
            assertEquals(0.0, initial.get(i, 1), "t of initial point " + i);
        }
        assertTrue(p.description().contains("initial condition only"), p.description());
        // the periodic point count is not used, so not checked
        assertEquals(List.of("initial"), names(new AllenCahnProblem(1e-4, 5, 20, 0, Boundary.NONE, NOT_NEEDED)
                .conditions(new Rng(1))));
    }

    @Test
    void badArgumentsAreRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AllenCahnProblem(1e-4, 5, 20, 1, Boundary.PERIODIC, NOT_NEEDED));
        assertEquals("allen-cahn: initial and periodic point counts must be >= 2, got 20 and 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new AllenCahnProblem(1e-4, 5, 20, 10, null, NOT_NEEDED));
        assertTrue(e.getMessage().contains("Boundary.PERIODIC or Boundary.NONE"), e.getMessage());
    }

    @Test
    void bothSetupsTrainAndTheirLossHasOneTermPerCondition() {
        for (Boundary boundary : Boundary.values()) {
            AllenCahnProblem problem = new AllenCahnProblem(1e-4, 5, 16, 8, boundary, NOT_NEEDED);
            Rng rng = new Rng(2341);
            Mlp net = Mlp.xavier(Mlp.sizes(2, 8, 2, 1), Functions.TANH, 1);
            DMatrixRMaj collocation = Sampling.latinHypercube(problem.domain(), 64, rng);
            Trainer trainer = new Trainer(problem, net, new Adam(new Constant(1e-3)), ResidualWeighting.none(),
                    collocation, problem.conditions(rng));
            List<Double> losses = new ArrayList<>();
            List<Integer> terms = new ArrayList<>();
            trainer.run(20, List.of(new TrainingListener() {
                @Override
                public void afterBackward(Step step) {
                    losses.add(step.lossValue());
                    terms.add(step.loss().conditionLosses().size());
                }
            }));
            assertEquals(20, trainer.iteration(), boundary.name());
            int expectedTerms = boundary == Boundary.PERIODIC ? 2 : 1;
            for (int i = 0; i < losses.size(); i++) {
                assertTrue(Double.isFinite(losses.get(i)), boundary + " loss " + i);
                assertEquals(expectedTerms, terms.get(i), boundary.name());
            }
            assertTrue(losses.get(19) < losses.get(0), boundary + ": loss " + losses.get(0) + " -> " + losses.get(19));
        }
    }
}
