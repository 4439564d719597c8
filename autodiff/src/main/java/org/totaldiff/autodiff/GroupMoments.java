package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The element-wise moments over B groups of one parameter's group gradients g_b, filled by
 * {@link GroupStatistics#measure}:
 *
 * <pre>
 *   mean     μ  = (1/B) Σ_b g_b
 *   variance σ² = (1/B) Σ_b (g_b - μ)²        (population variance, numpy's default ddof = 0)
 * </pre>
 *
 * The caller allocates one per parameter, once, and passes it to every measurement: it owns
 * the result and all the scratch space, so a steady-state measurement allocates no matrix. The
 * scratch is a fixed number of parameter-sized buffers (four per chunk of groups, never B).
 */
public final class GroupMoments {

    final int rows;
    final int cols;
    private final DMatrixRMaj mean;
    private final DMatrixRMaj variance;
    private int groups;
    /** Per chunk of groups: [group sum, running mean, running M2, sum of group sums, one use's group sum]. */
    private final DMatrixRMaj[][] chunk = new DMatrixRMaj[GroupStatistics.CHUNKS][];
    /** Per chunk: gathered rows of X and dY (non-contiguous groups only). */
    final DMatrixRMaj[] gatherX = new DMatrixRMaj[GroupStatistics.CHUNKS];
    final DMatrixRMaj[] gatherDy = new DMatrixRMaj[GroupStatistics.CHUNKS];
    /** Per-sample stream-pair products (a parameter with several uses). */
    final DMatrixRMaj pairX = new DMatrixRMaj(1, 1);
    final DMatrixRMaj pairDy = new DMatrixRMaj(1, 1);
    final List<ParameterUses.Use> uses = new ArrayList<>();

    /** Moments of a rows x cols parameter. */
    public GroupMoments(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("GroupMoments: shape must be at least 1x1, got " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.mean = new DMatrixRMaj(rows, cols);
        this.variance = new DMatrixRMaj(rows, cols);
    }

    /** Moments shaped like {@code param}. */
    public static GroupMoments like(Node param) {
        return new GroupMoments(param.rows(), param.cols());
    }

    /** μ, shaped like the parameter. Not a copy. */
    public DMatrixRMaj mean() {
        return mean;
    }

    /** σ² (population), shaped like the parameter. Not a copy. */
    public DMatrixRMaj variance() {
        return variance;
    }

    /** B of the last measurement (0 before the first). */
    public int groups() {
        return groups;
    }

    void setGroups(int groups) {
        this.groups = groups;
    }

    /** The five buffers of chunk c, allocated on first use. */
    DMatrixRMaj[] chunk(int c) {
        if (chunk[c] == null) {
            chunk[c] = new DMatrixRMaj[] {new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols),
                new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols), new DMatrixRMaj(rows, cols)};
        }
        return chunk[c];
    }

    DMatrixRMaj gatherX(int c) {
        if (gatherX[c] == null) {
            gatherX[c] = new DMatrixRMaj(1, 1);
            gatherDy[c] = new DMatrixRMaj(1, 1);
        }
        return gatherX[c];
    }

    DMatrixRMaj gatherDy(int c) {
        gatherX(c);
        return gatherDy[c];
    }
}
