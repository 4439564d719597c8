package org.totaldiff.pinn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.io.Checkpoint;
import org.totaldiff.pinn.io.NdArray;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.OptimizerState;
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

    private static final String COLLOCATION = "collocation";
    private static final String RESIDUAL_WEIGHTS = "residual_weights";

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

    /**
     * Everything needed to continue this run bit for bit: the iteration, the parameters (W1, b1,
     * ...), the optimizer's state, the residual weights and the collocation points (to check on
     * resume that the run is the same).
     */
    public Checkpoint checkpoint(Map<String, String> metadata) {
        Map<String, DMatrixRMaj> named = new LinkedHashMap<>();
        for (Node p : bound.parameters()) {
            named.put(p.label(), p.value());
        }
        Map<String, NdArray> extras = new LinkedHashMap<>();
        extras.put(COLLOCATION, NdArray.of(collocation));
        if (weighting.weights() != null) {
            extras.put(RESIDUAL_WEIGHTS, NdArray.of(weighting.weights()));
        }
        return new Checkpoint(iteration(), named, optimizer.state(), extras, metadata);
    }

    /**
     * Continues from a checkpoint of the same setup: parameters, optimizer state and residual
     * weights are replaced by the checkpoint's.
     *
     * @throws IllegalArgumentException if the checkpoint is of another network, optimizer or
     *     point set
     */
    public void restore(Checkpoint checkpoint) {
        List<Node> nodes = bound.parameters();
        Map<String, DMatrixRMaj> saved = checkpoint.parameters();
        for (Node p : nodes) {
            DMatrixRMaj m = saved.get(p.label());
            if (m == null || m.numRows != p.rows() || m.numCols != p.cols()) {
                throw new IllegalArgumentException("checkpoint: parameter " + p.label() + " is "
                        + (m == null ? "missing" : m.numRows + "x" + m.numCols) + ", the network needs " + p.shape()
                        + "; resume with the same network options");
            }
        }
        DMatrixRMaj points = checkpoint.extras().containsKey(COLLOCATION)
                ? checkpoint.extra(COLLOCATION).toMatrix() : null;
        if (points == null || !java.util.Arrays.equals(java.util.Arrays.copyOf(points.data, points.getNumElements()),
                java.util.Arrays.copyOf(collocation.data, collocation.getNumElements()))) {
            throw new IllegalArgumentException("checkpoint: its collocation points differ from this run's;"
                    + " resume with the same problem, point count and seed");
        }
        OptimizerState state = checkpoint.optimizer().orElseThrow(() -> new IllegalArgumentException(
                "checkpoint: it holds no optimizer state, so the run cannot continue exactly"));
        for (Node p : nodes) {
            DMatrixRMaj m = saved.get(p.label());
            System.arraycopy(m.data, 0, p.value().data, 0, m.getNumElements());
        }
        optimizer.restore(state);
        weighting.restore(checkpoint.extras().containsKey(RESIDUAL_WEIGHTS)
                ? checkpoint.extra(RESIDUAL_WEIGHTS).toMatrix() : null);
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
