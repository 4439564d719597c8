package org.totaldiff.engine;

/**
 * Plain Java loops: the fallback when the Vector API is not enabled, and the reference; tanh and
 * the reductions are {@link PortableMath}'s.
 */
public final class ScalarLoops implements Loops {

    @Override
    public int vectorLength() {
        return 1;
    }

    @Override
    public void tanh(double[] z, double[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            t[i] = PortableMath.tanh(z[i]);
        }
    }

    @Override
    public void tanhJet(double[] z, double[] t, double[] d1, double[] d2, int from, int to) {
        for (int i = from; i < to; i++) {
            double ti = PortableMath.tanh(z[i]);
            double si = PortableMath.tanhD1(ti);
            t[i] = ti;
            d1[i] = si;
            d2[i] = PortableMath.tanhD2(ti, si);
        }
    }

    @Override
    public void tanhJetStreams(double[] z, double[] y, int block, int directions, int[][] pairs, int from, int to) {
        TanhJets.streams(z, y, block, directions, pairs, from, to);
    }

    @Override
    public void tanhJetAdjoint(double[] z, double[] y, double[] gy, double[] gz, boolean fresh, int block,
            int directions, int[][] pairs, int from, int to) {
        TanhJets.adjoint(z, y, gy, gz, fresh, block, directions, pairs, from, to);
    }

    @Override
    public void mul(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i] * b[i];
        }
    }

    @Override
    public void mulAdd(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = Math.fma(a[i], b[i], c[i]);
        }
    }

    @Override
    public void add(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i] + b[i];
        }
    }

    @Override
    public void scale(double alpha, double[] a, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = alpha * a[i];
        }
    }

    @Override
    public void addScaled(double alpha, double[] a, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = Math.fma(alpha, a[i], c[i]);
        }
    }

    @Override
    public double sum(double[] a, int from, int to) {
        return PortableMath.sum(a, from, to);
    }

    @Override
    public double sumSquares(double[] a, int from, int to) {
        return PortableMath.dot(a, from, a, from, to - from);
    }

    @Override
    public double dot(double[] a, double[] b, int from, int to) {
        return PortableMath.dot(a, from, b, from, to - from);
    }

    @Override
    public void addColumnSums(double[] a, int n, int rowFrom, int rowTo, double[] out) {
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[base + j];
            }
        }
    }
}
