package org.totaldiff.autodiff;

import org.totaldiff.engine.Parallel;

/**
 * An activation applied to a stacked jet Z = [z; z_k; z_kl] (value, first, second derivative
 * streams of N rows each), with f, f', f'', f''' taken at the value stream z:
 *
 * <pre>
 *   y    = f(z)
 *   y_k  = f'(z) z_k
 *   y_kl = f''(z) z_k z_l + f'(z) z_kl
 * </pre>
 *
 * and the vector-Jacobian product of those three rules:
 *
 * <pre>
 *   z̄_kl += f' ȳ_kl
 *   z̄_k  += f' ȳ_k + Σ_(k,l) f'' z_l ȳ_kl          (z_l ȳ_kl counted twice when l = k)
 *   z̄    += f' ȳ + Σ_k f'' z_k ȳ_k + Σ_(k,l) (f''' z_k z_l + f'' z_kl) ȳ_kl
 * </pre>
 *
 * One fused pass over the streams instead of a dozen primitives: it is the hot element-wise
 * loop of PINN training. {@code JetProperties} checks it against the same rules composed from
 * primitives. The forward pass saves f', f'', f''' of z (one N x n block each); tanh, whose
 * derivatives follow from its value, has its own rule that saves nothing ({@link TanhJetMap}).
 */
final class JetMap extends Op {

    private final ScalarFunction f;
    private final JetLayout layout;
    private final int samples;

    JetMap(ScalarFunction f, JetLayout layout, int samples) {
        this.f = f;
        this.layout = layout;
        this.samples = samples;
    }

    @Override
    String name() {
        return f.name() + "Jet";
    }

    @Override
    void forward(Node out) {
        double[] z = out.inputs[0].value.data;
        double[] y = out.value.data;
        int block = samples * out.cols();
        double[] d1 = out.buffer(0, samples, out.cols()).data;
        double[] d2 = out.buffer(1, samples, out.cols()).data;
        double[] d3 = out.inputs[0].requiresGrad ? out.buffer(2, samples, out.cols()).data : null;
        int d = layout.directions();
        int pairs = layout.secondCount();
        int[][] pair = pairs(layout);
        Parallel.forRange(block, ElementWise.GRAIN, (from, to) -> {
            f.evaluate(z, y, d1, d2, d3, from, to);
            for (int k = 0; k < d; k++) {
                int o = (1 + k) * block;
                for (int e = from; e < to; e++) {
                    y[o + e] = d1[e] * z[o + e];
                }
            }
            for (int p = 0; p < pairs; p++) {
                int o = (1 + d + p) * block;
                int ok = (1 + pair[p][0]) * block;
                int ol = (1 + pair[p][1]) * block;
                for (int e = from; e < to; e++) {
                    y[o + e] = d2[e] * z[ok + e] * z[ol + e] + d1[e] * z[o + e];
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
        // a fresh adjoint holds garbage and is written, not added to: each block's first
        // statement below assigns when fresh
        boolean fresh = out.inputs[0].gradIsFresh();
        double[] z = out.inputs[0].value.data;
        double[] gy = out.grad().data;
        int block = samples * out.cols();
        double[] d1 = out.buffer(0, samples, out.cols()).data;
        double[] d2 = out.buffer(1, samples, out.cols()).data;
        double[] d3 = out.buffer(2, samples, out.cols()).data;
        int d = layout.directions();
        int pairs = layout.secondCount();
        int[][] pair = pairs(layout);
        Parallel.forRange(block, ElementWise.GRAIN, (from, to) -> {
            for (int e = from; e < to; e++) {
                double t = d1[e] * gy[e];
                gz[e] = fresh ? t : gz[e] + t;
            }
            for (int k = 0; k < d; k++) {
                int o = (1 + k) * block;
                for (int e = from; e < to; e++) {
                    double t = d1[e] * gy[o + e];
                    gz[o + e] = fresh ? t : gz[o + e] + t;
                    gz[e] += d2[e] * z[o + e] * gy[o + e];
                }
            }
            for (int p = 0; p < pairs; p++) {
                int o = (1 + d + p) * block;
                int ok = (1 + pair[p][0]) * block;
                int ol = (1 + pair[p][1]) * block;
                for (int e = from; e < to; e++) {
                    double g = gy[o + e];
                    double t = d1[e] * g;
                    gz[o + e] = fresh ? t : gz[o + e] + t;
                    gz[ok + e] += d2[e] * z[ol + e] * g;
                    gz[ol + e] += d2[e] * z[ok + e] * g;
                    gz[e] += (d3[e] * z[ok + e] * z[ol + e] + d2[e] * z[o + e]) * g;
                }
            }
        });
    }

    @Override
    String describe(Node out) {
        return name() + "(" + out.inputs[0].label() + ") [" + layout + "]";
    }

    /** The (k, l) direction pairs of the layout's second-derivative streams, in stream order. */
    static int[][] pairs(JetLayout layout) {
        int[][] p = new int[layout.secondCount()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = layout.pair(i);
        }
        return p;
    }
}
