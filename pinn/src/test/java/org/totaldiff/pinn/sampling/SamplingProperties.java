package org.totaldiff.pinn.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.totaldiff.engine.Rng;

class SamplingProperties {

    private static final long SEED = 2341L;

    /** Boxes of 1 to 4 dimensions with bounds in [-10, 10] and widths in [1e-3, 20]. */
    static Gen<Box> boxes() {
        return integers().between(1, 4).zip(longs().all(), (d, seed) -> {
            Rng rng = new Rng(seed);
            Box box = null;
            for (int j = 0; j < d; j++) {
                double lo = rng.uniform(-10, 10);
                double hi = lo + rng.uniform(1e-3, 20);
                String name = "c" + j;
                box = box == null ? Box.of(name, lo, hi) : box.and(name, lo, hi);
            }
            return box;
        });
    }

    static Gen<Integer> sizes() {
        return integers().between(1, 300);
    }

    static Gen<Long> seeds() {
        return longs().all();
    }

    @Test
    void latinHypercubeHitsEveryStratumOfEveryCoordinateOnce() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(boxes(), sizes(), seeds()).checkAssert((box, n, seed) -> {
            DMatrixRMaj p = Sampling.latinHypercube(box, n, new Rng(seed));
            assertEquals(n, p.numRows);
            assertEquals(box.dim(), p.numCols);
            for (int j = 0; j < box.dim(); j++) {
                int[] hits = new int[n];
                for (int i = 0; i < n; i++) {
                    double x = p.get(i, j);
                    assertTrue(x >= box.lower(j) && x <= box.upper(j), "outside the box: " + x);
                    int k = (int) Math.floor((x - box.lower(j)) / box.width(j) * n);
                    hits[Math.min(k, n - 1)]++;
                }
                int[] once = new int[n];
                Arrays.fill(once, 1);
                assertArrayEquals(once, hits, "coordinate " + j);
            }
        });
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        qt().withFixedSeed(SEED).forAll(boxes(), integers().between(2, 100), seeds()).checkAssert((box, n, seed) -> {
            assertArrayEquals(Sampling.latinHypercube(box, n, new Rng(seed)).data,
                    Sampling.latinHypercube(box, n, new Rng(seed)).data, 0);
            assertArrayEquals(Sampling.uniform(box, n, new Rng(seed)).data,
                    Sampling.uniform(box, n, new Rng(seed)).data, 0);
            assertArrayEquals(Sampling.boundaryRandom(box, n, new Rng(seed)).data,
                    Sampling.boundaryRandom(box, n, new Rng(seed)).data, 0);
            assertFalse(Arrays.equals(Sampling.latinHypercube(box, n, new Rng(seed)).data,
                    Sampling.latinHypercube(box, n, new Rng(seed + 1)).data));
        });
    }

    @Test
    void uniformPointsLieInTheBox() {
        qt().withFixedSeed(SEED).forAll(boxes(), sizes(), seeds()).checkAssert((box, n, seed) -> {
            DMatrixRMaj p = Sampling.uniform(box, n, new Rng(seed));
            assertEquals(n, p.numRows);
            for (int i = 0; i < n; i++) {
                assertTrue(box.contains(row(p, i)), "outside " + box + ": " + Arrays.toString(row(p, i)));
            }
        });
    }

    @Test
    void boundaryPointsLieOnTheirSide() {
        qt().withFixedSeed(SEED).forAll(boxes(), integers().between(1, 40), seeds()).checkAssert((box, n, seed) -> {
            Rng rng = new Rng(seed);
            for (Box.Side side : box.sides()) {
                for (DMatrixRMaj p : new DMatrixRMaj[] {Sampling.boundaryRandom(side, n, rng),
                        Sampling.boundaryEvenly(side, Math.min(n, 6))}) {
                    for (int i = 0; i < p.numRows; i++) {
                        assertEquals(side.value(), p.get(i, side.coordinate()), 0, side.toString());
                        assertTrue(box.contains(row(p, i)));
                    }
                }
                assertEquals(n, Sampling.boundaryRandom(side, n, rng).numRows);
                int expected = box.dim() == 1 ? 1 : (int) Math.pow(Math.min(n, 6), box.dim() - 1);
                assertEquals(expected, Sampling.boundaryEvenly(side, Math.min(n, 6)).numRows);
            }
        });
    }

    @Test
    void nonPositiveCountsAreRejectedNamingTheValue() {
        qt().withFixedSeed(SEED).forAll(boxes(), integers().between(-1000, 0)).checkAssert((box, n) -> {
            Rng rng = new Rng(1);
            for (Runnable r : new Runnable[] {
                    () -> Sampling.latinHypercube(box, n, rng),
                    () -> Sampling.uniform(box, n, rng),
                    () -> Sampling.boundaryRandom(box.sides().get(0), n, rng),
                    () -> Sampling.boundaryEvenly(box.sides().get(0), n)}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
                assertTrue(e.getMessage().contains("got " + n), e.getMessage());
            }
        });
    }

    @Test
    void evenlySpreadEdgeAndInitialLine() {
        Box box = Box.of("x", -1, 1).and("t", 0, 1);
        DMatrixRMaj ic = Sampling.initialEvenly(box, "t", 5);
        assertArrayEquals(new double[] {-1, 0, -0.5, 0, 0, 0, 0.5, 0, 1, 0}, ic.data, 1e-15);
        DMatrixRMaj right = Sampling.boundaryEvenly(box.upperSide("x"), 3);
        assertArrayEquals(new double[] {1, 0, 1, 0.5, 1, 1}, right.data, 1e-15);
        DMatrixRMaj all = Sampling.boundaryEvenly(Box.of("x", -1, 1).and("y", -1, 1), 10);
        assertEquals(40, all.numRows);
        DMatrixRMaj ic2 = Sampling.initialRandom(box, "t", 7, new Rng(3));
        for (int i = 0; i < 7; i++) {
            assertEquals(0, ic2.get(i, 1), 0);
        }
    }

    private static double[] row(DMatrixRMaj p, int i) {
        return Arrays.copyOfRange(p.data, i * p.numCols, (i + 1) * p.numCols);
    }
}
