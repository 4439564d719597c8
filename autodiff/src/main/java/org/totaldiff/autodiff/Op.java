package org.totaldiff.autodiff;

/**
 * A primitive operation: its forward rule and its vector-Jacobian product, side by side.
 *
 * <p>{@link #forward} fills {@code out.value} from the values of {@code out.inputs};
 * {@link #backward} reads {@code out.grad()} (never null when called) and adds the products
 * with the Jacobian into the inputs' adjoints, skipping inputs that need no gradient
 * ({@link Node#gradForAccumulation()} is null for them). Shapes were checked by the {@link Tape}
 * when the node was recorded.
 */
abstract class Op {

    /** The name printed by {@link Tape#toString()} and used in error messages. */
    abstract String name();

    abstract void forward(Node out);

    abstract void backward(Node out);

    /**
     * True for the operations whose output adjoint is the dY of a parameter use (products and
     * bias additions): the tape keeps it after the backward pass, for {@link PerSample}. Other
     * outputs' adjoints are working buffers handed back once used (see {@link Node}).
     */
    boolean keepsAdjoint() {
        return false;
    }

    /** The right-hand side of the node's equation, e.g. {@code matmul(%3, W1)}. */
    String describe(Node out) {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < out.inputs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(out.inputs[i].label());
        }
        return sb.append(')').toString();
    }
}
