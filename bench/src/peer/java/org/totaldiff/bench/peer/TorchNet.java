package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The parameters of the authors' {@code DNN} in libtorch: one {@code nn.Linear} per layer (weight
 * out x in, bias of length out), leaves that require gradients, copied from our network's
 * weights. The layers themselves run in {@link AuthorsLoss} ({@code F.linear}, tanh after every
 * hidden one).
 */
final class TorchNet {

    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> biases = new ArrayList<>();
    private final int[] sizes;

    /**
     * @param initial [W0, b0, W1, b1, ...] in our layout (W_l in x out, b_l 1 x out). Not modified.
     */
    TorchNet(NDManager manager, List<DMatrixRMaj> initial, int[] sizes, DataType type) {
        this.sizes = sizes.clone();
        for (int l = 0; l + 1 < sizes.length; l++) {
            NDArray w = TorchArrays.transposed(manager, initial.get(2 * l), type);
            NDArray b = TorchArrays.of(manager, initial.get(2 * l + 1), type).reshape(new Shape(sizes[l + 1]));
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            weights.add(w);
            biases.add(b);
        }
    }

    /** [W0, b0, W1, b1, ...], the order of {@code dnn.parameters()}. */
    List<NDArray> parameters() {
        List<NDArray> p = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            p.add(weights.get(l));
            p.add(biases.get(l));
        }
        return p;
    }

    /** The weight matrices (out x in), what the authors' SNR is measured on. */
    List<NDArray> weights() {
        return weights;
    }

    /** Zeroes the parameters' gradients ({@code optimizer.zero_grad}). */
    void zeroGradients() {
        for (NDArray p : parameters()) {
            TorchArrays.zeroGradient(p);
        }
    }

    /** Moves the parameters to {@code step} until it closes, so that what they make is freed with it. */
    void tempAttach(NDManager step) {
        for (NDArray p : parameters()) {
            p.tempAttach(step);
        }
    }

    /** Parameter k of {@link #parameters()} in our layout (weights in x out, biases 1 x out). */
    DMatrixRMaj parameter(int k, NDArray value) {
        int l = k / 2;
        return k % 2 == 0 ? TorchArrays.toMatrix(value, sizes[l], sizes[l + 1], true)
                : TorchArrays.toMatrix(value, 1, sizes[l + 1], false);
    }

    DataType dataType() {
        return weights.get(0).getDataType();
    }
}
