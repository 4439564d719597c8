package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.ejml.data.DMatrixRMaj;

/** Assertions on matrices: close to rounding (relative to a magnitude), or bit-for-bit equal. */
public final class MatrixAssert {

    private MatrixAssert() {
    }

    /** Largest |m[i]|, at least 1 (so that tolerances never vanish). */
    public static double scale(DMatrixRMaj m) {
        double s = 1.0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s = Math.max(s, Math.abs(m.data[i]));
        }
        return s;
    }

    /** Same shape and |expected - actual| &lt;= tol * magnitude for every element. */
    public static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol, double magnitude,
            String what) {
        assertSameShape(expected, actual, what);
        for (int i = 0; i < expected.getNumElements(); i++) {
            double e = expected.data[i];
            double a = actual.data[i];
            if (!(Math.abs(e - a) <= tol * magnitude)) {
                fail(what + ": element " + (i / Math.max(1, expected.numCols)) + "," + (i % Math.max(1, expected.numCols))
                        + " expected " + e + " got " + a + " (tolerance " + tol * magnitude + ")");
            }
        }
    }

    /** Same shape and identical bits in every element. */
    public static void assertBitEqual(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertSameShape(expected, actual, what);
        for (int i = 0; i < expected.getNumElements(); i++) {
            if (Double.doubleToRawLongBits(expected.data[i]) != Double.doubleToRawLongBits(actual.data[i])) {
                fail(what + ": element " + i + " differs: " + expected.data[i] + " vs " + actual.data[i]);
            }
        }
    }

    public static void assertSameShape(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(Dense.shape(expected), Dense.shape(actual), what + ": shape");
    }

    /** Runs body with the kernels on {@code threads} threads, then restores the previous count. */
    public static <T> T withThreads(int threads, java.util.function.Supplier<T> body) {
        int before = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            return body.get();
        } finally {
            Parallel.setThreads(before);
        }
    }
}
