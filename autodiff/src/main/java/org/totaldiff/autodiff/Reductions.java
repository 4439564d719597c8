package org.totaldiff.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;

/** Reductions of a matrix to a 1x1 node. */
final class Reductions {

    static final Op SUM = new Sum();
    static final Op MEAN = new Mean();
    static final Op SUM_SQUARES = new SumSquares();

    private Reductions() {
    }

    /** s = Σ A;  Ā += s̄. */
    static final class Sum extends Op {
        @Override
        String name() {
            return "sum";
        }

        @Override
        void forward(Node out) {
            out.value.data[0] = Dense.elementSum(out.inputs[0].value);
        }

        @Override
        void backward(Node out) {
            addConstant(out.inputs[0].gradForAccumulation(), out.grad().data[0]);
        }
    }

    /** s = Σ A / n;  Ā += s̄ / n. */
    static final class Mean extends Op {
        @Override
        String name() {
            return "mean";
        }

        @Override
        void forward(Node out) {
            DMatrixRMaj a = out.inputs[0].value;
            out.value.data[0] = Dense.elementSum(a) / a.getNumElements();
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj a = out.inputs[0].value;
            addConstant(out.inputs[0].gradForAccumulation(), out.grad().data[0] / a.getNumElements());
        }
    }

    /** s = Σ A²;  Ā += 2 s̄ A. */
    static final class SumSquares extends Op {
        @Override
        String name() {
            return "sumSquares";
        }

        @Override
        void forward(Node out) {
            out.value.data[0] = Dense.elementSumSq(out.inputs[0].value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.addEquals(ga, 2 * out.grad().data[0], out.inputs[0].value);
            }
        }
    }

    private static void addConstant(DMatrixRMaj g, double c) {
        if (g == null) {
            return;
        }
        int n = g.getNumElements();
        for (int i = 0; i < n; i++) {
            g.data[i] += c;
        }
    }
}
