package org.totaldiff.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.totaldiff.engine.Rng;

/**
 * Per-group, per-sample and second-moment gradients from one backward pass, against brute
 * force: one backward pass per group (or per sample) of a PINN-like loss with jets, RBA-like
 * weights, a nonlinear residual and a boundary term.
 */
class PerSampleProperties {

    /** A small PINN problem: an MLP on 2 inputs, collocation and boundary points, fixed weights. */
    private record Problem(List<DMatrixRMaj> params, DMatrixRMaj collocation, DMatrixRMaj boundary, DMatrixRMaj lambda,
            JetLayout layout) {

        static Problem random(long seed, int n, int width, int depth) {
            Rng rng = new Rng(seed);
            int[] sizes = new int[depth + 2];
            sizes[0] = 2;
            for (int l = 1; l <= depth; l++) {
                sizes[l] = width;
            }
            sizes[depth + 1] = 1;
            JetLayout layout = rng.nextInt(2) == 0 ? JetLayout.of(2).withAllPureSeconds()
                    : JetLayout.of(2).withSecond(0, 1).withSecond(1, 1);
            return new Problem(Cases.mlp(rng, sizes), rng.fillUniform(new DMatrixRMaj(n, 2), -1, 1),
                    rng.fillUniform(new DMatrixRMaj(3, 2), -1, 1), rng.fillUniform(new DMatrixRMaj(n, 1), 0, 2), layout);
        }

        /**
         * Records loss = mean_i(mask_i (lambda_i r_i)^2) + mean(u_b^2), r = u_yy + u_xy-or-u_xx + u u_x + sin(x) and
         * runs backward. mask = null means all ones (the full loss).
         */
        Tape run(SampleSet set, DMatrixRMaj mask, List<Node> leavesOut) {
            Tape tape = new Tape();
            for (int j = 0; j < params.size(); j++) {
                leavesOut.add(tape.parameter((j % 2 == 0 ? "W" : "b") + j / 2, params.get(j)));
            }
            Jet u = Cases.forward(tape, leavesOut, Jet.input(tape, "x", collocation, set, layout), Functions.TANH);
            int[] pair = layout.pair(0);
            Node second = tape.add(u.d(1, 1), u.d(pair[0], pair[1]));
            Node source = tape.map(Functions.SIN, tape.sliceCols(tape.samples("xs", collocation, set), 0, 1));
            Node r = tape.add(tape.add(second, tape.mul(u.value(), u.d(0))), source);
            Node weighted = tape.mul(tape.constant("lambda", lambda), r);
            Node terms = tape.map(Functions.SQUARE, weighted);
            if (mask != null) {
                terms = tape.mul(tape.constant("mask", mask), terms);
            }
            Node residualLoss = tape.mean(terms);
            Node ub = Cases.forward(tape, leavesOut, Jet.input(tape, "xb", boundary, null, JetLayout.of(2)),
                    Functions.TANH).value();
            tape.backward(tape.add(residualLoss, tape.meanSquares(ub)));
            return tape;
        }
    }

    @Test
    void groupGradientsEqualOneBackwardPerGroup() {
        qt().withFixedSeed(61).withExamples(20).forAll(Cases.dims(12)).checkAssert(c -> {
            int n = 4 + c.a();
            Problem problem = Problem.random(c.seed(), n, 1 + c.b() % 5, 1 + c.c() % 3);
            SampleSet set = new SampleSet("collocation", n);
            Partition groups = Partition.random(n, 1 + c.c() % Math.min(n, 5), c.seed());
            List<Node> params = new ArrayList<>();
            Tape tape = problem.run(set, null, params);
            for (int b = 0; b < groups.groups(); b++) {
                DMatrixRMaj mask = new DMatrixRMaj(n, 1);
                for (int i : groups.members(b)) {
                    mask.data[i] = (double) n / groups.size(b);
                }
                List<Node> bruteParams = new ArrayList<>();
                problem.run(set, mask, bruteParams);
                for (int j = 0; j < params.size(); j++) {
                    DMatrixRMaj fast = PerSample.groupGradients(tape, params.get(j), set, groups)[b];
                    assertClose(bruteParams.get(j).grad(), fast, 1e-10, "group " + b + " of " + params.get(j));
                }
            }
        });
    }

