package org.totaldiff.autodiff;

import org.totaldiff.engine.Loops;
import org.totaldiff.engine.PortableMath;

/** The element-wise functions PINNs use, each one entry: f, f', f'', f'''. */
public final class Functions {

    /** tanh, evaluated with its derivatives in one vectorised pass (t, 1 - t², -2t(1 - t²)). */
    public static final ScalarFunction TANH = new Tanh();

    public static final ScalarFunction SIN = ScalarFunction.of("sin",
            Math::sin, Math::cos, z -> -Math.sin(z), z -> -Math.cos(z));

    public static final ScalarFunction COS = ScalarFunction.of("cos",
            Math::cos, z -> -Math.sin(z), z -> -Math.cos(z), Math::sin);

    public static final ScalarFunction EXP = ScalarFunction.of("exp",
            Math::exp, Math::exp, Math::exp, Math::exp);

    public static final ScalarFunction SQUARE = ScalarFunction.of("square",
            z -> z * z, z -> 2 * z, z -> 2, z -> 0);

    public static final ScalarFunction CUBE = ScalarFunction.of("cube",
            z -> z * z * z, z -> 3 * z * z, z -> 6 * z, z -> 6);

    public static final ScalarFunction IDENTITY = ScalarFunction.of("identity",
            z -> z, z -> 1, z -> 0, z -> 0);

    private Functions() {
    }

    /** tanh: f = t, f' = 1 - t², f'' = -2 t f', f''' = -2 (f'² + t f''). */
    private static final class Tanh implements ScalarFunction {

        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double z) {
            return PortableMath.tanh(z);
        }

        @Override
        public double d1(double z) {
            double t = PortableMath.tanh(z);
            return 1 - t * t;
        }

        @Override
        public double d2(double z) {
            double t = PortableMath.tanh(z);
            return -2 * t * (1 - t * t);
        }

        @Override
        public double d3(double z) {
            double t = PortableMath.tanh(z);
            double s = 1 - t * t;
            return -2 * (s * s - 2 * t * t * s);
        }

        @Override
        public void evaluate(double[] z, double[] f, double[] f1, double[] f2, double[] f3, int from, int to) {
            if (f == null || (f3 != null && (f1 == null || f2 == null)) || (f2 != null && f1 == null)) {
                throw new IllegalArgumentException("tanh: give the value output, and every lower derivative's"
                        + " output with a higher one");
            }
            Loops loops = Loops.get();
            if (f2 == null) {
                loops.tanh(z, f, from, to);
                if (f1 != null) {
                    for (int i = from; i < to; i++) {
                        f1[i] = 1 - f[i] * f[i];
                    }
                }
                return;
            }
            loops.tanhJet(z, f, f1, f2, from, to);
            if (f3 != null) {
                for (int i = from; i < to; i++) {
                    f3[i] = -2 * (f1[i] * f1[i] + f[i] * f2[i]);
                }
            }
        }

        @Override
        public String toString() {
            return "tanh";
        }
    }
}
