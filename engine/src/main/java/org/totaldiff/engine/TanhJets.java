package org.totaldiff.engine;

/**
 * The rules of a tanh jet on stacked streams, scalar: the reference that every {@link Loops}
 * implementation reproduces bit for bit (autodiff's {@code TanhJetMap} uses them).
 *
 * <p>The arrays hold stacked streams of {@code block} elements each: stream 0 is the value, streams
 * 1..d the first derivatives along the d directions, streams 1 + d + p the second derivatives of
 * the pairs p = (a, b). With t = tanh(z) the value stream of y, s = 1 - t², s2 = -2 t s (tanh''),
 * s3 = -2 (s² + t s2) (tanh'''):
 *
 * <pre>
 *   y_k  = s z_k                                  (direction k)
 *   y_ab = s2 z_a z_b + s z_ab                    (pair (a, b))
 * </pre>
 *
 * and the adjoint rule sends ȳ back to z̄ along the same expressions. Every expression is
 * evaluated in the order written here, multiplications left to right, without fused
 * multiply-adds.
 */
public final class TanhJets {

    private TanhJets() {
    }

    /**
     * The derivative streams of y on [from, to) of each block, its value stream t = y[0, block)
     * already written.
     */
    public static void streams(double[] z, double[] y, int block, int directions, int[][] pairs, int from, int to) {
        for (int k = 0; k < directions; k++) {
            int o = (1 + k) * block;
            for (int e = from; e < to; e++) {
                double t = y[e];
                y[o + e] = (1.0 - t * t) * z[o + e];
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int o = (1 + directions + p) * block;
            int ok = (1 + pairs[p][0]) * block;
            int ol = (1 + pairs[p][1]) * block;
            for (int e = from; e < to; e++) {
                double t = y[e];
                double s = 1.0 - t * t;
                y[o + e] = -2.0 * t * s * z[ok + e] * z[ol + e] + s * z[o + e];
            }
        }
    }

    /**
     * z̄ = (or +=, unless {@code fresh}) the adjoint of the jet map for ȳ = gy, on [from, to) of
     * each block: the value stream, then the directions, then the pairs, each element's terms
     * added in that order.
     */
    public static void adjoint(double[] z, double[] y, double[] gy, double[] gz, boolean fresh, int block,
            int directions, int[][] pairs, int from, int to) {
        for (int e = from; e < to; e++) {
            double t = y[e];
            double v = (1.0 - t * t) * gy[e];
            gz[e] = fresh ? v : gz[e] + v;
        }
        for (int k = 0; k < directions; k++) {
            int o = (1 + k) * block;
            for (int e = from; e < to; e++) {
                double t = y[e];
                double s = 1.0 - t * t;
                double v = s * gy[o + e];
                gz[o + e] = fresh ? v : gz[o + e] + v;
                gz[e] += -2.0 * t * s * z[o + e] * gy[o + e];
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int o = (1 + directions + p) * block;
            int ok = (1 + pairs[p][0]) * block;
            int ol = (1 + pairs[p][1]) * block;
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
    }
}
