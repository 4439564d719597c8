package org.totaldiff.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TapeTest {

    private static DMatrixRMaj m(int rows, int cols, double... values) {
        return new DMatrixRMaj(rows, cols, true, values);
    }

    @Test
    void gradientOfASmallExpressionMatchesTheHandDerivation() {
        // L = sum((x W)^2), x = [1 2], W = [[3],[4]]: xW = 11, L = 121, dL/dW = 2 * 11 * x^T
        Tape tape = new Tape();
        Node w = tape.parameter("W", m(2, 1, 3, 4));
        Node x = tape.constant("x", m(1, 2, 1, 2));
        Node loss = tape.sumSquares(tape.matmul(x, w));
        tape.backward(loss);
        assertEquals(121.0, loss.scalar());
        assertEquals(22.0, w.grad().get(0, 0));
        assertEquals(44.0, w.grad().get(1, 0));
        assertNull(x.grad(), "a constant gets no adjoint");
    }

    @Test
    void gradientsAccumulateUntilZeroGradAndBuffersAreReused() {
        Tape tape = new Tape();
        Node w = tape.parameter("W", m(2, 1, 3, 4));
        DMatrixRMaj x = m(1, 2, 1, 2);
        DMatrixRMaj firstValue = null;
        for (int it = 0; it < 3; it++) {
            tape.rewind();
            Node y = tape.matmul(tape.constant("x", x), w);
            if (firstValue == null) {
                firstValue = y.value();
            }
            assertSame(firstValue, y.value(), "the same position reuses its buffer");
            tape.backward(tape.sum(y));
        }
        assertEquals(3.0, w.grad().get(0, 0));
        assertEquals(3, tape.backwardsSinceZeroGrad());
        tape.zeroGrad();
        assertEquals(0.0, w.grad().get(1, 0));
    }

    @Test
    void workingAdjointsAreHandedBackAndReusedUnlessRetained() {
        // L = sum(tanh(tanh(x W1) W2)^2): the products' adjoints stay, the activations' are working buffers
        Tape tape = new Tape();
        Node w1 = tape.parameter("W1", m(2, 2, 0.3, -0.2, 0.5, 0.1));
        Node w2 = tape.parameter("W2", m(2, 2, 0.4, 0.2, -0.3, 0.6));
        DMatrixRMaj x = m(3, 2, 1, 2, -1, 0.5, 0.25, -2);
        DMatrixRMaj[] kept = new DMatrixRMaj[2];
        double[] gradW1 = null;
        for (int it = 0; it < 3; it++) {
            tape.rewind();
            tape.zeroGrad();
            Node z1 = tape.matmul(tape.constant("x", x), w1);
            Node h1 = tape.map(Functions.TANH, z1);
            Node z2 = tape.matmul(h1, w2);
            Node h2 = tape.map(Functions.TANH, z2);
            if (it == 2) {
                h2.retainGrad();
            }
            tape.backward(tape.sumSquares(h2));
            IllegalStateException e = assertThrows(IllegalStateException.class, h1::grad);
            assertTrue(e.getMessage().contains("retainGrad()"), e.getMessage());
            if (it == 2) {
                assertEquals(2 * h2.value().get(0, 0), h2.grad().get(0, 0), 1e-15, "a retained adjoint is readable");
            } else {
                assertThrows(IllegalStateException.class, h2::grad);
            }
            if (it == 0) {
                kept[0] = z1.grad();
                kept[1] = z2.grad();
                gradW1 = w1.grad().data.clone();
            } else {
                assertSame(kept[0], z1.grad(), "a product's adjoint stays in its slot");
                assertSame(kept[1], z2.grad());
                org.junit.jupiter.api.Assertions.assertArrayEquals(gradW1, w1.grad().data, "same gradient every pass");
            }
        }
    }

    @Test
    void shapeMismatchNamesTheOperationAndBothShapes() {
        Tape tape = new Tape();
        Node a = tape.constant("A", new DMatrixRMaj(32, 16));
        Node b = tape.constant("B", new DMatrixRMaj(8, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tape.matmul(a, b));
        assertEquals("matmul: inner dimensions differ: A is 32x16, B is 8x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tape.add(a, b));
        assertEquals("add: shapes differ: A is 32x16, B is 8x1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tape.sliceRows(a, 30, 40));
        assertTrue(e.getMessage().startsWith("sliceRows: rows [30, 40)"), e.getMessage());
    }

    @Test
    void backwardFromANonScalarOrTwiceIsATapeMisuse() {
        Tape tape = new Tape();
        Node w = tape.parameter("W", m(2, 2, 1, 2, 3, 4));
        Node y = tape.map(Functions.TANH, w);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.backward(y));
        assertEquals("backward: the loss must be 1x1, but %0 = tanh(W) is 2x2", e.getMessage());
        Node loss = tape.sum(y);
        tape.backward(loss);
        e = assertThrows(IllegalStateException.class, () -> tape.backward(loss));
        assertTrue(e.getMessage().startsWith("backward: already ran on this recording"), e.getMessage());
    }

    @Test
    void aNodeFromBeforeRewindCannotBeUsed() {
        Tape tape = new Tape();
        Node w = tape.parameter("W", m(1, 1, 2));
        Node y = tape.scale(2, w);
        tape.rewind();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.sum(y));
        assertTrue(e.getMessage().contains("recorded before the tape was rewound"), e.getMessage());
        assertEquals(2.0, tape.sum(w).scalar(), "parameters survive a rewind");
    }

    @Test
    void nodesFromAnotherTapeAreRejected() {
        Tape one = new Tape();
        Tape two = new Tape();
        Node a = one.parameter("a", m(1, 1, 1));
        Node b = two.parameter("b", m(1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.add(a, b));
        assertEquals("add: b belongs to another tape", e.getMessage());
    }

    @Test
    void toStringPrintsOneEquationPerLine() {
        Tape tape = new Tape();
        Node w = tape.parameter("W", new DMatrixRMaj(2, 3));
        Node b = tape.parameter("b", new DMatrixRMaj(1, 3));
        Node x = tape.samples("x", new DMatrixRMaj(4, 2), new SampleSet("collocation", 4));
        tape.meanSquares(tape.map(Functions.TANH, tape.linear(x, w, b)));
        String expected = String.join("\n",
                "W : parameter 2x3",
                "b : parameter 1x3",
                "x : constant  4x2  [collocation]",
                "%1 = linear(x, W, b)  4x3  [collocation]",
                "%2 = tanh(%1)  4x3  [collocation]",
                "%3 = sumSquares(%2)  1x1",
                "%4 = " + (1.0 / 12) + " * %3  1x1",
                "");
        assertEquals(expected, tape.toString());
    }

    @Test
    void aLossThatDoesNotDependOnParametersLeavesThemZero() {
        Tape tape = new Tape();
        Node w = tape.parameter("W", m(1, 1, 5));
        tape.backward(tape.sum(tape.constant("c", m(1, 1, 3))));
        assertEquals(0.0, w.grad().get(0, 0));
    }
}
