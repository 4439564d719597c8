package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Rng;

/**
 * Gradient checking against central differences, for tests and for anyone adding an operation.
 *
 * <ul>
 *   <li>{@link #adjoint}: the adjoint (dot-product) test. For random directions v,
 *       ⟨∇L, v⟩ from one backward pass must equal (L(x + hv) - L(x - hv)) / 2h.</li>
 *   <li>{@link #elementwise}: every partial derivative, one pair of evaluations each (small
 *       inputs only).</li>
 *   <li>{@link #jet}: the input derivatives a {@link Jet} carries, first order against
 *       (u(x + h e_k) - u(x - h e_k)) / 2h and second order against the central second
 *       difference (mixed: the four-point formula), Richardson-extrapolated from h and h/2.</li>
 * </ul>
 *
 * Errors are relative: |analytic - numeric| / max(|analytic|, |numeric|, floor), so that
 * derivatives near zero are compared absolutely against {@code floor} (for jets, floor times
 * max(1, |u|), since the rounding error of a difference quotient grows with the value).
 */
public final class GradCheck {

    /** Builds a scalar loss on a fresh recording from leaves that hold the given inputs. */
    @FunctionalInterface
    public interface Loss {
        Node build(Tape tape, List<Node> inputs);
    }

    /** Builds a network's output jet at points x on a fresh recording. */
    @FunctionalInterface
    public interface JetModel {
        Jet build(Tape tape, DMatrixRMaj x);
    }

    /** The worst disagreement found. */
    public record Result(double maxError, int checks, String worst) {
        public boolean passed(double tolerance) {
            return maxError <= tolerance;
        }

        @Override
        public String toString() {
            return "max relative error " + maxError + " over " + checks + " checks" + (worst.isEmpty() ? "" : "; worst: " + worst);
        }
    }

    private GradCheck() {
    }

    /** The adjoint test along {@code directions} seeded random directions, step h. */
    public static Result adjoint(Loss loss, List<DMatrixRMaj> inputs, int directions, long seed, double h,
            double floor) {
        List<DMatrixRMaj> grads = gradient(loss, inputs);
        Rng rng = new Rng(seed);
        Worst worst = new Worst();
        for (int d = 0; d < directions; d++) {
            List<DMatrixRMaj> v = new ArrayList<>();
            double analytic = 0;
            for (int j = 0; j < inputs.size(); j++) {
                DMatrixRMaj dir = rng.fillGaussian(new DMatrixRMaj(inputs.get(j).numRows, inputs.get(j).numCols), 1.0);
                v.add(dir);
                for (int e = 0; e < dir.getNumElements(); e++) {
                    analytic += grads.get(j).data[e] * dir.data[e];
                }
            }
            double plus = evaluate(loss, shifted(inputs, v, h));
            double minus = evaluate(loss, shifted(inputs, v, -h));
            worst.offer(analytic, (plus - minus) / (2 * h), floor, "direction " + d);
        }
        return worst.result();
    }

    /** Every partial derivative of the loss with respect to every input element. */
    public static Result elementwise(Loss loss, List<DMatrixRMaj> inputs, double h, double floor) {
        List<DMatrixRMaj> grads = gradient(loss, inputs);
        Worst worst = new Worst();
        for (int j = 0; j < inputs.size(); j++) {
            for (int e = 0; e < inputs.get(j).getNumElements(); e++) {
                List<DMatrixRMaj> x = copies(inputs);
                x.get(j).data[e] += h;
                double plus = evaluate(loss, x);
                x.get(j).data[e] -= 2 * h;
                double minus = evaluate(loss, x);
                worst.offer(grads.get(j).data[e], (plus - minus) / (2 * h), floor, "input " + j + " element " + e);
            }
        }
        return worst.result();
    }

    /**
     * Every stream of the jet at x against finite differences of its value stream: first
     * derivatives with step h, second derivatives with step h2 (larger: the error of a second
     * difference grows like rounding / h²).
     */
    public static Result jet(JetModel model, DMatrixRMaj x, double h, double h2, double floor) {
        Tape tape = new Tape();
        Jet jet = model.build(tape, x);
        JetLayout layout = jet.layout();
        Worst worst = new Worst();
        DMatrixRMaj u0 = value(model, x);
        for (int k = 0; k < layout.directions(); k++) {
            DMatrixRMaj numeric = difference(value(model, shift(x, k, h, -1, 0)), value(model, shift(x, k, -h, -1, 0)),
                    1 / (2 * h));
            compare(jet.d(k).value(), numeric, u0, floor, "d" + k, worst);
        }
        for (int p = 0; p < layout.secondCount(); p++) {
            int[] kl = layout.pair(p);
            int k = kl[0];
            int l = kl[1];
            // Richardson: (4 D(h/2) - D(h)) / 3 cancels the h² term of the central second difference
            DMatrixRMaj coarse = secondDifference(model, x, u0, k, l, h2);
            DMatrixRMaj fine = secondDifference(model, x, u0, k, l, h2 / 2);
            DMatrixRMaj numeric = new DMatrixRMaj(u0.numRows, u0.numCols);
            for (int e = 0; e < numeric.data.length; e++) {
                numeric.data[e] = (4 * fine.data[e] - coarse.data[e]) / 3;
            }
            compare(jet.d(k, l).value(), numeric, u0, floor, "d" + k + l, worst);
        }
        return worst.result();
    }

