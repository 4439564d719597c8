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
 * in every {@link Step}; the points and their sample set are the trainer's current ones (they
 * grow when residual-based refinement adds points).
 */
public final class TrainingView {

    private final Trainer trainer;

    TrainingView(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * The network bound to the training tape; after backward its parameter nodes hold the
     * iteration's gradients.
     */
    public Mlp.Bound net() {
        return trainer.bound();
    }

    /** The N x d collocation points, in their stored order (the order of points.npz). */
    public DMatrixRMaj points() {
        return trainer.collocation();
    }

    /** The sample set the collocation rows of the tape are tagged with (N samples). */
    public SampleSet collocation() {
        return trainer.sampleSet();
    }

    /**
     * The points drawn at the start: the first rows of {@link #points()}; the rows after them
     * were added by residual-based refinement, in the order they were added.
     */
    public int initialPoints() {
        return trainer.initialPoints();
    }

    /** The problem's domain (for spatial cells). */
    public Box domain() {
        return trainer.problem().domain();
    }

    /** The Adam optimizer (its moments; they stay as Adam left them during L-BFGS). */
    public Optimizer optimizer() {
        return trainer.optimizer();
    }

    /**
     * The residual weighting; {@link ResidualWeighting#attention()} holds the RBA weights λ as
     * updated by the iteration (tracked without entering the loss in vanilla runs).
     */
    public ResidualWeighting weighting() {
        return trainer.weighting();
    }
}
