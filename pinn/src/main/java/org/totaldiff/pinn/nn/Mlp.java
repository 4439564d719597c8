package org.totaldiff.pinn.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.ScalarFunction;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Parallel;
import org.totaldiff.engine.Rng;

/**
 * A fully connected network: h_0 = x, h_(l+1) = s(h_l W_l + b_l) for the hidden layers, and a
 * linear output layer u = h_(L-1) W_(L-1) + b_(L-1). Layers are numbered from 0, as in the
 * files a run writes. Rows are points.
 *
 * <p>Initialisation as the paper's code: weights by PyTorch's {@code nn.init.xavier_normal_}
 * (Glorot and Bengio 2010), W_l ~ N(0, 2 / (fan_in + fan_out)); biases as PyTorch initialises
 * {@code nn.Linear}, b_l ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
 *
 * <p>The network owns its parameter matrices; an optimizer updates them in place, and a
 * {@link Bound} view registers them once on a {@link Tape} and records forward passes.
 */
public final class Mlp {

    private final int[] sizes;
    private final ScalarFunction activation;
    private final PeriodicEmbedding embedding;
    private final List<DMatrixRMaj> weights = new ArrayList<>();
    private final List<DMatrixRMaj> biases = new ArrayList<>();

    private Mlp(int[] sizes, ScalarFunction activation, PeriodicEmbedding embedding) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("Mlp: needs at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("Mlp: layer sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        if (embedding != null && sizes[0] < 1 + embedding.addedColumns()) {
            throw new IllegalArgumentException("Mlp: a periodic embedding with " + embedding.harmonics()
                    + " harmonics needs at least " + (1 + embedding.addedColumns()) + " input features, got " + sizes[0]);
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        this.embedding = embedding;
        for (int l = 0; l + 1 < sizes.length; l++) {
            weights.add(new DMatrixRMaj(sizes[l], sizes[l + 1]));
            biases.add(new DMatrixRMaj(1, sizes[l + 1]));
        }
    }

    /**
     * A network with Xavier-normal weights and PyTorch's default {@code Linear} biases, from a
     * seed (each layer: its weights, then its biases).
     */
    public static Mlp xavier(int[] sizes, ScalarFunction activation, long seed) {
        return xavier(sizes, activation, seed, null);
    }

    /**
     * The same, with a periodic embedding of one input coordinate in front of the first layer;
     * {@code sizes[0]} counts the embedded features (inputs + 1).
     */
    public static Mlp xavier(int[] sizes, ScalarFunction activation, long seed, PeriodicEmbedding embedding) {
        Mlp net = new Mlp(sizes, activation, embedding);
        Rng rng = new Rng(seed);
        for (int l = 0; l < net.weights.size(); l++) {
            rng.fillGaussian(net.weights.get(l), Math.sqrt(2.0 / (sizes[l] + sizes[l + 1])));
            double bound = 1 / Math.sqrt(sizes[l]);
            rng.fillUniform(net.biases.get(l), -bound, bound);
        }
        return net;
    }

    /** in -> hidden x depth -> out, e.g. {@code sizes(2, 128, 6, 1)} is the paper's 2 -> 6 x 128 -> 1. */
    public static int[] sizes(int in, int width, int depth, int out) {
        int[] s = new int[depth + 2];
        Arrays.fill(s, width);
        s[0] = in;
        s[depth + 1] = out;
        return s;
    }

    public int[] layerSizes() {
        return sizes.clone();
    }

    public ScalarFunction activation() {
        return activation;
    }

    /** The periodic embedding in front of the first layer, or null. */
    public PeriodicEmbedding embedding() {
        return embedding;
    }

    /** Input coordinates the network takes (before any embedding). */
    public int inputs() {
        return embedding == null ? sizes[0] : sizes[0] - embedding.addedColumns();
    }

    /** Number of layers with parameters (hidden layers + output layer). */
    public int layers() {
        return weights.size();
    }

    public DMatrixRMaj weight(int layer) {
        return weights.get(layer);
    }

    public DMatrixRMaj bias(int layer) {
        return biases.get(layer);
    }

    /** [W0, b0, W1, b1, ...]: the order optimizers and checkpoints use. */
    public List<DMatrixRMaj> parameters() {
        List<DMatrixRMaj> p = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            p.add(weights.get(l));
            p.add(biases.get(l));
        }
        return p;
    }

    /** Total number of scalar parameters. */
    public int parameterCount() {
        int n = 0;
        for (DMatrixRMaj p : parameters()) {
            n += p.getNumElements();
        }
        return n;
    }

    /** Registers the parameters on the tape (once per tape) as W0, b0, W1, b1, ... */
    public Bound bind(Tape tape) {
        return new Bound(tape);
    }

