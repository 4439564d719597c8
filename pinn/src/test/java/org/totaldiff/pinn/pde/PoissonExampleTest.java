package org.totaldiff.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;
import org.totaldiff.pinn.sampling.Sampling;
import org.totaldiff.pinn.train.Trainer;

/** The worked example of docs/new-problem.md runs: a 1-D problem trains to a small error. */
class PoissonExampleTest {

    @Test
    void aSmallNetworkLearnsSinPiX() {
        // --- docs/new-problem.md, "Training it" (keep the two identical) ---
        PoissonExample problem = new PoissonExample();
        Rng rng = new Rng(2341);
        Mlp net = Mlp.xavier(Mlp.sizes(1, 16, 2, 1), Functions.TANH, 1);
        DMatrixRMaj collocation = Sampling.latinHypercube(problem.domain(), 64, rng);
        Trainer trainer = new Trainer(problem, net, new Adam(new Constant(5e-3)), ResidualWeighting.none(),
                collocation, problem.conditions(rng));
        trainer.run(600, List.of());

        DMatrixRMaj grid = problem.referenceGrid().points();
        DMatrixRMaj u = net.predict(grid);
        DMatrixRMaj exact = problem.evaluate(grid);
        double num = 0;
        double den = 0;
        for (int i = 0; i < grid.numRows; i++) {
            num += (u.data[i] - exact.data[i]) * (u.data[i] - exact.data[i]);
            den += exact.data[i] * exact.data[i];
        }
        double relativeL2 = Math.sqrt(num / den);
        // --- end of the doc's code ---
        assertEquals(600, trainer.iteration());
        assertTrue(relativeL2 < 1e-2, "relative L2 error " + relativeL2);
    }

    @Test
    void theBoundaryOfAOneDimensionalBoxIsItsTwoEnds() {
        List<Condition> conditions = new PoissonExample().conditions(new Rng(1));
        assertEquals(1, conditions.size());
        assertEquals("boundary", conditions.get(0).name());
        DMatrixRMaj ends = conditions.get(0).points();
        assertEquals(1, ends.numCols);
        assertArrayEquals(new double[] {-1, 1}, java.util.Arrays.copyOf(ends.data, ends.getNumElements()));
    }

    @Test
    void theReferenceGridIsOneAxisOf201Points() {
        PoissonExample problem = new PoissonExample();
        DMatrixRMaj grid = problem.referenceGrid().points();
        assertEquals(201, grid.numRows);
        assertEquals(1, grid.numCols);
        assertEquals(-1.0, grid.get(0, 0));
        assertEquals(1.0, grid.get(200, 0));
        assertEquals(1.0, problem.evaluate(grid).get(150, 0), 1e-15); // x = 0.5
    }
}