    @Test
    void explicitPerSampleGradientsAndSecondMomentsEqualBruteForce() {
        qt().withFixedSeed(62).withExamples(15).forAll(Cases.dims(8)).checkAssert(c -> {
            int n = 2 + c.a();
            Problem problem = Problem.random(c.seed(), n, 1 + c.b() % 4, 1 + c.c() % 2);
            SampleSet set = new SampleSet("collocation", n);
            List<Node> params = new ArrayList<>();
            Tape tape = problem.run(set, null, params);
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (Node p : params) {
                DMatrixRMaj[] fast = PerSample.explicit(tape, p, set, all);
                DMatrixRMaj moment = new DMatrixRMaj(p.rows(), p.cols());
                for (int i = 0; i < n; i++) {
                    // sample i's share of the full loss: mask e_i, and the boundary term removed via rest
                    DMatrixRMaj mask = new DMatrixRMaj(n, 1);
                    mask.data[i] = 1;
                    List<Node> brute = new ArrayList<>();
                    problem.run(set, mask, brute);
                    DMatrixRMaj expected = brute.get(params.indexOf(p)).grad().copy();
                    DMatrixRMaj boundaryOnly = PerSample.rest(tape, p, set);
                    for (int e = 0; e < expected.data.length; e++) {
                        expected.data[e] -= boundaryOnly.data[e];
                        moment.data[e] += fast[i].data[e] * fast[i].data[e];
                    }
                    assertClose(expected, fast[i], 1e-10, "sample " + i + " of " + p);
                }
                assertClose(moment, PerSample.secondMoment(tape, p, set), 1e-12, "second moment of " + p);
            }
        });
    }

    @Test
    void gradientGroupsChangeOnlyTheRoundingAndKeepEveryGroupSum() {
        qt().withFixedSeed(63).withExamples(12).forAll(Cases.dims(3)).checkAssert(c -> {
            // 128 wide: groups of at least 64 points pay (GroupedWeightGradient.pays), smaller ones do not
            boolean wide = c.b() != 1;
            int n = wide ? 64 * c.a() + (int) Math.floorMod(c.seed(), 64L) : 4 + (int) Math.floorMod(c.seed(), 12L);
            int groups = 1 + (int) Math.floorMod(c.seed() >> 8, (long) (wide ? c.a() : n));
            Problem problem = Problem.random(c.seed(), n, wide ? 128 : 1 + c.c(), 1 + c.c() % 2);
            List<Node> plain = new ArrayList<>();
            problem.run(new SampleSet("collocation", n), null, plain);
            SampleSet set = new SampleSet("collocation", n, groups);
            List<Node> grouped = new ArrayList<>();
            Tape tape = problem.run(set, null, grouped);
            Grouping grouping = Grouping.contiguous(n, groups);
            int kept = 0;
            for (int j = 0; j < grouped.size(); j++) {
                Node p = grouped.get(j);
                boolean keptHere = false;
                assertClose(plain.get(j).grad(), p.grad(), 1e-13, "gradient of " + p + " by " + groups + " groups");
                for (ParameterUses.Use use : ParameterUses.find(tape, p, set)) {
                    boolean pays = !use.isBias() && GroupedWeightGradient.pays(grouping, p.rows(), p.cols());
                    if (!pays) {
                        assertEquals(null, use.groupSums(), "no group sums for " + p);
                        continue;
                    }
                    assertTrue(use.groupSums().holds(grouping), "the backward pass kept the sums of " + p);
                    kept++;
                    keptHere = true;
                    for (int b = 0; b < groups; b++) {
                        // S_b as GroupStatistics forms it: the group's rows of every stream, copied out
                        DMatrixRMaj expected = new DMatrixRMaj(p.rows(), p.cols());
                        int[] members = grouping.members(b);
                        DMatrixRMaj x = new DMatrixRMaj(1, 1);
                        DMatrixRMaj dy = new DMatrixRMaj(1, 1);
                        for (int s = 0; s < use.streams(n); s++) {
                            ParameterUses.gather(use.x(), shift(members, s * n), use.rows(), 1, x);
                            ParameterUses.gather(use.dy(), shift(members, s * n), use.rows(), 1, dy);
                            org.totaldiff.engine.Dense.multAddTransA(x, dy, expected);
                        }
                        assertTrue(java.util.Arrays.equals(expected.data, use.groupSums().sum(b).data),
                                "group " + b + " of " + p + " is the group's own product, bit for bit");
                    }
                }
                if (!keptHere) {
                    assertTrue(java.util.Arrays.equals(plain.get(j).grad().data, p.grad().data),
                            "without grouped products the gradient of " + p + " is one product's, bit for bit");
                }
            }
            assertEquals(wide && c.c() % 2 == 1, kept > 0, "hidden 128 x 128 weights, and only they, are grouped");
        });
    }

