package org.totaldiff.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Parallel;

/** Element-wise primitives. */
final class ElementWise {

    static final Op MUL = new Mul();
    static final Op ADD_ROW = new AddRow();
    /** Elements per parallel chunk of a mapped function. */
    static final int GRAIN = 1 << 12;

    private ElementWise() {
    }

    /** C = αA + βB;  Ā += α C̄,  B̄ += β C̄. */
    static final class Combine extends Op {
        final double alpha;
        final double beta;

        Combine(double alpha, double beta) {
            this.alpha = alpha;
            this.beta = beta;
        }

        @Override
        String name() {
            return alpha == 1 && beta == 1 ? "add" : alpha == 1 && beta == -1 ? "sub" : "combine";
        }

        @Override
        void forward(Node out) {
            Dense.scale(alpha, out.inputs[0].value, out.value);
            Dense.addEquals(out.value, beta, out.inputs[1].value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.addEquals(ga, alpha, out.grad());
            }
            DMatrixRMaj gb = out.inputs[1].gradForAccumulation();
            if (gb != null) {
                Dense.addEquals(gb, beta, out.grad());
            }
        }

        @Override
        String describe(Node out) {
            if (name().equals("combine")) {
                return alpha + "*" + out.inputs[0].label() + " + " + beta + "*" + out.inputs[1].label();
            }
            return super.describe(out);
        }
    }

    /** C = αA;  Ā += α C̄. */
    static final class Scale extends Op {
        final double alpha;

        Scale(double alpha) {
            this.alpha = alpha;
        }

        @Override
        String name() {
            return "scale";
        }

        @Override
        void forward(Node out) {
            Dense.scale(alpha, out.inputs[0].value, out.value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.addEquals(ga, alpha, out.grad());
            }
        }

        @Override
        String describe(Node out) {
            return alpha + " * " + out.inputs[0].label();
        }
    }

    /** C = A∘B;  Ā += C̄∘B,  B̄ += C̄∘A. */
    static final class Mul extends Op {
        @Override
        String name() {
            return "mul";
        }

        @Override
        void forward(Node out) {
            Dense.elementMult(out.inputs[0].value, out.inputs[1].value, out.value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.elementMultAdd(out.grad(), out.inputs[1].value, ga);
            }
            DMatrixRMaj gb = out.inputs[1].gradForAccumulation();
            if (gb != null) {
                Dense.elementMultAdd(out.grad(), out.inputs[0].value, gb);
            }
        }
    }

    /** C = A + 1·b (b a row, added to every row);  Ā += C̄,  b̄ += column sums of C̄. */
    static final class AddRow extends Op {
        @Override
        boolean keepsAdjoint() {
            return true;
        }

        @Override
        String name() {
            return "addRow";
        }

        @Override
        void forward(Node out) {
            DMatrixRMaj a = out.inputs[0].value;
            double[] b = out.inputs[1].value.data;
            double[] c = out.value.data;
            int n = a.numCols;
            for (int i = 0; i < a.numRows; i++) {
                for (int j = 0; j < n; j++) {
                    c[i * n + j] = a.data[i * n + j] + b[j];
                }
            }
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.addEquals(ga, 1.0, out.grad());
            }
            DMatrixRMaj gb = out.inputs[1].gradForAccumulation();
            if (gb != null) {
                Dense.sumColsAdd(out.grad(), 0, out.rows(), gb);
            }
        }
    }

    /** Y = f(A);  Ā += f'(A)∘Ȳ  (f' is saved by the forward pass). */
    static final class Map extends Op {
        final ScalarFunction f;

        Map(ScalarFunction f) {
            this.f = f;
        }

        @Override
        String name() {
            return f.name();
        }

        @Override
        void forward(Node out) {
            double[] a = out.inputs[0].value.data;
            double[] y = out.value.data;
            double[] d1 = out.inputs[0].requiresGrad ? out.buffer(0).data : null;
            Parallel.forRange(out.value.getNumElements(), GRAIN, (from, to) -> f.evaluate(a, y, d1, null, null, from, to));
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj ga = out.inputs[0].gradForAccumulation();
            if (ga != null) {
                Dense.elementMultAdd(out.buffer(0), out.grad(), ga);
            }
        }
    }
}
