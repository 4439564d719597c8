package org.totaldiff.pinn.io;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;

import org.quicktheories.core.Gen;

/** Reusable generators of arrays for the file-format properties. */
final class NdArrayGen {

    private NdArrayGen() {
    }

    /** Shapes of rank 0 to 4 with dimensions 0 to 5 (so empty arrays and 1xN / Nx1 occur). */
    static Gen<int[]> shapes() {
        return integers().between(0, 4).flatMap(rank -> rnd -> {
            int[] shape = new int[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = (int) rnd.next(org.quicktheories.impl.Constraint.between(0, 5));
            }
            return shape;
        });
    }

    /** Arrays of every dtype and shape; doubles include NaN, infinities, -0.0 and subnormals. */
    static Gen<NdArray> arrays() {
        return shapes().zip(integers().between(0, 2), longs().all(), NdArrayGen::array);
    }

    static NdArray array(int[] shape, int kind, long seed) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        Random rnd = new Random(seed);
        switch (kind) {
            case 0: {
                double[] v = new double[n];
                double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                    Double.MIN_VALUE, Double.MAX_VALUE};
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextInt(8) == 0 ? specials[rnd.nextInt(specials.length)]
                            : Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL) * (rnd.nextBoolean() ? 1 : -1);
                }
                return NdArray.ofDoubles(v, shape);
            }
            case 1: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextLong();
                }
                return NdArray.ofLongs(v, shape);
            }
            default: {
                byte[] v = new byte[n];
                rnd.nextBytes(v);
                return NdArray.ofBytes(v, shape);
            }
        }
    }
}
