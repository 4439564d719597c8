package org.totaldiff.bench.peer;

import java.util.Locale;

/**
 * The useful floating-point work of one training step of a tanh MLP PINN with a second-order jet
 * (docs/performance.md, runs 11 and 13), counted from its sizes: what any implementation of the
 * step must compute, nothing it may choose to add (packing, recomputation, bias additions, tanh
 * itself, Adam are not counted).
 *
 * <pre>
 *   products, per layer in -> out, over S = 1 + d + P stacked streams of N collocation points
 *   and the Nb boundary points (value only):
 *     forward          2 (S N + Nb) in out
 *     weight gradient  2 (S N + Nb) in out
 *     input adjoint    2 (S N + Nb) in out        (not for the first layer: x needs no adjoint)
 *   jet rules, per element of each hidden layer's N x width block (TanhJets, d directions, P pairs):
 *     forward   3 d + 8 P                         (22 for the Laplacian's d = 2, P = 2)
 *     backward  3 + 8 d + 21 P                    (61)
 * </pre>
 *
 * @param forward the forward products
 * @param weightGradients the weight-gradient products
 * @param inputAdjoints the input-adjoint products
 * @param jetRules the tanh-jet rules, forward and backward
 */
record UsefulWork(double forward, double weightGradients, double inputAdjoints, double jetRules) {

    /**
     * @param sizes the layer sizes, input first (2, 128, ..., 128, 1)
     * @param points N, the collocation points
     * @param boundaryPoints Nb
     * @param directions d, the first-derivative streams
     * @param pairs P, the second-derivative streams
     */
    static UsefulWork of(int[] sizes, int points, int boundaryPoints, int directions, int pairs) {
        double rows = (double) (1 + directions + pairs) * points + boundaryPoints;
        double forward = 0;
        double adjoints = 0;
        double elements = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            double product = 2 * rows * sizes[l] * sizes[l + 1];
            forward += product;
            if (l > 0) {
                adjoints += product;
            }
            if (l + 2 < sizes.length) {
                elements += (double) points * sizes[l + 1];
            }
        }
        double perElement = (3 * directions + 8 * pairs) + (3 + 8 * directions + 21 * pairs);
        return new UsefulWork(forward, forward, adjoints, elements * perElement);
    }

    /** All products. */
    double products() {
        return forward + weightGradients + inputAdjoints;
    }

    /** The whole step's useful work, in flops. */
    double total() {
        return products() + jetRules;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f GFLOP: products %.1f (forward %.2f, weight gradients %.2f, input"
                + " adjoints %.2f), tanh-jet rules %.2f", total() / 1e9, products() / 1e9, forward / 1e9,
                weightGradients / 1e9, inputAdjoints / 1e9, jetRules / 1e9);
    }
}
