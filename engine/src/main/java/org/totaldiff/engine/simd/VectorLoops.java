package org.totaldiff.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.totaldiff.engine.Loops;
import org.totaldiff.engine.PortableMath;
import org.totaldiff.engine.TanhJets;

/**
 * The element-wise loops on the JDK Vector API: full vectors of the preferred species, then a
 * scalar tail. Loaded reflectively by {@link Loops#get()} only when the module is present.
 */
public final class VectorLoops implements Loops {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Whether the reductions' eight partial sums ({@link PortableMath}) fill whole vectors of
     * the preferred species: one vector of 8 lanes (AVX-512) or two of 4 (AVX2); otherwise they
     * run as scalar loops. Only the preferred species is used anywhere in the engine: once code
     * of a second species (a 4-lane accumulator on an 8-lane machine) has run, C2 no longer
     * intrinsifies the vector operations of the GEMM micro-kernel and it runs with every vector
     * boxed (measured 2026-12-07: quick Helmholtz training 3x slower; docs/performance.md run 12).
     */
    static final boolean VECTOR_PARTIALS = L == PortableMath.PARTIALS || 2 * L == PortableMath.PARTIALS;

    @Override
    public int vectorLength() {
        return L;
    }

    private static int bound(int from, int to) {
        return from + ((to - from) / L) * L;
    }

    private static final double ROUND = 6755399441055744.0; // 1.5 * 2^52: x + ROUND - ROUND rounds x
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;

    /**
     * tanh on whole vectors: {@link PortableMath#tanh} lane by lane, the same operations in the
     * same order (the tail runs it as scalar code), so the bits do not depend on the vector length
     * or on where a chunk's tail falls. (The Vector API's {@code lanewise(TANH)} runs an SVML
     * stub once compiled but {@code Math.tanh} per lane before, so its bits depended on JIT state.)
     */
    private static void tanhRange(double[] z, double[] t0, double[] d1, double[] d2, int from, int to) {
        // The whole computation sits in the loop body: as a helper method it is too large for the
        // JIT to inline, and its vectors would then be boxed (3x slower).
        // Coefficients broadcast once, outside the loop.
        DoubleVector k0 = DoubleVector.broadcast(S, 8.22063524662433e-18);
        DoubleVector k1 = DoubleVector.broadcast(S, 1.5619206968586225e-16);
        DoubleVector k2 = DoubleVector.broadcast(S, 2.8114572543455206e-15);
        DoubleVector k3 = DoubleVector.broadcast(S, 4.779477332387385e-14);
        DoubleVector k4 = DoubleVector.broadcast(S, 7.647163731819816e-13);
        DoubleVector k5 = DoubleVector.broadcast(S, 1.1470745597729725e-11);
        DoubleVector k6 = DoubleVector.broadcast(S, 1.6059043836821613e-10);
        DoubleVector k7 = DoubleVector.broadcast(S, 2.08767569878681e-09);
        DoubleVector k8 = DoubleVector.broadcast(S, 2.505210838544172e-08);
        DoubleVector k9 = DoubleVector.broadcast(S, 2.755731922398589e-07);
        DoubleVector k10 = DoubleVector.broadcast(S, 2.7557319223985893e-06);
        DoubleVector k11 = DoubleVector.broadcast(S, 2.48015873015873e-05);
        DoubleVector k12 = DoubleVector.broadcast(S, 0.0001984126984126984);
        DoubleVector k13 = DoubleVector.broadcast(S, 0.001388888888888889);
        DoubleVector k14 = DoubleVector.broadcast(S, 0.008333333333333333);
        DoubleVector k15 = DoubleVector.broadcast(S, 0.041666666666666664);
        DoubleVector k16 = DoubleVector.broadcast(S, 0.16666666666666666);
        DoubleVector k17 = DoubleVector.broadcast(S, 0.5);
        DoubleVector k18 = DoubleVector.broadcast(S, 1.0);
        DoubleVector k19 = DoubleVector.broadcast(S, INV_LN2);
        DoubleVector k20 = DoubleVector.broadcast(S, ROUND);
        DoubleVector k21 = DoubleVector.broadcast(S, -LN2_HI);
        DoubleVector k22 = DoubleVector.broadcast(S, -LN2_LO);
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, z, i);

