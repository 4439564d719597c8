package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The authors' gradient SNR statistics ({@code find_snr} in utils/snr.py with
 * {@code batch_loss} in HM/HM.py), for B contiguous groups of the collocation points:
 *
 * <pre>
 *   for b in 0..B-1:
 *       zero_grad;  L_b = mean over group b of r² + mean_boundary(u²);  L_b.backward()
 *       keep a copy of every weight gradient (names ending in "weight": not the biases)
 *   mean_l = mean_b g_b,   std_l = population std over b (np.std, ddof = 0)
 * </pre>
 *
 * One forward pass with its four nested {@code autograd.grad} calls and one backward pass per
 * group. The copies are
 * stacked and reduced in libtorch (the authors stack them with {@code np.dstack}, which copies
 * the stack once per group; that quadratic copy is not reproduced).
 */
final class TorchGroupSnr {

    /** Per weight matrix (out x in): the mean, the population variance and std over the groups. */
    record Moments(List<NDArray> mean, List<NDArray> variance, List<NDArray> std) {
    }

    private final List<NDArray> xs = new ArrayList<>();
    private final List<NDArray> ys = new ArrayList<>();
    private final List<NDArray> qs = new ArrayList<>();
    private final NDArray boundary;

    /**
     * @param groupX the x coordinates of each group (its own tensor, n_b x 1)
     * @param groupY the y coordinates
     * @param groupQ q at the group's points
     * @param boundary the boundary points (this object's own copy)
     */
    TorchGroupSnr(List<NDArray> groupX, List<NDArray> groupY, List<NDArray> groupQ, NDArray boundary) {
        xs.addAll(groupX);
        ys.addAll(groupY);
        qs.addAll(groupQ);
        this.boundary = boundary;
    }

    int groups() {
        return xs.size();
    }

    /**
     * The statistics at the network's current parameters (attached to {@code step} by the
     * caller). Each group's tensors are freed before the next; the moments belong to
     * {@code step}.
     */
    Moments measure(TorchNet net, AuthorsLoss authors, NDManager step) {
        List<NDArray> weights = net.weights();
        List<List<NDArray>> kept = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            kept.add(new ArrayList<>());
        }
        for (int b = 0; b < xs.size(); b++) {
            try (NDManager group = step.newSubManager()) {
                xs.get(b).tempAttach(group);
                ys.get(b).tempAttach(group);
                qs.get(b).tempAttach(group);
                boundary.tempAttach(group);
                TorchArrays.recording(true);
                net.zeroGradients();
                NDArray loss = authors.record(net, xs.get(b), ys.get(b), qs.get(b), boundary);
                TorchArrays.backward(loss, loss.onesLike(), false, false);
                TorchArrays.recording(false);
                for (int l = 0; l < weights.size(); l++) {
                    // the parameters belong to step, so the copy does too
                    try (NDArray g = weights.get(l).getGradient()) {
                        kept.get(l).add(g.duplicate());
                    }
                }
            }
        }
        List<NDArray> mean = new ArrayList<>();
        List<NDArray> variance = new ArrayList<>();
        List<NDArray> std = new ArrayList<>();
        for (List<NDArray> gs : kept) {
            NDArray all = NDArrays.stack(new NDList(gs));
            NDArray mu = all.mean(new int[] {0});
            NDArray var = all.sub(mu).square().mean(new int[] {0});
            mean.add(mu);
            variance.add(var);
            std.add(var.sqrt());
        }
        return new Moments(mean, variance, std);
    }
}
