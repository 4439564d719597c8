package org.totaldiff.pinn.optim;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.quicktheories.core.Gen;

/** Reusable generators of parameter lists for optimizer properties. */
final class ParameterGen {

    private ParameterGen() {
    }

    /** A problem: parameter shapes (including 1xN and Nx1) and a seed for values and gradients. */
    record Problem(int[][] shapes, long seed) {

        List<DMatrixRMaj> params() {
            Random rnd = new Random(seed);
            List<DMatrixRMaj> out = new ArrayList<>();
            for (int[] s : shapes) {
                DMatrixRMaj m = new DMatrixRMaj(s[0], s[1]);
                for (int i = 0; i < m.data.length; i++) {
                    m.data[i] = rnd.nextGaussian();
                }
                out.add(m);
            }
            return out;
        }

        /** A gradient that depends on the parameters and the step: g = p * c_t + noise_t. */
        List<DMatrixRMaj> grads(List<DMatrixRMaj> params, int step) {
            Random rnd = new Random(seed * 31 + step);
            List<DMatrixRMaj> out = new ArrayList<>();
            for (DMatrixRMaj p : params) {
                DMatrixRMaj g = new DMatrixRMaj(p.numRows, p.numCols);
                for (int i = 0; i < g.data.length; i++) {
                    g.data[i] = p.data[i] * (0.5 + rnd.nextDouble()) + 0.1 * rnd.nextGaussian();
                }
                out.add(g);
            }
            return out;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Problem(seed ").append(seed).append(", shapes");
            for (int[] s : shapes) {
                sb.append(' ').append(s[0]).append('x').append(s[1]);
            }
            return sb.append(')').toString();
        }
    }

    /** 1 to 4 matrices of 1..6 x 1..6 and a seed. */
    static Gen<Problem> problems() {
        Gen<int[]> shape = integers().between(1, 6).zip(integers().between(1, 6), (r, c) -> new int[] {r, c});
        Gen<int[][]> shapes = integers().between(1, 4).flatMap(n -> rnd -> {
            int[][] s = new int[n][];
            for (int i = 0; i < n; i++) {
                s[i] = shape.generate(rnd);
            }
            return s;
        });
        return shapes.zip(longs().all(), Problem::new);
    }
}