    @Test
    void keptGroupSumsAreThoseOfTheLatestRecordingOnAReusedTape() {
        Rng rng = new Rng(64);
        SampleSet set = new SampleSet("collocation", 130, 2);
        DMatrixRMaj w = rng.fillUniform(new DMatrixRMaj(128, 128), -1, 1);
        DMatrixRMaj first = rng.fillUniform(new DMatrixRMaj(130, 128), -1, 1);
        DMatrixRMaj second = rng.fillUniform(new DMatrixRMaj(130, 128), -1, 1);
        Tape reused = new Tape();
        Node param = reused.parameter("W", w);
        Node y = null;
        for (DMatrixRMaj x : List.of(first, second)) {
            reused.rewind();
            reused.zeroGrad();
            y = reused.matmul(reused.samples("x", x, set), param);
            reused.backward(reused.meanSquares(y));
        }
        Tape fresh = new Tape();
        Node yFresh = fresh.matmul(fresh.samples("x", second, set), fresh.parameter("W", w));
        fresh.backward(fresh.meanSquares(yFresh));
        for (int b = 0; b < 2; b++) {
            assertTrue(java.util.Arrays.equals(yFresh.groupSums().sum(b).data, y.groupSums().sum(b).data), "group " + b);
        }
        assertTrue(java.util.Arrays.equals(fresh.parameters().get(0).grad().data, param.grad().data));
    }

    @Test
    void aWeightWithTwoUsesGetsTheSameMomentsFromKeptAndFromComputedGroupSums() {
        // one weight, two products on rows of the same set, 10 groups (more than the 4 chunks)
        Rng rng = new Rng(65);
        int n = 650;
        DMatrixRMaj w = rng.fillUniform(new DMatrixRMaj(128, 128), -1, 1);
        DMatrixRMaj x1 = rng.fillUniform(new DMatrixRMaj(n, 128), -1, 1);
        DMatrixRMaj x2 = rng.fillUniform(new DMatrixRMaj(n, 128), -1, 1);
        Grouping grouping = Grouping.contiguous(n, 10);
        GroupMoments[] moments = new GroupMoments[2];
        for (int k = 0; k < 2; k++) {
            SampleSet set = new SampleSet("collocation", n, k == 0 ? 0 : 10);
            Tape tape = new Tape();
            Node param = tape.parameter("W", w);
            Node y1 = tape.matmul(tape.samples("x1", x1, set), param);
            Node y2 = tape.matmul(tape.samples("x2", x2, set), param);
            tape.backward(tape.add(tape.meanSquares(tape.map(Functions.TANH, y1)), tape.meanSquares(tape.mul(y1, y2))));
            assertEquals(k == 1, y1.groupSums() != null && y2.groupSums() != null, "group sums kept");
            moments[k] = GroupStatistics.measure(tape, param, set, grouping, GroupMoments.like(param));
        }
        assertTrue(java.util.Arrays.equals(moments[0].variance().data, moments[1].variance().data),
                "variance from computed and from kept group sums");
        assertClose(moments[0].mean(), moments[1].mean(), 1e-13, "mean");
    }

