package org.totaldiff.engine;

/**
 * The inner loops of the element-wise kernels and reductions, on raw arrays and index ranges.
 *
 * <p>Internal service interface of the engine: {@link Dense} checks shapes and cuts the work
 * into chunks, and one implementation of this interface runs each chunk, either the Vector
 * API one ({@code org.totaldiff.engine.simd.VectorLoops}) or {@link ScalarLoops}. Every method
 * works on the half-open range [from, to) of its arrays. An implementation must give the same
 * bits as {@link ScalarLoops} for every method (tanh and the reductions as {@link PortableMath}
 * defines them), so that no result depends on the vector length, and the same result for a range
 * whatever the thread that runs it (no shared state).
 */
public interface Loops {

    /** The loops in use: the Vector API ones if {@link Simd#available()}, else scalar ones. */
    static Loops get() {
        return Holder.INSTANCE;
    }

    /** Doubles per vector (1 for the scalar loops). */
    int vectorLength();

    /** t = tanh(z) ({@link PortableMath#tanh}). */
    void tanh(double[] z, double[] t, int from, int to);

    /** t = tanh(z), d1 = tanh'(z) = 1 - t^2, d2 = tanh''(z) = -2 t d1, in one pass. */
    void tanhJet(double[] z, double[] t, double[] d1, double[] d2, int from, int to);

    /** The derivative streams of a tanh jet, as {@link TanhJets#streams}. */
    void tanhJetStreams(double[] z, double[] y, int block, int directions, int[][] pairs, int from, int to);

    /** The adjoint of a tanh jet, as {@link TanhJets#adjoint}. */
    void tanhJetAdjoint(double[] z, double[] y, double[] gy, double[] gz, boolean fresh, int block, int directions,
            int[][] pairs, int from, int to);

    /** c = a * b (element-wise). */
    void mul(double[] a, double[] b, double[] c, int from, int to);

    /** c = c + a * b (element-wise fused multiply-add). */
    void mulAdd(double[] a, double[] b, double[] c, int from, int to);

    /** c = a + b. */
    void add(double[] a, double[] b, double[] c, int from, int to);

    /** c = alpha * a. */
    void scale(double alpha, double[] a, double[] c, int from, int to);

    /** c = c + alpha * a. */
    void addScaled(double alpha, double[] a, double[] c, int from, int to);

    /** Sum of a[i], in {@link PortableMath}'s order. */
    double sum(double[] a, int from, int to);

    /** Sum of a[i]^2 (the dot product of a with itself). */
    double sumSquares(double[] a, int from, int to);

    /** Sum of a[i] * b[i] with fma, in {@link PortableMath}'s order. */
    double dot(double[] a, double[] b, int from, int to);

    /**
     * Column sums of the row-major block rows [rowFrom, rowTo) of an n-column matrix, added
     * into {@code out[0..n)}.
     */
    void addColumnSums(double[] a, int n, int rowFrom, int rowTo, double[] out);

    /** Lazily chosen implementation. */
    final class Holder {
        static final Loops INSTANCE = Simd.load("VectorLoops", Loops.class, new ScalarLoops());

        private Holder() {
        }
    }
}
