package org.totaldiff.pinn.optim;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;

/** Checks and copies of parameter lists, shared by the optimizers. */
final class Params {

    private Params() {
    }

    /** Checks that both lists are non-empty, of equal length, and shaped alike element by element. */
    static void checkMatching(String op, List<DMatrixRMaj> params, String otherName, List<DMatrixRMaj> other) {
        if (params == null || other == null) {
            throw new IllegalArgumentException(op + ": params and " + otherName + " must be non-null lists");
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException(op + ": params is empty; pass at least one parameter matrix");
        }
        if (params.size() != other.size()) {
            throw new IllegalArgumentException(op + ": " + params.size() + " params but " + other.size() + " "
                    + otherName + "; pass one per parameter");
        }
        for (int i = 0; i < params.size(); i++) {
            DMatrixRMaj p = params.get(i);
            DMatrixRMaj g = other.get(i);
            if (p == null || g == null) {
                throw new IllegalArgumentException(op + ": params[" + i + "] or " + otherName + "[" + i + "] is null");
            }
            if (p.numRows != g.numRows || p.numCols != g.numCols) {
                throw new IllegalArgumentException(op + ": params[" + i + "] is " + Dense.shape(p) + " but "
                        + otherName + "[" + i + "] is " + Dense.shape(g));
            }
        }
    }

    /** Deep copies, shaped like {@code like}, all zero. */
    static List<DMatrixRMaj> zerosLike(List<DMatrixRMaj> like) {
        List<DMatrixRMaj> out = new ArrayList<>(like.size());
        for (DMatrixRMaj m : like) {
            out.add(new DMatrixRMaj(m.numRows, m.numCols));
        }
        return out;
    }

    /** The total number of elements. */
    static int size(List<DMatrixRMaj> list) {
        long n = 0;
        for (DMatrixRMaj m : list) {
            n += m.getNumElements();
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("optimizer: " + n + " parameters do not fit one Java array");
        }
        return (int) n;
    }

    /** Copies the matrices, in order, into one flat array. */
    static double[] flatten(List<DMatrixRMaj> list, double[] out) {
        int off = 0;
        for (DMatrixRMaj m : list) {
            int n = m.getNumElements();
            System.arraycopy(m.data, 0, out, off, n);
            off += n;
        }
        return out;
    }

    /** Copies one flat array back into the matrices, in order. */
    static void unflatten(double[] flat, List<DMatrixRMaj> list) {
        int off = 0;
        for (DMatrixRMaj m : list) {
            int n = m.getNumElements();
            System.arraycopy(flat, off, m.data, 0, n);
            off += n;
        }
    }
}
