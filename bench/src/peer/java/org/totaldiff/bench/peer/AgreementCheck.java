package org.totaldiff.bench.peer;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The check before any timing: both stacks take their first SNR step from the same weights and
 * points, and must agree on
 *
 * <ul>
 *   <li>the loss: |ΔL| / |L|;</li>
 *   <li>every parameter gradient: max |Δg| and max |Δg| / max |g| (one relative number per
 *       matrix, so that entries near zero do not dominate);</li>
 *   <li>the group mean and variance of every weight matrix's gradient;</li>
 *   <li>the parameters after the Adam step.</li>
 * </ul>
 *
 * In float64 every relative difference must be below the tolerance; float32 is reported only.
 */
final class AgreementCheck {

    /** The worst relative difference of each kind. */
    record Result(double loss, double gradient, double groupMean, double groupVariance, double parameters) {
        double worst() {
            return Math.max(Math.max(Math.max(loss, gradient), Math.max(groupMean, groupVariance)), parameters);
        }
    }

    private AgreementCheck() {
    }

    /**
     * Runs the first (SNR) step on both sides and prints the differences.
     *
     * @param detail whether to print one line per matrix (float64) or the worst only (float32)
     */
    static Result run(PrintStream out, String label, TotaldiffStep ours, double ourLoss, TorchStep torch,
            boolean detail) {
        torch.keepGradients();
        double torchLoss = torch.snr();
        double lossRel = Math.abs(torchLoss - ourLoss) / Math.abs(ourLoss);
        out.printf(Locale.ROOT, "%s: loss ours %.17g, torch %.17g, relative difference %.2e%n", label, ourLoss,
                torchLoss, lossRel);
        List<DMatrixRMaj> g = ours.gradients();
        List<DMatrixRMaj> tg = torch.gradients();
        double gradRel = 0;
        if (detail) {
            out.printf(Locale.ROOT, "  %-10s %12s %12s %12s%n", "gradient", "max|g|", "max|dg|", "relative");
        }
        for (int k = 0; k < g.size(); k++) {
            double scale = maxAbs(g.get(k));
            double diff = maxAbsDiff(g.get(k), tg.get(k));
            double rel = diff / scale;
            gradRel = Math.max(gradRel, rel);
            if (detail) {
                out.printf(Locale.ROOT, "  %-10s %12.4e %12.4e %12.2e%n", (k % 2 == 0 ? "W" : "b") + k / 2, scale,
                        diff, rel);
            }
        }
        double meanRel = 0;
        double varRel = 0;
        List<DMatrixRMaj> tm = torch.groupMean();
        List<DMatrixRMaj> tv = torch.groupVariance();
        if (detail) {
            out.printf(Locale.ROOT, "  %-10s %12s %12s %12s %12s%n", "groups", "max|mean|", "mean rel", "max var",
                    "var rel");
        }
        for (int l = 0; l < tm.size(); l++) {
            DMatrixRMaj mean = ours.moments().get(l).mean();
            DMatrixRMaj var = ours.moments().get(l).variance();
            double mr = maxAbsDiff(mean, tm.get(l)) / maxAbs(mean);
            double vr = maxAbsDiff(var, tv.get(l)) / maxAbs(var);
            meanRel = Math.max(meanRel, mr);
            varRel = Math.max(varRel, vr);
            if (detail) {
                out.printf(Locale.ROOT, "  %-10s %12.4e %12.2e %12.4e %12.2e%n", "W" + l, maxAbs(mean), mr,
                        maxAbs(var), vr);
            }
        }
        List<DMatrixRMaj> p = ours.parameters();
        List<DMatrixRMaj> tp = torch.parameters();
        double paramRel = 0;
        for (int k = 0; k < p.size(); k++) {
            paramRel = Math.max(paramRel, maxAbsDiff(p.get(k), tp.get(k)) / maxAbs(p.get(k)));
        }
        Result r = new Result(lossRel, gradRel, meanRel, varRel, paramRel);
        out.printf(Locale.ROOT, "  worst relative difference: loss %.2e, gradients %.2e, group mean %.2e, group"
                + " variance %.2e, parameters after Adam %.2e%n", r.loss(), r.gradient(), r.groupMean(),
                r.groupVariance(), r.parameters());
        return r;
    }

    private static double maxAbs(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s = Math.max(s, Math.abs(m.data[i]));
        }
        return s;
    }

    private static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalStateException("check: shapes differ, ours " + a.numRows + "x" + a.numCols + ", torch "
                    + b.numRows + "x" + b.numCols);
        }
        double d = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
        }
        return d;
    }
}
