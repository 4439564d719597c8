package org.totaldiff.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.totaldiff.engine.Loops;

/**
 * The element-wise loops on the JDK Vector API: full vectors of the preferred species, then a
 * scalar tail. Loaded reflectively by {@link Loops#get()} only when the module is present.
 */
public final class VectorLoops implements Loops {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public int vectorLength() {
        return L;
    }

    private static int bound(int from, int to) {
        return from + ((to - from) / L) * L;
    }

    @Override
    public void tanh(double[] z, double[] t, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.TANH).intoArray(t, i);
        }
        for (; i < to; i++) {
            t[i] = Math.tanh(z[i]);
        }
    }

    @Override
    public void tanhJet(double[] z, double[] t, double[] d1, double[] d2, int from, int to) {
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            DoubleVector ti = DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.TANH);
            DoubleVector si = ti.mul(ti).neg().add(1.0);
            ti.intoArray(t, i);
            si.intoArray(d1, i);
            ti.mul(si).mul(-2.0).intoArray(d2, i);
        }
        for (; i < to; i++) {
            double ti = Math.tanh(z[i]);
            double si = 1.0 - ti * ti;
            t[i] = ti;
            d1[i] = si;
            d2[i] = -2.0 * ti * si;
        }
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

    @Override
    public double sum(double[] a, int from, int to) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            acc = acc.add(DoubleVector.fromArray(S, a, i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
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
        DoubleVector acc = DoubleVector.zero(S);
        int i = from;
        for (int end = bound(from, to); i < end; i += L) {
            acc = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
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
