package org.totaldiff.bench;

import java.util.Arrays;
import java.util.Collection;

/** The median of timings: the middle value, or the mean of the two middle ones for an even count. */
public final class Median {

    private Median() {
    }

    /** The median of v (not modified). */
    public static double of(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The median of v. */
    public static double of(Collection<Double> v) {
        return of(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
