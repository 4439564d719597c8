package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.ejml.data.DMatrixRMaj;

/** Copies between EJML matrices and libtorch tensors, and libtorch's autograd switches. */
final class TorchArrays {

    private TorchArrays() {
    }

    /** A rows x cols tensor of {@code m}'s values in {@code type} (float64 or float32). */
    static NDArray of(NDManager manager, DMatrixRMaj m, DataType type) {
        return of(manager, m.data, m.numRows * m.numCols, new Shape(m.numRows, m.numCols), type);
    }

    /** The transpose of {@code m} (nn.Linear keeps its weight as out x in; ours is in x out). */
    static NDArray transposed(NDManager manager, DMatrixRMaj m, DataType type) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        org.ejml.dense.row.CommonOps_DDRM.transpose(m, t);
        return of(manager, t, type);
    }

    /** Column j of {@code m} as an N x 1 tensor. */
    static NDArray column(NDManager manager, DMatrixRMaj m, int j, DataType type) {
        double[] c = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            c[i] = m.data[i * m.numCols + j];
        }
        return of(manager, c, c.length, new Shape(m.numRows, 1), type);
    }

    /** Rows [from, to) of column j of {@code m} as a (to - from) x 1 tensor. */
    static NDArray column(NDManager manager, DMatrixRMaj m, int j, int from, int to, DataType type) {
        double[] c = new double[to - from];
        for (int i = from; i < to; i++) {
            c[i - from] = m.data[i * m.numCols + j];
        }
        return of(manager, c, c.length, new Shape(c.length, 1), type);
    }

    private static NDArray of(NDManager manager, double[] data, int n, Shape shape, DataType type) {
        if (type == DataType.FLOAT64) {
            return manager.create(java.util.Arrays.copyOf(data, n), shape);
        }
        if (type != DataType.FLOAT32) {
            throw new IllegalArgumentException("TorchArrays: float64 or float32, got " + type);
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) data[i];
        }
        return manager.create(f, shape);
    }

    /**
     * The values of a tensor as a rows x cols matrix, transposed when {@code transpose} (a
     * weight: out x in to our in x out).
     */
    static DMatrixRMaj toMatrix(NDArray a, int rows, int cols, boolean transpose) {
        double[] v;
        if (a.getDataType() == DataType.FLOAT64) {
            v = a.toDoubleArray();
        } else {
            try (NDArray d = a.toType(DataType.FLOAT64, true)) {
                v = d.toDoubleArray();
            }
        }
        DMatrixRMaj m = transpose ? new DMatrixRMaj(cols, rows, true, v) : new DMatrixRMaj(rows, cols, true, v);
        if (!transpose) {
            return m;
        }
        DMatrixRMaj t = new DMatrixRMaj(rows, cols);
        org.ejml.dense.row.CommonOps_DDRM.transpose(m, t);
        return t;
    }

    /** Turns libtorch's (thread-local) gradient recording on or off. */
    static void recording(boolean on) {
        JniUtils.setGradMode(on);
    }

    /**
     * Whether the backward passes accumulate into this leaf; a leaf turned off keeps the edges
     * recorded while it was on, its {@code AccumulateGrad} just does nothing.
     */
    static void receives(NDArray leaf, boolean on) {
        JniUtils.attachGradient((PtNDArray) leaf, on);
    }

    /**
     * {@code target.backward(seed, retain_graph, create_graph)}: the gradient of ⟨seed, target⟩
     * accumulated into every leaf that receives ({@link #receives}).
     */
    static void backward(NDArray target, NDArray seed, boolean retainGraph, boolean createGraph) {
        JniUtils.backward((PtNDArray) target, (PtNDArray) seed, retainGraph, createGraph);
    }

    /** Zeroes a leaf's accumulated gradient in place, if it has one. */
    static void zeroGradient(NDArray leaf) {
        JniUtils.zeroGrad((PtNDArray) leaf);
    }
}
