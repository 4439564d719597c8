package org.totaldiff.bench.peer;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.GroupMoments;
import org.totaldiff.autodiff.GroupStatistics;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Node;
import org.totaldiff.bench.Median;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Constant;
import org.totaldiff.pinn.train.Step;
import org.totaldiff.pinn.train.Trainer;
import org.totaldiff.pinn.train.TrainingListener;

/**
 * Our side: one {@link Trainer} iteration (rewind, record the loss with the jet forward pass of
 * u and its first and second input derivatives, one backward pass, Adam). The SNR step adds, as
 * the snr.csv monitor does, {@link GroupStatistics#measure} of every weight matrix for B
 * contiguous groups, streamed from that same backward pass. With B the trainer's
 * {@link Trainer#GRADIENT_GROUPS}, the trainer hands the hidden layers' dY back, as
 * {@code train} does.
 */
final class TotaldiffStep {

    private final Trainer trainer;
    private final Grouping grouping;
    private final List<GroupMoments> moments = new ArrayList<>();
    private final Capture capture = new Capture();
    /** The time of the group statistics of every SNR step, timed inside the step. */
    private final List<Double> statisticsSeconds = new ArrayList<>();
    private final TrainingListener snr = new TrainingListener() {
        @Override
        public void afterBackward(Step step) {
            long t0 = System.nanoTime();
            List<Node> weights = step.run().net().weights();
            for (int l = 0; l < weights.size(); l++) {
                GroupStatistics.measure(step.run().net().tape(), weights.get(l), step.run().collocation(), grouping,
                        moments.get(l));
            }
            statisticsSeconds.add((System.nanoTime() - t0) / 1e9);
        }
    };

    TotaldiffStep(PeerProblem p, int groups) {
        Adam adam = new Adam(p.adam(), new Constant(p.learningRate()));
        this.trainer = new Trainer(p.problem(), p.net(), adam, ResidualWeighting.none(), p.collocation(),
                p.conditions());
        this.grouping = Grouping.contiguous(p.collocation().numRows, groups);
        // as train does when its SNR groups are the trainer's gradient groups: the hidden layers'
        // dY handed back, only their group sums kept (and each tanh jet's adjoint written in place)
        trainer.releaseGroupedAdjoints(groups == Math.min(Trainer.GRADIENT_GROUPS, p.collocation().numRows));
        for (Node w : trainer.view().net().weights()) {
            moments.add(GroupMoments.like(w));
        }
    }

    /** One plain training step; returns its loss (before the step). */
    double plain() {
        trainer.run(trainer.iteration() + 1, List.of(capture));
        return capture.loss;
    }

    /** One training step with the group statistics of every weight matrix; returns its loss. */
    double snr() {
        trainer.run(trainer.iteration() + 1, List.of(snr, capture));
        return capture.loss;
    }

    /** From the next step on, keep a copy of the gradients [W0, b0, ...] (in x out) of each step. */
    void keepGradients() {
        capture.keep = true;
    }

    /** The gradients of the last step, if {@link #keepGradients} was called before it. */
    List<DMatrixRMaj> gradients() {
        return capture.gradients;
    }

    /** The median time of the group statistics (all weight matrices) over the last {@code steps} SNR steps. */
    double statisticsSeconds(int steps) {
        return Median.of(statisticsSeconds.subList(Math.max(0, statisticsSeconds.size() - steps),
                statisticsSeconds.size()));
    }

    /** The group moments of each weight matrix from the last SNR step (in x out). */
    List<GroupMoments> moments() {
        return moments;
    }

    /** The current parameters [W0, b0, ...] (in x out). */
    List<DMatrixRMaj> parameters() {
        return trainer.network().parameters();
    }

    /** Steps taken. */
    int iteration() {
        return trainer.iteration();
    }

    /** The loss of each step, and its gradients when asked. */
    private static final class Capture implements TrainingListener {
        double loss;
        boolean keep;
        List<DMatrixRMaj> gradients = List.of();

        @Override
        public void afterBackward(Step step) {
            loss = step.lossValue();
            if (keep) {
                List<DMatrixRMaj> g = new ArrayList<>();
                for (Node p : step.run().net().parameters()) {
                    g.add(p.grad().copy());
                }
                gradients = g;
            }
        }
    }
}
