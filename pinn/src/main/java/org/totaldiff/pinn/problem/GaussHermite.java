package org.totaldiff.pinn.problem;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The n-point Gauss-Hermite rule: int f(z) exp(-z^2) dz ~ sum_i w_i f(z_i), exact for polynomials
 * of degree &lt; 2n.
 *
 * <p>Nodes: eigenvalues of the Jacobi matrix (Golub and Welsch 1969), polished by Newton's method
 * on the orthonormal Hermite recurrence p_j = z sqrt(2/j) p_{j-1} - sqrt((j-1)/j) p_{j-2},
 * p_0 = pi^{-1/4}; weights w = 2 / (sqrt(2n) p_{n-1}(z))^2, relatively accurate even where they are
 * tiny (Press et al., Numerical Recipes, 3rd ed., section 4.6, {@code gauher}). Weights are also
 * kept as logarithms, so that callers can form log w_i + g(z_i) without underflow. O(n^3) work
 * for the eigenvalues (milliseconds for n = 200); n up to {@value #MAX_NODES} (beyond that the
 * unscaled recurrence overflows).
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
     * off-diagonal sqrt(k / 2), k = 1..n-1 (Golub and Welsch 1969). They are the nodes.
     */
    private static double[] jacobiEigenvalues(int n) {
        double[] z = new double[n];
        if (n == 1) {
            return z;
        }
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            double b = Math.sqrt(k / 2.0);
            j.set(k - 1, k, b);
            j.set(k, k - 1, b);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("GaussHermite: eigenvalue iteration failed for n = " + n);
        }
        for (int k = 0; k < n; k++) {
            z[k] = eig.getEigenvalue(k).getReal();
        }
        java.util.Arrays.sort(z);
        for (int k = 0; k < n / 2; k++) {
            double t = z[k];
            z[k] = z[n - 1 - k];
            z[n - 1 - k] = t;
        }
        return z;
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
