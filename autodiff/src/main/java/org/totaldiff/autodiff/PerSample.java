package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.ParameterUses.Use;
import org.totaldiff.engine.Dense;

/**
 * Per-sample and per-group gradients from the one backward pass that gives the full gradient.
 *
 * <p>For every use of a parameter W as the right operand of a product Y = X W (a dense layer),
 * the gradient is a sum over uses of Xᵀ dY, and the part of sample i is the outer product of
 * its rows, summed over the uses and over the jet streams of that sample:
 *
 * <pre>
 *   g_i = Σ_uses Σ_s X[sN + i]ᵀ dY[sN + i]
 * </pre>
 *
 * A bias b is X = 1 restricted to the rows it was added to (the value stream of a jet). From
 * that identity:
 *
 * <ul>
 *   <li>{@link #groupSums}: Σ over the samples of each group of g_i: one blocked product per
 *       group, the cost of one extra weight-gradient product in all;</li>
 *   <li>{@link #secondMoment}: Σ_i g_i ∘ g_i = Σ over stream pairs (s, t) of
 *       (X_s ∘ X_t)ᵀ (dY_s ∘ dY_t), never forming the N x P per-sample gradients;</li>
 *   <li>{@link #explicit}: g_i itself, for chosen samples;</li>
 *   <li>{@link #groupGradients}: the gradient of each group's own loss, as the paper's SNR
 *       defines it.</li>
 * </ul>
 *
 * <p>Requirements: the tape's last backward pass is the only one since {@link Tape#zeroGrad()};
 * the loss depends on sample i of {@code set} only through rows {@code sN + i} of the nodes
 * tagged with that set (true of any sum or mean of per-point residual terms); and the parameter
 * is never the left operand of a product of set-tagged rows.
 */
public final class PerSample {

    private PerSample() {
    }

    /**
     * out[b] = Σ_{i in group b} g_i, one matrix shaped like the parameter per group.
     */
    public static DMatrixRMaj[] groupSums(Tape tape, Node param, SampleSet set, Partition groups) {
        checkPartition(set, groups);
        List<Use> uses = uses(tape, param, set);
        int n = set.size();
        DMatrixRMaj[] out = new DMatrixRMaj[groups.groups()];
        for (int b = 0; b < out.length; b++) {
            out[b] = new DMatrixRMaj(param.rows(), param.cols());
        }
        DMatrixRMaj xb = new DMatrixRMaj(1, 1);
        DMatrixRMaj dyb = new DMatrixRMaj(1, 1);
        for (Use use : uses) {
            int streams = use.streams(n);
            for (int b = 0; b < out.length; b++) {
                int[] members = groups.membersView(b);
                ParameterUses.gather(use.xOrOnes(), members, n, streams, xb);
                ParameterUses.gather(use.dy(), members, n, streams, dyb);
                Dense.multAddTransA(xb, dyb, out[b]);
            }
        }
        return out;
    }

