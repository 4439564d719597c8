package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDManager;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The libtorch side: the authors' training step (HM/HM.py {@code loss_func}, then
 * {@code optimizer.step()}) on a copy of our initial weights and points, in float64 or float32.
 * The SNR step adds the authors' {@code find_snr} ({@link TorchGroupSnr}) at the same parameters
 * (run before the step's own loss, since each group's backward pass overwrites the gradients;
 * the authors run it after {@code optimizer.step()}, on the next parameters). Everything a step
 * makes is freed when it ends.
 */
final class TorchStep {

    private final NDManager root;
    private final TorchNet net;
    private final TorchAdam adam;
    private final TorchGroupSnr groups;
    private final NDArray xs;
    private final NDArray ys;
    private final NDArray q;
    private final NDArray boundary;
    private final AuthorsLoss authors;
    private final List<NDArray> constants;
    private boolean keep;
    private List<DMatrixRMaj> gradients = List.of();
    private List<DMatrixRMaj> groupMean = List.of();
    private List<DMatrixRMaj> groupVariance = List.of();

    TorchStep(NDManager parent, PeerProblem p, int groupCount, DataType type) {
        this.root = parent.newSubManager();
        this.net = new TorchNet(root, p.initial(), p.sizes(), type);
        this.adam = new TorchAdam(root, net.parameters(), p.adam(), p.learningRate());
        DMatrixRMaj c = p.collocation();
        this.xs = TorchArrays.column(root, c, 0, type);
        this.ys = TorchArrays.column(root, c, 1, type);
        this.q = TorchArrays.of(root, p.forcing(), type);
        this.boundary = TorchArrays.of(root, p.boundary(), type);
        this.authors = new AuthorsLoss((PtNDManager) root, p.sizes().length - 1, p.k2());
        this.constants = List.of(xs, ys, q, boundary);
        int size = c.numRows / groupCount;
        List<NDArray> gx = new ArrayList<>();
        List<NDArray> gy = new ArrayList<>();
        List<NDArray> gq = new ArrayList<>();
        DMatrixRMaj forcing = p.forcing();
        for (int b = 0; b < groupCount; b++) {
            gx.add(TorchArrays.column(root, c, 0, b * size, (b + 1) * size, type));
            gy.add(TorchArrays.column(root, c, 1, b * size, (b + 1) * size, type));
            gq.add(TorchArrays.column(root, forcing, 0, b * size, (b + 1) * size, type));
        }
        this.groups = new TorchGroupSnr(gx, gy, gq, TorchArrays.of(root, p.boundary(), type));
    }

    /** One plain training step; returns its loss (before the step). */
    double plain() {
        return step(false);
    }

    /** One training step with the authors' group statistics; returns its loss. */
    double snr() {
        return step(true);
    }

    private double step(boolean snr) {
        try (NDManager step = root.newSubManager()) {
            net.tempAttach(step);
            adam.tempAttach(step);
            for (NDArray a : constants) {
                a.tempAttach(step);
            }
            if (snr) {
                // first: the group passes overwrite the parameters' gradients
                TorchGroupSnr.Moments m = groups.measure(net, authors, step);
                if (keep) {
                    groupMean = weightsLayout(m.mean());
                    groupVariance = weightsLayout(m.variance());
                }
            }
            TorchArrays.recording(true);
            NDArray loss = authors.record(net, xs, ys, q, boundary);
            net.zeroGradients();
            TorchArrays.backward(loss, loss.onesLike(), false, false);
            TorchArrays.recording(false);
            double value = loss.getDataType() == DataType.FLOAT64 ? loss.getDouble() : loss.getFloat();
            if (keep) {
                gradients = copies(net.parameters(), true);
            }
            adam.step(net.parameters());
            return value;
        }
    }

    /** From the next step on, keep copies of the gradients and group moments (our layout). */
    void keepGradients() {
        keep = true;
    }

    /** The gradients [W0, b0, ...] of the last step, in x out. */
    List<DMatrixRMaj> gradients() {
        return gradients;
    }

    /** The group mean of each weight matrix's gradient at the last SNR step, in x out. */
    List<DMatrixRMaj> groupMean() {
        return groupMean;
    }

    /** The population variance over the groups, in x out. */
    List<DMatrixRMaj> groupVariance() {
        return groupVariance;
    }

    /** The current parameters [W0, b0, ...], in x out. */
    List<DMatrixRMaj> parameters() {
        return copies(net.parameters(), false);
    }

    DataType dataType() {
        return net.dataType();
    }

    private List<DMatrixRMaj> copies(List<NDArray> params, boolean gradient) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            NDArray p = params.get(k);
            if (gradient) {
                try (NDArray g = p.getGradient()) {
                    out.add(net.parameter(k, g));
                }
            } else {
                out.add(net.parameter(k, p));
            }
        }
        return out;
    }

    private List<DMatrixRMaj> weightsLayout(List<NDArray> perWeight) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int l = 0; l < perWeight.size(); l++) {
            out.add(net.parameter(2 * l, perWeight.get(l)));
        }
        return out;
    }
}
