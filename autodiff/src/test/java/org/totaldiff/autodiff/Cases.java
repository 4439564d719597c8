package org.totaldiff.autodiff;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.quicktheories.core.Gen;
import org.totaldiff.engine.Rng;

/** Generators and small builders shared by the autodiff property suites. */
final class Cases {

    /** A random case: a seed for the matrix contents and three small dimensions. */
    record Dims(long seed, int a, int b, int c) {
    }

    private Cases() {
    }

    /** Seeds and dimensions in [1, max], 1 included so 1xN and Nx1 shapes come up often. */
    static Gen<Dims> dims(int max) {
        Gen<Integer> d = integers().between(1, max);
        return longs().all().zip(d, d, d, Dims::new);
    }

    static DMatrixRMaj gaussian(Rng rng, int rows, int cols) {
        return rng.fillGaussian(new DMatrixRMaj(rows, cols), 1.0);
    }

    /** A scalar loss that weighs every element of y by a fixed random number: Σ R ∘ y. */
    static Node project(Tape tape, Node y, long seed) {
        Node r = tape.constant("R", gaussian(new Rng(seed ^ 0x9E3779B97F4A7C15L), y.rows(), y.cols()));
        return tape.sum(tape.mul(y, r));
    }

    /** Asserts the adjoint test passes along three directions. */
    static void assertAdjoint(GradCheck.Loss loss, List<DMatrixRMaj> inputs, long seed) {
        GradCheck.Result r = GradCheck.adjoint(loss, inputs, 3, seed, 1e-6, 1e-3);
        if (!r.passed(1e-6)) {
            throw new AssertionError(r.toString());
        }
    }

    /** The parameters of a random MLP: sizes[0] inputs -> ... -> sizes[last] outputs. */
    static List<DMatrixRMaj> mlp(Rng rng, int... sizes) {
        List<DMatrixRMaj> params = new java.util.ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            DMatrixRMaj w = gaussian(rng, sizes[l], sizes[l + 1]);
            for (int e = 0; e < w.data.length; e++) {
                w.data[e] /= Math.sqrt(sizes[l]);
            }
            params.add(w);
            params.add(gaussian(rng, 1, sizes[l + 1]));
        }
        return params;
    }

    /** The jet of the MLP with these parameter leaves (pairs W, b) and activation f. */
    static Jet forward(Tape tape, List<Node> params, Jet input, ScalarFunction f) {
        Jet h = input;
        for (int l = 0; l < params.size(); l += 2) {
            h = h.linear(params.get(l), params.get(l + 1));
            if (l + 2 < params.size()) {
                h = h.map(f);
            }
        }
        return h;
    }
}
