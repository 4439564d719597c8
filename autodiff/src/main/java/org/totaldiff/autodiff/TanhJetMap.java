package org.totaldiff.autodiff;

import org.totaldiff.engine.Parallel;

/**
 * {@link JetMap} for tanh, the PINN activation, without saved buffers. The derivatives of tanh
 * are polynomials of its value t = tanh(z):
 *
 * <pre>
 *   f'   = s = 1 - t²
 *   f''  = -2 t s
 *   f''' = -2 (s² + t f'')
 * </pre>
 *
 * so the forward pass writes only the jet Y (its value stream is t) and the backward pass
 * recomputes f', f'', f''' from Y's value stream as it goes. Against the general rule this saves
 * three N x n blocks per layer (f', f'', f''') of memory, their writes in the forward pass and
 * their reads in the backward pass, for a few multiplications per element. The expressions are
 * those {@link Functions#TANH} evaluates, in the same order, so the result is bit for bit the
 * general rule's.
 */
final class TanhJetMap extends Op {

    private final JetLayout layout;
    private final int samples;

    TanhJetMap(JetLayout layout, int samples) {
        this.layout = layout;
        this.samples = samples;
    }

    @Override
    String name() {
        return "tanhJet";
    }

    @Override
    void forward(Node out) {
        double[] z = out.inputs[0].value.data;
        double[] y = out.value.data;
        int block = samples * out.cols();
        int d = layout.directions();
        int pairs = layout.secondCount();
        int[][] pair = JetMap.pairs(layout);
        Parallel.forRange(block, ElementWise.GRAIN, (from, to) -> {
            Functions.TANH.evaluate(z, y, null, null, null, from, to);
            for (int k = 0; k < d; k++) {
                int o = (1 + k) * block;
                for (int e = from; e < to; e++) {
                    double t = y[e];
                    y[o + e] = (1.0 - t * t) * z[o + e];
                }
            }
            for (int p = 0; p < pairs; p++) {
                int o = (1 + d + p) * block;
                int ok = (1 + pair[p][0]) * block;
                int ol = (1 + pair[p][1]) * block;
                for (int e = from; e < to; e++) {
                    double t = y[e];
                    double s = 1.0 - t * t;
                    y[o + e] = -2.0 * t * s * z[ok + e] * z[ol + e] + s * z[o + e];
                }
            }
        });
    }

    @Override
    void backward(Node out) {
        var adjoint = out.inputs[0].gradForWrite();
        if (adjoint == null) {
            return;
        }
        double[] gz = adjoint.data;
        // a fresh adjoint holds garbage and is written, not added to (see JetMap)
        boolean fresh = out.inputs[0].gradIsFresh();
        double[] z = out.inputs[0].value.data;
        double[] y = out.value.data;
        double[] gy = out.grad().data;
        int block = samples * out.cols();
        int d = layout.directions();
        int pairs = layout.secondCount();
        int[][] pair = JetMap.pairs(layout);
        Parallel.forRange(block, ElementWise.GRAIN, (from, to) -> {
            for (int e = from; e < to; e++) {
                double t = y[e];
                double v = (1.0 - t * t) * gy[e];
                gz[e] = fresh ? v : gz[e] + v;
            }
            for (int k = 0; k < d; k++) {
                int o = (1 + k) * block;
                for (int e = from; e < to; e++) {
                    double t = y[e];
                    double s = 1.0 - t * t;
                    double v = s * gy[o + e];
                    gz[o + e] = fresh ? v : gz[o + e] + v;
                    gz[e] += -2.0 * t * s * z[o + e] * gy[o + e];
                }
            }
            for (int p = 0; p < pairs; p++) {
                int o = (1 + d + p) * block;
                int ok = (1 + pair[p][0]) * block;
                int ol = (1 + pair[p][1]) * block;
                for (int e = from; e < to; e++) {
                    double t = y[e];
                    double s = 1.0 - t * t;
                    double s2 = -2.0 * t * s;
                    double s3 = -2 * (s * s + t * s2);
                    double g = gy[o + e];
                    double v = s * g;
                    gz[o + e] = fresh ? v : gz[o + e] + v;
                    gz[ok + e] += s2 * z[ol + e] * g;
                    gz[ol + e] += s2 * z[ok + e] * g;
                    gz[e] += (s3 * z[ok + e] * z[ol + e] + s2 * z[o + e]) * g;
                }
            }
        });
    }

    @Override
    String describe(Node out) {
        return name() + "(" + out.inputs[0].label() + ") [" + layout + "]";
    }
}
