package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/** {@link PortableMath}: tanh close to StrictMath's, and the reductions in their defined order. */
class PortableMathProperties {

    @Test
    void tanhIsWithinTwoUlpOfStrictMath() {
        qt().withFixedSeed(21L).withExamples(20000).withShrinkCycles(0)
                .forAll(doubles().between(-25, 25))
                .checkAssert(x -> {
                    double expected = StrictMath.tanh(x);
                    double actual = PortableMath.tanh(x);
                    assertTrue(Math.abs(actual - expected) <= 2 * Math.ulp(expected),
                            () -> "tanh(" + x + ") = " + actual + ", StrictMath " + expected);
                    assertEquals(-actual, PortableMath.tanh(-x), 0.0, "odd");
                });
        for (double x : new double[] {1e-300, 1e-8, 0.55, Math.nextDown(0.55), 19, 20, 40, 700, 1e300}) {
            assertEquals(StrictMath.tanh(x), PortableMath.tanh(x), 2 * Math.ulp(StrictMath.tanh(x)), "x = " + x);
        }
        assertEquals(1.0, PortableMath.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, PortableMath.tanh(Double.NEGATIVE_INFINITY));
    }

    /** The order of the class comment, built another way: partials by index modulo 8. */
    @Test
    void reductionsFollowTheDefinedOrder() {
        qt().withFixedSeed(22L).withExamples(300).withShrinkCycles(0)
                .forAll(MatrixGen.dims(0, 100), MatrixGen.dims(0, 5), MatrixGen.seeds())
                .checkAssert((len, off, seed) -> {
                    double[] a = MatrixGen.matrix(1, off + len, seed, -3, 3).data;
                    double[] b = MatrixGen.matrix(1, off + len + 2, seed + 1).data;
                    int whole = len / 8 * 8;
                    double[] sums = new double[8];
                    double[] dots = new double[8];
                    for (int i = 0; i < whole; i++) {
                        sums[i % 8] = sums[i % 8] + a[off + i];
                        dots[i % 8] = Math.fma(a[off + i], b[2 + i], dots[i % 8]);
                    }
                    double sum = ((sums[0] + sums[1]) + (sums[2] + sums[3]))
                            + ((sums[4] + sums[5]) + (sums[6] + sums[7]));
                    double dot = ((dots[0] + dots[1]) + (dots[2] + dots[3]))
                            + ((dots[4] + dots[5]) + (dots[6] + dots[7]));
                    for (int i = whole; i < len; i++) {
                        sum += a[off + i];
                        dot = Math.fma(a[off + i], b[2 + i], dot);
                    }
                    assertEquals(Double.doubleToRawLongBits(sum),
                            Double.doubleToRawLongBits(PortableMath.sum(a, off, off + len)), "sum");
                    assertEquals(Double.doubleToRawLongBits(dot),
                            Double.doubleToRawLongBits(PortableMath.dot(a, off, b, 2, len)), "dot");
                });
    }
}
