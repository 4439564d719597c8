package org.totaldiff.pinn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;

class MlpTest {

    @Test
    void xavierNormalWeightsAndPyTorchLinearBiases() {
        Mlp net = Mlp.xavier(Mlp.sizes(64, 128, 2, 1), Functions.TANH, 2341);
        DMatrixRMaj w = net.weight(1);
        double sum = 0;
        double sumSq = 0;
        for (double v : w.data) {
            sum += v;
            sumSq += v * v;
        }
        int n = w.getNumElements();
        double variance = sumSq / n - (sum / n) * (sum / n);
        assertEquals(2.0 / (128 + 128), variance, 0.05 * 2.0 / 256);
        double bound = 1 / Math.sqrt(128);
        double biasSumSq = 0;
        for (double v : net.bias(1).data) {
            org.junit.jupiter.api.Assertions.assertTrue(Math.abs(v) <= bound);
            biasSumSq += v * v;
        }
        // U(-c, c) has variance c^2 / 3
        assertEquals(bound * bound / 3, biasSumSq / 128, 0.3 * bound * bound / 3);
        assertEquals(64 * 128 + 128 + 128 * 128 + 128 + 128 + 1, net.parameterCount());
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        Mlp a = Mlp.xavier(Mlp.sizes(2, 16, 3, 1), Functions.TANH, 7);
        Mlp b = Mlp.xavier(Mlp.sizes(2, 16, 3, 1), Functions.TANH, 7);
        for (int j = 0; j < a.parameters().size(); j++) {
            assertArrayEquals(a.parameters().get(j).data, b.parameters().get(j).data);
        }
    }

    @Test
    void predictionTapeForwardAndJetValueAgree() {
        Mlp net = Mlp.xavier(Mlp.sizes(2, 12, 3, 1), Functions.TANH, 3);
        DMatrixRMaj x = new Rng(4).fillUniform(new DMatrixRMaj(20000, 2), -1, 1);
        DMatrixRMaj predicted = net.predict(x);
        Tape tape = new Tape();
        Mlp.Bound bound = net.bind(tape);
        Node plain = bound.forward(tape.constant("x", x));
        Jet jet = bound.forward(Jet.input(tape, "xj", x, null, JetLayout.of(2)));
        for (int i = 0; i < x.numRows; i++) {
            assertEquals(plain.value().get(i, 0), predicted.get(i, 0), 1e-13);
            assertEquals(plain.value().get(i, 0), jet.value().value().get(i, 0), 1e-13);
        }
        List<DMatrixRMaj> hidden = net.hiddenActivations(x);
        assertEquals(3, hidden.size());
        assertEquals(12, hidden.get(2).numCols);
        DMatrixRMaj last = hidden.get(2);
        double u0 = net.bias(3).get(0, 0);
        for (int j = 0; j < 12; j++) {
            u0 += last.get(0, j) * net.weight(3).get(j, 0);
        }
        assertEquals(predicted.get(0, 0), u0, 1e-13);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void aPeriodicEmbeddingMakesTheNetworkPeriodicAndItsJetsExact(int harmonics) {
        Mlp net = Mlp.xavier(Mlp.sizes(2 * harmonics + 1, 10, 2, 1), Functions.TANH, 5,
                new PeriodicEmbedding(0, 2.0, harmonics));
        assertEquals(2, net.inputs());
        DMatrixRMaj x = new Rng(6).fillUniform(new DMatrixRMaj(30, 2), -1, 1);
        DMatrixRMaj shifted = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            shifted.data[2 * i] += 2.0;
        }
        DMatrixRMaj u = net.predict(x);
        DMatrixRMaj v = net.predict(shifted);
        for (int i = 0; i < x.numRows; i++) {
            assertEquals(u.data[i], v.data[i], 1e-12);
        }
        JetLayout layout = JetLayout.of(2).withSecond(0, 0).withSecond(0, 1).withSecond(1, 1);
        org.totaldiff.autodiff.GradCheck.Result r = org.totaldiff.autodiff.GradCheck.jet(
                (tape, at) -> net.bind(tape).forward(Jet.input(tape, "x", at, null, layout)), x, 1e-6, 1e-3, 1e-3);
        org.junit.jupiter.api.Assertions.assertTrue(r.passed(1e-6), r.toString());
    }

    @Test
    void theHarmonicsAreCosAndSinOfKOmegaXThenTheOtherCoordinates() {
        PeriodicEmbedding e = new PeriodicEmbedding(1, 2.0, 3);
        assertEquals(2 + 5, e.outputs(2));
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.25, 0.7}, {-0.5, -0.1}});
        DMatrixRMaj out = e.apply(x);
        for (int i = 0; i < 2; i++) {
            double v = x.get(i, 1);
            for (int k = 1; k <= 3; k++) {
                assertEquals(Math.cos(k * Math.PI * v), out.get(i, 2 * k - 2), 1e-15);
                assertEquals(Math.sin(k * Math.PI * v), out.get(i, 2 * k - 1), 1e-15);
            }
            assertEquals(x.get(i, 0), out.get(i, 6));
        }
        DMatrixRMaj one = new PeriodicEmbedding(1, 2.0).apply(x);
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(out.get(i, c), one.get(i, c), "the first harmonic is the (cos, sin) embedding");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(0, 2.0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Mlp.xavier(Mlp.sizes(3, 4, 1, 1), Functions.TANH, 1, new PeriodicEmbedding(0, 2.0, 2)));
    }

    @Test
    void badShapesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mlp.xavier(new int[] {2, 0, 1}, Functions.TANH, 1));
        assertEquals("Mlp: layer sizes must be >= 1, got [2, 0, 1]", e.getMessage());
        Mlp net = Mlp.xavier(Mlp.sizes(2, 4, 1, 1), Functions.TANH, 1);
        e = assertThrows(IllegalArgumentException.class, () -> net.predict(new DMatrixRMaj(3, 3)));
        assertEquals("Mlp.predict: points have 3 columns, the network takes 2 inputs", e.getMessage());
    }
}
