package org.totaldiff.autodiff;

import static org.quicktheories.QuickTheory.qt;
import static org.totaldiff.autodiff.Cases.assertAdjoint;
import static org.totaldiff.autodiff.Cases.gaussian;
import static org.totaldiff.autodiff.Cases.project;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.totaldiff.engine.Rng;

/**
 * The adjoint test (GradCheck) over random shapes and compositions for every operation family:
 * at least 1,000 generated cases per family.
 */
class OpProperties {

    private static final int CASES = 250;

    private static QuickTheory theory(long seed) {
        return qt().withFixedSeed(seed).withExamples(CASES);
    }

    @Test
    void products() {
        theory(1).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.matmul(in.get(0), in.get(1)), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.b(), c.c())), c.seed());
        });
        theory(2).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.linear(in.get(0), in.get(1), in.get(2)), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.b(), c.c()), gaussian(rng, 1, c.c())), c.seed());
        });
        theory(3).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int biasRows = (int) Math.floorMod(c.seed(), c.a() + 1);
            assertAdjoint((t, in) -> project(t, t.linear(in.get(0), in.get(1), in.get(2), biasRows), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.b(), c.c()), gaussian(rng, 1, c.c())), c.seed());
        });
        theory(4).forAll(Cases.dims(7)).checkAssert(c -> {
            // fan-out: the same square matrix on both sides, and through a nonlinearity
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.map(Functions.TANH, t.matmul(in.get(0), in.get(0))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.a())), c.seed());
        });
    }

    @Test
    void elementWise() {
        theory(11).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            double alpha = rng.gaussian();
            double beta = rng.gaussian();
            assertAdjoint((t, in) -> project(t, t.combine(alpha, in.get(0), beta, t.sub(in.get(1), in.get(0))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(12).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.mul(in.get(0), t.add(in.get(0), in.get(1))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(13).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            double alpha = rng.gaussian();
            assertAdjoint((t, in) -> project(t, t.scale(alpha, t.addRow(in.get(0), in.get(1))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, 1, c.b())), c.seed());
        });
        theory(14).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.mul(in.get(0), in.get(0)), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
    }

    @Test
    void functions() {
        ScalarFunction[] all = {Functions.TANH, Functions.SIN, Functions.COS, Functions.EXP, Functions.SQUARE,
            Functions.CUBE, Functions.IDENTITY};
        theory(21).withExamples(1050).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            ScalarFunction f = all[Math.floorMod(c.seed(), all.length)];
            ScalarFunction g = all[Math.floorMod(c.seed() >> 8, all.length)];
            assertAdjoint((t, in) -> project(t, t.map(f, t.map(g, in.get(0))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
    }

    @Test
    void reductions() {
        theory(31).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> t.sum(t.map(Functions.SIN, in.get(0))), List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(32).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> t.mean(t.map(Functions.TANH, in.get(0))), List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(33).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> t.sumSquares(t.matmul(in.get(0), in.get(1))),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.b(), c.c())), c.seed());
        });
        theory(34).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> t.mul(t.meanSquares(in.get(0)), t.sum(in.get(1))),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.c(), c.a())), c.seed());
        });
    }

    @Test
    void slicingAndConcatenation() {
        theory(41).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int from = rng.nextInt(c.a() + 1);
            int to = from + rng.nextInt(c.a() - from + 1);
            assertAdjoint((t, in) -> project(t, t.sliceRows(t.map(Functions.TANH, in.get(0)), from, to), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(42).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int from = rng.nextInt(c.b() + 1);
            int to = from + rng.nextInt(c.b() - from + 1);
            assertAdjoint((t, in) -> project(t, t.sliceCols(t.map(Functions.SIN, in.get(0)), from, to), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b())), c.seed());
        });
        theory(43).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.concatRows(in.get(0), t.map(Functions.CUBE, in.get(1)), in.get(0)),
                    c.seed()), List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.c(), c.b())), c.seed());
        });
        theory(44).forAll(Cases.dims(7)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            assertAdjoint((t, in) -> project(t, t.concatCols(in.get(1), t.map(Functions.EXP, in.get(0))), c.seed()),
                    List.of(gaussian(rng, c.a(), c.b()), gaussian(rng, c.a(), c.c())), c.seed());
        });
    }

    @Test
    void everyPartialDerivativeMatchesAndAWrongRuleIsCaught() {
        Rng rng = new Rng(71);
        List<DMatrixRMaj> inputs = List.of(gaussian(rng, 3, 4), gaussian(rng, 4, 2));
        GradCheck.Result good = GradCheck.elementwise((t, in) -> t.sumSquares(t.map(Functions.TANH,
                t.matmul(in.get(0), in.get(1)))), inputs, 1e-6, 1e-3);
        org.junit.jupiter.api.Assertions.assertTrue(good.passed(1e-7), good.toString());
        org.junit.jupiter.api.Assertions.assertEquals(20, good.checks());
        // sin with the derivative of cos: the check must see it
        ScalarFunction wrong = ScalarFunction.of("badSin", Math::sin, z -> -Math.sin(z), z -> 0, z -> 0);
        GradCheck.Result bad = GradCheck.elementwise((t, in) -> t.sum(t.map(wrong, in.get(0))), inputs, 1e-6, 1e-3);
        org.junit.jupiter.api.Assertions.assertFalse(bad.passed(1e-3), bad.toString());
    }

    @Test
    void zeroSizedOperandsAreLegalWhereTheMathIs() {
        Tape tape = new Tape();
        Node a = tape.parameter("A", new DMatrixRMaj(3, 0));
        Node b = tape.parameter("B", new DMatrixRMaj(0, 4));
        Node loss = tape.sum(tape.matmul(a, b));
        tape.backward(loss);
        org.junit.jupiter.api.Assertions.assertEquals(0.0, loss.scalar());
        org.junit.jupiter.api.Assertions.assertEquals(0, a.grad().getNumElements());
    }
}
