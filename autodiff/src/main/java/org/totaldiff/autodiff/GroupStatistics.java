package org.totaldiff.autodiff;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.ParameterUses.Use;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Parallel;

/**
 * The mean and population variance over B groups of the gradient of each group's own loss,
 * streamed from the one backward pass of the full loss: the statistics of the gradient
 * signal-to-noise ratio of Anagnostopoulos et al. (2024), "Learning in PINNs: phase transition,
 * total diffusion and generalization".
 *
 * <p>The full loss is a mean over the N samples of a set plus terms not split by sample (the
 * boundary and initial conditions): L = (1/N) Σ_i ℓ_i + C. Group b's loss is the mean over its
 * own samples plus the same terms, L_b = (1/|G_b|) Σ_{i∈G_b} ℓ_i + C, so its gradient is
 *
 * <pre>
 *   g_b = rest + (N / |G_b|) Σ_{i∈G_b} g_i,        rest = ∇L - Σ_i g_i   (the gradient of C)
 * </pre>
 *
 * with g_i = Σ_uses Σ_s X[sN + i]ᵀ dY[sN + i] the part of sample i (see {@link PerSample}).
 *
 * <ul>
 *   <li><b>B groups.</b> Each group sum S_b = Σ_{i∈G_b} g_i is one product over the group's rows
 *       of X and dY, read in place for contiguous groups ({@link Dense#multAddTransA(DMatrixRMaj,
 *       DMatrixRMaj, int, int, DMatrixRMaj)}); all B of them cost one extra weight-gradient
 *       product, unless the set's {@linkplain SampleSet#gradientGroups() gradient groups} are
 *       these groups: then the backward pass took the weight gradient as the sum of the same
 *       group sums ({@link GroupedWeightGradient}) and they are read, not computed again (with
 *       several uses, each use's group sum is formed alone and they are added in use order, kept
 *       or not). The values x_b = (N/|G_b|) S_b are folded into a running mean and M2 (Welford
 *       1962) as they come, per fixed chunk of groups, and the chunks are combined in order
 *       (Chan, Golub, LeVeque 1979): never B copies of the parameter, and as accurate as the
 *       two-pass formula. Since rest is the same for every group, it shifts the mean only:
 *       μ = ∇L - Σ_i g_i + mean_b x_b, σ² = M2 / B; Σ_i g_i is the sum of the group sums (plus the
 *       samples in no group), so no second product is needed.</li>
 *   <li><b>B = N.</b> g_i' = rest + N g_i, so μ = ∇L and σ² = N Σ_i g_i∘g_i - (Σ_i g_i)∘(Σ_i g_i).
 *       Σ_i g_i∘g_i comes from {@link Dense#sumSquaredSampleProducts} (each g_i formed in
 *       registers and squared, never N x P) when the parameter has one use, else from the
 *       stream-pair identity Σ_i g_i∘g_i = Σ_{s,t} (X_s∘X_t)ᵀ (dY_s∘dY_t).</li>
 * </ul>
 *
 * <p>Every chunk boundary depends on B only, so the result is bit-for-bit the same for any
 * thread count. The requirements of {@link PerSample} hold: the tape's parameter gradients hold
 * exactly one backward pass, and the loss depends on sample i only through the rows of the nodes
 * tagged with the set. A parameter with a non-zero gradient but no tagged use is refused.
 */
public final class GroupStatistics {

    /** Chunks of groups measured in parallel (a constant: the result must not depend on the threads). */
    static final int CHUNKS = 4;

    private static final int SUM = 0;
    private static final int MEAN = 1;
    private static final int M2 = 2;
    private static final int TOTAL = 3;
    /** One use's group sum (a parameter with several uses). */
    static final int USE = 4;

    private GroupStatistics() {
    }

    /**
     * Fills {@code out} with the moments over the groups of {@code grouping} of the gradients of
     * {@code param} for each group's own loss, from the tape's last backward pass.
     *
     * @param out Modified. Shaped like the parameter; its scratch is reused.
     * @return out
     */
    public static GroupMoments measure(Tape tape, Node param, SampleSet set, Grouping grouping, GroupMoments out) {
        if (grouping.samples() != set.size()) {
            throw new IllegalArgumentException("GroupStatistics: the grouping covers " + grouping.samples()
                    + " samples but the set " + set.name() + " has " + set.size());
        }
        if (out.rows != param.rows() || out.cols != param.cols()) {
            throw new IllegalArgumentException("GroupStatistics: the moments are " + out.rows + "x" + out.cols + " but "
                    + param.label() + " is " + param.shape());
        }
        ParameterUses.requireOneBackward(tape);
        List<Use> uses = ParameterUses.find(tape, param, set, out.uses);
        ParameterUses.requireUses(param, set, uses);
        ParameterUses.requireAdjoints(param, uses, use -> readsKeptSums(use, grouping));
        out.setGroups(grouping.groups());
        DMatrixRMaj grad = param.grad();
        if (grad == null) {
            Arrays.fill(out.mean().data, 0.0);
            Arrays.fill(out.variance().data, 0.0);
        } else if (grouping.kind() == Grouping.Kind.PER_SAMPLE) {
            perSample(uses, set.size(), grad, out);
        } else {
            groups(uses, set.size(), grouping, grad, out);
        }
        return out;
    }

