package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Every kernel gives bit-for-bit the same result on 1, 2 and 3 threads (the thread count is
 * restored afterwards). Each kernel is run a few times first so that the comparison is between
 * runs of the same compiled code.
 */
class DeterminismProperties {

    private static final int[] THREADS = {1, 2, 3};

    private static void assertSameForAnyThreadCount(String what, Supplier<double[]> kernel) {
        for (int i = 0; i < 3; i++) {
            kernel.get();
        }
        double[] reference = MatrixAssert.withThreads(THREADS[0], kernel);
        for (int t : THREADS) {
            double[] result = MatrixAssert.withThreads(t, kernel);
            assertEquals(reference.length, result.length, what);
            for (int i = 0; i < reference.length; i++) {
                if (Double.doubleToRawLongBits(reference[i]) != Double.doubleToRawLongBits(result[i])) {
                    throw new AssertionError(what + ": " + t + " threads differ from 1 thread at " + i + ": "
                            + result[i] + " vs " + reference[i]);
                }
            }
        }
    }

    @Test
    void productsAreDeterministic() {
        List<MatrixGen.ProductShape> shapes = new ArrayList<>(ProductProperties.PATH_SHAPES);
        shapes.add(new MatrixGen.ProductShape(700, 128, 128, 41));
        shapes.add(new MatrixGen.ProductShape(128, 9000, 128, 42));
        for (MatrixGen.ProductShape s : shapes) {
            for (Products op : Products.values()) {
                Products.Operands o = op.operands(s);
                assertSameForAnyThreadCount(op + " " + s, () -> op.run(o).data.clone());
            }
        }
    }

    @Test
    void elementwiseAndReductionsAreDeterministic() {
        DMatrixRMaj a = MatrixGen.matrix(613, 129, 51, -4, 4);
        DMatrixRMaj b = MatrixGen.matrix(613, 129, 52);
        assertSameForAnyThreadCount("tanh", () -> Dense.tanh(a, null).data.clone());
        assertSameForAnyThreadCount("tanhJet", () -> {
            DMatrixRMaj t = a.createLike();
            DMatrixRMaj d1 = a.createLike();
            DMatrixRMaj d2 = a.createLike();
            Dense.tanhJet(a, t, d1, d2);
            double[] all = new double[3 * t.data.length];
            System.arraycopy(t.data, 0, all, 0, t.data.length);
            System.arraycopy(d1.data, 0, all, t.data.length, t.data.length);
            System.arraycopy(d2.data, 0, all, 2 * t.data.length, t.data.length);
            return all;
        });
        assertSameForAnyThreadCount("elementMult", () -> Dense.elementMult(a, b, null).data.clone());
        assertSameForAnyThreadCount("elementMultAdd", () -> Dense.elementMultAdd(a, b, b.copy()).data.clone());
        assertSameForAnyThreadCount("add", () -> Dense.add(a, b, null).data.clone());
        assertSameForAnyThreadCount("scale", () -> Dense.scale(0.3, a, null).data.clone());
        assertSameForAnyThreadCount("addEquals", () -> Dense.addEquals(b.copy(), 0.3, a).data.clone());
        assertSameForAnyThreadCount("elementSum", () -> new double[] {Dense.elementSum(a)});
        assertSameForAnyThreadCount("elementSumSq", () -> new double[] {Dense.elementSumSq(a)});
        assertSameForAnyThreadCount("dot", () -> new double[] {Dense.dot(a, b)});
        assertSameForAnyThreadCount("sumCols", () -> Dense.sumCols(a, null).data.clone());
    }
}
