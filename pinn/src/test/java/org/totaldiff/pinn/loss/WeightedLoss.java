package org.totaldiff.pinn.loss;

import org.ejml.data.DMatrixRMaj;

/** The residual loss mean((λ_i r_i)²) written out, for the weighting tests. */
final class WeightedLoss {

    private WeightedLoss() {
    }

    static double of(DMatrixRMaj lambda, DMatrixRMaj r) {
        double s = 0;
        for (int i = 0; i < r.getNumElements(); i++) {
            double v = lambda.data[i] * r.data[i];
            s += v * v;
        }
        return s / r.getNumElements();
    }
}