            DoubleVector ax = x.abs();
            DoubleVector y = ax.add(ax);
            DoubleVector p = k0;
            p = p.fma(y, k1);
            p = p.fma(y, k2);
            p = p.fma(y, k3);
            p = p.fma(y, k4);
            p = p.fma(y, k5);
            p = p.fma(y, k6);
            p = p.fma(y, k7);
            p = p.fma(y, k8);
            p = p.fma(y, k9);
            p = p.fma(y, k10);
            p = p.fma(y, k11);
            p = p.fma(y, k12);
            p = p.fma(y, k13);
            p = p.fma(y, k14);
            p = p.fma(y, k15);
            p = p.fma(y, k16);
            p = p.fma(y, k17);
            p = p.fma(y, k18);
            DoubleVector em = p.mul(y);
            DoubleVector yc = y.min(40.0);
            DoubleVector nr = yc.fma(k19, k20);
            DoubleVector n = nr.sub(ROUND);
            DoubleVector r = n.fma(k21, yc);
            r = n.fma(k22, r);
            DoubleVector q = k6;
            q = q.fma(r, k7);
            q = q.fma(r, k8);
            q = q.fma(r, k9);
            q = q.fma(r, k10);
            q = q.fma(r, k11);
            q = q.fma(r, k12);
            q = q.fma(r, k13);
            q = q.fma(r, k14);
            q = q.fma(r, k15);
            q = q.fma(r, k16);
            q = q.fma(r, k17);
            q = q.fma(r, k18);
            q = q.fma(r, k18);
            LongVector twoToN = nr.reinterpretAsLongs().and(0xFFFL).add(1023L).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = q.mul(twoToN.reinterpretAsDoubles());
            // One division for both branches (division dominates the cost).
            VectorMask<Double> isLarge = ax.compare(VectorOperators.GE, 0.55);
            DoubleVector num = em.blend(e.sub(1.0), isLarge);
            DoubleVector den = em.add(2.0).blend(e.add(1.0), isLarge);
            DoubleVector t = num.div(den);
            t = t.blend(t.neg(), x.compare(VectorOperators.LT, 0.0));
            t.intoArray(t0, i);
            if (d1 != null) {
                DoubleVector si = t.mul(t).neg().add(1.0);
                si.intoArray(d1, i);
                t.mul(si).mul(-2.0).intoArray(d2, i);
            }
        }
        for (; i < to; i++) {
            double ti = PortableMath.tanh(z[i]);
            t0[i] = ti;
            if (d1 != null) {
                double si = PortableMath.tanhD1(ti);
                d1[i] = si;
                d2[i] = PortableMath.tanhD2(ti, si);
            }
        }
    }

    @Override
    public void tanhJetStreams(double[] z, double[] y, int block, int directions, int[][] pairs, int from, int to) {
        // TanhJets.streams pass by pass on whole vectors, the same operations in the same order
        int end = bound(from, to);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int k = 0; k < directions; k++) {
            int o = (1 + k) * block;
            for (int e = from; e < end; e += L) {
                DoubleVector t = DoubleVector.fromArray(S, y, e);
                DoubleVector s = one.sub(t.mul(t));
                s.mul(DoubleVector.fromArray(S, z, o + e)).intoArray(y, o + e);
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int o = (1 + directions + p) * block;
            int ok = (1 + pairs[p][0]) * block;
            int ol = (1 + pairs[p][1]) * block;
            for (int e = from; e < end; e += L) {
                DoubleVector t = DoubleVector.fromArray(S, y, e);
                DoubleVector s = one.sub(t.mul(t));
                DoubleVector s2 = t.mul(-2.0).mul(s);
                s2.mul(DoubleVector.fromArray(S, z, ok + e)).mul(DoubleVector.fromArray(S, z, ol + e))
                        .add(s.mul(DoubleVector.fromArray(S, z, o + e))).intoArray(y, o + e);
            }
        }
        TanhJets.streams(z, y, block, directions, pairs, end, to);
    }

    @Override
    public void tanhJetAdjoint(double[] z, double[] y, double[] gy, double[] gz, boolean fresh, int block,
            int directions, int[][] pairs, int from, int to) {
        // TanhJets.adjoint pass by pass on whole vectors, the same operations in the same order
        int end = bound(from, to);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int e = from; e < end; e += L) {
            DoubleVector t = DoubleVector.fromArray(S, y, e);
            DoubleVector v = one.sub(t.mul(t)).mul(DoubleVector.fromArray(S, gy, e));
            (fresh ? v : DoubleVector.fromArray(S, gz, e).add(v)).intoArray(gz, e);
        }
        for (int k = 0; k < directions; k++) {
            int o = (1 + k) * block;
            for (int e = from; e < end; e += L) {
                DoubleVector t = DoubleVector.fromArray(S, y, e);
                DoubleVector s = one.sub(t.mul(t));
                DoubleVector g = DoubleVector.fromArray(S, gy, o + e);
                DoubleVector v = s.mul(g);
                (fresh ? v : DoubleVector.fromArray(S, gz, o + e).add(v)).intoArray(gz, o + e);
                DoubleVector term = t.mul(-2.0).mul(s).mul(DoubleVector.fromArray(S, z, o + e)).mul(g);
                DoubleVector.fromArray(S, gz, e).add(term).intoArray(gz, e);
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int o = (1 + directions + p) * block;
            int ok = (1 + pairs[p][0]) * block;
            int ol = (1 + pairs[p][1]) * block;
            for (int e = from; e < end; e += L) {
                DoubleVector t = DoubleVector.fromArray(S, y, e);
                DoubleVector s = one.sub(t.mul(t));
                DoubleVector s2 = t.mul(-2.0).mul(s);
                DoubleVector s3 = s.mul(s).add(t.mul(s2)).mul(-2.0);
                DoubleVector g = DoubleVector.fromArray(S, gy, o + e);
                DoubleVector zk = DoubleVector.fromArray(S, z, ok + e);
                DoubleVector zl = DoubleVector.fromArray(S, z, ol + e);
                DoubleVector v = s.mul(g);
                (fresh ? v : DoubleVector.fromArray(S, gz, o + e).add(v)).intoArray(gz, o + e);
                DoubleVector.fromArray(S, gz, ok + e).add(s2.mul(zl).mul(g)).intoArray(gz, ok + e);
                DoubleVector.fromArray(S, gz, ol + e).add(s2.mul(zk).mul(g)).intoArray(gz, ol + e);
                DoubleVector inner = s3.mul(zk).mul(zl).add(s2.mul(DoubleVector.fromArray(S, z, o + e)));
                DoubleVector.fromArray(S, gz, e).add(inner.mul(g)).intoArray(gz, e);
            }
        }
        TanhJets.adjoint(z, y, gy, gz, fresh, block, directions, pairs, end, to);
    }

    @Override
    public void tanh(double[] z, double[] t, int from, int to) {
        tanhRange(z, t, null, null, from, to);
    }

    @Override
    public void tanhJet(double[] z, double[] t, double[] d1, double[] d2, int from, int to) {
        tanhRange(z, t, d1, d2, from, to);
    }

    @Override
    public void mul(double[] a, double[] b, double[] c, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector.fromArray(S, a, i).mul(DoubleVector.fromArray(S, b, i)).intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = a[i] * b[i];
        }
    }

    @Override
    public void mulAdd(double[] a, double[] b, double[] c, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector.fromArray(S, a, i)
                    .fma(DoubleVector.fromArray(S, b, i), DoubleVector.fromArray(S, c, i))
                    .intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = Math.fma(a[i], b[i], c[i]);
        }
    }

    @Override
    public void add(double[] a, double[] b, double[] c, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i)).intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = a[i] + b[i];
        }
    }

    @Override
    public void scale(double alpha, double[] a, double[] c, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector.fromArray(S, a, i).mul(alpha).intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = alpha * a[i];
        }
    }

    @Override
    public void addScaled(double alpha, double[] a, double[] c, int from, int to) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            va.fma(DoubleVector.fromArray(S, a, i), DoubleVector.fromArray(S, c, i)).intoArray(c, i);
        }
        for (; i < to; i++) {
            c[i] = Math.fma(alpha, a[i], c[i]);
        }
    }

    /**
     * The reductions of {@link PortableMath}: its eight partial sums are the lanes of one 8-lane
     * accumulator, or of two 4-lane ones (lo: partials 0-3, hi: 4-7), added pairwise at the end.
     */
    @Override
    public double sum(double[] a, int from, int to) {
        if (!VECTOR_PARTIALS) {
            return PortableMath.sum(a, from, to);
        }
        int i = from;
        int end = blocksEnd(from, to);
        double s;
        if (L == PortableMath.PARTIALS) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; i < end; i += L) {
                acc = acc.add(DoubleVector.fromArray(S, a, i));
            }
            s = combine(acc);
        } else {
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (; i < end; i += 2 * L) {
                lo = lo.add(DoubleVector.fromArray(S, a, i));
                hi = hi.add(DoubleVector.fromArray(S, a, i + L));
            }
            s = combine(lo, hi);
        }
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public double sumSquares(double[] a, int from, int to) {
        return dot(a, a, from, to);
    }

    @Override
    public double dot(double[] a, double[] b, int from, int to) {
        if (!VECTOR_PARTIALS) {
            return PortableMath.dot(a, from, b, from, to - from);
        }
        int i = from;
        int end = blocksEnd(from, to);
        double s;
        if (L == PortableMath.PARTIALS) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; i < end; i += L) {
                acc = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc);
            }
            s = combine(acc);
        } else {
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (; i < end; i += 2 * L) {
                lo = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), lo);
                hi = DoubleVector.fromArray(S, a, i + L).fma(DoubleVector.fromArray(S, b, i + L), hi);
            }
            s = combine(lo, hi);
        }
        for (; i < to; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }

    /** The end of the whole blocks of {@link PortableMath#PARTIALS} elements from {@code from}. */
    static int blocksEnd(int from, int to) {
        return from + ((to - from) / PortableMath.PARTIALS) * PortableMath.PARTIALS;
    }

    /** {@link PortableMath#combine} of the eight lanes of an 8-lane accumulator. */
    static double combine(DoubleVector acc) {
        return PortableMath.combine(acc.lane(0), acc.lane(1), acc.lane(2), acc.lane(3), acc.lane(4), acc.lane(5),
                acc.lane(6), acc.lane(7));
    }

    /** {@link PortableMath#combine} of two 4-lane accumulators: lo (partials 0-3), hi (4-7). */
    static double combine(DoubleVector lo, DoubleVector hi) {
        return PortableMath.combine(lo.lane(0), lo.lane(1), lo.lane(2), lo.lane(3), hi.lane(0), hi.lane(1),
                hi.lane(2), hi.lane(3));
    }

    @Override
    public void addColumnSums(double[] a, int n, int rowFrom, int rowTo, double[] out) {
        int vecEnd = (n / L) * L;
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * n;
            int j = 0;
            for (; j < vecEnd; j += L) {
                DoubleVector.fromArray(S, a, base + j).add(DoubleVector.fromArray(S, out, j)).intoArray(out, j);
            }
            for (; j < n; j++) {
                out[j] += a[base + j];
            }
        }
    }
}
