package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.totaldiff.pinn.optim.AdamConfig;

/**
 * Adam (Kingma &amp; Ba 2015) in libtorch tensor operations, line by line as
 * {@code torch.optim.Adam} computes it on the CPU (single-tensor path, no weight decay):
 *
 * <pre>
 *   m = m + (1 - β1)(g - m)                 exp_avg.lerp_(g, 1 - β1)
 *   v = β2 v + ((1 - β2) g) g               exp_avg_sq.mul_(β2).addcmul_(g, g, 1 - β2)
 *   denom = sqrt(v) / sqrt(1 - β2^t) + eps
 *   p = p + (-(lr / (1 - β1^t)) m) / denom  p.addcdiv_(m, denom, -step_size)
 * </pre>
 *
 * The moments live as long as the optimizer; every operation runs with recording off.
 */
final class TorchAdam {

    private final AdamConfig config;
    private final double learningRate;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private int iteration;

    TorchAdam(NDManager manager, List<NDArray> params, AdamConfig config, double learningRate) {
        if (config.weightDecay() != 0) {
            throw new IllegalArgumentException("TorchAdam: weight decay is not implemented, got "
                    + config.weightDecay());
        }
        this.config = config;
        this.learningRate = learningRate;
        for (NDArray p : params) {
            NDArray mk = manager.zeros(p.getShape(), p.getDataType());
            NDArray vk = manager.zeros(p.getShape(), p.getDataType());
            m.add(mk);
            v.add(vk);
        }
    }

    /** One step on each parameter, from the gradient its leaf holds. */
    void step(List<NDArray> params) {
        TorchArrays.recording(false);
        int t = ++iteration;
        double bc1 = 1 - Math.pow(config.beta1(), t);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(config.beta2(), t));
        double stepSize = learningRate / bc1;
        for (int k = 0; k < params.size(); k++) {
            NDArray p = params.get(k);
            NDArray g = p.getGradient();
            NDArray mk = m.get(k);
            NDArray vk = v.get(k);
            mk.addi(g.sub(mk).muli(1 - config.beta1()));
            vk.muli(config.beta2()).addi(g.mul(1 - config.beta2()).muli(g));
            NDArray denom = vk.sqrt().divi(bc2Sqrt).addi(config.epsilon());
            p.addi(mk.mul(-stepSize).divi(denom));
        }
    }

    /** Moves the moments to {@code step} until it closes. */
    void tempAttach(NDManager step) {
        for (int k = 0; k < m.size(); k++) {
            m.get(k).tempAttach(step);
            v.get(k).tempAttach(step);
        }
    }
}
