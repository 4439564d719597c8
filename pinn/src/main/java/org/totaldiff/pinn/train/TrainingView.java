package org.totaldiff.pinn.train;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Optimizer;
import org.totaldiff.pinn.sampling.Box;

/**
 * The parts of a training run a {@link TrainingListener} may read (and must not modify): the
 * learning-dynamics monitors measure from these. One view per {@link Trainer}, the same object
 * in every {@link Step}.
 *
 * @param net the network bound to the training tape; after backward its parameter nodes hold
 *     the iteration's gradients
 * @param points the N x d collocation points, in their stored order (the order of points.npz)
 * @param collocation the sample set the collocation rows of the tape are tagged with
 * @param domain the problem's domain (for spatial cells)
 * @param optimizer the Adam optimizer (its moments; they stay as Adam left them during L-BFGS)
 * @param weighting the residual weighting; {@link ResidualWeighting#attention()} holds the RBA
 *     weights λ as updated by the iteration (tracked without entering the loss in vanilla runs)
 */
public record TrainingView(Mlp.Bound net, DMatrixRMaj points, SampleSet collocation, Box domain, Optimizer optimizer,
        ResidualWeighting weighting) {
}
