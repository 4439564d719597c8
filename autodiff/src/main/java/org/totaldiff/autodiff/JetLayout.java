package org.totaldiff.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Which input derivatives a {@link Jet} carries, and where each one sits in its stack of
 * streams: stream 0 is the value, streams 1..d the first derivatives along the d input
 * directions, then one stream per requested second derivative (k, l), in the order requested.
 *
 * <pre>{@code
 * JetLayout.of(2).withSecond(0, 0).withSecond(1, 1)   // u, u_x, u_y, u_xx, u_yy
 * }</pre>
 */
public final class JetLayout {

    private final int directions;
    private final int[][] pairs;

    private JetLayout(int directions, int[][] pairs) {
        this.directions = directions;
        this.pairs = pairs;
    }

    /** Value and first derivatives along {@code directions} inputs. */
    public static JetLayout of(int directions) {
        if (directions < 1) {
            throw new IllegalArgumentException("JetLayout: directions must be >= 1, got " + directions);
        }
        return new JetLayout(directions, new int[0][]);
    }

    /** This layout plus the second derivative along directions k and l (k == l: pure). */
    public JetLayout withSecond(int k, int l) {
        checkDirection(k);
        checkDirection(l);
        int a = Math.min(k, l);
        int b = Math.max(k, l);
        if (secondStreamOrNegative(a, b) >= 0) {
            throw new IllegalArgumentException("JetLayout: second derivative (" + a + ", " + b + ") requested twice");
        }
        List<int[]> list = new ArrayList<>(List.of(pairs));
        list.add(new int[] {a, b});
        return new JetLayout(directions, list.toArray(new int[0][]));
    }

    /** This layout plus every pure second derivative (the Laplacian's terms). */
    public JetLayout withAllPureSeconds() {
        JetLayout layout = this;
        for (int k = 0; k < directions; k++) {
            if (secondStreamOrNegative(k, k) < 0) {
                layout = layout.withSecond(k, k);
            }
        }
        return layout;
    }

    public int directions() {
        return directions;
    }

    /** 1 + directions + number of second derivatives. */
    public int streams() {
        return 1 + directions + pairs.length;
    }

    public int secondCount() {
        return pairs.length;
    }

    /** The directions (k, l), k <= l, of the p-th second derivative. */
    public int[] pair(int p) {
        return pairs[p].clone();
    }

    /** The stream of the first derivative along k. */
    public int firstStream(int k) {
        checkDirection(k);
        return 1 + k;
    }

    /** The stream of the second derivative along k and l. */
    public int secondStream(int k, int l) {
        checkDirection(k);
        checkDirection(l);
        int s = secondStreamOrNegative(Math.min(k, l), Math.max(k, l));
        if (s < 0) {
            throw new IllegalArgumentException("JetLayout: the second derivative (" + k + ", " + l
                    + ") was not requested; this layout carries " + this);
        }
        return s;
    }

    private int secondStreamOrNegative(int a, int b) {
        for (int p = 0; p < pairs.length; p++) {
            if (pairs[p][0] == a && pairs[p][1] == b) {
                return 1 + directions + p;
            }
        }
        return -1;
    }

    private void checkDirection(int k) {
        if (k < 0 || k >= directions) {
            throw new IllegalArgumentException("JetLayout: direction " + k + " is outside [0, " + directions + ")");
        }
    }

    /** "value, d0, d1, d00, d11". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("value");
        for (int k = 0; k < directions; k++) {
            sb.append(", d").append(k);
        }
        for (int[] p : pairs) {
            sb.append(", d").append(p[0]).append(p[1]);
        }
        return sb.toString();
    }
}
