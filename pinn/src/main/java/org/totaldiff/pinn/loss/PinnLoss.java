package org.totaldiff.pinn.loss;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.PdeProblem;

/**
 * The PINN loss of one iteration, recorded on the network's tape:
 *
 * <pre>
 *   L = mean_i (λ_i r_i)² + Σ_c L_c          (λ = 1 without weighting)
 * </pre>
 *
 * The collocation rows are tagged with a {@link SampleSet}, so that
 * {@link org.totaldiff.autodiff.PerSample} can split the residual term's gradient by point
 * afterwards; the condition terms are not split.
 *
 * @param total L
 * @param residualLoss the residual term
 * @param conditionLosses the condition terms, in the problem's order
 * @param residual r at the collocation points (N x 1)
 * @param hidden the hidden layers' activation jets at the collocation points, input side first
 *     (see {@link Mlp.Bound#forward(Jet, List)})
 */
public record PinnLoss(Node total, Node residualLoss, List<Node> conditionLosses, Node residual, List<Jet> hidden) {

    /**
     * The activations of hidden layer l at the N collocation points: the first N rows of the
     * returned matrix (the value stream of the layer's jet; the derivative streams follow).
     */
    public DMatrixRMaj activations(int layer) {
        return hidden.get(layer).stack().value();
    }

    /** Records the loss on {@code net}'s tape (the caller has rewound it). */
    public static PinnLoss record(Mlp.Bound net, PdeProblem problem, DMatrixRMaj collocation, SampleSet set,
            List<Condition> conditions, ResidualWeighting weighting, int iteration) {
        Tape tape = net.tape();
        List<Jet> hidden = new ArrayList<>();
        Jet u = net.forward(Jet.input(tape, "x", collocation, set, problem.layout()), hidden);
        Node r = problem.residual(tape, u, collocation);
        DMatrixRMaj lambda = weighting.update(r.value(), iteration);
        Node weighted = lambda == null ? r : tape.mul(tape.samples("lambda", lambda, set), r);
        Node residualLoss = tape.meanSquares(weighted);
        Node total = residualLoss;
        List<Node> terms = new ArrayList<>();
        for (Condition c : conditions) {
            Node term = c.loss(net);
            terms.add(term);
            total = tape.add(total, term);
        }
        return new PinnLoss(total, residualLoss, List.copyOf(terms), r, List.copyOf(hidden));
    }
}