    @Test
    void handedBackAdjointsLeaveTheGroupStatisticsAsTheyWereAndRefuseEverythingElse() {
        // 655 points in 10 groups of 65 (5 in no group), a tanh layer between two grouped products
        Rng rng = new Rng(66);
        int n = 655;
        DMatrixRMaj w1 = rng.fillUniform(new DMatrixRMaj(128, 128), -0.2, 0.2);
        DMatrixRMaj w2 = rng.fillUniform(new DMatrixRMaj(128, 128), -0.2, 0.2);
        DMatrixRMaj x = rng.fillUniform(new DMatrixRMaj(n, 128), -1, 1);
        Grouping grouping = Grouping.contiguous(n, 10);
        GroupMoments[][] moments = new GroupMoments[2][2];
        Tape released = null;
        Node[] releasedParams = null;
        SampleSet releasedSet = null;
        Node releasedProduct = null;
        for (int k = 0; k < 2; k++) {
            SampleSet set = new SampleSet("collocation", n, 10);
            Tape tape = new Tape();
            tape.releaseGroupedAdjoints(k == 1);
            Node[] params = {tape.parameter("W1", w1), tape.parameter("W2", w2)};
            Node z1 = tape.matmul(tape.samples("x", x, set), params[0]);
            Node z2 = tape.matmul(tape.map(Functions.TANH, z1), params[1]);
            tape.backward(tape.meanSquares(tape.map(Functions.TANH, z2)));
            for (int l = 0; l < 2; l++) {
                moments[k][l] = GroupStatistics.measure(tape, params[l], set, grouping, GroupMoments.like(params[l]));
            }
            if (k == 1) {
                released = tape;
                releasedParams = params;
                releasedSet = set;
                releasedProduct = z1;
            }
        }
        for (int l = 0; l < 2; l++) {
            assertTrue(java.util.Arrays.equals(moments[0][l].mean().data, moments[1][l].mean().data), "mean of W" + l);
            assertTrue(java.util.Arrays.equals(moments[0][l].variance().data, moments[1][l].variance().data),
                    "variance of W" + l);
        }
        Node product = releasedProduct;
        IllegalStateException e = assertThrows(IllegalStateException.class, product::grad);
        assertTrue(e.getMessage().contains("handed back"), e.getMessage());
        Tape tape = released;
        Node w = releasedParams[0];
        SampleSet set = releasedSet;
        for (Grouping other : List.of(Grouping.contiguous(n, 5), Grouping.perSample(n))) {
            e = assertThrows(IllegalStateException.class,
                    () -> GroupStatistics.measure(tape, w, set, other, GroupMoments.like(w)));
            assertTrue(e.getMessage().contains("releaseGroupedAdjoints(false)"), e.getMessage());
        }
        e = assertThrows(IllegalStateException.class, () -> PerSample.groupSums(tape, w, set, Partition.contiguous(n, 10)));
        assertTrue(e.getMessage().contains("releaseGroupedAdjoints(false)"), e.getMessage());
    }

    private static int[] shift(int[] members, int by) {
        int[] out = members.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }

    @Test
    void groupSumsAddUpToTheResidualPartOfTheGradient() {
        Problem problem = Problem.random(5, 40, 8, 2);
        SampleSet set = new SampleSet("collocation", 40);
        List<Node> params = new ArrayList<>();
        Tape tape = problem.run(set, null, params);
        for (Node p : params) {
            DMatrixRMaj total = PerSample.rest(tape, p, set);
            for (DMatrixRMaj g : PerSample.groupSums(tape, p, set, Partition.contiguous(40, 7))) {
                for (int e = 0; e < total.data.length; e++) {
                    total.data[e] += g.data[e];
                }
            }
            assertClose(p.grad(), total, 1e-12, "sum of groups of " + p);
        }
    }

    @Test
    void misuseIsReported() {
        Problem problem = Problem.random(9, 6, 3, 1);
        SampleSet set = new SampleSet("collocation", 6);
        List<Node> params = new ArrayList<>();
        Tape tape = problem.run(set, null, params);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerSample.groupSums(tape, params.get(0), set, Partition.contiguous(5, 2)));
        assertEquals("PerSample: the partition covers 5 samples but the set collocation has 6", e.getMessage());
        tape.rewind();
        problem.run(set, null, new ArrayList<>());
        Tape twice = problem.run(set, null, new ArrayList<>());
        twice.rewind();
        List<Node> again = new ArrayList<>(twice.parameters());
        Jet u = Cases.forward(twice, again, Jet.input(twice, "x", problem.collocation(), set, JetLayout.of(2)),
                Functions.TANH);
        twice.backward(twice.sum(u.value()));
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> PerSample.rest(twice, again.get(0), set));
        assertTrue(s.getMessage().contains("hold 2 backward passes"), s.getMessage());
    }

    @Test
    void partitionsCoverEverySampleOnce() {
        qt().withFixedSeed(63).withExamples(200).forAll(Cases.dims(50)).checkAssert(c -> {
            int n = c.a() + c.b();
            int groups = 1 + Math.floorMod(c.seed(), n);
            Partition p = Partition.random(n, groups, c.seed());
            int[] seen = new int[n];
            int total = 0;
            for (int b = 0; b < p.groups(); b++) {
                assertTrue(p.size(b) >= n / groups && p.size(b) <= n / groups + 1);
                for (int i : p.members(b)) {
                    seen[i]++;
                    assertEquals(b, p.group(i));
                }
                total += p.size(b);
            }
            assertEquals(n, total);
            for (int s : seen) {
                assertEquals(1, s);
            }
        });
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        double scale = 1e-300;
        for (double v : expected.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int e = 0; e < expected.getNumElements(); e++) {
            if (Math.abs(expected.data[e] - actual.data[e]) > tol * Math.max(scale, 1e-8)) {
                throw new AssertionError(what + ", element " + e + ": expected " + expected.data[e] + ", got "
                        + actual.data[e]);
            }
        }
    }
}
