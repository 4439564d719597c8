package org.totaldiff.autodiff;

import org.ejml.data.DMatrixRMaj;

/**
 * A network's value together with its derivatives with respect to the network's inputs,
 * pushed forward layer by layer (forward mode) as ordinary operations on a {@link Tape}, so one
 * backward pass gives the parameter gradient of any loss built from u, u_x, u_xx, u_xy, ...
 *
 * <p>The streams of a jet (see {@link JetLayout}) are stacked as row blocks of one matrix, N
 * rows each, so that one matrix product serves all of them. For a dense layer z = a W + b and
 * an activation s (k, l are input directions):
 *
 * <pre>
 *   z = a W + b      z_k = a_k W      z_kl = a_kl W            (the bias enters the value only)
 *   y = s(z)         y_k = s'(z) z_k  y_kl = s''(z) z_k z_l + s'(z) z_kl
 * </pre>
 *
 * At the input a = x, a_k = e_k (the k-th unit row), a_kl = 0.
 *
 * <pre>{@code
 * JetLayout layout = JetLayout.of(2).withSecond(0, 0).withSecond(1, 1);
 * Jet h = Jet.input(tape, "x", points, collocation, layout);
 * h = h.linear(w1, b1).map(Functions.TANH);
 * Jet u = h.linear(w2, b2);
 * Node laplacian = tape.add(u.d(0, 0), u.d(1, 1));
 * }</pre>
 */
public final class Jet {

    private final Tape tape;
    private final Node stack;
    private final JetLayout layout;
    private final int samples;

    private Jet(Tape tape, Node stack, JetLayout layout, int samples) {
        this.tape = tape;
        this.stack = stack;
        this.layout = layout;
        this.samples = samples;
    }

    /**
     * The jet of the inputs themselves: value x (N x d), first derivative along k the unit row
     * e_k, second derivatives zero.
     *
     * @param set the sample set the rows belong to (for {@link PerSample}), or null
     */
    public static Jet input(Tape tape, String name, DMatrixRMaj x, SampleSet set, JetLayout layout) {
        int n = x.numRows;
        int d = x.numCols;
        if (d != layout.directions()) {
            throw new IllegalArgumentException("Jet.input: " + name + " has " + d + " columns but the layout has "
                    + layout.directions() + " input directions");
        }
        if (set != null && set.size() != n) {
            throw new IllegalArgumentException("Jet.input: " + name + " has " + n + " rows but the sample set "
                    + set.name() + " has " + set.size() + " points");
        }
        DMatrixRMaj stacked = tape.nextLeafBuffer(layout.streams() * n, d);
        java.util.Arrays.fill(stacked.data, 0, stacked.getNumElements(), 0.0);
        System.arraycopy(x.data, 0, stacked.data, 0, n * d);
        for (int k = 0; k < d; k++) {
            int row0 = layout.firstStream(k) * n;
            for (int i = 0; i < n; i++) {
                stacked.data[(row0 + i) * d + k] = 1.0;
            }
        }
        Node leaf = tape.leaf(name, stacked, set, layout.streams());
        return new Jet(tape, leaf, layout, n);
    }

    /** z = a W + b, applied to every stream (the bias to the value stream only). */
    public Jet linear(Node w, Node b) {
        return new Jet(tape, tape.linear(stack, w, b, samples), layout, samples);
    }

    /** y = f(z) with the jet rules for the derivative streams. */
    public Jet map(ScalarFunction f) {
        return new Jet(tape, tape.jetMap(f, layout, samples, stack), layout, samples);
    }

    /** alpha times every stream (the derivative of alpha u is alpha times u's). */
    public Jet scale(double alpha) {
        return new Jet(tape, tape.scale(alpha, stack), layout, samples);
    }

    /** Columns [from, to) of every stream: some outputs of a layer, or some inputs. */
    public Jet sliceCols(int from, int to) {
        return new Jet(tape, tape.sliceCols(stack, from, to), layout, samples);
    }

    /** The columns of the jets side by side (same layout and points), stream by stream. */
    public static Jet concatCols(Jet... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("Jet.concatCols: needs at least one jet");
        }
        Node[] stacks = new Node[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].layout != parts[0].layout && !parts[i].layout.toString().equals(parts[0].layout.toString())) {
                throw new IllegalArgumentException("Jet.concatCols: layouts differ: " + parts[0].layout + " and "
                        + parts[i].layout);
            }
            stacks[i] = parts[i].stack;
        }
        return new Jet(parts[0].tape, parts[0].tape.concatCols(stacks), parts[0].layout, parts[0].samples);
    }

    /** The value stream, N x n. */
    public Node value() {
        return stream(0);
    }

    /** The first derivative along input direction k. */
    public Node d(int k) {
        return stream(layout.firstStream(k));
    }

    /** The second derivative along input directions k and l (it must be in the layout). */
    public Node d(int k, int l) {
        return stream(layout.secondStream(k, l));
    }

    /** All streams stacked, (streams N) x n. */
    public Node stack() {
        return stack;
    }

    public JetLayout layout() {
        return layout;
    }

    /** Points per stream. */
    public int samples() {
        return samples;
    }

    private Node stream(int s) {
        return tape.sliceRows(stack, s * samples, (s + 1) * samples);
    }
}