    /**
     * u(x) without a tape, in blocks of rows so that a large grid (10^6 points) needs little memory.
     *
     * @param x N x in points. Not modified.
     * @return N x out
     */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        return evaluate(x, null);
    }

    /**
     * The hidden layers' activations at x (N x width each), for the compression analysis.
     */
    public List<DMatrixRMaj> hiddenActivations(DMatrixRMaj x) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int l = 0; l + 1 < weights.size(); l++) {
            out.add(new DMatrixRMaj(x.numRows, sizes[l + 1]));
        }
        evaluate(x, out);
        return out;
    }

    private DMatrixRMaj evaluate(DMatrixRMaj x, List<DMatrixRMaj> hiddenOut) {
        if (x.numCols != inputs()) {
            throw new IllegalArgumentException("Mlp.predict: points have " + x.numCols + " columns, the network takes "
                    + inputs() + " inputs");
        }
        int n = x.numRows;
        DMatrixRMaj u = new DMatrixRMaj(n, sizes[sizes.length - 1]);
        int block = 8192;
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        for (int r0 = 0; r0 < n; r0 += block) {
            int rows = Math.min(block, n - r0);
            int d = inputs();
            h.reshape(rows, d);
            System.arraycopy(x.data, r0 * d, h.data, 0, rows * d);
            if (embedding != null) {
                h = embedding.apply(h);
            }
            for (int l = 0; l < weights.size(); l++) {
                Dense.multBias(h, weights.get(l), biases.get(l), z);
                if (l + 1 < weights.size()) {
                    double[] zd = z.data;
                    Parallel.forRange(z.getNumElements(), 1 << 12,
                            (from, to) -> activation.evaluate(zd, zd, null, null, null, from, to));
                    if (hiddenOut != null) {
                        System.arraycopy(zd, 0, hiddenOut.get(l).data, r0 * z.numCols, z.getNumElements());
                    }
                }
                DMatrixRMaj t = h;
                h = z;
                z = t;
            }
            System.arraycopy(h.data, 0, u.data, r0 * u.numCols, h.getNumElements());
        }
        return u;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Mlp ");
        for (int l = 0; l < sizes.length; l++) {
            sb.append(l == 0 ? "" : " -> ").append(sizes[l]);
        }
        if (embedding != null) {
            sb.append(", periodic in input ").append(embedding.coordinate());
            if (embedding.harmonics() > 1) {
                sb.append(" (").append(embedding.harmonics()).append(" harmonics)");
            }
        }
        return sb.append(", ").append(activation.name()).append(", ").append(parameterCount()).append(" parameters")
                .toString();
    }

    /** The network's parameters registered on one tape, and its forward passes on that tape. */
    public final class Bound {
        private final Tape tape;
        private final List<Node> w = new ArrayList<>();
        private final List<Node> b = new ArrayList<>();

        private Bound(Tape tape) {
            this.tape = tape;
            for (int l = 0; l < weights.size(); l++) {
                w.add(tape.parameter("W" + l, weights.get(l)));
                b.add(tape.parameter("b" + l, biases.get(l)));
            }
        }

        /** u with the input derivatives the jet carries. */
        public Jet forward(Jet x) {
            return forward(x, null);
        }

        /**
         * u with the input derivatives the jet carries; each hidden layer's activation jet is
         * added to {@code hiddenOut} (input side first) unless it is null. The value stream of a
         * hidden jet (the first {@code samples()} rows of its stack) is that layer's tanh output
         * at the points: what the compression analysis bins, with no second forward pass.
         */
        public Jet forward(Jet x, List<Jet> hiddenOut) {
            Jet h = embedding == null ? x : embedding.apply(x, inputs());
            for (int l = 0; l < w.size(); l++) {
                h = h.linear(w.get(l), b.get(l));
                if (l + 1 < w.size()) {
                    h = h.map(activation);
                    if (hiddenOut != null) {
                        hiddenOut.add(h);
                    }
                }
            }
            return h;
        }

        /** u at the points of x (no input derivatives). */
        public Node forward(Node x) {
            Node h = embedding == null ? x : embedding.apply(tape, x);
            for (int l = 0; l < w.size(); l++) {
                h = tape.linear(h, w.get(l), b.get(l));
                if (l + 1 < w.size()) {
                    h = tape.map(activation, h);
                }
            }
            return h;
        }

        /** The weight nodes W0..W(L-1) (what the SNR is measured on). */
        public List<Node> weights() {
            return List.copyOf(w);
        }

        public List<Node> biases() {
            return List.copyOf(b);
        }

        /** [W0, b0, W1, b1, ...] as tape nodes. */
        public List<Node> parameters() {
            List<Node> p = new ArrayList<>();
            for (int l = 0; l < w.size(); l++) {
                p.add(w.get(l));
                p.add(b.get(l));
            }
            return p;
        }

        public Tape tape() {
            return tape;
        }

        public Mlp network() {
            return Mlp.this;
        }
    }
}
