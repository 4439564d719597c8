package org.totaldiff.pinn.loss;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.optim.OptimizerState;

/**
 * Causal training of time-dependent PINNs (Wang, Sankaran and Perdikaris 2024, "Respecting
 * causality for training physics-informed neural networks", CMAME 421, 116813; arXiv:2203.07404).
 * The time interval is cut into M equal slices; with L_k the residual loss of the points in slice
 * k, slice k's loss counts only once the slices before it are fitted:
 *
 * <pre>
 *   L_r = (1/M) Σ_k w_k L_k,      w_k = exp(-ε Σ_{j&lt;k} L_j),   w_0 = 1,
 * </pre>
 *
 * with no gradient through w. In the loss mean_i (λ_i r_i)² that is the per-point weight
 * λ_i = λ'_i sqrt(w_k N / (M n_k)) for point i in slice k (n_k points), where λ'_i are the
 * weights of the wrapped weighting (1 for none, RBA's, ...) and L_k = (1/n_k) Σ_{i∈k} (λ'_i r_i)²:
 * causality composes with any other weighting. A slice with no points contributes nothing.
 *
 * <p>The causal weights are a function of this iteration's residuals only, so the state to save
 * and restore is the wrapped weighting's. {@link #minSliceWeight()} is w of the last slice
 * (the smallest), the paper's signal that causality has been met (close to 1).
 */
public final class CausalWeighting implements ResidualWeighting {

    private final ResidualWeighting inner;
    private final int timeColumn;
    private final double t0;
    private final double t1;
    private int[] slice;
    private final int[] count;
    private final int slices;
    private final double epsilon;
    private final double[] sliceLoss;
    private final double[] factor;
    private DMatrixRMaj lambda;
    private double minWeight = Double.NaN;

    /**
     * @param inner the weighting whose weights the causal factors multiply
     * @param points the collocation points (N x d)
     * @param timeColumn the column of {@code points} that holds the time (also of points added later)
     * @param t0 start of the time interval
     * @param t1 end of the time interval
     * @param slices M, at least 1
     * @param epsilon the causality parameter ε, finite and &gt;= 0 (0: every slice counts fully)
     */
    public CausalWeighting(ResidualWeighting inner, DMatrixRMaj points, int timeColumn, double t0, double t1,
            int slices, double epsilon) {
        if (slices < 1) {
            throw new IllegalArgumentException("causal weighting: slices must be >= 1, got " + slices);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("causal weighting: epsilon must be a finite number >= 0, got " + epsilon);
        }
        if (!(t1 > t0)) {
            throw new IllegalArgumentException("causal weighting: the time interval [" + t0 + ", " + t1 + "] is empty");
        }
        if (timeColumn < 0 || timeColumn >= points.numCols) {
            throw new IllegalArgumentException("causal weighting: time column " + timeColumn + " of points with "
                    + points.numCols + " columns");
        }
        this.inner = inner;
        this.timeColumn = timeColumn;
        this.t0 = t0;
        this.t1 = t1;
        this.slices = slices;
        this.epsilon = epsilon;
        this.slice = new int[0];
        this.count = new int[slices];
        this.sliceLoss = new double[slices];
        this.factor = new double[slices];
        this.lambda = new DMatrixRMaj(0, 1);
        assignSlices(points);
    }

    /** A weighting over points given by their times alone (one column). */
    public CausalWeighting(ResidualWeighting inner, double[] time, double t0, double t1, int slices, double epsilon) {
        this(inner, new DMatrixRMaj(time.length, 1, true, time), 0, t0, t1, slices, epsilon);
    }

    /** Appends the slices of {@code points} (their time column) to those of the points before. */
    private void assignSlices(DMatrixRMaj points) {
        int n = slice.length;
        slice = java.util.Arrays.copyOf(slice, n + points.numRows);
        for (int i = 0; i < points.numRows; i++) {
            int k = (int) Math.floor((points.get(i, timeColumn) - t0) / (t1 - t0) * slices);
            slice[n + i] = Math.max(0, Math.min(slices - 1, k));
            count[slice[n + i]]++;
        }
        lambda = new DMatrixRMaj(slice.length, 1);
    }

    /** The added points get their slices; the wrapped weighting grows its own weights. */
    @Override
    public void addPoints(DMatrixRMaj points) {
        assignSlices(points);
        inner.addPoints(points);
    }

    @Override
    public String name() {
        return inner.name() + "+causal";
    }

    @Override
    public DMatrixRMaj update(DMatrixRMaj residual, int iteration) {
        int n = residual.getNumElements();
        if (n != slice.length) {
            throw new IllegalArgumentException("causal weighting: " + n + " residuals but " + slice.length + " points");
        }
        DMatrixRMaj base = inner.update(residual, iteration);
        java.util.Arrays.fill(sliceLoss, 0.0);
        for (int i = 0; i < n; i++) {
            double r = base == null ? residual.data[i] : base.data[i] * residual.data[i];
            sliceLoss[slice[i]] += r * r;
        }
        double before = 0;
        for (int k = 0; k < slices; k++) {
            double w = StrictMath.exp(-epsilon * before);
            factor[k] = count[k] == 0 ? 0 : Math.sqrt(w * n / ((double) slices * count[k]));
            if (count[k] > 0) {
                sliceLoss[k] /= count[k];
                minWeight = w;
            }
            before += sliceLoss[k];
        }
        for (int i = 0; i < n; i++) {
            double f = factor[slice[i]];
            lambda.data[i] = base == null ? f : base.data[i] * f;
        }
        return lambda;
    }

    @Override
    public DMatrixRMaj weights() {
        return Double.isNaN(minWeight) ? null : lambda;
    }

    @Override
    public DMatrixRMaj attention() {
        return inner.attention();
    }

    @Override
    public void restore(DMatrixRMaj weights) {
        inner.restore(weights);
    }

    /** The causal factors are recomputed from the next residuals, not restored. */
    @Override
    public boolean restoresLossWeights() {
        return false;
    }

    @Override
    public OptimizerState state() {
        return inner.state();
    }

    @Override
    public void restoreState(OptimizerState state) {
        inner.restoreState(state);
    }

    /** The causal weight of the last slice with points after the latest update (NaN before it). */
    public double minSliceWeight() {
        return minWeight;
    }

    /** The slice losses L_k of the latest update (with the wrapped weights). */
    public double[] sliceLosses() {
        return sliceLoss.clone();
    }
}
