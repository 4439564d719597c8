package org.totaldiff.pinn.problem;

/**
 * The n-point Gauss-Hermite rule: int f(z) exp(-z^2) dz ~ sum_i w_i f(z_i), exact for polynomials
 * of degree &lt; 2n.
 *
 * <p>Nodes: eigenvalues of the Jacobi matrix (Golub and Welsch 1969) by Sturm-sequence
 * bisection, polished by Newton's method on the orthonormal Hermite recurrence
 * p_j = z sqrt(2/j) p_{j-1} - sqrt((j-1)/j) p_{j-2}, p_0 = pi^{-1/4}. Weights
 * w = 2 / (sqrt(2n) p_{n-1}(z))^2, relatively accurate even where they are tiny (Press et al.,
 * Numerical Recipes, 3rd ed., section 4.6, {@code gauher}); they are also kept as logarithms, so
 * that callers can form log w_i + g(z_i) without underflow. O(n^2) work per node (milliseconds
 * for n = 200); n up to {@value #MAX_NODES} (beyond that the unscaled recurrence overflows).
 */
final class GaussHermite {

    static final int MAX_NODES = 500;

    private final double[] nodes;
    private final double[] logWeights;

    GaussHermite(int n) {
        if (n < 1 || n > MAX_NODES) {
            throw new IllegalArgumentException("GaussHermite: number of nodes must be in 1.." + MAX_NODES
                    + ", got " + n);
        }
        nodes = new double[n];
        logWeights = new double[n];
        double[] guess = jacobiEigenvalues(n);
        int half = (n + 1) / 2;
        for (int i = 0; i < half; i++) {
            double z = guess[i];
            double pp = 0;
            // Newton polish; the eigenvalues are already within rounding of the roots
            for (int iter = 0; iter < 4; iter++) {
                double[] p = orthonormal(n, z);
                pp = Math.sqrt(2.0 * n) * p[1];
                z -= p[0] / pp;
            }
            pp = Math.sqrt(2.0 * n) * orthonormal(n, z)[1];
            double logW = Math.log(2) - 2 * Math.log(Math.abs(pp));
            nodes[i] = z;
            nodes[n - 1 - i] = -z;
            logWeights[i] = logW;
            logWeights[n - 1 - i] = logW;
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0; // exactly
        }
    }

    /** (p_n(z), p_{n-1}(z)) by the orthonormal recurrence. */
    private static double[] orthonormal(int n, double z) {
        double p1 = Math.pow(Math.PI, -0.25);
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
            double p3 = p2;
            p2 = p1;
            p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
        }
        return new double[] {p1, p2};
    }

    /**
     * Eigenvalues, in decreasing order, of the Jacobi matrix of the Hermite weight: zero diagonal,
     * off-diagonal b_k = sqrt(k / 2), k = 1..n-1 (Golub and Welsch 1969); they are the nodes. Each
     * is found by bisection on the Sturm count of eigenvalues below x (q_1 = -x,
     * q_i = -x - b_{i-1}^2 / q_{i-1}; the count is the number of negative q_i), inside the
     * Gershgorin bound |z| &lt;= sqrt(2 (n - 1)).
     */
    private static double[] jacobiEigenvalues(int n) {
        double[] z = new double[n];
        double bound = Math.sqrt(2.0 * Math.max(n - 1, 1)) + 1e-9;
        for (int i = 0; i < (n + 1) / 2; i++) {
            // the i-th largest eigenvalue has n - 1 - i eigenvalues below it
            double lo = -bound;
            double hi = bound;
            for (int iter = 0; iter < 200 && hi - lo > 1e-15 * bound; iter++) {
                double mid = 0.5 * (lo + hi);
                if (countBelow(mid, n) >= n - i) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            z[i] = 0.5 * (lo + hi);
        }
        return z;
    }

    private static int countBelow(double x, int n) {
        int count = 0;
        double q = -x;
        for (int i = 1; ; i++) {
            if (q == 0) {
                q = -1e-300;
            }
            if (q < 0) {
                count++;
            }
            if (i == n) {
                return count;
            }
            q = -x - (i / 2.0) / q;
        }
    }

    int size() {
        return nodes.length;
    }

    /** Node i, in decreasing order (symmetric: z_{n-1-i} = -z_i). */
    double node(int i) {
        return nodes[i];
    }

    /** log w_i. */
    double logWeight(int i) {
        return logWeights[i];
    }

    /** w_i = exp(log w_i) (may underflow to 0 for the outermost nodes of large rules). */
    double weight(int i) {
        return Math.exp(logWeights[i]);
    }
}
