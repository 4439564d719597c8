package org.totaldiff.pinn.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    @Test
    void agreesWithHipparchus() {
        int n = 40;
        GaussHermite ours = new GaussHermite(n);
        GaussIntegrator theirs = new GaussIntegratorFactory().hermite(n);
        for (int i = 0; i < n; i++) {
            // Hipparchus orders its nodes increasingly; ours decrease
            int k = n - 1 - i;
            assertEquals(theirs.getPoint(k), ours.node(i), 1e-12 * Math.max(1, Math.abs(ours.node(i))));
            assertEquals(theirs.getWeight(k), ours.weight(i), 1e-12 * theirs.getWeight(k));
        }
    }

    /** int z^(2k) e^{-z^2} = Gamma(k + 1/2), exact for 2k < 2n; int e^{a z - z^2} = sqrt(pi) e^{a^2/4}. */
    @Test
    void integratesMomentsAndExponentials() {
        for (int n : new int[] {5, 64, 200, 500}) {
            GaussHermite rule = new GaussHermite(n);
            double gamma = Math.sqrt(Math.PI); // Gamma(1/2)
            for (int k = 0; k < Math.min(n, 12); k++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += rule.weight(i) * Math.pow(rule.node(i), 2 * k);
                }
                assertEquals(gamma, sum, 1e-12 * gamma, "n=" + n + " k=" + k);
                gamma *= k + 0.5;
            }
            if (n >= 64) {
                double a = 10;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.exp(rule.logWeight(i) + a * rule.node(i) - a * a / 4);
                }
                assertEquals(Math.sqrt(Math.PI), sum, 1e-12, "n=" + n);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new GaussHermite(0));
    }
}
