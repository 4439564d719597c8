package org.totaldiff.pinn.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.Optimizer;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.PdeProblem;

/**
 * Full-batch PINN training: every iteration records the loss on one reused tape, runs one
 * backward pass, lets the listeners look, and takes one optimizer step.
 *
 * <pre>
 *   for it = start .. end-1:
 *       L = mean((λ r)²) + Σ conditions      (λ from the weighting, updated from r first)
 *       backward(L);  listeners.afterBackward
 *       optimizer.step(θ, ∇θ);  listeners.afterStep
 * </pre>
 *
 * The run is a pure function of its setup: given the same network, optimizer state, weights and
 * points, it gives bit-for-bit the same parameters (the kernels are deterministic for any
 * thread count), which is what lets a checkpointed run resume exactly.
 */
public final class Trainer {

    private final PdeProblem problem;
    private final Mlp net;
    private final Optimizer optimizer;
    private final ResidualWeighting weighting;
    private final DMatrixRMaj collocation;
    private final List<Condition> conditions;
    private final Tape tape = new Tape();
    private final Mlp.Bound bound;
    private final SampleSet set;
    private final List<DMatrixRMaj> params;
    private final List<DMatrixRMaj> grads = new ArrayList<>();

    /**
     * @param collocation N x d collocation points (the residual's full batch)
     * @param conditions the boundary and initial terms
     */
    public Trainer(PdeProblem problem, Mlp net, Optimizer optimizer, ResidualWeighting weighting,
            DMatrixRMaj collocation, List<Condition> conditions) {
        if (collocation.numCols != problem.domain().dim()) {
            throw new IllegalArgumentException("trainer: collocation points have " + collocation.numCols
                    + " columns, the problem " + problem.name() + " has " + problem.domain().dim() + " coordinates");
        }
        if (net.layerSizes()[0] != problem.domain().dim()) {
            throw new IllegalArgumentException("trainer: the network takes " + net.layerSizes()[0]
                    + " inputs, the problem " + problem.name() + " has " + problem.domain().dim() + " coordinates");
        }
        this.problem = problem;
        this.net = net;
        this.optimizer = optimizer;
        this.weighting = weighting;
        this.collocation = collocation;
        this.conditions = List.copyOf(conditions);
        this.bound = net.bind(tape);
        this.set = new SampleSet("collocation", collocation.numRows);
        this.params = net.parameters();
        for (Node p : bound.parameters()) {
            grads.add(p.grad());
        }
    }

    /** Iterations completed so far (the optimizer's count). */
    public int iteration() {
        return optimizer.iteration();
    }

    /**
     * Trains until {@code endIteration} iterations are complete or a listener asks to stop.
     *
     * @return the number of iterations completed in all
     */
    public int run(int endIteration, List<? extends TrainingListener> listeners) {
        while (iteration() < endIteration) {
            int it = iteration();
            tape.rewind();
            tape.zeroGrad();
            PinnLoss loss = PinnLoss.record(bound, problem, collocation, set, conditions, weighting, it);
            double lossValue = loss.total().scalar();
            if (!Double.isFinite(lossValue)) {
                throw new IllegalStateException("training diverged at iteration " + it + ": loss is " + lossValue
                        + "; lower the learning rate or check the problem setup");
            }
            tape.backward(loss.total());
            Step step = new Step(it, optimizer.learningRate(), loss, bound, set, optimizer);
            for (TrainingListener l : listeners) {
                l.afterBackward(step);
            }
            optimizer.step(params, grads);
            boolean stop = false;
            for (TrainingListener l : listeners) {
                l.afterStep(step);
                stop |= l.stopRequested();
            }
            if (stop) {
                break;
            }
        }
        return iteration();
    }

    public PdeProblem problem() {
        return problem;
    }

    public Mlp network() {
        return net;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public ResidualWeighting weighting() {
        return weighting;
    }

    public DMatrixRMaj collocation() {
        return collocation;
    }

    public List<Condition> conditions() {
        return conditions;
    }
}
