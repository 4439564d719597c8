package org.totaldiff.experiments.monitor;

import java.util.ArrayList;
import java.util.List;
import org.totaldiff.engine.Parallel;
import org.totaldiff.pinn.loss.PinnLoss;

/**
 * {@link BinnedEntropy} of every hidden layer of one training pass, the layers measured in
 * parallel (one layer per chunk, so a layer's result does not depend on the thread count).
 */
public final class LayerEntropy {

    private final List<BinnedEntropy> layers = new ArrayList<>();

    /** The entropy and saturation of each hidden layer's activations at the N collocation points. */
    public BinnedEntropy.Result[] measure(PinnLoss loss, int n) {
        int count = loss.hidden().size();
        while (layers.size() < count) {
            layers.add(new BinnedEntropy());
        }
        BinnedEntropy.Result[] results = new BinnedEntropy.Result[count];
        Parallel.forEachChunk(count, l -> results[l] = layers.get(l).measure(loss.activations(l), n));
        return results;
    }
}
