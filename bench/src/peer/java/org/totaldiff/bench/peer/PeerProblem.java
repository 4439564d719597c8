package org.totaldiff.bench.peer;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.engine.Rng;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.optim.AdamConfig;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.HelmholtzProblem;
import org.totaldiff.pinn.problem.Helmholtz2D;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * The one training step both stacks take, built with this project's API from the paper's
 * Helmholtz preset ({@link Presets}: a1 = a2 = 6, k = 1, seed 2341):
 *
 * <pre>
 *   r = u_xx + u_yy + k² u - q,   q = (k² - 2 (6π)²) sin(6πx) sin(6πy)
 *   L = mean(r²) + mean_boundary(u²)          (no residual weighting)
 *   Adam (Kingma &amp; Ba), lr 1e-3, β = (0.9, 0.999), eps 1e-8
 * </pre>
 *
 * N Latin-hypercube points in [-1, 1]², 100 boundary points per side drawn from the 1,001 nodes
 * of the side (HM/HM.py), a tanh MLP 2 -> depth x width -> 1 with Xavier-normal weights. The
 * points, q and the initial weights are what the libtorch side copies.
 *
 * @param exact the manufactured solution (gives q)
 * @param problem the PDE as this project's trainer takes it
 * @param collocation N x 2 collocation points
 * @param conditions the boundary term (one Dirichlet condition, u = 0)
 * @param boundary the boundary points, 4 x 100 x 2
 * @param forcing q at the collocation points, N x 1
 * @param net the network (its weights change as our side trains)
 * @param initial copies of the initial parameters [W0, b0, W1, b1, ...], W_l in x out
 * @param learningRate Adam's rate
 * @param adam Adam's other settings
 */
record PeerProblem(Helmholtz2D exact, HelmholtzProblem problem, DMatrixRMaj collocation, List<Condition> conditions,
        DMatrixRMaj boundary, DMatrixRMaj forcing, Mlp net, List<DMatrixRMaj> initial, double learningRate,
        AdamConfig adam) {

    /** The paper's setup at the given sizes. */
    static PeerProblem paper(int points, int width, int depth) {
        TrainConfig paper = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        TrainConfig.ProblemConfig pc = paper.problem();
        TrainConfig.SamplingConfig sampling = paper.sampling();
        Helmholtz2D exact = new Helmholtz2D(pc.a1(), pc.a2(), pc.k());
        HelmholtzProblem problem = new HelmholtzProblem(exact, sampling.boundary(), sampling.boundaryGrid());
        // the order of TrainRun: collocation points, then the boundary, from one generator
        Rng rng = new Rng(sampling.seed());
        DMatrixRMaj collocation = Sampling.latinHypercube(problem.domain(), points, rng);
        List<Condition> conditions = problem.conditions(rng);
        Mlp net = Mlp.xavier(Mlp.sizes(problem.domain().dim(), width, depth, 1), Functions.TANH,
                paper.network().seed());
        List<DMatrixRMaj> initial = new ArrayList<>();
        for (DMatrixRMaj p : net.parameters()) {
            initial.add(p.copy());
        }
        return new PeerProblem(exact, problem, collocation, conditions, conditions.get(0).points(),
                exact.forcing(collocation), net, List.copyOf(initial), paper.optimizer().learningRate(),
                AdamConfig.DEFAULTS);
    }

    /** k², the coefficient of u in the residual. */
    double k2() {
        return exact.k() * exact.k();
    }

    /** The network's layer sizes, input first. */
    int[] sizes() {
        return net.layerSizes();
    }
}
