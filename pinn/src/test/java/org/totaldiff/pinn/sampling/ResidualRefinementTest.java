package org.totaldiff.pinn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.pde.BurgersProblem;
import org.totaldiff.pinn.pde.PdeProblem;

class ResidualRefinementTest {

    private static final PdeProblem BURGERS = new BurgersProblem(0.01 / Math.PI, 8, 8, () -> {
        throw new AssertionError("no reference needed");
    });

    private static Mlp net() {
        return Mlp.xavier(Mlp.sizes(2, 10, 2, 1), Functions.TANH, 5, null);
    }

    @Test
    void theSelectedPointsAreTheCandidatesWithTheLargestResidual() {
        ResidualRefinement rar = new ResidualRefinement(new ResidualRefinement.Config(10, 7, 200, 11));
        Mlp net = net();
        DMatrixRMaj candidates = rar.candidates(BURGERS.domain(), 30);
        double[] r = rar.residual(net, BURGERS, candidates);
        DMatrixRMaj chosen = rar.select(net, BURGERS, 30);
        assertEquals(7, chosen.numRows);
        double smallestChosen = Double.POSITIVE_INFINITY;
        java.util.Set<Integer> picked = new java.util.HashSet<>();
        for (int k = 0; k < chosen.numRows; k++) {
            int found = -1;
            for (int i = 0; i < candidates.numRows; i++) {
                if (candidates.get(i, 0) == chosen.get(k, 0) && candidates.get(i, 1) == chosen.get(k, 1)) {
                    found = i;
                }
            }
            assertTrue(found >= 0, "chosen point " + k + " is a candidate");
            picked.add(found);
            if (k > 0) {
                assertTrue(Math.abs(r[found]) <= smallestChosen, "largest first");
            }
            smallestChosen = Math.min(smallestChosen, Math.abs(r[found]));
        }
        for (int i = 0; i < r.length; i++) {
            if (!picked.contains(i)) {
                assertTrue(Math.abs(r[i]) <= smallestChosen, "candidate " + i + " has a larger residual");
            }
        }
        // the residual at the candidates is, bit for bit, the one the training loss records there
        org.totaldiff.autodiff.Tape tape = new org.totaldiff.autodiff.Tape();
        org.totaldiff.pinn.loss.PinnLoss loss = org.totaldiff.pinn.loss.PinnLoss.record(net.bind(tape), BURGERS,
                candidates, new org.totaldiff.autodiff.SampleSet("collocation", candidates.numRows), java.util.List.of(),
                org.totaldiff.pinn.loss.ResidualWeighting.none(), 0);
        assertArrayEquals(loss.residual().value().data, r);
    }

    @Test
    void candidatesDependOnlyOnTheSeedAndTheIteration() {
        ResidualRefinement a = new ResidualRefinement(new ResidualRefinement.Config(10, 3, 50, 11));
        ResidualRefinement b = new ResidualRefinement(new ResidualRefinement.Config(10, 3, 50, 11));
        assertArrayEquals(a.candidates(BURGERS.domain(), 20).data, b.candidates(BURGERS.domain(), 20).data);
        assertFalse(java.util.Arrays.equals(a.candidates(BURGERS.domain(), 20).data,
                a.candidates(BURGERS.domain(), 30).data));
        Box box = BURGERS.domain();
        DMatrixRMaj c = a.candidates(box, 20);
        for (int i = 0; i < c.numRows; i++) {
            for (int k = 0; k < c.numCols; k++) {
                assertTrue(c.get(i, k) >= box.lower(k) && c.get(i, k) <= box.upper(k));
            }
        }
        assertArrayEquals(a.select(net(), BURGERS, 20).data, b.select(net(), BURGERS, 20).data);
    }

    @Test
    void dueAtPositiveMultiplesAndSettingsChecked() {
        ResidualRefinement rar = new ResidualRefinement(new ResidualRefinement.Config(4, 1, 1, 0));
        assertFalse(rar.due(0));
        assertFalse(rar.due(3));
        assertTrue(rar.due(4));
        assertTrue(rar.due(8));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement.Config(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ResidualRefinement.Config(5, 0, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResidualRefinement.Config(5, 10, 9, 0));
        assertEquals("--rar-candidates must be at least --rar-points (10), got 9", e.getMessage());
    }
}
