package org.totaldiff.engine;

/**
 * The engine's definitions of tanh and of its reductions, written as plain scalar Java. Every
 * implementation of {@link Loops} and {@link GemmKernel} gives exactly these bits, whatever its
 * vector length, so a training run gives the same numbers on an AVX2 machine, an AVX-512 one, or
 * without the Vector API at all (and on any thread count, since chunk boundaries are fixed by the
 * shapes).
 *
 * <p>Only +, -, *, /, fma, comparisons and exponent arithmetic are used: each is correctly
 * rounded by IEEE 754 in the interpreter, in compiled code and in every vector lane, unlike
 * {@code Math.tanh}, whose bits may change with the JDK (an intrinsic since JDK 24) and, inside
 * the Vector API, with the JIT state.
 *
 * <p><b>Reductions</b> (sum, sum of squares, dot product) over [from, to): element from + i goes
 * to partial sum i mod 8 for the whole blocks of eight elements (each partial a running sum or fma
 * chain in element order), the partials are added pairwise,
 * ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)), and the remaining elements are then added
 * in order. A vector implementation keeps the eight partials in vector lanes.
 */
public final class PortableMath {

    /** Partial sums of a reduction. */
    public static final int PARTIALS = 8;

    private static final double ROUND = 6755399441055744.0; // 1.5 * 2^52: x + ROUND - ROUND rounds x
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;

    /** Taylor coefficients of expm1(y)/y, highest first: 1/19!, ..., 1/2!, 1. */
    static final double[] EXPM1 = {
        8.22063524662433e-18, 1.5619206968586225e-16, 2.8114572543455206e-15, 4.779477332387385e-14,
        7.647163731819816e-13, 1.1470745597729725e-11, 1.6059043836821613e-10, 2.08767569878681e-09,
        2.505210838544172e-08, 2.755731922398589e-07, 2.7557319223985893e-06, 2.48015873015873e-05,
        0.0001984126984126984, 0.001388888888888889, 0.008333333333333333, 0.041666666666666664,
        0.16666666666666666, 0.5, 1.0,
    };

    private PortableMath() {
    }

    /**
     * tanh(x) within a few ulp of {@code Math.tanh}: for |x| &lt; 0.55, m / (m + 2) with
     * m = expm1(2|x|) from its Taylor series; otherwise (e - 1) / (e + 1) with
     * e = exp(2|x|) = 2^n exp(r), |r| &lt;= ln2 / 2, exp(r) from its Taylor series to r^13/13!;
     * the sign of x restored. (Both branches are computed, as a vector loop does.)
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        double y = ax + ax;
        double p = EXPM1[0];
        for (int c = 1; c < EXPM1.length; c++) {
            p = Math.fma(p, y, EXPM1[c]);
        }
        double em = p * y;
        double yc = Math.min(y, 40.0);
        double nr = Math.fma(yc, INV_LN2, ROUND);
        double n = nr - ROUND;
        double r = Math.fma(n, -LN2_HI, yc);
        r = Math.fma(n, -LN2_LO, r);
        double q = EXPM1[6];
        for (int c = 7; c < EXPM1.length; c++) {
            q = Math.fma(q, r, EXPM1[c]);
        }
        q = Math.fma(q, r, 1.0);
        long twoToN = ((Double.doubleToRawLongBits(nr) & 0xFFFL) + 1023L) << 52;
        double e = q * Double.longBitsToDouble(twoToN);
        boolean large = ax >= 0.55;
        double num = large ? e - 1.0 : em;
        double den = large ? e + 1.0 : em + 2.0;
        double t = num / den;
        return x < 0.0 ? -t : t;
    }

    /** tanh'(x) from t = tanh(x): 1 - t². */
    public static double tanhD1(double t) {
        return -(t * t) + 1.0;
    }

    /** tanh''(x) from t = tanh(x) and s = tanh'(x): -2 t s. */
    public static double tanhD2(double t, double s) {
        return (t * s) * -2.0;
    }

    /** Σ a[i] over [from, to), in the order of the class comment. */
    public static double sum(double[] a, int from, int to) {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int i = from;
        for (int end = from + ((to - from) / PARTIALS) * PARTIALS; i < end; i += PARTIALS) {
            p0 += a[i];
            p1 += a[i + 1];
            p2 += a[i + 2];
            p3 += a[i + 3];
            p4 += a[i + 4];
            p5 += a[i + 5];
            p6 += a[i + 6];
            p7 += a[i + 7];
        }
        double s = combine(p0, p1, p2, p3, p4, p5, p6, p7);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /** Σ a[aOff + p] b[bOff + p] for p &lt; len, with fma, in the order of the class comment. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int p = 0;
        for (int end = (len / PARTIALS) * PARTIALS; p < end; p += PARTIALS) {
            int ia = aOff + p;
            int ib = bOff + p;
            p0 = Math.fma(a[ia], b[ib], p0);
            p1 = Math.fma(a[ia + 1], b[ib + 1], p1);
            p2 = Math.fma(a[ia + 2], b[ib + 2], p2);
            p3 = Math.fma(a[ia + 3], b[ib + 3], p3);
            p4 = Math.fma(a[ia + 4], b[ib + 4], p4);
            p5 = Math.fma(a[ia + 5], b[ib + 5], p5);
            p6 = Math.fma(a[ia + 6], b[ib + 6], p6);
            p7 = Math.fma(a[ia + 7], b[ib + 7], p7);
        }
        double s = combine(p0, p1, p2, p3, p4, p5, p6, p7);
        for (; p < len; p++) {
            s = Math.fma(a[aOff + p], b[bOff + p], s);
        }
        return s;
    }

    /** The eight partial sums added pairwise: ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)). */
    public static double combine(double p0, double p1, double p2, double p3, double p4, double p5, double p6,
            double p7) {
        return ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7));
    }
}
