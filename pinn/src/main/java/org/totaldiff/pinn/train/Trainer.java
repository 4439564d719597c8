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
import org.totaldiff.pinn.optim.Lbfgs;
import org.totaldiff.pinn.optim.LbfgsResult;
import org.totaldiff.pinn.optim.Objective;
import org.totaldiff.pinn.optim.Optimizer;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.sampling.ResidualRefinement;

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

    /**
     * B of the groups by which the weight gradients over the collocation points are summed
     * ({@link SampleSet#gradientGroups()}), for weights whose group products are large enough
     * (the paper-size hidden layers; not the quick presets' 48-wide ones): the study's 100 SNR
     * groups, whose statistics then cost no product of their own. It fixes the gradients'
     * rounding, so a run's results do not depend on whether or how it is monitored.
     */
    public static final int GRADIENT_GROUPS = 100;

    /** Why a training phase ended. */
    public enum Stop {
        /** The requested number of iterations is complete. */
        END,
        /** L-BFGS found no more progress (gradient or change tolerance, or no descent direction). */
        CONVERGED,
        /** A listener asked to stop. */
        REQUESTED
    }

    private static final String COLLOCATION = "collocation";
    private static final String RESIDUAL_WEIGHTS = "residual_weights";
    private static final String LOSS_WEIGHTS = "loss_weights";
    private static final String LBFGS = "lbfgs/";
    private static final String WEIGHTS_OPTIMIZER = "weighting/";

    private final PdeProblem problem;
    private final Mlp net;
    private final Optimizer optimizer;
    private final ResidualWeighting weighting;
    private final int initialPoints;
    private DMatrixRMaj collocation;
    private final List<Condition> conditions;
    private final Tape tape = new Tape();
    private final Mlp.Bound bound;
    private SampleSet set;
    private final List<DMatrixRMaj> params;
    private final List<DMatrixRMaj> grads = new ArrayList<>();
    private final TrainingView view;
    private Lbfgs lbfgs;
    private ResidualRefinement refinement;
    /**
     * The weights of the latest loss (λ in mean((λ r)²); null: unweighted): what L-BFGS freezes
     * when Adam ends, and then the frozen copy. Saved in checkpoints, since a weighting's own
     * state need not hold them (self-adaptive weights keep λ after their ascent step, causal
     * weights are recomputed from the next residuals).
     */
    private DMatrixRMaj lossWeights;

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
        if (net.inputs() != problem.domain().dim()) {
            throw new IllegalArgumentException("trainer: the network takes " + net.inputs()
                    + " inputs, the problem " + problem.name() + " has " + problem.domain().dim() + " coordinates");
        }
        this.problem = problem;
        this.net = net;
        this.optimizer = optimizer;
        this.weighting = weighting;
        this.collocation = collocation;
        this.initialPoints = collocation.numRows;
        this.conditions = List.copyOf(conditions);
        this.bound = net.bind(tape);
        this.set = collocationSet(collocation.numRows);
        this.params = net.parameters();
        for (Node p : bound.parameters()) {
            grads.add(p.grad());
        }
        this.view = new TrainingView(this);
    }

    /**
     * Residual-based refinement during Adam: before every iteration it is due at, the points it
     * selects are added ({@link #addPoints}). Not during L-BFGS (one fixed objective).
     */
    public void setRefinement(ResidualRefinement refinement) {
        this.refinement = refinement;
    }

    /**
     * Appends collocation points: the residual loss covers them from the next iteration on, and
     * the weighting grows with them ({@link ResidualWeighting#addPoints}).
     *
     * @param added m x d points
     */
    public void addPoints(DMatrixRMaj added) {
        if (added.numCols != collocation.numCols) {
            throw new IllegalArgumentException("trainer: added points have " + added.numCols + " columns, the"
                    + " collocation points " + collocation.numCols);
        }
        DMatrixRMaj grown = new DMatrixRMaj(collocation.numRows + added.numRows, collocation.numCols);
        System.arraycopy(collocation.data, 0, grown.data, 0, collocation.getNumElements());
        System.arraycopy(added.data, 0, grown.data, collocation.getNumElements(), added.getNumElements());
        collocation = grown;
        set = collocationSet(grown.numRows);
        weighting.addPoints(added);
    }

    /**
     * The collocation points as a sample set whose weight gradients are summed by
     * {@link #GRADIENT_GROUPS} contiguous groups (or one per point if fewer): the SNR monitor's
     * default groups, whose statistics then read those group sums. (Once refinement has added
     * points, the monitor keeps its groups as a partition of its own and computes its sums.)
     */
    private static SampleSet collocationSet(int n) {
        return new SampleSet("collocation", n, Math.min(GRADIENT_GROUPS, n));
    }

    /**
     * Whether the hidden layers' products hand their adjoints back after each backward pass,
     * keeping only the sums of the {@link #GRADIENT_GROUPS} gradient groups
     * ({@link Tape#releaseGroupedAdjoints}): for runs whose statistics use those groups only (or
     * none). Saves a 131 MB block per hidden layer at the paper's size; changes no result.
     */
    public void releaseGroupedAdjoints(boolean release) {
        tape.releaseGroupedAdjoints(release);
    }

    /** Iterations completed so far: Adam's, plus L-BFGS's after them. */
    public int iteration() {
        return optimizer.iteration() + (lbfgs == null ? 0 : lbfgs.iteration());
    }

    /**
     * Attaches the L-BFGS optimizer that {@link #runLbfgs} will use, before a {@link #restore}
     * of a checkpoint taken during the L-BFGS phase.
     */
    public void attachLbfgs(Lbfgs lbfgs) {
        this.lbfgs = lbfgs;
    }

    /**
     * L-BFGS after Adam, as the RBA paper finishes Helmholtz: one trainer iteration is one
     * L-BFGS iteration (with its strong-Wolfe line search), until {@code endIteration}
     * iterations in all (Adam's count included), convergence, or a stop request. Residual weights
     * are frozen at their last Adam value: a line search needs one fixed objective. Listeners
     * see the loss at the start of each iteration.
     *
     * @param lbfgs an L-BFGS whose {@code maxIterations} is 1 (one call, one iteration)
     * @return why it ended
     */
    public Stop runLbfgs(Lbfgs lbfgs, int endIteration, List<? extends TrainingListener> listeners) {
        if (this.lbfgs != null && this.lbfgs != lbfgs) {
            throw new IllegalStateException("runLbfgs: another L-BFGS optimizer is attached");
        }
        if (lbfgs.config().maxIterations() != 1) {
            throw new IllegalArgumentException("runLbfgs: the L-BFGS must take one iteration per call"
                    + " (maxIterations 1), got " + lbfgs.config().maxIterations());
        }
        this.lbfgs = lbfgs;
        ResidualWeighting frozen = ResidualWeighting.frozen(lossWeights);
        lossWeights = frozen.weights();
        Step[] first = new Step[1];
        while (iteration() < endIteration) {
            int it = iteration();
            first[0] = null;
            Objective objective = (ps, gradsOut) -> {
                tape.rewind();
                tape.zeroGrad();
                PinnLoss loss = PinnLoss.record(bound, problem, collocation, set, conditions, frozen, it);
                double value = loss.total().scalar();
                if (!Double.isFinite(value)) {
                    throw new IllegalStateException("training diverged at iteration " + it + " (L-BFGS): loss is "
                            + value);
                }
                tape.backward(loss.total());
                for (int j = 0; j < grads.size(); j++) {
                    System.arraycopy(grads.get(j).data, 0, gradsOut.get(j).data, 0, grads.get(j).getNumElements());
                }
                if (first[0] == null) {
                    first[0] = new Step(it, Step.Phase.LBFGS, lbfgs.config().learningRate(), loss, value, view);
                    for (TrainingListener l : listeners) {
                        l.afterBackward(first[0]);
                    }
                }
                return value;
            };
            LbfgsResult result = lbfgs.step(params, objective);
            boolean stop = false;
            if (result.iterations() > 0) {
                for (TrainingListener l : listeners) {
                    l.afterStep(first[0]);
                    stop |= l.stopRequested();
                }
            }
            if (stop) {
                return Stop.REQUESTED;
            }
            if (result.stop() != LbfgsResult.Stop.MAX_ITERATIONS && result.stop() != LbfgsResult.Stop.MAX_EVALUATIONS) {
                return Stop.CONVERGED;
            }
        }
        return Stop.END;
    }

    /**
     * Trains with Adam until {@code endIteration} iterations are complete or a listener asks to
     * stop.
     *
     * @return why it ended
     */
    public Stop run(int endIteration, List<? extends TrainingListener> listeners) {
        while (iteration() < endIteration) {
            int it = iteration();
            if (refinement != null && refinement.due(it)) {
                // before the iteration, so that a run resumed at it adds the same points
                addPoints(refinement.select(net, problem, it));
            }
            tape.rewind();
            tape.zeroGrad();
            PinnLoss loss = PinnLoss.record(bound, problem, collocation, set, conditions, weighting, it);
            lossWeights = weighting.weights();
            double lossValue = loss.total().scalar();
            if (!Double.isFinite(lossValue)) {
                throw new IllegalStateException("training diverged at iteration " + it + ": loss is " + lossValue
                        + "; lower the learning rate or check the problem setup");
            }
            tape.backward(loss.total());
            Step step = new Step(it, Step.Phase.ADAM, optimizer.learningRate(), loss, lossValue, view);
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
                return Stop.REQUESTED;
            }
        }
        return Stop.END;
    }

    /**
     * Everything needed to continue this run bit for bit: the iteration, the parameters (W0, b0,
     * ...), the optimizer's state, the residual weights (tracked, their optimizer's state, and
     * those of the latest loss, which L-BFGS keeps frozen) and the collocation points (to check
     * on resume that the run is the same).
     */
    public Checkpoint checkpoint(Map<String, String> metadata) {
        Map<String, DMatrixRMaj> named = new LinkedHashMap<>();
        for (Node p : bound.parameters()) {
            named.put(p.label(), p.value());
        }
        Map<String, NdArray> extras = new LinkedHashMap<>();
        extras.put(COLLOCATION, NdArray.of(collocation));
        if (weighting.attention() != null) {
            extras.put(RESIDUAL_WEIGHTS, NdArray.of(weighting.attention()));
        }
        if (weighting.state() != null) {
            putState(extras, WEIGHTS_OPTIMIZER, weighting.state());
        }
        if (lossWeights != null) {
            extras.put(LOSS_WEIGHTS, NdArray.of(lossWeights));
        }
        if (lbfgs != null) {
            putState(extras, LBFGS, lbfgs.state());
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
        int n = collocation.getNumElements();
        if (points == null || points.getNumElements() < n || points.numCols != collocation.numCols
                || !java.util.Arrays.equals(points.data, 0, n, collocation.data, 0, n)
                || (points.getNumElements() > n && refinement == null)) {
            throw new IllegalArgumentException("checkpoint: its collocation points differ from this run's;"
                    + " resume with the same problem, point count, seed and refinement options");
        }
        OptimizerState state = checkpoint.optimizer().orElseThrow(() -> new IllegalArgumentException(
                "checkpoint: it holds no optimizer state, so the run cannot continue exactly"));
        // the parts that validate themselves first, the parameters last
        optimizer.restore(state);
        restoreLbfgs(checkpoint);
        if (points.numRows > collocation.numRows) {
            // the points refinement added before the checkpoint
            DMatrixRMaj added = new DMatrixRMaj(points.numRows - collocation.numRows, points.numCols);
            System.arraycopy(points.data, n, added.data, 0, added.getNumElements());
            addPoints(added);
        }
        weighting.restore(checkpoint.extras().containsKey(RESIDUAL_WEIGHTS)
                ? checkpoint.extra(RESIDUAL_WEIGHTS).toMatrix() : null);
        weighting.restoreState(stateAt(checkpoint, WEIGHTS_OPTIMIZER));
        if (checkpoint.extras().containsKey(LOSS_WEIGHTS)) {
            lossWeights = checkpoint.extra(LOSS_WEIGHTS).toMatrix();
        } else if (stateAt(checkpoint, LBFGS) != null && !weighting.restoresLossWeights()) {
            throw new IllegalArgumentException("checkpoint: taken during L-BFGS by a version from before 2026-12-07,"
                    + " which did not save the weights L-BFGS minimises with, so this " + weighting.name()
                    + " run cannot continue exactly; start it again (--force)");
        } else {
            // a checkpoint from before the loss weights were saved: the restored weighting's
            // (RBA's λ, exact; none for an unweighted loss)
            lossWeights = weighting.weights();
        }
        for (Node p : nodes) {
            DMatrixRMaj m = saved.get(p.label());
            System.arraycopy(m.data, 0, p.value().data, 0, m.getNumElements());
        }
    }

    /** The L-BFGS part of a checkpoint, if it has one. */
    private void restoreLbfgs(Checkpoint checkpoint) {
        OptimizerState state = stateAt(checkpoint, LBFGS);
        if (state == null) {
            return;
        }
        if (lbfgs == null) {
            throw new IllegalArgumentException("checkpoint: it was taken during L-BFGS; attach an L-BFGS optimizer"
                    + " (attachLbfgs) before restoring");
        }
        lbfgs.restore(state);
    }

    /**
     * An optimizer state as extras: {@code prefix}kind (text), {@code prefix}scalar/name and
     * {@code prefix}array/name.
     */
    private static void putState(Map<String, NdArray> extras, String prefix, OptimizerState state) {
        extras.put(prefix + "kind", NdArray.text(state.kind()));
        state.scalars().forEach((name, v) -> extras.put(prefix + "scalar/" + name, NdArray.scalar(v)));
        state.arrays().forEach((name, m) -> extras.put(prefix + "array/" + name, NdArray.of(m)));
    }

    /**
     * The state {@link #putState} saved under {@code prefix}, or null if there is none. A
     * checkpoint from before the kind was saved holds only L-BFGS states under "lbfgs/".
     */
    private static OptimizerState stateAt(Checkpoint checkpoint, String prefix) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        checkpoint.extras().forEach((name, a) -> {
            if (name.startsWith(prefix + "scalar/")) {
                scalars.put(name.substring(prefix.length() + "scalar/".length()), a.doubleValue());
            } else if (name.startsWith(prefix + "array/")) {
                arrays.put(name.substring(prefix.length() + "array/".length()), a.toMatrix());
            }
        });
        if (scalars.isEmpty()) {
            return null;
        }
        NdArray kind = checkpoint.extras().get(prefix + "kind");
        return new OptimizerState(kind != null ? kind.asText() : Lbfgs.KIND, scalars, arrays);
    }

    /**
     * The weights of the latest loss (during L-BFGS the frozen ones it minimises with), or null
     * for an unweighted loss or before the first iteration.
     */
    public DMatrixRMaj lossWeights() {
        return lossWeights;
    }

    /** What listeners may read of this run (the same object in every step). */
    public TrainingView view() {
        return view;
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

    /** The collocation points: the drawn ones, then any added by refinement. */
    public DMatrixRMaj collocation() {
        return collocation;
    }

    /** The number of collocation points drawn at the start (the first rows of {@link #collocation()}). */
    public int initialPoints() {
        return initialPoints;
    }

    /** The sample set of the collocation rows (as many samples as {@link #collocation()} has rows). */
    SampleSet sampleSet() {
        return set;
    }

    /** The network bound to the training tape. */
    Mlp.Bound bound() {
        return bound;
    }

    public List<Condition> conditions() {
        return conditions;
    }
}
