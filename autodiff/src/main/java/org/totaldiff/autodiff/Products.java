package org.totaldiff.autodiff;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;

/** Matrix products: the primitives whose parameter uses {@link PerSample} splits by sample. */
final class Products {

    static final Op MATMUL = new MatMul();

    private Products() {
    }

    /**
     * W̄ += Xᵀ Ȳ for the product {@code out} = X W (+ b): by the gradient groups of X's sample
     * set when X's rows hold that set's samples and the groups' products are large enough to pay
     * ({@link GroupedWeightGradient#pays}), keeping the group sums ({@link GroupedWeightGradient}),
     * else as one product.
     */
    static void addWeightGradient(Node out, DMatrixRMaj gw) {
        Node x = out.inputs[0];
        if (groupsWeightGradient(out)) {
            out.keepGroupSums().accumulate(x.value, out.grad(), x.samples.gradientGroups(), gw);
        } else {
            Dense.multAddTransA(x.value, out.grad(), gw);
        }
    }

    /** Whether the product {@code out} takes its weight gradient by its sample set's gradient groups. */
    static boolean groupsWeightGradient(Node out) {
        if (out.op != MATMUL && !(out.op instanceof Linear)) {
            return false;
        }
        Node x = out.inputs[0];
        Grouping groups = x.samples == null ? null : x.samples.gradientGroups();
        return groups != null && out.rows() == x.rows() && x.rows() % groups.samples() == 0
                && GroupedWeightGradient.pays(groups, x.cols(), out.cols());
    }

    /** C = A·B;  Ā += C̄·Bᵀ,  B̄ += Aᵀ·C̄. */
    static final class MatMul extends Op {
        @Override
        boolean keepsAdjoint() {
            return true;
        }

        @Override
        String name() {
            return "matmul";
        }

        @Override
        void forward(Node out) {
            Dense.mult(out.inputs[0].value, out.inputs[1].value, out.value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj a = out.inputs[0].value;
            DMatrixRMaj b = out.inputs[1].value;
            DMatrixRMaj ga = out.inputs[0].gradForWrite();
            if (ga != null && out.inputs[0].gradIsFresh()) {
                Dense.multTransB(out.grad(), b, ga);
            } else if (ga != null) {
                Dense.multAddTransB(out.grad(), b, ga);
            }
            DMatrixRMaj gb = out.inputs[1].gradForAccumulation();
            if (gb != null) {
                addWeightGradient(out, gb);
            }
        }
    }

    /**
     * Z = A·W + b on the first {@code biasRows} rows (all rows for a plain layer, the value
     * stream of a stacked jet);  Ā += Z̄·Wᵀ,  W̄ += Aᵀ·Z̄,  b̄ += column sums of Z̄'s first biasRows rows.
     */
    static final class Linear extends Op {
        final int biasRows;

        Linear(int biasRows) {
            this.biasRows = biasRows;
        }

        @Override
        boolean keepsAdjoint() {
            return true;
        }


        @Override
        String name() {
            return "linear";
        }

        @Override
        void forward(Node out) {
            Dense.multBias(out.inputs[0].value, out.inputs[1].value, out.inputs[2].value, biasRows, out.value);
        }

        @Override
        void backward(Node out) {
            DMatrixRMaj gz = out.grad();
            DMatrixRMaj ga = out.inputs[0].gradForWrite();
            if (ga != null && out.inputs[0].gradIsFresh()) {
                Dense.multTransB(gz, out.inputs[1].value, ga);
            } else if (ga != null) {
                Dense.multAddTransB(gz, out.inputs[1].value, ga);
            }
            DMatrixRMaj gw = out.inputs[1].gradForAccumulation();
            if (gw != null) {
                addWeightGradient(out, gw);
            }
            DMatrixRMaj gb = out.inputs[2].gradForAccumulation();
            if (gb != null) {
                Dense.sumColsAdd(gz, 0, biasRows, gb);
            }
        }

        @Override
        String describe(Node out) {
            String s = super.describe(out);
            return biasRows == out.rows() ? s : s + " (bias on rows < " + biasRows + ")";
        }
    }
}
