package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The uses of one parameter on the rows of a {@link SampleSet} in the tape's last recording:
 * every product Y = X W whose X rows are tagged with the set (x = X), and every bias added to
 * such rows (x = null: X is a column of ones on the first {@code rows} rows). The contribution
 * of sample i to the parameter's gradient is Σ_uses Σ_s X[sN + i]ᵀ dY[sN + i]; this is what
 * {@link PerSample} and {@link GroupStatistics} split.
 */
final class ParameterUses {

    /**
     * One use: its X (null for a bias), its adjoint dY, the rows that hold samples, and the group
     * sums its backward pass kept (null if none: a bias, or a set without gradient groups).
     */
    record Use(DMatrixRMaj x, DMatrixRMaj dy, int rows, GroupedWeightGradient groupSums) {

        /** The stacked streams that hold this use's contributions. */
        int streams(int n) {
            return n == 0 ? 0 : rows / n;
        }

        boolean isBias() {
            return x == null;
        }

        /** X, with a bias's column of ones made explicit (allocates: for tests and inspection only). */
        DMatrixRMaj xOrOnes() {
            if (x != null) {
                return x;
            }
            DMatrixRMaj ones = new DMatrixRMaj(rows, 1);
            java.util.Arrays.fill(ones.data, 0, rows, 1.0);
            return ones;
        }
    }

    private ParameterUses() {
    }

    /** The uses of {@code param} on rows of {@code set}, in recording order, added to {@code out} (cleared first). */
    static List<Use> find(Tape tape, Node param, SampleSet set, List<Use> out) {
        if (!param.isParameter()) {
            throw new IllegalArgumentException("PerSample: " + param.label() + " is not a parameter");
        }
        out.clear();
        for (Node node : tape.recording()) {
            // a product whose adjoint was handed back still has its group sums (dy is then null)
            boolean handedBack = node.adjointHandedBack() && node.groupSums() != null;
            if ((node.adjoint() == null && !handedBack) || node.inputs.length < 2) {
                continue;
            }
            Node x = node.inputs[0];
            boolean tagged = x.samples == set && node.rows() == x.rows();
            if (node.op == Products.MATMUL || node.op instanceof Products.Linear) {
                if (x == param && node.inputs[1].samples == set) {
                    throw new IllegalArgumentException("PerSample: " + param.label() + " is the left operand of "
                            + node.label() + " = " + node.op.describe(node) + "; per-sample splitting needs X W");
                }
                if (!tagged) {
                    continue;
                }
                if (node.inputs[1] == param) {
                    out.add(new Use(x.value, node.adjoint(), node.rows(), node.groupSums()));
                }
                if (node.op instanceof Products.Linear linear && node.inputs[2] == param) {
                    out.add(new Use(null, node.adjoint(), linear.biasRows, null));
                }
            } else if (node.op == ElementWise.ADD_ROW && tagged && node.inputs[1] == param) {
                out.add(new Use(null, node.grad(), node.rows(), null));
            }
        }
        return out;
    }

    /** The uses, in a new list. */
    static List<Use> find(Tape tape, Node param, SampleSet set) {
        return find(tape, param, set, new ArrayList<>());
    }

    /**
     * Refuses to split a parameter whose gradient is non-zero but which has no use on the rows of
     * the set: a layout that lost the sample tag would otherwise give a silently wrong answer.
     */
    static void requireUses(Node param, SampleSet set, List<Use> uses) {
        if (!uses.isEmpty()) {
            return;
        }
        DMatrixRMaj g = param.grad();
        if (g == null) {
            return;
        }
        for (int e = 0; e < g.getNumElements(); e++) {
            if (g.data[e] != 0.0) {
                throw new IllegalStateException("gradient statistics: " + param.label() + " has a non-zero gradient"
                        + " but no product on rows tagged with " + set.name() + "; the operation that feeds it lost"
                        + " the sample layout (record the points with Tape.samples or Jet.input with the set)");
            }
        }
    }

    /**
     * Refuses a use whose adjoint dY was handed back after the backward pass
     * ({@link Tape#releaseGroupedAdjoints}) unless {@code keptSumsWillDo} says that its kept
     * group sums are all the caller needs.
     */
    static void requireAdjoints(Node param, List<Use> uses, java.util.function.Predicate<Use> keptSumsWillDo) {
        for (Use use : uses) {
            if (use.dy() == null && !keptSumsWillDo.test(use)) {
                throw new IllegalStateException("gradient statistics: a product of " + param.label() + " handed its"
                        + " adjoint back after the backward pass (Tape.releaseGroupedAdjoints) and kept only the"
                        + " sums of its gradient groups; these statistics need the adjoint: record with"
                        + " releaseGroupedAdjoints(false)");
            }
        }
    }

    /** The parameter gradients must hold exactly one backward pass (the one being split). */
    static void requireOneBackward(Tape tape) {
        if (tape.backwardsSinceZeroGrad() != 1) {
            throw new IllegalStateException("PerSample: the parameter gradients hold " + tape.backwardsSinceZeroGrad()
                    + " backward passes; call zeroGrad() before the one backward pass to split");
        }
    }

    /** out = the rows sN + i of m, for i in members and s < streams, stacked stream by stream. */
    static void gather(DMatrixRMaj m, int[] members, int n, int streams, DMatrixRMaj out) {
        int cols = m.numCols;
        out.reshape(streams * members.length, cols);
        int r = 0;
        for (int s = 0; s < streams; s++) {
            for (int i : members) {
                System.arraycopy(m.data, (s * n + i) * cols, out.data, r * cols, cols);
                r++;
            }
        }
    }
}
