package org.totaldiff.autodiff;

import org.ejml.data.DMatrixRMaj;

/** Slicing and concatenation: copies forward, the matching scatter-add backward. */
final class Shapes {

    static final Op CONCAT_ROWS = new ConcatRows();
    static final Op CONCAT_COLS = new ConcatCols();

    private Shapes() {
    }

    /** C = A[from:from+m, :];  Ā[from:from+m, :] += C̄. */
    static final class SliceRows extends Op {
        final int from;

        SliceRows(int from) {
            this.from = from;
        }

        @Override
        String name() {
            return "sliceRows";
        }

        @Override
        void forward(Node out) {
            int n = out.cols();
            System.arraycopy(out.inputs[0].value.data, from * n, out.value.data, 0, out.value.getNumElements());
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                addBlock(out.grad(), ga, from, 0);
            }
        }

        @Override
        String describe(Node out) {
            return out.inputs[0].label() + "[" + from + ":" + (from + out.rows()) + ", :]";
        }
    }

    /** C = A[:, from:from+n];  Ā[:, from:from+n] += C̄. */
    static final class SliceCols extends Op {
        final int from;

        SliceCols(int from) {
            this.from = from;
        }

        @Override
        String name() {
            return "sliceCols";
        }

        @Override
        void forward(Node out) {
            DMatrixRMaj a = out.inputs[0].value;
            int n = out.cols();
            for (int i = 0; i < out.rows(); i++) {
                System.arraycopy(a.data, i * a.numCols + from, out.value.data, i * n, n);
            }
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                addBlock(out.grad(), ga, 0, from);
            }
        }

        @Override
        String describe(Node out) {
            return out.inputs[0].label() + "[:, " + from + ":" + (from + out.cols()) + "]";
        }
    }

    /** C = [A; B; ...];  each part's adjoint is its block of C̄. */
    static final class ConcatRows extends Op {
        @Override
        String name() {
            return "concatRows";
        }

        @Override
        void forward(Node out) {
            int offset = 0;
            for (Node in : out.inputs) {
                int len = in.value.getNumElements();
                System.arraycopy(in.value.data, 0, out.value.data, offset, len);
                offset += len;
            }
        }

        @Override
        void backward(Node out) {
            int row = 0;
            for (Node in : out.inputs) {
                DMatrixRMaj g = in.gradForAccumulation();
                if (g != null) {
                    takeBlock(out.grad(), g, row, 0);
                }
                row += in.rows();
            }
        }
    }

    /** C = [A, B, ...];  each part's adjoint is its column block of C̄. */
    static final class ConcatCols extends Op {
        @Override
        String name() {
            return "concatCols";
        }

        @Override
        void forward(Node out) {
            int col = 0;
            int width = out.cols();
            for (Node in : out.inputs) {
                int n = in.cols();
                for (int i = 0; i < out.rows(); i++) {
                    System.arraycopy(in.value.data, i * n, out.value.data, i * width + col, n);
                }
                col += n;
            }
        }

        @Override
        void backward(Node out) {
            int col = 0;
            for (Node in : out.inputs) {
                DMatrixRMaj g = in.gradForAccumulation();
                if (g != null) {
                    takeBlock(out.grad(), g, 0, col);
                }
                col += in.cols();
            }
        }
    }

    /** big[row0 + i][col0 + j] += small[i][j]. */
    private static void addBlock(DMatrixRMaj small, DMatrixRMaj big, int row0, int col0) {
        for (int i = 0; i < small.numRows; i++) {
            int b = (row0 + i) * big.numCols + col0;
            int s = i * small.numCols;
            for (int j = 0; j < small.numCols; j++) {
                big.data[b + j] += small.data[s + j];
            }
        }
    }

    /** small[i][j] += big[row0 + i][col0 + j]. */
    private static void takeBlock(DMatrixRMaj big, DMatrixRMaj small, int row0, int col0) {
        for (int i = 0; i < small.numRows; i++) {
            int b = (row0 + i) * big.numCols + col0;
            int s = i * small.numCols;
            for (int j = 0; j < small.numCols; j++) {
                small.data[s + j] += big.data[b + j];
            }
        }
    }
}
