package org.totaldiff.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.totaldiff.autodiff.Cases.assertAdjoint;
import static org.totaldiff.autodiff.Cases.gaussian;
import static org.totaldiff.autodiff.Cases.project;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.engine.Rng;

/**
 * Jets: input derivatives against finite differences and closed forms, the fused activation
 * rule against the same rule composed from primitives, and parameter gradients through the
 * derivative streams (second order) against the adjoint test.
 */
class JetProperties {

    private static final ScalarFunction[] ACTIVATIONS = {Functions.TANH, Functions.SIN, Functions.COS, Functions.EXP,
        Functions.SQUARE, Functions.CUBE};

    /** A random layout over d directions: every first derivative and a random set of second ones. */
    private static JetLayout randomLayout(Rng rng, int d) {
        JetLayout layout = JetLayout.of(d);
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                if (rng.nextInt(2) == 0) {
                    layout = layout.withSecond(k, l);
                }
            }
        }
        return layout;
    }

    /** Layer sizes d -> hidden... -> 1 or 2; one hidden layer for exp and the powers, which grow fast when nested. */
    private static int[] randomSizes(Rng rng, int d, ScalarFunction f) {
        boolean bounded = f == Functions.TANH || f == Functions.SIN || f == Functions.COS;
        int depth = bounded ? 1 + rng.nextInt(3) : 1;
        int[] sizes = new int[depth + 2];
        sizes[0] = d;
        for (int l = 1; l <= depth; l++) {
            sizes[l] = 1 + rng.nextInt(5);
        }
        sizes[depth + 1] = 1 + rng.nextInt(2);
        return sizes;
    }

    @Test
    void derivativeStreamsMatchFiniteDifferences() {
        qt().withFixedSeed(51).withExamples(1000).forAll(Cases.dims(4)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int d = Math.min(c.a(), 3);
            JetLayout layout = randomLayout(rng, d);
            ScalarFunction f = ACTIVATIONS[rng.nextInt(ACTIVATIONS.length)];
            List<DMatrixRMaj> params = Cases.mlp(rng, randomSizes(rng, d, f));
            DMatrixRMaj x = rng.fillUniform(new DMatrixRMaj(c.b(), d), -1, 1);
            GradCheck.Result r = GradCheck.jet((tape, at) -> {
                List<Node> leaves = new ArrayList<>();
                for (int j = 0; j < params.size(); j++) {
                    leaves.add(tape.parameter("p" + j, params.get(j)));
                }
                return Cases.forward(tape, leaves, Jet.input(tape, "x", at, null, layout), f);
            }, x, 1e-6, 1e-3, 1e-3);
            if (!r.passed(1e-5)) {
                throw new AssertionError(f.name() + " " + layout + ": " + r);
            }
        });
    }

    @Test
    void oneTanhLayerMatchesItsClosedForm() {
        // u(x) = sum_j c_j tanh(z_j) + b2, z = x W + b: u_k = sum_j c_j W_kj s'(z_j), u_kl = sum_j c_j W_kj W_lj s''(z_j)
        Rng rng = new Rng(7);
        int d = 2;
        int width = 6;
        int n = 9;
        DMatrixRMaj w = gaussian(rng, d, width);
        DMatrixRMaj b = gaussian(rng, 1, width);
        DMatrixRMaj cOut = gaussian(rng, width, 1);
        DMatrixRMaj b2 = gaussian(rng, 1, 1);
        DMatrixRMaj x = rng.fillUniform(new DMatrixRMaj(n, d), -1, 1);
        JetLayout layout = JetLayout.of(2).withSecond(0, 0).withSecond(0, 1).withSecond(1, 1);
        Tape tape = new Tape();
        Jet u = Jet.input(tape, "x", x, null, layout)
                .linear(tape.parameter("W", w), tape.parameter("b", b))
                .map(Functions.TANH)
                .linear(tape.parameter("c", cOut), tape.parameter("b2", b2));
        for (int i = 0; i < n; i++) {
            double value = b2.get(0, 0);
            double[] first = new double[d];
            double[][] second = new double[d][d];
            for (int j = 0; j < width; j++) {
                double z = b.get(0, j) + x.get(i, 0) * w.get(0, j) + x.get(i, 1) * w.get(1, j);
                double t = Math.tanh(z);
                double s1 = 1 - t * t;
                double s2 = -2 * t * s1;
                value += cOut.get(j, 0) * t;
                for (int k = 0; k < d; k++) {
                    first[k] += cOut.get(j, 0) * w.get(k, j) * s1;
                    for (int l = 0; l < d; l++) {
                        second[k][l] += cOut.get(j, 0) * w.get(k, j) * w.get(l, j) * s2;
                    }
                }
            }
            assertEquals(value, u.value().value().get(i, 0), 1e-13);
            for (int k = 0; k < d; k++) {
                assertEquals(first[k], u.d(k).value().get(i, 0), 1e-13);
                for (int l = k; l < d; l++) {
                    assertEquals(second[k][l], u.d(k, l).value().get(i, 0), 1e-13);
                }
            }
        }
    }

    @Test
    void fusedActivationRuleEqualsTheRuleComposedFromPrimitives() {
        qt().withFixedSeed(52).withExamples(300).forAll(Cases.dims(4)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int d = Math.min(c.a(), 3);
            JetLayout layout = randomLayout(rng, d);
            ScalarFunction f = ACTIVATIONS[rng.nextInt(ACTIVATIONS.length)];
            int n = c.b();
            DMatrixRMaj z = gaussian(rng, layout.streams() * n, c.c());
            for (boolean fused : new boolean[] {true, false}) {
                // compare values and input adjoints of both paths under the same projection
                Tape tape = new Tape();
                Node zn = tape.parameter("Z", z);
                Node y = fused ? tape.jetMap(f, layout, n, zn) : composed(tape, f, layout, n, zn);
                tape.backward(project(tape, y, c.seed()));
                if (fused) {
                    Tape other = new Tape();
                    Node zo = other.parameter("Z", z);
                    Node yo = composed(other, f, layout, n, zo);
                    other.backward(project(other, yo, c.seed()));
                    assertClose(yo.value(), y.value(), 1e-12);
                    assertClose(zo.grad(), zn.grad(), 1e-12);
                }
            }
        });
    }

    /** Functions.TANH's evaluation under another identity, so the tape takes the general JetMap rule. */
    private static final ScalarFunction TANH_GENERAL = new ScalarFunction() {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double z) {
            return Functions.TANH.value(z);
        }

        @Override
        public double d1(double z) {
            return Functions.TANH.d1(z);
        }

        @Override
        public double d2(double z) {
            return Functions.TANH.d2(z);
        }

        @Override
        public double d3(double z) {
            return Functions.TANH.d3(z);
        }

        @Override
        public void evaluate(double[] z, double[] f, double[] f1, double[] f2, double[] f3, int from, int to) {
            Functions.TANH.evaluate(z, f, f1, f2, f3, from, to);
        }
    };

    @Test
    void tanhRuleWithoutSavedDerivativesGivesTheGeneralRulesBits() {
        qt().withFixedSeed(54).withExamples(300).forAll(Cases.dims(5)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int d = Math.min(c.a(), 3);
            JetLayout layout = randomLayout(rng, d);
            int n = c.b() * 37;
            DMatrixRMaj z = gaussian(rng, layout.streams() * n, c.c());
            Node[] y = new Node[2];
            Node[] zn = new Node[2];
            for (int i = 0; i < 2; i++) {
                Tape tape = new Tape();
                zn[i] = tape.parameter("Z", z);
                y[i] = tape.jetMap(i == 0 ? Functions.TANH : TANH_GENERAL, layout, n, zn[i]);
                tape.backward(project(tape, y[i], c.seed()));
            }
            assertEquals("tanhJet", y[0].op.name());
            assertEquals("tanhJet", y[1].op.name());
            assertEquals(TanhJetMap.class, y[0].op.getClass());
            assertEquals(JetMap.class, y[1].op.getClass());
            org.junit.jupiter.api.Assertions.assertArrayEquals(y[1].value().data, y[0].value().data);
            org.junit.jupiter.api.Assertions.assertArrayEquals(zn[1].grad().data, zn[0].grad().data);
        });
    }

    @Test
    void parameterGradientsThroughSecondDerivativesPassTheAdjointTest() {
        qt().withFixedSeed(53).withExamples(1000).forAll(Cases.dims(4)).checkAssert(c -> {
            Rng rng = new Rng(c.seed());
            int d = Math.min(c.a(), 3);
            JetLayout layout = randomLayout(rng, d).withAllPureSeconds();
            ScalarFunction f = ACTIVATIONS[rng.nextInt(ACTIVATIONS.length)];
            List<DMatrixRMaj> params = Cases.mlp(rng, randomSizes(rng, d, f));
            DMatrixRMaj x = rng.fillUniform(new DMatrixRMaj(c.b(), d), -1, 1);
            assertAdjoint((tape, leaves) -> {
                Jet u = Cases.forward(tape, leaves, Jet.input(tape, "x", x, null, layout), f);
                Node laplacian = u.d(0, 0);
                for (int k = 1; k < d; k++) {
                    laplacian = tape.add(laplacian, u.d(k, k));
                }
                Node residual = tape.add(laplacian, tape.mul(u.value(), u.d(0)));
                return tape.add(tape.meanSquares(residual), project(tape, u.stack(), c.seed()));
            }, params, c.seed());
        });
    }

    @Test
    void aSecondDerivativeThatWasNotRequestedIsAClearError() {
        Tape tape = new Tape();
        Jet x = Jet.input(tape, "x", new DMatrixRMaj(3, 2), null, JetLayout.of(2).withSecond(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.d(1, 1));
        assertEquals("JetLayout: the second derivative (1, 1) was not requested; this layout carries value, d0, d1, d00",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Jet.input(tape, "y", new DMatrixRMaj(3, 3), null, JetLayout.of(2)));
        assertEquals("Jet.input: y has 3 columns but the layout has 2 input directions", e.getMessage());
    }

    /** The jet activation rule built from primitives only: slices, maps, products, sums, concatenation. */
    static Node composed(Tape tape, ScalarFunction f, JetLayout layout, int n, Node z) {
        ScalarFunction f1 = ScalarFunction.of(f.name() + "'", f::d1, f::d2, f::d3, v -> Double.NaN);
        ScalarFunction f2 = ScalarFunction.of(f.name() + "''", f::d2, f::d3, v -> Double.NaN, v -> Double.NaN);
        Node z0 = tape.sliceRows(z, 0, n);
        Node d1 = tape.map(f1, z0);
        Node d2 = tape.map(f2, z0);
        List<Node> streams = new ArrayList<>();
        streams.add(tape.map(f, z0));
        for (int k = 0; k < layout.directions(); k++) {
            int s = layout.firstStream(k);
            streams.add(tape.mul(d1, tape.sliceRows(z, s * n, (s + 1) * n)));
        }
        for (int p = 0; p < layout.secondCount(); p++) {
            int[] kl = layout.pair(p);
            int sk = layout.firstStream(kl[0]);
            int sl = layout.firstStream(kl[1]);
            int s = layout.secondStream(kl[0], kl[1]);
            Node zk = tape.sliceRows(z, sk * n, (sk + 1) * n);
            Node zl = tape.sliceRows(z, sl * n, (sl + 1) * n);
            Node zkl = tape.sliceRows(z, s * n, (s + 1) * n);
            streams.add(tape.add(tape.mul(d2, tape.mul(zk, zl)), tape.mul(d1, zkl)));
        }
        return tape.concatRows(streams.toArray(new Node[0]));
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int e = 0; e < expected.getNumElements(); e++) {
            double scale = Math.max(1, Math.abs(expected.data[e]));
            if (Math.abs(expected.data[e] - actual.data[e]) > tol * scale) {
                throw new AssertionError("element " + e + ": expected " + expected.data[e] + ", got " + actual.data[e]);
            }
        }
    }
}
