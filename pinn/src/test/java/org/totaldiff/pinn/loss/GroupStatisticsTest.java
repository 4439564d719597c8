package org.totaldiff.pinn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.GroupMoments;
import org.totaldiff.autodiff.GroupStatistics;
import org.totaldiff.autodiff.Grouping;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Partition;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Parallel;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.nn.PeriodicEmbedding;
import org.totaldiff.pinn.pde.AllenCahnProblem;
import org.totaldiff.pinn.pde.Condition;
import org.totaldiff.pinn.pde.HelmholtzProblem;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.problem.Helmholtz2D;
import org.totaldiff.pinn.sampling.Sampling;

/**
 * The streamed group moments of {@link GroupStatistics} on the production path (an {@link Mlp}
 * recorded by {@link PinnLoss}, RBA weights, boundary / initial / periodic terms, a periodic
 * embedding) against brute force: one backward pass of each group's own loss, then the mean and
 * population variance over the groups, two-pass.
 */
class GroupStatisticsTest {

    /** A problem, its points and conditions, a network and RBA weights. */
    private record Setup(PdeProblem problem, Mlp net, DMatrixRMaj points, List<Condition> conditions,
            DMatrixRMaj lambda) {

        static Setup helmholtz(int n, long seed) {
            return helmholtz(n, seed, 7);
        }

        static Setup helmholtz(int n, long seed, int width) {
            PdeProblem problem = new HelmholtzProblem(new Helmholtz2D(2, 1, 1), 7);
            Rng rng = new Rng(seed);
            Mlp net = Mlp.xavier(Mlp.sizes(2, width, 2, 1), Functions.TANH, seed);
            return new Setup(problem, net, Sampling.latinHypercube(problem.domain(), n, rng), problem.conditions(rng),
                    rbaWeights(n, rng));
        }

        static Setup allenCahnPeriodicEmbedding(int n, long seed) {
            PdeProblem problem = new AllenCahnProblem(1e-4, 5, 9, 6, AllenCahnProblem.Boundary.PERIODIC, () -> null);
            Rng rng = new Rng(seed);
            PeriodicEmbedding embedding = new PeriodicEmbedding(0, 2.0);
            Mlp net = Mlp.xavier(Mlp.sizes(3, 6, 2, 1), Functions.TANH, seed, embedding);
            return new Setup(problem, net, Sampling.latinHypercube(problem.domain(), n, rng), problem.conditions(rng),
                    rbaWeights(n, rng));
        }

        /** λ after a few RBA updates from random residuals (min-max normalisation, start mode 2). */
        private static DMatrixRMaj rbaWeights(int n, Rng rng) {
            Rba rba = new Rba(new Rba.Config(0.9, 0.05, Rba.Start.FULL_FIRST_STEP, Rba.Normalization.MIN_MAX));
            for (int it = 0; it < 4; it++) {
                rba.update(rng.fillUniform(new DMatrixRMaj(n, 1), -2, 2), it);
            }
            return rba.weights().copy();
        }

        /** The weight gradients of the loss over {@code rows} (all conditions included); tape kept in {@code out}. */
        List<DMatrixRMaj> weightGradients(int[] rows, SampleSet set, Tape[] tapeOut) {
            Tape tape = new Tape();
            Mlp.Bound bound = net.bind(tape);
            DMatrixRMaj pts = new DMatrixRMaj(rows.length, points.numCols);
            DMatrixRMaj lam = new DMatrixRMaj(rows.length, 1);
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(points.data, rows[r] * points.numCols, pts.data, r * points.numCols, points.numCols);
                lam.data[r] = lambda.data[rows[r]];
            }
            SampleSet s = set != null ? set : new SampleSet("group", rows.length);
            PinnLoss loss = PinnLoss.record(bound, problem, pts, s, conditions, ResidualWeighting.frozen(lam), 7);
            tape.backward(loss.total());
            if (tapeOut != null) {
                tapeOut[0] = tape;
            }
            List<DMatrixRMaj> grads = new ArrayList<>();
            for (Node w : bound.weights()) {
                grads.add(w.grad().copy());
            }
            return grads;
        }

