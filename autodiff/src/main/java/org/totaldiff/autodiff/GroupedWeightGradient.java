package org.totaldiff.autodiff;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Parallel;

/**
 * The weight gradient W̄ += Xᵀ dY of a product Y = X W whose rows are the N samples of a set with
 * {@linkplain SampleSet#gradientGroups() gradient groups}, taken group by group, with the group
 * sums kept for {@link GroupStatistics}:
 *
 * <pre>
 *   S_b = Σ_s X[sN + G_b]ᵀ dY[sN + G_b]            (group b, its rows in every stream s, in place)
 *   T_c = S_first(c) + ... + S_last(c)              (chunk c of the groups, {@link GroupStatistics#CHUNKS} chunks)
 *   W̄  += T_0 + T_1 + ... + R                       (R: the samples in no group)
 * </pre>
 *
 * Each S_b is computed exactly as {@link GroupStatistics} computes one use's group sum (the
 * streams added in order onto zero), so the SNR statistics of that grouping read the kept S_b
 * instead of a second weight-gradient product, with the same bits.
 *
 * <p>The chunks depend on the grouping only, so the result is the same for any thread count. The
 * gradient is Xᵀ dY up to rounding; its rounding is that of these sums (not of one long product),
 * whether or not anything reads the group sums. Only products whose groups are large enough
 * ({@link #pays}: a decision on the shapes alone) are taken this way: below that, B·streams
 * small products cost more than one long one, and the SNR statistics compute their group sums
 * themselves (docs/performance.md, run 13).
 */
final class GroupedWeightGradient {

    /**
     * Multiply-adds of one group's product in one stream (⌊N/B⌋ m p) from which grouping pays: at
     * 128 x 128 weights, groups of 64 points were as fast as one product (run 13), smaller ones slower.
     */
    static final long MIN_GROUP_WORK = 1L << 20;

    private Grouping grouping;
    private DMatrixRMaj[] sums = new DMatrixRMaj[0];
    private final DMatrixRMaj[] totals = new DMatrixRMaj[GroupStatistics.CHUNKS];
    private DMatrixRMaj rest;

    /**
     * W̄ += Xᵀ dY by the groups of {@code grouping}, keeping every group sum.
     *
     * @param x Not modified. streams·N x m, the stacked streams of the samples.
     * @param dy Not modified. streams·N x p.
     * @param gw Modified. m x p, accumulated onto.
     */
    void accumulate(DMatrixRMaj x, DMatrixRMaj dy, Grouping grouping, DMatrixRMaj gw) {
        int n = grouping.samples();
        int streams = x.numRows / n;
        int groups = grouping.groups();
        shape(grouping, gw.numRows, gw.numCols);
        int chunks = Math.min(GroupStatistics.CHUNKS, groups);
        Parallel.forEachChunk(chunks, c -> {
            DMatrixRMaj total = totals[c];
            Arrays.fill(total.data, 0, total.getNumElements(), 0.0);
            for (int b = GroupStatistics.firstGroup(groups, chunks, c); b < GroupStatistics.firstGroup(groups, chunks,
                    c + 1); b++) {
                DMatrixRMaj s = sums[b];
                Arrays.fill(s.data, 0, s.getNumElements(), 0.0);
                int lo = grouping.start(b);
                addRows(x, dy, n, streams, lo, lo + grouping.size(b), s);
                Dense.addEquals(total, 1.0, s);
            }
        });
        for (int c = 0; c < chunks; c++) {
            Dense.addEquals(gw, 1.0, totals[c]);
        }
        Arrays.fill(rest.data, 0, rest.getNumElements(), 0.0);
        if (grouping.ungrouped() > 0) {
            addRows(x, dy, n, streams, grouping.start(groups), n, rest);
            Dense.addEquals(gw, 1.0, rest);
        }
    }

    /** Whether an m x p weight's gradient is taken by the groups of {@code grouping}: whether they are large enough. */
    static boolean pays(Grouping grouping, int m, int p) {
        return (long) (grouping.samples() / grouping.groups()) * m * p >= MIN_GROUP_WORK;
    }

    /** Whether the kept sums are those of {@code other}'s groups. */
    boolean holds(Grouping other) {
        return grouping != null && grouping.sameGroupsAs(other);
    }

    /** R of the last {@link #accumulate}: the product over the samples in no group (zero if none). Not a copy. */
    DMatrixRMaj rest() {
        return rest;
    }

    /** S_b of the last {@link #accumulate}. Not a copy. */
    DMatrixRMaj sum(int b) {
        return sums[b];
    }

    /** out += Σ_{lo <= i < hi} Σ_s X[sN + i]ᵀ dY[sN + i], stream by stream. */
    static void addRows(DMatrixRMaj x, DMatrixRMaj dy, int n, int streams, int lo, int hi, DMatrixRMaj out) {
        for (int s = 0; s < streams; s++) {
            Dense.multAddTransA(x, dy, s * n + lo, s * n + hi, out);
        }
    }

    /** Sizes the buffers for this grouping and an m x p parameter, once (reused by later steps). */
    private void shape(Grouping g, int m, int p) {
        boolean same = grouping != null && grouping.sameGroupsAs(g) && rest.numRows == m && rest.numCols == p;
        grouping = g;
        if (same) {
            return;
        }
        if (sums.length != g.groups()) {
            sums = new DMatrixRMaj[g.groups()];
        }
        for (int b = 0; b < sums.length; b++) {
            sums[b] = reuse(sums[b], m, p);
        }
        for (int c = 0; c < totals.length; c++) {
            totals[c] = reuse(totals[c], m, p);
        }
        rest = reuse(rest, m, p);
    }

    private static DMatrixRMaj reuse(DMatrixRMaj d, int m, int p) {
        if (d == null) {
            return new DMatrixRMaj(m, p);
        }
        d.reshape(m, p);
        return d;
    }
}
