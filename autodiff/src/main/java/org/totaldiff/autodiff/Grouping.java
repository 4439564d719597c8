package org.totaldiff.autodiff;

/**
 * How the N samples of a set are grouped for {@link GroupStatistics}: the B groups whose own
 * losses give the B group gradients of the gradient SNR.
 *
 * <ul>
 *   <li>{@link #contiguous}: B blocks of ⌊N/B⌋ consecutive samples in their stored order, as the
 *       authors' code cuts its collocation points (Anagnostopoulos et al. 2024, {@code HM/HM.py}:
 *       {@code batch_indices}); the last N mod B samples are in no group;</li>
 *   <li>{@link #of(Partition)}: any partition into non-empty groups (spatial cells, say);</li>
 *   <li>{@link #perSample}: B = N, every sample its own group.</li>
 * </ul>
 */
public final class Grouping {

    /** The three shapes of grouping; each has its own streamed computation. */
    enum Kind { CONTIGUOUS, PARTITION, PER_SAMPLE }

    private final Kind kind;
    private final int samples;
    private final int groups;
    private final Partition partition;

    private Grouping(Kind kind, int samples, int groups, Partition partition) {
        this.kind = kind;
        this.samples = samples;
        this.groups = groups;
        this.partition = partition;
    }

    /** B blocks of ⌊N/B⌋ consecutive samples; the last N mod B samples belong to no group. */
    public static Grouping contiguous(int n, int groups) {
        if (groups < 1 || groups > n) {
            throw new IllegalArgumentException("grouping: groups must be in [1, " + n + "] for " + n
                    + " samples, got " + groups);
        }
        return new Grouping(Kind.CONTIGUOUS, n, groups, null);
    }

    /** The groups of a partition (every sample in at most one group; every group non-empty). */
    public static Grouping of(Partition partition) {
        return new Grouping(Kind.PARTITION, partition.samples(), partition.groups(), partition);
    }

    /** Every sample its own group (B = N). */
    public static Grouping perSample(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("grouping: per-sample groups need at least one sample, got " + n);
        }
        return new Grouping(Kind.PER_SAMPLE, n, n, null);
    }

    /** N, the samples of the set grouped. */
    public int samples() {
        return samples;
    }

    /** B. */
    public int groups() {
        return groups;
    }

    /** The number of samples of group b. */
    public int size(int b) {
        return switch (kind) {
            case CONTIGUOUS -> samples / groups;
            case PARTITION -> partition.size(b);
            case PER_SAMPLE -> 1;
        };
    }

    /** The samples of group b, ascending. */
    public int[] members(int b) {
        return switch (kind) {
            case CONTIGUOUS -> java.util.stream.IntStream.range(start(b), start(b) + size(b)).toArray();
            case PARTITION -> partition.members(b);
            case PER_SAMPLE -> new int[] {b};
        };
    }

    /** The first sample of contiguous group b. */
    int start(int b) {
        return b * (samples / groups);
    }

    /** The samples in no group (the last N mod B of a contiguous grouping, a partition's {@link Partition#NONE}). */
    public int ungrouped() {
        return switch (kind) {
            case CONTIGUOUS -> samples - groups * (samples / groups);
            case PARTITION -> partition.ungrouped();
            case PER_SAMPLE -> 0;
        };
    }

    Kind kind() {
        return kind;
    }

    /**
     * Whether {@code other} cuts the samples into the same groups: two contiguous groupings of as
     * many samples into as many groups, or the very same object.
     */
    boolean sameGroupsAs(Grouping other) {
        return this == other || (kind == Kind.CONTIGUOUS && other.kind == Kind.CONTIGUOUS
                && samples == other.samples && groups == other.groups);
    }

    Partition partition() {
        return partition;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONTIGUOUS -> groups + " contiguous groups of " + samples / groups + " samples"
                    + (ungrouped() > 0 ? " (last " + ungrouped() + " in none)" : "");
            case PARTITION -> partition.toString();
            case PER_SAMPLE -> samples + " groups of one sample";
        };
    }
}