        int n() {
            return points.numRows;
        }
    }

    /** Streamed moments of every weight matrix, from one backward pass of the full loss. */
    private static List<GroupMoments> streamed(Setup s, Grouping grouping) {
        return streamed(s, grouping, 0);
    }

    /** As {@link #streamed(Setup, Grouping)}, the weight gradients summed by {@code gradientGroups} groups. */
    private static List<GroupMoments> streamed(Setup s, Grouping grouping, int gradientGroups) {
        int n = s.n();
        SampleSet set = new SampleSet("collocation", n, gradientGroups);
        Tape[] tape = new Tape[1];
        s.weightGradients(range(0, n), set, tape);
        List<GroupMoments> out = new ArrayList<>();
        for (Node p : tape[0].parameters()) {
            if (p.label().startsWith("W")) {
                out.add(GroupStatistics.measure(tape[0], p, set, grouping, GroupMoments.like(p)));
            }
        }
        return out;
    }

    /** Mean and population variance over the groups' own gradients, two-pass, per weight matrix. */
    private static List<DMatrixRMaj[]> bruteForce(Setup s, List<int[]> groups) {
        List<List<DMatrixRMaj>> all = new ArrayList<>();
        for (int[] g : groups) {
            all.add(s.weightGradients(g, null, null));
        }
        List<DMatrixRMaj[]> out = new ArrayList<>();
        for (int l = 0; l < all.get(0).size(); l++) {
            DMatrixRMaj mean = new DMatrixRMaj(all.get(0).get(l).numRows, all.get(0).get(l).numCols);
            DMatrixRMaj var = mean.createLike();
            for (List<DMatrixRMaj> g : all) {
                for (int e = 0; e < mean.data.length; e++) {
                    mean.data[e] += g.get(l).data[e] / all.size();
                }
            }
            for (List<DMatrixRMaj> g : all) {
                for (int e = 0; e < mean.data.length; e++) {
                    double d = g.get(l).data[e] - mean.data[e];
                    var.data[e] += d * d / all.size();
                }
            }
            out.add(new DMatrixRMaj[] {mean, var});
        }
        return out;
    }

    private static void assertAgree(List<DMatrixRMaj[]> expected, List<GroupMoments> actual, double tol) {
        assertEquals(expected.size(), actual.size());
        for (int l = 0; l < expected.size(); l++) {
            assertClose("mean of W" + l, expected.get(l)[0], actual.get(l).mean(), tol);
            assertClose("variance of W" + l, expected.get(l)[1], actual.get(l).variance(), tol);
        }
    }

    private static void assertClose(String what, DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        double scale = 0;
        for (double v : expected.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0, what + " is zero: the test would not test anything");
        for (int e = 0; e < expected.getNumElements(); e++) {
            double diff = Math.abs(expected.data[e] - actual.data[e]);
            assertTrue(diff <= tol * scale, what + "[" + e + "]: expected " + expected.data[e] + ", got "
                    + actual.data[e] + " (difference " + diff / scale + " of the largest)");
        }
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static List<int[]> contiguousGroups(int n, int groups) {
        List<int[]> out = new ArrayList<>();
        int size = n / groups;
        for (int b = 0; b < groups; b++) {
            out.add(range(b * size, (b + 1) * size));
        }
        return out;
    }

    @Test
    void contiguousGroupsMatchOneBackwardPerGroupWithTheRemainderInNoGroup() {
        for (int[] c : new int[][] {{67, 6}, {96, 12}, {60, 24}}) {
            Setup s = Setup.helmholtz(c[0], 11);
            assertAgree(bruteForce(s, contiguousGroups(c[0], c[1])), streamed(s, Grouping.contiguous(c[0], c[1])), 1e-10);
        }
    }

    @Test
    void groupSumsKeptByTheBackwardPassGiveTheSameMoments() {
        // 128 wide, groups of at least 64 points: the hidden weight's group sums are kept (that they
        // are is checked in autodiff's PerSampleProperties); 10 groups: several per chunk
        for (int[] c : new int[][] {{200, 3}, {650, 10}}) {
            Setup s = Setup.helmholtz(c[0], 12, 128);
            Grouping grouping = Grouping.contiguous(c[0], c[1]);
            List<GroupMoments> computed = streamed(s, grouping);
            List<GroupMoments> kept = streamed(s, grouping, c[1]);
            assertAgree(bruteForce(s, contiguousGroups(c[0], c[1])), kept, 1e-10);
            for (int l = 0; l < kept.size(); l++) {
                // the same group sums, bit for bit; the means also hold the gradient, rounded another way
                assertTrue(java.util.Arrays.equals(computed.get(l).variance().data, kept.get(l).variance().data),
                        "variance of W" + l);
                assertClose("mean of W" + l, computed.get(l).mean(), kept.get(l).mean(), 1e-13);
            }
        }
    }

    @Test
    void contiguousGroupsMatchOneBackwardPerGroupWithAPeriodicEmbedding() {
        Setup s = Setup.allenCahnPeriodicEmbedding(60, 5);
        assertAgree(bruteForce(s, contiguousGroups(60, 12)), streamed(s, Grouping.contiguous(60, 12)), 1e-10);
    }

    @Test
    void anyPartitionMatchesOneBackwardPerGroup() {
        Setup s = Setup.helmholtz(50, 3);
        Partition p = Partition.random(50, 7, 99);
        List<int[]> groups = new ArrayList<>();
        for (int b = 0; b < p.groups(); b++) {
            groups.add(p.members(b));
        }
        assertAgree(bruteForce(s, groups), streamed(s, Grouping.of(p)), 1e-10);
    }

    /** Samples in no group (Partition.NONE, scattered) count in no group's gradient. */
    @Test
    void aPartitionWithUngroupedSamplesMatchesOneBackwardPerGroup() {
        Setup s = Setup.helmholtz(53, 4);
        int[] groupOf = new int[53];
        for (int i = 0; i < groupOf.length; i++) {
            groupOf[i] = i % 5 == 3 ? Partition.NONE : (i * 7) % 6;
        }
        Partition p = Partition.of(groupOf, 6);
        assertEquals(10, p.ungrouped());
        List<int[]> groups = new ArrayList<>();
        for (int b = 0; b < p.groups(); b++) {
            groups.add(p.members(b));
        }
        assertAgree(bruteForce(s, groups), streamed(s, Grouping.of(p)), 1e-10);
    }

    @Test
    void perSampleMomentsMatchOneBackwardPerSample() {
        for (Setup s : List.of(Setup.helmholtz(30, 17), Setup.allenCahnPeriodicEmbedding(24, 8))) {
            List<int[]> samples = new ArrayList<>();
            for (int i = 0; i < s.n(); i++) {
                samples.add(new int[] {i});
            }
            assertAgree(bruteForce(s, samples), streamed(s, Grouping.perSample(s.n())), 1e-10);
        }
    }

    @Test
    void resultsAreIdenticalOnOneAndTwoThreads() {
        Setup s = Setup.helmholtz(512, 21, 128);
        int before = Parallel.threads();
        try {
            for (Grouping g : List.of(Grouping.contiguous(512, 8), Grouping.perSample(512))) {
                Parallel.setThreads(1);
                List<GroupMoments> one = streamed(s, g, 8);
                Parallel.setThreads(2);
                List<GroupMoments> two = streamed(s, g, 8);
                for (int l = 0; l < one.size(); l++) {
                    assertTrue(java.util.Arrays.equals(one.get(l).mean().data, two.get(l).mean().data));
                    assertTrue(java.util.Arrays.equals(one.get(l).variance().data, two.get(l).variance().data));
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void aWeightWhoseUseLostTheSampleTagIsRefused() {
        Tape tape = new Tape();
        SampleSet set = new SampleSet("collocation", 5);
        Node w = tape.parameter("W", new Rng(1).fillUniform(new DMatrixRMaj(2, 3), -1, 1));
        Node x = tape.constant("x", new Rng(2).fillUniform(new DMatrixRMaj(5, 2), -1, 1));
        tape.backward(tape.meanSquares(tape.matmul(x, w)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GroupStatistics.measure(tape, w, set, Grouping.contiguous(5, 5), GroupMoments.like(w)));
        assertTrue(e.getMessage().contains("no product on rows tagged with collocation"), e.getMessage());
    }
}
