package org.totaldiff.experiments.monitor;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.optim.Adam;

/**
 * The Adam signal-to-noise ratio of Anagnostopoulos, Toscano, Stergiopulos, Karniadakis, "Learning
 * in PINNs: Phase transition, total diffusion, and generalization" (arXiv:2403.18494, 2024), as the
 * authors' {@code utils/snr.py} ({@code find_snr_adam}) computes it. With the bias-corrected moments
 * m&#770; = m / (1 - &beta;1<sup>t</sup>), v&#770; = v / (1 - &beta;2<sup>t</sup>) of all parameters
 * (weights and biases) flattened and concatenated, and &epsilon; the optimizer's epsilon:
 *
 * <pre>
 *   snr      = ||m&#770;||<sub>2</sub> / ||sqrt(v&#770;) + &epsilon;||<sub>2</sub>
 *   meanStep = mean<sub>i</sub> |m&#770;<sub>i</sub> / (sqrt(v&#770;<sub>i</sub>) + &epsilon;)|
 * </pre>
 *
 * meanStep is the mean size of Adam's update divided by the learning rate. An instance keeps the
 * buffers for m&#770; and v&#770; between calls. Not thread-safe.
 */
public final class AdamStatistics {

    /**
     * The Adam SNR, the mean relative step, and the two norms of the ratio (the authors' code
     * writes all of them to {@code grad_stats0.txt}).
     *
     * @param snr ||m&#770;|| / ||sqrt(v&#770;) + &epsilon;||
     * @param meanStep mean |m&#770; / (sqrt(v&#770;) + &epsilon;)|
     * @param mHatNorm ||m&#770;||
     * @param denominatorNorm ||sqrt(v&#770;) + &epsilon;||
     */
    public record Result(double snr, double meanStep, double mHatNorm, double denominatorNorm) {

        /** All NaN: there are no moments yet (before the first step). */
        public static final Result UNDEFINED = new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final List<DMatrixRMaj> mHat = new ArrayList<>();
    private final List<DMatrixRMaj> vHat = new ArrayList<>();

    /**
     * The statistics of Adam's current moments, with its epsilon.
     *
     * @param adam Not modified.
     * @return the statistics, or {@link Result#UNDEFINED} before the first step
     */
    public Result measure(Adam adam) {
        if (adam == null) {
            throw new IllegalArgumentException("AdamStatistics.measure: adam must be non-null");
        }
        int count = adam.parameterCount();
        if (count == 0) {
            return Result.UNDEFINED;
        }
        while (mHat.size() > count) {
            mHat.remove(mHat.size() - 1);
            vHat.remove(vHat.size() - 1);
        }
        while (mHat.size() < count) {
            mHat.add(new DMatrixRMaj(1, 1));
            vHat.add(new DMatrixRMaj(1, 1));
        }
        adam.biasCorrectedMoments(mHat, vHat);
        return of(mHat, vHat, adam.config().epsilon());
    }

    /**
     * The statistics of given bias-corrected moments.
     *
     * @param mHat Not modified. m&#770;, one matrix per parameter.
     * @param vHat Not modified. v&#770;, shaped like {@code mHat}, non-negative.
     * @param eps added to sqrt(v&#770;), {@code >= 0}
     * @return the statistics, or {@link Result#UNDEFINED} for empty lists
     * @throws IllegalArgumentException if the lists differ in length or shapes, v&#770; has a
     *     negative entry, or eps is negative
     */
    public static Result of(List<DMatrixRMaj> mHat, List<DMatrixRMaj> vHat, double eps) {
        if (mHat == null || vHat == null || mHat.size() != vHat.size()) {
            throw new IllegalArgumentException("AdamStatistics.of: need one vHat per mHat, got "
                    + (mHat == null ? "null" : mHat.size()) + " and " + (vHat == null ? "null" : vHat.size()));
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("AdamStatistics.of: eps must be >= 0, got " + eps);
        }
        double sumM2 = 0;
        double sumD2 = 0;
        double sumRatio = 0;
        long elements = 0;
        for (int k = 0; k < mHat.size(); k++) {
            DMatrixRMaj m = mHat.get(k);
            DMatrixRMaj v = vHat.get(k);
            if (m == null || v == null || m.numRows != v.numRows || m.numCols != v.numCols) {
                throw new IllegalArgumentException("AdamStatistics.of: mHat[" + k + "] is " + shape(m)
                        + " but vHat[" + k + "] is " + shape(v) + "; give them the same shape");
            }
            int n = m.getNumElements();
            for (int i = 0; i < n; i++) {
                double mi = m.data[i];
                double vi = v.data[i];
                if (vi < 0) {
                    throw new IllegalArgumentException("AdamStatistics.of: vHat[" + k + "] has the negative entry "
                            + vi + " at " + i + "; a second moment is >= 0");
                }
                double den = Math.sqrt(vi) + eps;
                sumM2 += mi * mi;
                sumD2 += den * den;
                sumRatio += Math.abs(mi / den);
            }
            elements += n;
        }
        if (elements == 0) {
            return Result.UNDEFINED;
        }
        double mNorm = Math.sqrt(sumM2);
        double dNorm = Math.sqrt(sumD2);
        return new Result(mNorm / dNorm, sumRatio / elements, mNorm, dNorm);
    }

    private static String shape(DMatrixRMaj m) {
        return m == null ? "null" : m.numRows + "x" + m.numCols;
    }
}
