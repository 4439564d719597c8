package org.totaldiff.autodiff;

/**
 * A named set of N points (the collocation points, the boundary points, ...) whose rows
 * {@link PerSample} can tell apart. Identity matters: two sets with the same name are different
 * sets.
 *
 * <p>A set may have <em>gradient groups</em>: B contiguous groups of its samples by which the
 * weight gradient Xᵀ dY of every product on its rows is summed when the groups' products are
 * large enough ({@link GroupedWeightGradient}), so that {@link GroupStatistics} over the same
 * groups reads the group sums instead of computing them again. They fix the rounding of those
 * gradients, whether or not anything reads them.
 */
public final class SampleSet {

    private final String name;
    private final int size;
    private final Grouping gradientGroups;

    /** A set whose weight gradients are one product over all its rows. */
    public SampleSet(String name, int size) {
        this(name, size, 0);
    }

    /**
     * A set whose weight gradients are summed by {@code gradientGroups} contiguous groups of
     * ⌊N/B⌋ samples ({@link Grouping#contiguous}); 0 for none.
     */
    public SampleSet(String name, int size, int gradientGroups) {
        if (size < 0) {
            throw new IllegalArgumentException("SampleSet: size must be >= 0, got " + size);
        }
        if (gradientGroups < 0 || gradientGroups > size) {
            throw new IllegalArgumentException("SampleSet: gradient groups must be in [0, " + size + "] for " + size
                    + " samples, got " + gradientGroups);
        }
        this.name = name;
        this.size = size;
        this.gradientGroups = gradientGroups == 0 ? null : Grouping.contiguous(size, gradientGroups);
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    /** The groups by which weight gradients over these samples are summed; null for one product. */
    public Grouping gradientGroups() {
        return gradientGroups;
    }

    @Override
    public String toString() {
        return name + " (" + size + " points)";
    }
}