    // ------------------------------------------------------------------ B groups

    private static void groups(List<Use> uses, int n, Grouping grouping, DMatrixRMaj grad, GroupMoments out) {
        int groups = grouping.groups();
        int chunks = Math.min(CHUNKS, groups);
        Parallel.forEachChunk(chunks, c -> {
            DMatrixRMaj[] w = out.chunk(c);
            double[] sum = w[SUM].data;
            double[] mean = w[MEAN].data;
            double[] m2 = w[M2].data;
            double[] total = w[TOTAL].data;
            Arrays.fill(mean, 0.0);
            Arrays.fill(m2, 0.0);
            Arrays.fill(total, 0.0);
            int from = firstGroup(groups, chunks, c);
            int to = firstGroup(groups, chunks, c + 1);
            for (int b = from; b < to; b++) {
                Arrays.fill(sum, 0.0);
                groupSum(uses, n, grouping, b, c, out, w[SUM]);
                double scale = (double) n / grouping.size(b);
                int k = b - from + 1;
                for (int e = 0; e < sum.length; e++) {
                    total[e] += sum[e];
                    double x = scale * sum[e];
                    double d = x - mean[e];
                    mean[e] += d / k;
                    m2[e] += d * (x - mean[e]);
                }
            }
        });
        DMatrixRMaj[] acc = out.chunk(0);
        double[] mean = acc[MEAN].data;
        double[] m2 = acc[M2].data;
        double[] total = acc[TOTAL].data;
        long count = firstGroup(groups, chunks, 1);
        for (int c = 1; c < chunks; c++) {
            DMatrixRMaj[] w = out.chunk(c);
            long more = firstGroup(groups, chunks, c + 1) - firstGroup(groups, chunks, c);
            double all = count + more;
            for (int e = 0; e < mean.length; e++) {
                double d = w[MEAN].data[e] - mean[e];
                mean[e] += d * (more / all);
                m2[e] += w[M2].data[e] + d * d * (count * (more / all));
                total[e] += w[TOTAL].data[e];
            }
            count += more;
        }
        if (grouping.ungrouped() > 0) {
            DMatrixRMaj rest = acc[SUM];
            Arrays.fill(rest.data, 0.0);
            if (grouping.kind() == Grouping.Kind.CONTIGUOUS) {
                contiguousSum(uses, n, grouping, -1, grouping.start(groups), n, acc[USE], rest);
            } else {
                membersSum(uses, n, grouping.partition().ungroupedView(), 0, out, rest);
            }
            Dense.addEquals(acc[TOTAL], 1.0, rest);
        }
        double[] mu = out.mean().data;
        double[] var = out.variance().data;
        for (int e = 0; e < mu.length; e++) {
            mu[e] = grad.data[e] - total[e] + mean[e];
            var[e] = m2[e] / groups;
        }
    }

    /** The first group of chunk c when B groups are cut into {@code chunks} chunks. */
    static int firstGroup(int groups, int chunks, int c) {
        return (int) ((long) groups * c / chunks);
    }

    /**
     * out += Σ_{i∈G_b} g_i, out being zero: each use's own group sum (the one its backward pass
     * kept, if it kept those of this grouping), added in use order.
     */
    private static void groupSum(List<Use> uses, int n, Grouping grouping, int b, int chunk, GroupMoments ws,
            DMatrixRMaj out) {
        if (grouping.kind() != Grouping.Kind.CONTIGUOUS) {
            membersSum(uses, n, grouping.partition().membersView(b), chunk, ws, out);
            return;
        }
        int lo = grouping.start(b);
        contiguousSum(uses, n, grouping, b, lo, lo + grouping.size(b), ws.chunk(chunk)[USE], out);
    }

    /**
     * out += Σ_{lo <= i < hi} g_i for group b of a contiguous grouping, or for its samples in no
     * group (b = -1), out being zero: with one use, its sum; with several, each use's sum formed
     * alone in {@code one} and added in use order, so that kept and computed sums agree.
     */
    private static void contiguousSum(List<Use> uses, int n, Grouping grouping, int b, int lo, int hi,
            DMatrixRMaj one, DMatrixRMaj out) {
        if (uses.size() == 1) {
            useSum(uses.get(0), n, grouping, b, lo, hi, out);
            return;
        }
        for (Use use : uses) {
            Arrays.fill(one.data, 0.0);
            useSum(use, n, grouping, b, lo, hi, one);
            Dense.addEquals(out, 1.0, one);
        }
    }

    /** out += use's part of Σ_{lo <= i < hi} g_i: the kept S_b (R for b = -1), or computed in place. */
    private static void useSum(Use use, int n, Grouping grouping, int b, int lo, int hi, DMatrixRMaj out) {
        if (readsKeptSums(use, grouping)) {
            Dense.addEquals(out, 1.0, b < 0 ? use.groupSums().rest() : use.groupSums().sum(b));
        } else {
            rowsSum(use, n, lo, hi, out);
        }
    }

