package org.totaldiff.pinn.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An axis-aligned box [lo_1, hi_1] x ... x [lo_d, hi_d] whose coordinates have names, in a fixed
 * order that is also the column order of every point set drawn from it.
 *
 * <pre>{@code
 * Box helmholtz = Box.of("x", -1, 1).and("y", -1, 1);
 * Box allenCahn = Box.of("x", -1, 1).and("t", 0, 1);   // columns (x, t)
 * }</pre>
 *
 * Immutable. Every coordinate must have finite bounds with lower &lt; upper.
 */
public final class Box {

    private final String[] names;
    private final double[] lower;
    private final double[] upper;

    private Box(String[] names, double[] lower, double[] upper) {
        this.names = names;
        this.lower = lower;
        this.upper = upper;
    }

    /** A one-dimensional box [lower, upper] in coordinate {@code name}. */
    public static Box of(String name, double lower, double upper) {
        return new Box(new String[0], new double[0], new double[0]).and(name, lower, upper);
    }

    /**
     * A box from parallel arrays of names and bounds.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or a coordinate
     *     is empty or repeated
     */
    public static Box of(List<String> names, double[] lower, double[] upper) {
        if (names.size() != lower.length || names.size() != upper.length) {
            throw new IllegalArgumentException("Box: " + names.size() + " names but " + lower.length
                    + " lower and " + upper.length + " upper bounds; give one bound pair per name");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Box: no coordinates; give at least one name");
        }
        Box box = of(names.get(0), lower[0], upper[0]);
        for (int j = 1; j < names.size(); j++) {
            box = box.and(names.get(j), lower[j], upper[j]);
        }
        return box;
    }

    /**
     * This box times [lower, upper] in a new last coordinate {@code name}.
     *
     * @throws IllegalArgumentException if the interval is empty (lower &gt;= upper) or not finite, or
     *     the name is blank or already used
     */
    public Box and(String name, double lower, double upper) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Box: coordinate name is blank; give a name such as \"x\"");
        }
        if (indexOrMinusOne(name) >= 0) {
            throw new IllegalArgumentException("Box: coordinate '" + name + "' appears twice in " + this);
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("Box: coordinate '" + name + "' has a non-finite bound: ["
                    + lower + ", " + upper + "]");
        }
        if (!(lower < upper)) {
            throw new IllegalArgumentException("Box: coordinate '" + name + "' is empty: lower " + lower
                    + " is not below upper " + upper);
        }
        int d = names.length;
        String[] n = Arrays.copyOf(names, d + 1);
        double[] lo = Arrays.copyOf(this.lower, d + 1);
        double[] hi = Arrays.copyOf(this.upper, d + 1);
        n[d] = name;
        lo[d] = lower;
        hi[d] = upper;
        return new Box(n, lo, hi);
    }

    /** Number of coordinates d (= columns of every point set from this box). */
    public int dim() {
        return names.length;
    }

    /** Name of coordinate j. */
    public String name(int j) {
        return names[j];
    }

    /** The coordinate names in column order. */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * Column index of coordinate {@code name}.
     *
     * @throws IllegalArgumentException if the box has no such coordinate
     */
    public int index(String name) {
        int j = indexOrMinusOne(name);
        if (j < 0) {
            throw new IllegalArgumentException("Box: no coordinate '" + name + "' in " + this);
        }
        return j;
    }

    private int indexOrMinusOne(String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** Lower bound of coordinate j. */
    public double lower(int j) {
        return lower[j];
    }

    /** Upper bound of coordinate j. */
    public double upper(int j) {
        return upper[j];
    }

    /** Lower bound of the named coordinate. */
    public double lower(String name) {
        return lower[index(name)];
    }

    /** Upper bound of the named coordinate. */
    public double upper(String name) {
        return upper[index(name)];
    }

    /** upper(j) - lower(j). */
    public double width(int j) {
        return upper[j] - lower[j];
    }

    /** Product of the widths. */
    public double volume() {
        double v = 1;
        for (int j = 0; j < names.length; j++) {
            v *= width(j);
        }
        return v;
    }

    /** True if the point (one value per coordinate) lies in the closed box. */
    public boolean contains(double... point) {
        if (point.length != names.length) {
            throw new IllegalArgumentException("Box.contains: point has " + point.length
                    + " coordinates, box " + this + " has " + names.length);
        }
        for (int j = 0; j < names.length; j++) {
            if (!(point[j] >= lower[j] && point[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /** The side where coordinate {@code name} is at its lower bound, e.g. x = -1 or t = 0. */
    public Side lowerSide(String name) {
        return new Side(this, index(name), false);
    }

    /** The side where coordinate {@code name} is at its upper bound, e.g. x = 1. */
    public Side upperSide(String name) {
        return new Side(this, index(name), true);
    }

    /** All 2d sides, in coordinate order, lower before upper: x=lo, x=hi, y=lo, y=hi, ... */
    public List<Side> sides() {
        List<Side> all = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            all.add(new Side(this, j, false));
            all.add(new Side(this, j, true));
        }
        return List.copyOf(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(names, b.names) && Arrays.equals(lower, b.lower)
                && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(names) + Arrays.hashCode(lower)) + Arrays.hashCode(upper);
    }

    /** E.g. {@code x in [-1.0, 1.0] x t in [0.0, 1.0]}. */
    @Override
    public String toString() {
        if (names.length == 0) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < names.length; j++) {
            if (j > 0) {
                sb.append(" x ");
            }
            sb.append(names[j]).append(" in [").append(lower[j]).append(", ").append(upper[j]).append(']');
        }
        return sb.toString();
    }

    /**
     * One face of a box: the set where coordinate {@code coordinate()} equals its lower or upper
     * bound. Written like {@code x=-1.0}.
     */
    public record Side(Box box, int coordinate, boolean upper) {

        /** The name of the fixed coordinate. */
        public String name() {
            return box.name(coordinate);
        }

        /** The fixed coordinate's value on this side. */
        public double value() {
            return upper ? box.upper(coordinate) : box.lower(coordinate);
        }

        @Override
        public String toString() {
            return name() + "=" + value();
        }
    }
}
