package org.totaldiff.engine;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Reusable QuickTheories generators for matrix tests: dimensions that hit the edge cases of the
 * kernels (0, 1, one below / at / above a vector length, odd sizes), shapes, product shapes and
 * matrices with seeded content. Shipped in the engine test-jar for the other modules.
 */
public final class MatrixGen {

    /** A matrix shape. */
    public record Shape(int rows, int cols) {
        @Override
        public String toString() {
            return rows + "x" + cols;
        }
    }

    /** The shapes of a product C (m x n) = op(A) op(B), k the inner dimension, plus a content seed. */
    public record ProductShape(int m, int k, int n, long seed) {
        @Override
        public String toString() {
            return "m=" + m + " k=" + k + " n=" + n + " seed=" + seed;
        }
    }

    private static final List<Integer> EDGE_DIMS = List.of(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33);

    private MatrixGen() {
    }

    /** A dimension in [min, max], biased towards edge cases. */
    public static Gen<Integer> dims(int min, int max) {
        List<Integer> edges = EDGE_DIMS.stream().filter(d -> d >= min && d <= max).toList();
        Gen<Integer> uniform = integers().between(min, max);
        Gen<Integer> ends = Generate.pick(List.of(min, max));
        return edges.isEmpty() ? uniform.mix(ends, 20) : uniform.mix(Generate.pick(edges), 40).mix(ends, 15);
    }

    /** Shapes with rows and cols in [1, max] each (1xN and Nx1 included). */
    public static Gen<Shape> shapes(int maxRows, int maxCols) {
        return dims(1, maxRows).zip(dims(1, maxCols), Shape::new);
    }

    /** Shapes with possibly zero rows or columns. */
    public static Gen<Shape> shapesWithEmpty(int maxRows, int maxCols) {
        return dims(0, maxRows).zip(dims(0, maxCols), Shape::new);
    }

    /** Content seeds. */
    public static Gen<Long> seeds() {
        return longs().between(1, Long.MAX_VALUE / 2);
    }

    /** Product shapes with every dimension in [min, max]. */
    public static Gen<ProductShape> products(int min, int maxM, int maxK, int maxN) {
        return dims(min, maxM).zip(dims(min, maxK), dims(min, maxN), seeds(), ProductShape::new);
    }

    /** Matrices of the given shapes, uniform in [-1, 1). */
    public static Gen<DMatrixRMaj> matrices(Gen<Shape> shapes) {
        return shapes.zip(seeds(), (s, seed) -> matrix(s.rows(), s.cols(), seed));
    }

    /** A rows x cols matrix, uniform in [-1, 1), fixed by the seed. */
    public static DMatrixRMaj matrix(int rows, int cols, long seed) {
        return new Rng(seed).fillUniform(new DMatrixRMaj(rows, cols), -1.0, 1.0);
    }

    /** A rows x cols matrix, uniform in [lo, hi), fixed by the seed. */
    public static DMatrixRMaj matrix(int rows, int cols, long seed, double lo, double hi) {
        return new Rng(seed).fillUniform(new DMatrixRMaj(rows, cols), lo, hi);
    }
}
