package org.totaldiff.autodiff;

import java.util.function.DoubleUnaryOperator;

/**
 * An element-wise function, described once by its value and derivatives; every rule that
 * applies it (the plain map, and the jet rules {@code y_k = f'(z) z_k},
 * {@code y_kl = f''(z) z_k z_l + f'(z) z_kl}) is derived from this one description.
 *
 * <p>Besides f, f' and f'' the description carries f''': the reverse pass of the second-order
 * jet rule differentiates {@code f''(z)} with respect to z. A new activation is one
 * {@link #of} entry in {@link Functions}.
 */
public interface ScalarFunction {

    String name();

    double value(double z);

    double d1(double z);

    double d2(double z);

    double d3(double z);

    /**
     * Writes f, f', f'', f''' of {@code z[from, to)} into the same positions of the outputs; a
     * null output is skipped. Implementations may compute the four together (tanh does).
     */
    default void evaluate(double[] z, double[] f, double[] f1, double[] f2, double[] f3, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            if (f != null) {
                f[i] = value(x);
            }
            if (f1 != null) {
                f1[i] = d1(x);
            }
            if (f2 != null) {
                f2[i] = d2(x);
            }
            if (f3 != null) {
                f3[i] = d3(x);
            }
        }
    }

    /** A function from its value and its first three derivatives. */
    static ScalarFunction of(String name, DoubleUnaryOperator f, DoubleUnaryOperator f1, DoubleUnaryOperator f2,
            DoubleUnaryOperator f3) {
        return new ScalarFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double z) {
                return f.applyAsDouble(z);
            }

            @Override
            public double d1(double z) {
                return f1.applyAsDouble(z);
            }

            @Override
            public double d2(double z) {
                return f2.applyAsDouble(z);
            }

            @Override
            public double d3(double z) {
                return f3.applyAsDouble(z);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
