package org.totaldiff.pinn.train;

import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Optimizer;

/**
 * One training iteration as listeners see it.
 *
 * @param iteration 0-based index of this iteration
 * @param learningRate the rate this iteration's step uses
 * @param loss the loss terms recorded on the tape (valid during {@code afterBackward} only: an
 *     L-BFGS line search records the loss again before {@code afterStep})
 * @param lossValue the total loss (valid throughout)
 * @param net the network bound to the tape (gradients in its parameter nodes)
 * @param collocation the sample set of the collocation rows, for per-sample gradients
 * @param optimizer the Adam optimizer (its moments, after the step; frozen during L-BFGS)
 */
public record Step(int iteration, double learningRate, PinnLoss loss, double lossValue, Mlp.Bound net,
        SampleSet collocation, Optimizer optimizer) {
}
