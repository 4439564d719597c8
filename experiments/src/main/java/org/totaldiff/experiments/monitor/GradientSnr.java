package org.totaldiff.experiments.monitor;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * The gradient signal-to-noise ratio and gradient order of Anagnostopoulos, Toscano, Stergiopulos,
 * Karniadakis, "Learning in PINNs: Phase transition, total diffusion, and generalization"
 * (arXiv:2403.18494, 2024), as the authors' {@code utils/snr.py} ({@code find_snr}) defines them.
 * From the element-wise mean &mu;<sub>l</sub> and population variance &sigma;&sup2;<sub>l</sub> over
 * B groups of the gradient of each weight matrix l (biases excluded), with &mu; and &sigma; all
 * matrices concatenated:
 *
 * <pre>
 *   snr   = ||&mu;||<sub>2</sub> / ||&sigma;||<sub>2</sub>,        snr_l = ||&mu;<sub>l</sub>||<sub>F</sub> / ||&sigma;<sub>l</sub>||<sub>F</sub>
 *   &phi;     = ||&mu;|| / ||rms||,  rms&sup2; = &sigma;&sup2; + &mu;&sup2;,   so &phi; = ||&mu;|| / sqrt(||&mu;||&sup2; + ||&sigma;||&sup2;) and snr = &phi; / sqrt(1 - &phi;&sup2;)
 * </pre>
 *
 * A negative variance (rounding in E[g&sup2;] - &mu;&sup2;) counts as 0. Ratios with a zero
 * denominator follow IEEE arithmetic (+&infin;, or NaN for 0/0).
 *
 * @param snr the full-network SNR
 * @param phi the gradient order, in [0, 1]
 * @param layerSnr the SNR of each weight matrix, input layer first
 */
public record GradientSnr(double snr, double phi, double[] layerSnr) {

    /** Copies {@code layerSnr}. */
    public GradientSnr {
        layerSnr = layerSnr.clone();
    }

    /** A copy of the per-layer SNRs. */
    @Override
    public double[] layerSnr() {
        return layerSnr.clone();
    }

    /** Equal when snr, phi and every layer SNR are (as {@link Double#compare}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GradientSnr g && Double.compare(snr, g.snr) == 0 && Double.compare(phi, g.phi) == 0
                && Arrays.equals(layerSnr, g.layerSnr);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(snr) + Double.hashCode(phi)) + Arrays.hashCode(layerSnr);
    }

    /** E.g. {@code GradientSnr[snr=2.2, phi=0.91, layerSnr=[0.89, 5.0]]}. */
    @Override
    public String toString() {
        return "GradientSnr[snr=" + snr + ", phi=" + phi + ", layerSnr=" + Arrays.toString(layerSnr) + "]";
    }

    /**
     * The SNRs and order of given group moments.
     *
     * @param mean Not modified. &mu;<sub>l</sub>, one matrix per weight matrix, input layer first.
     * @param variance Not modified. &sigma;&sup2;<sub>l</sub> (ddof = 0), shaped like {@code mean}.
     * @throws IllegalArgumentException if the lists are empty or differ in length or shapes
     */
    public static GradientSnr of(List<DMatrixRMaj> mean, List<DMatrixRMaj> variance) {
        if (mean == null || variance == null || mean.isEmpty() || mean.size() != variance.size()) {
            throw new IllegalArgumentException("GradientSnr.of: need one variance per mean, at least one, got "
                    + (mean == null ? "null" : mean.size()) + " and "
                    + (variance == null ? "null" : variance.size()));
        }
        double[] layer = new double[mean.size()];
        double mu2 = 0;
        double sigma2 = 0;
        for (int l = 0; l < mean.size(); l++) {
            DMatrixRMaj m = mean.get(l);
            DMatrixRMaj v = variance.get(l);
            if (m == null || v == null || m.numRows != v.numRows || m.numCols != v.numCols) {
                throw new IllegalArgumentException("GradientSnr.of: mean[" + l + "] is " + shape(m)
                        + " but variance[" + l + "] is " + shape(v) + "; give them the same shape");
            }
            double layerMu2 = 0;
            double layerSigma2 = 0;
            int n = m.getNumElements();
            for (int i = 0; i < n; i++) {
                double mi = m.data[i];
                double vi = v.data[i];
                layerMu2 += mi * mi;
                layerSigma2 += vi < 0 ? 0 : vi; // ||sigma||^2 = sum of variances
            }
            layer[l] = Math.sqrt(layerMu2) / Math.sqrt(layerSigma2);
            mu2 += layerMu2;
            sigma2 += layerSigma2;
        }
        double muNorm = Math.sqrt(mu2);
        return new GradientSnr(muNorm / Math.sqrt(sigma2), muNorm / Math.sqrt(mu2 + sigma2), layer);
    }

    private static String shape(DMatrixRMaj m) {
        return m == null ? "null" : m.numRows + "x" + m.numCols;
    }
}
