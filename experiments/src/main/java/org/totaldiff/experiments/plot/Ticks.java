package org.totaldiff.experiments.plot;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round-number axis ticks and their labels, shared by line charts, heat maps and colour bars. */
final class Ticks {

    private Ticks() {
    }

    /** Round-number ticks (1, 2 or 5 times a power of ten) inside [lo, hi], about {@code target} of them. */
    static double[] ticks(double lo, double hi, int target) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new double[] {lo};
        }
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick label with as many decimals as the tick step needs, or scientific for extreme scales. */
    static String label(double t, double[] all) {
        return plainLabel(t, all).replace('-', '\u2212');
    }

    private static String plainLabel(double t, double[] all) {
        double step = all.length > 1 ? Math.abs(all[1] - all[0]) : Math.abs(t);
        double big = 0;
        for (double a : all) {
            big = Math.max(big, Math.abs(a));
        }
        if (t == 0) {
            return "0";
        }
        boolean wholeNumbers = step >= 1 && step == Math.rint(step);
        if (wholeNumbers ? big >= 1e7 : big >= 1e5 || step < 1e-3) {
            String s = String.format(Locale.ROOT, "%.1e", t);
            return s.replace(".0e", "e").replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        }
        int decimals = step > 0 ? Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9)) : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", t);
    }

    static int maxWidth(FontMetrics fm, double[] ticks) {
        int w = 0;
        for (double t : ticks) {
            w = Math.max(w, fm.stringWidth(label(t, ticks)));
        }
        return w;
    }
}
