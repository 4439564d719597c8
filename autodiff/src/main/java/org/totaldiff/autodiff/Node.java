package org.totaldiff.autodiff;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * One value on a {@link Tape}: a matrix whose rows are usually samples, the operation that made
 * it, and after {@link Tape#backward} its adjoint (the gradient of the loss with respect to it).
 *
 * <p>A node made by an operation lives until the tape is {@linkplain Tape#rewind() rewound};
 * using it afterwards is an {@link IllegalStateException}. Parameters live as long as the tape.
 *
 * <p>Rows can carry a <em>sample layout</em>: the rows are {@code streams} stacked blocks of the
 * {@code samples().size()} points of a {@link SampleSet}, row {@code s * N + i} belonging to
 * point i. {@link PerSample} uses it to split a gradient by sample.
 *
 * <p><b>Which adjoints are kept.</b> After {@link Tape#backward} the adjoints of the leaves and
 * of the outputs of products and bias additions (the dY of every parameter use, which
 * {@link PerSample} and {@link GroupStatistics} split) stay readable until the next rewind. Every
 * other node's adjoint is a working buffer: it is handed back to the tape as soon as the backward
 * pass has used it, and the next node takes it (a PINN's activations then cost one adjoint buffer
 * instead of one per layer). Reading such an adjoint afterwards is an
 * {@link IllegalStateException}; call {@link #retainGrad()} before the backward pass to keep it,
 * as in PyTorch.
 */
public final class Node {

    final Tape tape;
    final int generation;
    /** Position in the recording, or -1 for a parameter. */
    final int index;
    final String name;
    final Op op;
    final Node[] inputs;
    final DMatrixRMaj value;
    final boolean requiresGrad;
    final SampleSet samples;
    final int streams;
    private final Tape.Slot slot;
    private DMatrixRMaj grad;
    private boolean fresh;
    private boolean retain;
    private boolean released;
    private GroupedWeightGradient groupSums;

    Node(Tape tape, int index, String name, Op op, Node[] inputs, DMatrixRMaj value, boolean requiresGrad,
            SampleSet samples, int streams, Tape.Slot slot) {
        this.tape = tape;
        this.generation = tape.generation();
        this.index = index;
        this.name = name;
        this.op = op;
        this.inputs = inputs;
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.samples = samples;
        this.streams = streams;
        this.slot = slot;
        this.retain = inputs.length == 0 || op.keepsAdjoint();
        if (index < 0 && requiresGrad) {
            grad = new DMatrixRMaj(value.numRows, value.numCols);
        }
    }

    /** The value. Not a copy: do not modify it while the node is in use. */
    public DMatrixRMaj value() {
        checkLive();
        return value;
    }

    /** The value of a 1x1 node. */
    public double scalar() {
        checkLive();
        if (value.numRows != 1 || value.numCols != 1) {
            throw new IllegalStateException("scalar: " + label() + " is " + shape() + ", not 1x1");
        }
        return value.data[0];
    }

    /**
     * The adjoint after {@link Tape#backward}, or {@code null} when no gradient reached this node
     * (it is zero). For a parameter, the gradient accumulated since {@link Tape#zeroGrad()}.
     */
    public DMatrixRMaj grad() {
        checkLive();
        if (released) {
            throw new IllegalStateException("the adjoint of " + label() + " = " + op.describe(this) + " was handed back"
                    + " to the tape after the backward pass used it; call retainGrad() on it before backward to keep it");
        }
        return grad;
    }

    /**
     * Keeps this node's adjoint readable after the backward pass (see the class comment).
     *
     * @return this
     */
    public Node retainGrad() {
        checkLive();
        retain = true;
        return this;
    }

    /** The adjoint, or null if none reached this node or it was handed back (for the tape's own walks). */
    DMatrixRMaj adjoint() {
        return grad;
    }

    /** This node's adjoint is a working one after all: handed back once the backward pass has used it. */
    void handBackAfterBackward() {
        retain = false;
    }

    /** Whether the backward pass handed this node's adjoint back. */
    boolean adjointHandedBack() {
        return released;
    }

    /** After this node's backward rule ran: hands a working adjoint back to the tape. */
    void releaseAdjoint() {
        if (!retain && grad != null) {
            tape.giveBack(grad);
            grad = null;
            released = true;
        }
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** "25600x128". */
    public String shape() {
        return value.numRows + "x" + value.numCols;
    }

    /** The sample set the rows belong to, or null. */
    public SampleSet samples() {
        return samples;
    }

    /** How many stacked blocks of samples the rows hold (1 unless this is a stacked jet). */
    public int streams() {
        return streams;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isParameter() {
        return index < 0;
    }

    /** The name of a leaf, or {@code %i} for the i-th recorded node. */
    public String label() {
        if (name != null) {
            return name;
        }
        return "%" + index;
    }

    @Override
    public String toString() {
        return label() + " " + shape();
    }

    /**
     * The adjoint for an operation that will write every element of it: if no adjoint exists
     * yet it is created without zeroing and {@code fresh} is true, so the caller assigns
     * instead of adding (saving a pass over memory); otherwise the caller adds. Null if no
     * gradient is needed.
     */
    DMatrixRMaj gradForWrite() {
        if (!requiresGrad) {
            return null;
        }
        if (grad == null) {
            grad = newAdjoint();
            fresh = true;
        } else {
            fresh = false;
        }
        return grad;
    }

    /** True right after {@link #gradForWrite()} created the adjoint (its contents are garbage). */
    boolean gradIsFresh() {
        return fresh;
    }

    /** The adjoint to accumulate into, created (zero) on first use; null if no gradient is needed. */
    DMatrixRMaj gradForAccumulation() {
        if (!requiresGrad) {
            return null;
        }
        if (grad == null) {
            grad = newAdjoint();
            Arrays.fill(grad.data, 0, value.getNumElements(), 0.0);
        }
        return grad;
    }

    /** A kept adjoint lives in this position's slot; a working one is borrowed from the tape. */
    private DMatrixRMaj newAdjoint() {
        return retain ? slot.grad(value.numRows, value.numCols) : tape.borrow(value.numRows, value.numCols);
    }

    /**
     * The k-th buffer, shaped like the value, in which an operation saves what its backward rule
     * needs (an activation's derivatives); reused by later recordings at the same position.
     */
    DMatrixRMaj buffer(int k) {
        return slot.saved(k, value.numRows, value.numCols);
    }

    /** The k-th saved buffer, shaped rows x cols. */
    DMatrixRMaj buffer(int k, int rows, int cols) {
        return slot.saved(k, rows, cols);
    }

    /**
     * The group sums of this product's weight gradient, kept in this position's slot; from now on
     * {@link #groupSums()} returns them (the backward pass is filling them).
     */
    GroupedWeightGradient keepGroupSums() {
        groupSums = slot.groupedGradient();
        return groupSums;
    }

    /** The group sums the backward pass of this recording took, or null if it took none. */
    GroupedWeightGradient groupSums() {
        return groupSums;
    }

    void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad.data, 0, grad.getNumElements(), 0.0);
        }
    }

    void checkLive() {
        if (index >= 0 && generation != tape.generation()) {
            throw new IllegalStateException(label() + " was recorded before the tape was rewound;"
                    + " record it again in the new pass");
        }
    }
}
