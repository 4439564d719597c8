package org.totaldiff.pinn.sampling;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.pde.PdeProblem;

/**
 * Residual-based adaptive refinement (RAR; Lu, Meng, Mao and Karniadakis, "DeepXDE: a deep
 * learning library for solving differential equations", SIAM Review 63 (2021) 208-228): every
 * {@code every} iterations, the PDE residual is evaluated at {@code candidates} fresh random
 * points of the domain and the {@code points} candidates with the largest |r| join the
 * collocation set for the rest of the training.
 *
 * <p>The candidates of iteration t are a Latin hypercube drawn from a generator seeded by
 * (seed, t) alone, so a run resumed from a checkpoint draws the same candidates and adds the same
 * points: the refinement needs no state of its own beyond the collocation points it grew.
 */
public final class ResidualRefinement {

    /**
     * @param every add points before every iteration that is a positive multiple of this
     * @param points the candidates added each time (the largest |r| first)
     * @param candidates the random points whose residual is evaluated each time
     * @param seed the seed of the candidates' generator (mixed with the iteration)
     */
    public record Config(int every, int points, int candidates, long seed) {
        /** The most candidates one refinement evaluates (2^18: a few GB of jets for a wide network). */
        public static final int MAX_CANDIDATES = 1 << 18;

        public Config {
            if (every < 1) {
                throw new IllegalArgumentException("--rar-every must be >= 1, got " + every);
            }
            if (points < 1) {
                throw new IllegalArgumentException("--rar-points must be >= 1, got " + points);
            }
            if (candidates < points) {
                throw new IllegalArgumentException("--rar-candidates must be at least --rar-points (" + points
                        + "), got " + candidates);
            }
            if (candidates > MAX_CANDIDATES) {
                throw new IllegalArgumentException("--rar-candidates must be at most " + MAX_CANDIDATES
                        + " (their residuals are evaluated in one pass), got " + candidates);
            }
        }
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Config config;
    private Tape tape;
    private Mlp boundNet;
    private Mlp.Bound bound;

    public ResidualRefinement(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** True if points are added before {@code iteration} (a positive multiple of every). */
    public boolean due(int iteration) {
        return iteration > 0 && iteration % config.every() == 0;
    }

    /** The candidates of {@code iteration}: a Latin hypercube over the domain. */
    public DMatrixRMaj candidates(Box domain, int iteration) {
        Rng rng = new Rng(config.seed() ^ (GOLDEN * (iteration + 1L)));
        return Sampling.latinHypercube(domain, config.candidates(), rng);
    }

    /**
     * The points to add before {@code iteration}: the {@code points} candidates with the largest
     * |r| under {@code net}, largest first (ties: the earlier candidate first).
     */
    public DMatrixRMaj select(Mlp net, PdeProblem problem, int iteration) {
        DMatrixRMaj candidates = candidates(problem.domain(), iteration);
        double[] r = residual(net, problem, candidates);
        Integer[] order = new Integer[r.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(Math.abs(r[b]), Math.abs(r[a]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int d = candidates.numCols;
        DMatrixRMaj out = new DMatrixRMaj(config.points(), d);
        for (int k = 0; k < config.points(); k++) {
            System.arraycopy(candidates.data, order[k] * d, out.data, k * d, d);
        }
        return out;
    }

    /** The PDE residual r at each of {@code points} (N values). */
    public double[] residual(Mlp net, PdeProblem problem, DMatrixRMaj points) {
        if (net != boundNet) {
            // a tape of its own (its buffers kept between refinements), bound once per network
            tape = new Tape();
            bound = net.bind(tape);
            boundNet = net;
        }
        tape.rewind();
        SampleSet set = new SampleSet("candidates", points.numRows);
        Jet u = bound.forward(Jet.input(tape, "x", points, set, problem.layout()), new java.util.ArrayList<>());
        return problem.residual(tape, u, points).value().data.clone();
    }
}
