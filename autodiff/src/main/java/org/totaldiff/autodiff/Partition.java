package org.totaldiff.autodiff;

import java.util.Arrays;
import org.totaldiff.engine.Rng;

/**
 * A partition of N samples into B non-empty groups: {@code group(i)} is the group of sample i,
 * or {@value #NONE} for a sample in no group (as the last N mod B samples of a contiguous
 * grouping). The paper's SNR uses B = 100 fixed groups of the collocation points.
 */
public final class Partition {

    /** The group of a sample that is in none. */
    public static final int NONE = -1;

    private final int[] groupOf;
    private final int[][] members;
    private final int[] ungrouped;

    private Partition(int[] groupOf, int groups) {
        this.groupOf = groupOf;
        int[] counts = new int[groups];
        int none = 0;
        for (int g : groupOf) {
            if (g == NONE) {
                none++;
            } else if (g < 0 || g >= groups) {
                throw new IllegalArgumentException("Partition: group " + g + " is outside [0, " + groups
                        + ") (or " + NONE + ": in none)");
            } else {
                counts[g]++;
            }
        }
        members = new int[groups][];
        for (int b = 0; b < groups; b++) {
            if (counts[b] == 0) {
                throw new IllegalArgumentException("Partition: group " + b + " of " + groups + " is empty");
            }
            members[b] = new int[counts[b]];
        }
        ungrouped = new int[none];
        int[] fill = new int[groups];
        int rest = 0;
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == NONE) {
                ungrouped[rest++] = i;
            } else {
                members[groupOf[i]][fill[groupOf[i]]++] = i;
            }
        }
    }

    /** Group of every sample, groups numbered 0..groups-1, each non-empty, or {@link #NONE}. */
    public static Partition of(int[] groupOf, int groups) {
        return new Partition(groupOf.clone(), groups);
    }

    /** B groups of consecutive samples, sizes differing by at most one. */
    public static Partition contiguous(int n, int groups) {
        checkCounts(n, groups);
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = (int) ((long) i * groups / n);
        }
        return new Partition(g, groups);
    }

    /** B groups of samples drawn at random (a seeded permutation cut into contiguous pieces). */
    public static Partition random(int n, int groups, long seed) {
        checkCounts(n, groups);
        int[] perm = new Rng(seed).permutation(n);
        int[] g = new int[n];
        for (int r = 0; r < n; r++) {
            g[perm[r]] = (int) ((long) r * groups / n);
        }
        return new Partition(g, groups);
    }

    public int samples() {
        return groupOf.length;
    }

    public int groups() {
        return members.length;
    }

    public int group(int sample) {
        return groupOf[sample];
    }

    public int size(int group) {
        return members[group].length;
    }

    /** The samples of a group, ascending. */
    public int[] members(int group) {
        return members[group].clone();
    }

    int[] membersView(int group) {
        return members[group];
    }

    /** The number of samples in no group. */
    public int ungrouped() {
        return ungrouped.length;
    }

    /** The samples in no group, ascending (not a copy). */
    int[] ungroupedView() {
        return ungrouped;
    }

    @Override
    public String toString() {
        int min = Arrays.stream(members).mapToInt(m -> m.length).min().orElse(0);
        int max = Arrays.stream(members).mapToInt(m -> m.length).max().orElse(0);
        return "Partition(" + samples() + " samples, " + groups() + " groups of " + min + ".." + max
                + (ungrouped.length > 0 ? ", " + ungrouped.length + " in none" : "") + ")";
    }

    private static void checkCounts(int n, int groups) {
        if (groups < 1 || groups > n) {
            throw new IllegalArgumentException("Partition: groups must be in [1, " + n + "] for " + n
                    + " samples, got " + groups);
        }
    }
}