    /** Whether the use's backward pass kept the group sums of this (contiguous) grouping. */
    private static boolean readsKeptSums(Use use, Grouping grouping) {
        return grouping.kind() == Grouping.Kind.CONTIGUOUS && use.groupSums() != null
                && use.groupSums().holds(grouping);
    }

    /** out += Σ_{i∈members} g_i, the rows gathered into chunk {@code chunk}'s scratch. */
    private static void membersSum(List<Use> uses, int n, int[] members, int chunk, GroupMoments ws,
            DMatrixRMaj out) {
        DMatrixRMaj xb = ws.gatherX(chunk);
        DMatrixRMaj dyb = ws.gatherDy(chunk);
        for (Use use : uses) {
            int streams = use.streams(n);
            ParameterUses.gather(use.dy(), members, n, streams, dyb);
            if (use.isBias()) {
                Dense.sumColsAdd(dyb, 0, dyb.numRows, out);
            } else {
                ParameterUses.gather(use.x(), members, n, streams, xb);
                Dense.multAddTransA(xb, dyb, out);
            }
        }
    }

    /** out += use's part of Σ_{lo <= i < hi} g_i, the rows read in place in every stream. */
    private static void rowsSum(Use use, int n, int lo, int hi, DMatrixRMaj out) {
        if (!use.isBias()) {
            GroupedWeightGradient.addRows(use.x(), use.dy(), n, use.streams(n), lo, hi, out);
            return;
        }
        for (int s = 0; s < use.streams(n); s++) {
            Dense.sumColsAdd(use.dy(), s * n + lo, s * n + hi, out);
        }
    }

    // ------------------------------------------------------------------ B = N

    private static void perSample(List<Use> uses, int n, DMatrixRMaj grad, GroupMoments out) {
        DMatrixRMaj[] w = out.chunk(0);
        DMatrixRMaj squares = w[M2];
        DMatrixRMaj total = w[TOTAL];
        Arrays.fill(squares.data, 0.0);
        Arrays.fill(total.data, 0.0);
        for (Use use : uses) {
            if (use.isBias()) {
                Dense.sumColsAdd(use.dy(), 0, use.rows(), total);
            } else {
                Dense.multAddTransA(use.x(), use.dy(), 0, use.rows(), total);
            }
        }
        if (uses.size() == 1 && !uses.get(0).isBias()) {
            Dense.sumSquaredSampleProducts(uses.get(0).x(), uses.get(0).dy(), n, squares);
        } else {
            streamPairs(uses, n, out, squares);
        }
        double[] mu = out.mean().data;
        double[] var = out.variance().data;
        for (int e = 0; e < mu.length; e++) {
            mu[e] = grad.data[e];
            double t = total.data[e];
            var[e] = Math.max(0.0, n * squares.data[e] - t * t);
        }
    }

    /**
     * out += Σ_i g_i∘g_i by the stream-pair identity over all (use, stream) pairs a <= c:
     * (1 or 2) (X_a∘X_c)ᵀ (dY_a∘dY_c), a bias's X being ones.
     */
    private static void streamPairs(List<Use> uses, int n, GroupMoments ws, DMatrixRMaj out) {
        int total = 0;
        for (Use use : uses) {
            total += use.streams(n);
        }
        DMatrixRMaj p = ws.pairX;
        DMatrixRMaj q = ws.pairDy;
        p.reshape(n, out.numRows);
        q.reshape(n, out.numCols);
        for (int a = 0; a < total; a++) {
            for (int c = a; c < total; c++) {
                Use ua = useOf(uses, n, a);
                Use uc = useOf(uses, n, c);
                int ra = streamOf(uses, n, a) * n;
                int rc = streamOf(uses, n, c) * n;
                double factor = a == c ? 1.0 : 2.0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < p.numCols; j++) {
                        double xa = ua.isBias() ? 1.0 : ua.x().data[(ra + i) * p.numCols + j];
                        double xc = uc.isBias() ? 1.0 : uc.x().data[(rc + i) * p.numCols + j];
                        p.data[i * p.numCols + j] = factor * xa * xc;
                    }
                    for (int j = 0; j < q.numCols; j++) {
                        q.data[i * q.numCols + j] = ua.dy().data[(ra + i) * q.numCols + j]
                                * uc.dy().data[(rc + i) * q.numCols + j];
                    }
                }
                Dense.multAddTransA(p, q, out);
            }
        }
    }

    private static Use useOf(List<Use> uses, int n, int stream) {
        for (Use use : uses) {
            if (stream < use.streams(n)) {
                return use;
            }
            stream -= use.streams(n);
        }
        throw new IllegalStateException("stream out of range");
    }

    private static int streamOf(List<Use> uses, int n, int stream) {
        for (Use use : uses) {
            if (stream < use.streams(n)) {
                return stream;
            }
            stream -= use.streams(n);
        }
        throw new IllegalStateException("stream out of range");
    }
}
