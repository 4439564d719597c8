package org.totaldiff.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Rng;

/**
 * The four products of a dense layer Y = X W + b with X: N x in, W: in x out, each 2 N in out
 * flops: the forward product (with and without the fused bias), the weight gradient
 * dW = X<sup>T</sup> dY and the input adjoint dX = dY W<sup>T</sup>. A layer shape is written
 * {@code NxINxOUT}, e.g. {@code 25600x128x128}.
 */
final class LayerProducts {

    /** One of the four products. */
    enum Op {
        MULT("mult"), MULT_BIAS("multBias"), MULT_TRANS_A("multTransA"), MULT_TRANS_B("multTransB");

        final String label;

        Op(String label) {
            this.label = label;
        }

        static Op of(String label) {
            for (Op op : values()) {
                if (op.label.equals(label)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown product '" + label + "', expected mult, multBias, multTransA or multTransB");
        }

        /** The product as a formula with its shapes. */
        String describe(int n, int in, int out) {
            return switch (this) {
                case MULT -> "X W: " + n + "x" + in + " * " + in + "x" + out;
                case MULT_BIAS -> "X W + b: " + n + "x" + in + " * " + in + "x" + out;
                case MULT_TRANS_A -> "X^T dY: (" + n + "x" + in + ")^T * " + n + "x" + out;
                case MULT_TRANS_B -> "dY W^T: " + n + "x" + out + " * (" + in + "x" + out + ")^T";
            };
        }
    }

    final int n;
    final int in;
    final int out;
    final DMatrixRMaj x;
    final DMatrixRMaj w;
    final DMatrixRMaj bias;
    final DMatrixRMaj dy;
    final DMatrixRMaj y;
    final DMatrixRMaj dw;
    final DMatrixRMaj dx;

    LayerProducts(String shape, long seed) {
        String[] parts = shape.split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("layer shape must be NxINxOUT, e.g. 25600x128x128, got '" + shape + "'");
        }
        n = Integer.parseInt(parts[0]);
        in = Integer.parseInt(parts[1]);
        out = Integer.parseInt(parts[2]);
        Rng rng = new Rng(seed);
        x = rng.fillUniform(new DMatrixRMaj(n, in), -1, 1);
        w = rng.fillUniform(new DMatrixRMaj(in, out), -1, 1);
        bias = rng.fillUniform(new DMatrixRMaj(1, out), -1, 1);
        dy = rng.fillUniform(new DMatrixRMaj(n, out), -1, 1);
        y = new DMatrixRMaj(n, out);
        dw = new DMatrixRMaj(in, out);
        dx = new DMatrixRMaj(n, in);
    }

    double flops() {
        return 2.0 * n * in * out;
    }

    /** totaldiff's {@link Dense}. Returns the output. */
    DMatrixRMaj totaldiff(Op op) {
        return switch (op) {
            case MULT -> Dense.mult(x, w, y);
            case MULT_BIAS -> Dense.multBias(x, w, bias, y);
            case MULT_TRANS_A -> Dense.multTransA(x, dy, dw);
            case MULT_TRANS_B -> Dense.multTransB(dy, w, dx);
        };
    }

    /** EJML's single-threaded CommonOps_DDRM (the bias added by a plain loop). */
    DMatrixRMaj ejml(Op op) {
        return switch (op) {
            case MULT -> CommonOps_DDRM.mult(x, w, y);
            case MULT_BIAS -> addBias(CommonOps_DDRM.mult(x, w, y));
            case MULT_TRANS_A -> CommonOps_DDRM.multTransA(x, dy, dw);
            case MULT_TRANS_B -> CommonOps_DDRM.multTransB(dy, w, dx);
        };
    }

    /** EJML's multi-threaded CommonOps_MT_DDRM (the bias added by a plain loop). */
    DMatrixRMaj ejmlConcurrent(Op op) {
        return switch (op) {
            case MULT -> CommonOps_MT_DDRM.mult(x, w, y);
            case MULT_BIAS -> addBias(CommonOps_MT_DDRM.mult(x, w, y));
            case MULT_TRANS_A -> CommonOps_MT_DDRM.multTransA(x, dy, dw);
            case MULT_TRANS_B -> CommonOps_MT_DDRM.multTransB(dy, w, dx);
        };
    }

    private DMatrixRMaj addBias(DMatrixRMaj m) {
        double[] d = m.data;
        double[] b = bias.data;
        for (int i = 0, o = 0; i < m.numRows; i++, o += out) {
            for (int j = 0; j < out; j++) {
                d[o + j] += b[j];
            }
        }
        return m;
    }
}
