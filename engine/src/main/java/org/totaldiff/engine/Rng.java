package org.totaldiff.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded random numbers for every random choice in totaldiff (initial weights, sampling).
 *
 * <p>Built on {@link SplittableRandom}, whose algorithm is specified, and a Gaussian of our own
 * (Marsaglia's polar method), so that the same seed gives the same numbers on every JDK.
 */
public final class Rng {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    /** A generator whose whole stream is fixed by {@code seed}. */
    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent generator derived from this one (advances this one). */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal N(0, 1). */
    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** Fills {@code m} with N(0, std^2) samples in row-major order. Returns m. */
    public DMatrixRMaj fillGaussian(DMatrixRMaj m, double std) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = std * gaussian();
        }
        return m;
    }

    /** Fills {@code m} with uniform samples in [lo, hi) in row-major order. Returns m. */
    public DMatrixRMaj fillUniform(DMatrixRMaj m, double lo, double hi) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = uniform(lo, hi);
        }
        return m;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
