package org.totaldiff.autodiff;

/**
 * A named set of N points (the collocation points, the boundary points, ...) whose rows
 * {@link PerSample} can tell apart. Identity matters: two sets with the same name are different
 * sets.
 */
public final class SampleSet {

    private final String name;
    private final int size;

    public SampleSet(String name, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("SampleSet: size must be >= 0, got " + size);
        }
        this.name = name;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return name + " (" + size + " points)";
    }
}