    /** Σ_i g_i ∘ g_i over all samples of the set: the per-sample second moment, element-wise. */
    public static DMatrixRMaj secondMoment(Tape tape, Node param, SampleSet set) {
        List<Use> uses = uses(tape, param, set);
        int n = set.size();
        List<Stream> streams = new ArrayList<>();
        for (Use use : uses) {
            for (int s = 0; s < use.streams(n); s++) {
                streams.add(new Stream(use.xOrOnes(), use.dy(), s * n));
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(param.rows(), param.cols());
        DMatrixRMaj p = new DMatrixRMaj(n, param.rows());
        DMatrixRMaj q = new DMatrixRMaj(n, param.cols());
        for (int a = 0; a < streams.size(); a++) {
            for (int c = a; c < streams.size(); c++) {
                Stream s = streams.get(a);
                Stream t = streams.get(c);
                blockProduct(s.x, s.row0, t.x, t.row0, a == c ? 1.0 : 2.0, p);
                blockProduct(s.dy, s.row0, t.dy, t.row0, 1.0, q);
                Dense.multAddTransA(p, q, out);
            }
        }
        return out;
    }

    /** g_i for each requested sample i, shaped like the parameter. */
    public static DMatrixRMaj[] explicit(Tape tape, Node param, SampleSet set, int... samples) {
        List<Use> uses = uses(tape, param, set);
        int n = set.size();
        DMatrixRMaj[] out = new DMatrixRMaj[samples.length];
        for (int j = 0; j < samples.length; j++) {
            int i = samples[j];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("PerSample.explicit: sample " + i + " is outside [0, " + n
                        + ") of " + set.name());
            }
            DMatrixRMaj g = new DMatrixRMaj(param.rows(), param.cols());
            for (Use use : uses) {
                DMatrixRMaj x = use.xOrOnes();
                for (int s = 0; s < use.streams(n); s++) {
                    int row = s * n + i;
                    for (int p = 0; p < g.numRows; p++) {
                        double xp = x.data[row * x.numCols + p];
                        for (int q = 0; q < g.numCols; q++) {
                            g.data[p * g.numCols + q] += xp * use.dy().data[row * use.dy().numCols + q];
                        }
                    }
                }
            }
            out[j] = g;
        }
        return out;
    }

    /**
     * The gradient of everything in the loss that is not split by the samples of {@code set}
     * (the boundary and initial terms, say): the parameter's full gradient minus Σ_i g_i.
     */
    public static DMatrixRMaj rest(Tape tape, Node param, SampleSet set) {
        checkOneBackward(tape);
        DMatrixRMaj rest = param.grad().copy();
        int n = set.size();
        DMatrixRMaj part = new DMatrixRMaj(param.rows(), param.cols());
        DMatrixRMaj xb = new DMatrixRMaj(1, 1);
        DMatrixRMaj dyb = new DMatrixRMaj(1, 1);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (Use use : uses(tape, param, set)) {
            ParameterUses.gather(use.xOrOnes(), all, n, use.streams(n), xb);
            ParameterUses.gather(use.dy(), all, n, use.streams(n), dyb);
            Dense.multAddTransA(xb, dyb, part);
        }
        return Dense.addEquals(rest, -1.0, part);
    }

    /**
     * The gradient of each group's own loss, where the loss is a mean over the N samples of
     * {@code set} plus terms not split by sample, and group b's loss is the mean over its own
     * samples plus those same terms: rest + (N / |G_b|) Σ_{i in G_b} g_i. This is the gradient
     * the paper's SNR is computed from.
     */
    public static DMatrixRMaj[] groupGradients(Tape tape, Node param, SampleSet set, Partition groups) {
        DMatrixRMaj rest = rest(tape, param, set);
        DMatrixRMaj[] sums = groupSums(tape, param, set, groups);
        for (int b = 0; b < sums.length; b++) {
            Dense.scale((double) set.size() / groups.size(b), sums[b], sums[b]);
            Dense.addEquals(sums[b], 1.0, rest);
        }
        return sums;
    }

    private record Stream(DMatrixRMaj x, DMatrixRMaj dy, int row0) {
    }

    private static List<Use> uses(Tape tape, Node param, SampleSet set) {
        List<Use> uses = ParameterUses.find(tape, param, set);
        ParameterUses.requireAdjoints(param, uses, use -> false);
        return uses;
    }

    // ------------------------------------------------------------------ row gathering

    /** out = scale (A[a0 : a0 + N] ∘ B[b0 : b0 + N]), where N = out rows. */
    private static void blockProduct(DMatrixRMaj a, int a0, DMatrixRMaj b, int b0, double scale, DMatrixRMaj out) {
        int cols = a.numCols;
        out.reshape(out.numRows, cols);
        int len = out.numRows * cols;
        int ao = a0 * cols;
        int bo = b0 * cols;
        for (int e = 0; e < len; e++) {
            out.data[e] = scale * a.data[ao + e] * b.data[bo + e];
        }
    }

    private static void checkPartition(SampleSet set, Partition groups) {
        if (groups.samples() != set.size()) {
            throw new IllegalArgumentException("PerSample: the partition covers " + groups.samples()
                    + " samples but the set " + set.name() + " has " + set.size());
        }
    }

    private static void checkOneBackward(Tape tape) {
        ParameterUses.requireOneBackward(tape);
    }
}
