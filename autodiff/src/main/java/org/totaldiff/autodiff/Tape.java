package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A reverse-mode tape: operations are recorded in execution order, and {@link #backward} walks
 * the recording once, in reverse, adding each node's vector-Jacobian product into its inputs'
 * adjoints (fan-out needs no special case; a node no gradient reaches allocates nothing).
 *
 * <p>One tape serves a whole training run: {@link #parameter}s persist, and each iteration
 * {@link #rewind()}s the recording and records again. The value and adjoint buffers of the
 * recorded nodes are kept by position and reused, so an iteration that records the same
 * operations on the same shapes allocates no matrices. Parameter gradients accumulate across
 * backward passes until {@link #zeroGrad()}. The adjoints of intermediate values other than
 * products' outputs are working buffers, handed back and reused within the pass (see
 * {@link Node}; {@link Node#retainGrad()} keeps one); {@link #releaseGroupedAdjoints} hands back
 * those of products whose weight gradient is taken by groups as well.
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * Node w = tape.parameter("W", weights);
 * for (int it = 0; it < n; it++) {
 *     tape.rewind();
 *     tape.zeroGrad();
 *     Node x = tape.constant("x", points);
 *     Node loss = tape.mean(tape.map(Functions.SQUARE, tape.matmul(x, w)));
 *     tape.backward(loss);           // w.grad() now holds dLoss/dW
 * }
 * }</pre>
 *
 * <p>Misuse is reported at once: shapes are checked when an operation is recorded
 * ({@link IllegalArgumentException} naming the operation and both shapes); backward from a node
 * that is not 1x1, backward twice on one recording, and nodes from before a rewind are
 * {@link IllegalStateException}s. A tape is not thread-safe; the kernels it calls use every core.
 */
public final class Tape {

    private final List<Node> parameters = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    /** Working adjoints handed back during backward passes, for the next node that needs one. */
    private final List<DMatrixRMaj> spareAdjoints = new ArrayList<>();
    private int generation;
    private boolean backwardDone;
    private boolean releaseGroupedAdjoints;
    private int backwardsSinceZero;

    // ------------------------------------------------------------------ leaves

    /**
     * A trainable leaf that lives as long as the tape. The tape shares {@code value} (an optimizer
     * updating it in place changes what the next recording sees); its gradient is a matrix of the
     * same shape, accumulated by every backward pass until {@link #zeroGrad()}.
     */
    public Node parameter(String name, DMatrixRMaj value) {
        requireName(name);
        Node p = new Node(this, -1, name, Leaf.PARAMETER, new Node[0], value, true, null, 1, null);
        parameters.add(p);
        return p;
    }

    /** A constant leaf of this recording (no gradient). The tape shares {@code value}. */
    public Node constant(String name, DMatrixRMaj value) {
        return leaf(name, value, null, 1);
    }

    /**
     * A constant leaf whose rows are the points of {@code set} (one stream), so that
     * {@link PerSample} can split gradients by sample.
     */
    public Node samples(String name, DMatrixRMaj value, SampleSet set) {
        if (value.numRows != set.size()) {
            throw new IllegalArgumentException("samples: " + name + " has " + value.numRows + " rows but the sample set "
                    + set.name() + " has " + set.size() + " points");
        }
        return leaf(name, value, set, 1);
    }

    /** A constant leaf of {@code streams} stacked sample blocks (a jet's input). */
    Node leaf(String name, DMatrixRMaj value, SampleSet set, int streams) {
        requireName(name);
        Node n = new Node(this, nodes.size(), name, Leaf.CONSTANT, new Node[0], value, false, set, streams,
                slot(nodes.size()));
        nodes.add(n);
        return n;
    }

    /** A buffer of this recording's next position, for a leaf the tape fills itself (a jet's input). */
    DMatrixRMaj nextLeafBuffer(int rows, int cols) {
        return slot(nodes.size()).value(rows, cols);
    }

    // ------------------------------------------------------------------ products

    /** C = A B. */
    public Node matmul(Node a, Node b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: A is " + a.shape() + ", B is " + b.shape());
        }
        return record(Products.MATMUL, a.rows(), b.cols(), a, a, b);
    }

    /** Z = A W + 1 b: a dense layer. */
    public Node linear(Node a, Node w, Node b) {
        return linear(a, w, b, a.rows());
    }

    /**
     * Z = A W, plus the bias b on the first {@code biasRows} rows only: a dense layer applied to a
     * stacked jet, where the bias enters the value stream and not the derivative streams.
     */
    public Node linear(Node a, Node w, Node b, int biasRows) {
        if (a.cols() != w.rows()) {
            throw new IllegalArgumentException("linear: inner dimensions differ: A is " + a.shape() + ", W is " + w.shape());
        }
        if (b.rows() != 1 || b.cols() != w.cols()) {
            throw new IllegalArgumentException("linear: bias must be 1x" + w.cols() + ", got " + b.shape());
        }
        if (biasRows < 0 || biasRows > a.rows()) {
            throw new IllegalArgumentException("linear: biasRows must be in [0, " + a.rows() + "], got " + biasRows);
        }
        return record(new Products.Linear(biasRows), a.rows(), w.cols(), a, a, w, b);
    }

    // ------------------------------------------------------------------ element-wise

    /** C = A + B. */
    public Node add(Node a, Node b) {
        return combine("add", 1.0, a, 1.0, b);
    }

    /** C = A - B. */
    public Node sub(Node a, Node b) {
        return combine("sub", 1.0, a, -1.0, b);
    }

    /** C = alpha A + beta B. */
    public Node combine(double alpha, Node a, double beta, Node b) {
        return combine("combine", alpha, a, beta, b);
    }

    private Node combine(String name, double alpha, Node a, double beta, Node b) {
        sameShape(name, a, b);
        return record(new ElementWise.Combine(alpha, beta), a.rows(), a.cols(), a, a, b);
    }

    /** C = alpha A. */
    public Node scale(double alpha, Node a) {
        return record(new ElementWise.Scale(alpha), a.rows(), a.cols(), a, a);
    }

    /** C = A o B (Hadamard product). */
    public Node mul(Node a, Node b) {
        sameShape("mul", a, b);
        return record(ElementWise.MUL, a.rows(), a.cols(), a, a, b);
    }

    /** C = A + 1 b: the row vector b added to every row of A. */
    public Node addRow(Node a, Node b) {
        if (b.rows() != 1 || b.cols() != a.cols()) {
            throw new IllegalArgumentException("addRow: row must be 1x" + a.cols() + ", got " + b.shape()
                    + " (A is " + a.shape() + ")");
        }
        return record(ElementWise.ADD_ROW, a.rows(), a.cols(), a, a, b);
    }

    /** Y = f(A), element by element. */
    public Node map(ScalarFunction f, Node a) {
        return record(new ElementWise.Map(f), a.rows(), a.cols(), a, a);
    }

    /**
     * A jet through an activation: {@code z} holds the stacked streams of {@code layout} (value,
     * first derivatives, requested second derivatives), {@code samples} rows each. See {@link Jet}.
     */
    Node jetMap(ScalarFunction f, JetLayout layout, int samples, Node z) {
        if (z.rows() != layout.streams() * samples) {
            throw new IllegalArgumentException("jetMap: " + z.label() + " is " + z.shape() + " but " + layout.streams()
                    + " streams of " + samples + " samples need " + layout.streams() * samples + " rows");
        }
        Op op = f == Functions.TANH ? new TanhJetMap(layout, samples) : new JetMap(f, layout, samples);
        return record(op, z.rows(), z.cols(), z, z);
    }

    // ------------------------------------------------------------------ reductions

    /** s = sum of all elements (1x1). */
    public Node sum(Node a) {
        return record(Reductions.SUM, 1, 1, null, a);
    }

    /** s = mean of all elements (1x1). */
    public Node mean(Node a) {
        if (a.value.getNumElements() == 0) {
            throw new IllegalArgumentException("mean: " + a.label() + " is " + a.shape() + ", the mean of nothing is undefined");
        }
        return record(Reductions.MEAN, 1, 1, null, a);
    }

    /** s = sum of the squares of all elements (1x1). */
    public Node sumSquares(Node a) {
        return record(Reductions.SUM_SQUARES, 1, 1, null, a);
    }

    /** s = mean of the squares of all elements (1x1): the usual PINN loss term. */
    public Node meanSquares(Node a) {
        if (a.value.getNumElements() == 0) {
            throw new IllegalArgumentException("meanSquares: " + a.label() + " is " + a.shape()
                    + ", the mean of nothing is undefined");
        }
        return scale(1.0 / a.value.getNumElements(), sumSquares(a));
    }

    // ------------------------------------------------------------------ slicing and concatenation

    /** Rows [from, to) of A. */
    public Node sliceRows(Node a, int from, int to) {
        if (from < 0 || to > a.rows() || from > to) {
            throw new IllegalArgumentException("sliceRows: rows [" + from + ", " + to + ") are not inside " + a.label()
                    + ", which is " + a.shape());
        }
        SampleSet set = null;
        int streams = 1;
        if (a.samples != null) {
            int n = a.samples.size();
            if (n > 0 && from % n == 0 && (to - from) % n == 0) {
                set = a.samples;
                streams = (to - from) / n;
            }
        }
        return record(new Shapes.SliceRows(from), to - from, a.cols(), set, streams, a);
    }

    /** Columns [from, to) of A. */
    public Node sliceCols(Node a, int from, int to) {
        if (from < 0 || to > a.cols() || from > to) {
            throw new IllegalArgumentException("sliceCols: columns [" + from + ", " + to + ") are not inside "
                    + a.label() + ", which is " + a.shape());
        }
        return record(new Shapes.SliceCols(from), a.rows(), to - from, a, a);
    }

    /** The rows of the inputs, one below the other. */
    public Node concatRows(Node... parts) {
        requireParts("concatRows", parts);
        int rows = 0;
        for (Node p : parts) {
            if (p.cols() != parts[0].cols()) {
                throw new IllegalArgumentException("concatRows: column counts differ: " + parts[0].label() + " is "
                        + parts[0].shape() + ", " + p.label() + " is " + p.shape());
            }
            rows += p.rows();
        }
        SampleSet set = parts[0].samples;
        int streams = 0;
        for (Node p : parts) {
            if (p.samples != set) {
                set = null;
            }
            streams += p.streams;
        }
        return record(Shapes.CONCAT_ROWS, rows, parts[0].cols(), set, set == null ? 1 : streams, parts);
    }

    /** The columns of the inputs, side by side. */
    public Node concatCols(Node... parts) {
        requireParts("concatCols", parts);
        int cols = 0;
        for (Node p : parts) {
            if (p.rows() != parts[0].rows()) {
                throw new IllegalArgumentException("concatCols: row counts differ: " + parts[0].label() + " is "
                        + parts[0].shape() + ", " + p.label() + " is " + p.shape());
            }
            cols += p.cols();
        }
        return record(Shapes.CONCAT_COLS, parts[0].rows(), cols, parts[0], parts);
    }

    // ------------------------------------------------------------------ backward

    /**
     * Adds d(loss)/d(node) into the adjoint of every node the loss depends on, parameters
     * included, in one reverse sweep over the recording.
     *
     * @throws IllegalStateException if {@code loss} is not 1x1, or backward already ran on this
     *     recording
     */
    public void backward(Node loss) {
        checkInput("backward", loss);
        if (loss.rows() != 1 || loss.cols() != 1) {
            throw new IllegalStateException("backward: the loss must be 1x1, but " + loss.label() + " = "
                    + loss.op.describe(loss) + " is " + loss.shape());
        }
        if (backwardDone) {
            throw new IllegalStateException("backward: already ran on this recording; call rewind() and record the"
                    + " computation again (parameter gradients accumulate until zeroGrad())");
        }
        backwardDone = true;
        backwardsSinceZero++;
        DMatrixRMaj seed = loss.gradForAccumulation();
        if (seed == null) {
            return;
        }
        seed.data[0] += 1.0;
        for (int i = loss.index; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.adjoint() != null && n.inputs.length > 0) {
                n.op.backward(n);
                n.releaseAdjoint();
            }
        }
    }

    /**
     * From the next recording on, whether a product whose weight gradient is taken by groups
     * ({@link GroupedWeightGradient}) hands its adjoint dY back after the backward pass, as a
     * working adjoint, instead of keeping it (the default, false). Its group sums are kept, so
     * {@link GroupStatistics} over the same groups still works; anything else that reads dY
     * ({@link PerSample}, statistics over other groups, {@link Node#grad()}) is then refused with
     * an error that says so, unless {@link Node#retainGrad()} kept it. At the paper's size this
     * saves one N x 128 jet block (131 MB) for each of the five hidden layers.
     */
    public void releaseGroupedAdjoints(boolean release) {
        this.releaseGroupedAdjoints = release;
    }

    /** Starts a new recording; parameters, their gradients and the buffers are kept. */
    public void rewind() {
        nodes.clear();
        generation++;
        backwardDone = false;
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Node p : parameters) {
            p.zeroGrad();
        }
        backwardsSinceZero = 0;
    }

    /** The parameters, in the order they were declared. */
    public List<Node> parameters() {
        return List.copyOf(parameters);
    }

    /** The nodes of the current recording, in execution order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The nodes of the current recording, not copied (for this package's read-only walks). */
    List<Node> recording() {
        return nodes;
    }

    /** How many backward passes have added into the parameter gradients since the last zeroGrad(). */
    public int backwardsSinceZeroGrad() {
        return backwardsSinceZero;
    }

    /** One equation per line: the parameters, then the recording in execution order. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Node p : parameters) {
            sb.append(p.label()).append(" : parameter ").append(p.shape()).append('\n');
        }
        for (Node n : nodes) {
            sb.append(n.inputs.length == 0 ? n.label() + " : constant" : "%" + n.index + " = " + n.op.describe(n))
                    .append("  ").append(n.shape());
            if (n.samples != null) {
                sb.append("  [").append(n.streams > 1 ? n.streams + " x " : "").append(n.samples.name()).append(']');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    int generation() {
        return generation;
    }

    /**
     * A working adjoint of rows x cols (contents undefined): the smallest spare one that is large
     * enough, else a new one. Spares persist across recordings, so a repeated step allocates none.
     */
    DMatrixRMaj borrow(int rows, int cols) {
        int need = rows * cols;
        int best = -1;
        for (int i = 0; i < spareAdjoints.size(); i++) {
            int size = spareAdjoints.get(i).data.length;
            if (size >= need && (best < 0 || size < spareAdjoints.get(best).data.length)) {
                best = i;
            }
        }
        if (best < 0) {
            return new DMatrixRMaj(rows, cols);
        }
        DMatrixRMaj m = spareAdjoints.remove(best);
        m.reshape(rows, cols);
        return m;
    }

    /** Takes back a working adjoint that the backward pass no longer needs. */
    void giveBack(DMatrixRMaj adjoint) {
        spareAdjoints.add(adjoint);
    }

    // ------------------------------------------------------------------ recording

    /** Records an operation whose rows follow {@code layoutFrom}'s sample layout (null: none). */
    private Node record(Op op, int rows, int cols, Node layoutFrom, Node... inputs) {
        SampleSet set = null;
        int streams = 1;
        if (layoutFrom != null && layoutFrom.rows() == rows) {
            set = layoutFrom.samples;
            streams = layoutFrom.streams;
        }
        return record(op, rows, cols, set, streams, inputs);
    }

    private Node record(Op op, int rows, int cols, SampleSet set, int streams, Node... inputs) {
        boolean requiresGrad = false;
        for (Node in : inputs) {
            checkInput(op.name(), in);
            requiresGrad |= in.requiresGrad;
        }
        int index = nodes.size();
        Slot slot = slot(index);
        Node out = new Node(this, index, null, op, inputs, slot.value(rows, cols), requiresGrad, set, streams, slot);
        if (releaseGroupedAdjoints && Products.groupsWeightGradient(out)) {
            out.handBackAfterBackward();
        }
        op.forward(out);
        nodes.add(out);
        return out;
    }

    private Slot slot(int index) {
        while (slots.size() <= index) {
            slots.add(new Slot());
        }
        return slots.get(index);
    }

    private void checkInput(String op, Node in) {
        if (in.tape != this) {
            throw new IllegalArgumentException(op + ": " + in.label() + " belongs to another tape");
        }
        in.checkLive();
    }

    private static void sameShape(String op, Node a, Node b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shapes differ: " + a.label() + " is " + a.shape() + ", "
                    + b.label() + " is " + b.shape());
        }
    }

    private static void requireParts(String op, Node[] parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException(op + ": needs at least one input");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a leaf needs a non-blank name");
        }
    }

    /** The buffers of one recording position, reused by every recording. */
    static final class Slot {
        private DMatrixRMaj value;
        private DMatrixRMaj grad;
        private DMatrixRMaj[] saved = new DMatrixRMaj[0];
        private GroupedWeightGradient grouped;

        DMatrixRMaj value(int rows, int cols) {
            value = reuse(value, rows, cols);
            return value;
        }

        DMatrixRMaj grad(int rows, int cols) {
            grad = reuse(grad, rows, cols);
            return grad;
        }

        GroupedWeightGradient groupedGradient() {
            if (grouped == null) {
                grouped = new GroupedWeightGradient();
            }
            return grouped;
        }

        DMatrixRMaj saved(int k, int rows, int cols) {
            if (saved.length <= k) {
                saved = java.util.Arrays.copyOf(saved, k + 1);
            }
            saved[k] = reuse(saved[k], rows, cols);
            return saved[k];
        }

        private static DMatrixRMaj reuse(DMatrixRMaj m, int rows, int cols) {
            if (m == null) {
                return new DMatrixRMaj(rows, cols);
            }
            m.reshape(rows, cols);
            return m;
        }
    }

    /** The two kinds of leaves; they have no rules. */
    static final class Leaf extends Op {
        static final Leaf PARAMETER = new Leaf("parameter");
        static final Leaf CONSTANT = new Leaf("constant");

        private final String name;

        private Leaf(String name) {
            this.name = name;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        void forward(Node out) {
        }

        @Override
        void backward(Node out) {
        }
    }
}