    /** The gradient of the loss with respect to each input, from one backward pass. */
    public static List<DMatrixRMaj> gradient(Loss loss, List<DMatrixRMaj> inputs) {
        Tape tape = new Tape();
        List<Node> leaves = leaves(tape, copies(inputs));
        tape.backward(loss.build(tape, leaves));
        List<DMatrixRMaj> grads = new ArrayList<>();
        for (Node leaf : leaves) {
            grads.add(leaf.grad().copy());
        }
        return grads;
    }

    /** The loss at the given inputs. */
    public static double evaluate(Loss loss, List<DMatrixRMaj> inputs) {
        Tape tape = new Tape();
        return loss.build(tape, leaves(tape, inputs)).scalar();
    }

    // ------------------------------------------------------------------ helpers

    private static List<Node> leaves(Tape tape, List<DMatrixRMaj> inputs) {
        List<Node> leaves = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            leaves.add(tape.parameter("x" + j, inputs.get(j)));
        }
        return leaves;
    }

    private static List<DMatrixRMaj> copies(List<DMatrixRMaj> inputs) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (DMatrixRMaj m : inputs) {
            out.add(m.copy());
        }
        return out;
    }

    private static List<DMatrixRMaj> shifted(List<DMatrixRMaj> inputs, List<DMatrixRMaj> v, double h) {
        List<DMatrixRMaj> out = copies(inputs);
        for (int j = 0; j < out.size(); j++) {
            for (int e = 0; e < out.get(j).getNumElements(); e++) {
                out.get(j).data[e] += h * v.get(j).data[e];
            }
        }
        return out;
    }

    private static DMatrixRMaj value(JetModel model, DMatrixRMaj x) {
        return model.build(new Tape(), x).value().value().copy();
    }

    /** The central second difference along k and l (four points when k != l). */
    private static DMatrixRMaj secondDifference(JetModel model, DMatrixRMaj x, DMatrixRMaj u0, int k, int l, double h) {
        DMatrixRMaj out = new DMatrixRMaj(u0.numRows, u0.numCols);
        if (k == l) {
            DMatrixRMaj plus = value(model, shift(x, k, h, -1, 0));
            DMatrixRMaj minus = value(model, shift(x, k, -h, -1, 0));
            for (int e = 0; e < out.data.length; e++) {
                out.data[e] = (plus.data[e] - 2 * u0.data[e] + minus.data[e]) / (h * h);
            }
        } else {
            DMatrixRMaj pp = value(model, shift(x, k, h, l, h));
            DMatrixRMaj pm = value(model, shift(x, k, h, l, -h));
            DMatrixRMaj mp = value(model, shift(x, k, -h, l, h));
            DMatrixRMaj mm = value(model, shift(x, k, -h, l, -h));
            for (int e = 0; e < out.data.length; e++) {
                out.data[e] = (pp.data[e] - pm.data[e] - mp.data[e] + mm.data[e]) / (4 * h * h);
            }
        }
        return out;
    }

    /** x with column k shifted by hk and column l (if >= 0) by hl. */
    private static DMatrixRMaj shift(DMatrixRMaj x, int k, double hk, int l, double hl) {
        DMatrixRMaj out = x.copy();
        for (int i = 0; i < x.numRows; i++) {
            out.data[i * x.numCols + k] += hk;
            if (l >= 0) {
                out.data[i * x.numCols + l] += hl;
            }
        }
        return out;
    }

    private static DMatrixRMaj difference(DMatrixRMaj plus, DMatrixRMaj minus, double scale) {
        DMatrixRMaj out = new DMatrixRMaj(plus.numRows, plus.numCols);
        for (int e = 0; e < out.data.length; e++) {
            out.data[e] = (plus.data[e] - minus.data[e]) * scale;
        }
        return out;
    }

    /** The floor grows with |u|: the rounding error of a difference quotient does. */
    private static void compare(DMatrixRMaj analytic, DMatrixRMaj numeric, DMatrixRMaj u, double floor, String what,
            Worst worst) {
        for (int e = 0; e < analytic.getNumElements(); e++) {
            double scaled = floor * Math.max(1, Math.abs(u.data[e]));
            worst.offer(analytic.data[e], numeric.data[e], scaled, what + " element " + e);
        }
    }

    private static final class Worst {
        private double max;
        private int checks;
        private String where = "";

        void offer(double analytic, double numeric, double floor, String what) {
            checks++;
            double err = Math.abs(analytic - numeric) / Math.max(floor, Math.max(Math.abs(analytic), Math.abs(numeric)));
            if (!(err <= max)) {
                max = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                where = what + ": analytic " + analytic + ", numeric " + numeric;
            }
        }

        Result result() {
            return new Result(max, checks, where);
        }
    }
}
