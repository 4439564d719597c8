package org.totaldiff.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The product kernels of {@link Dense} (and the op(A)=A<sup>T</sup>, op(B)=B<sup>T</sup> combination
 * that only {@link Gemm} exposes), each with its EJML reference, for the product tests.
 */
enum Products {
    MULT(false, false, false, false),
    MULT_ADD(false, false, true, false),
    MULT_TRANS_A(true, false, false, false),
    MULT_ADD_TRANS_A(true, false, true, false),
    MULT_TRANS_B(false, true, false, false),
    MULT_ADD_TRANS_B(false, true, true, false),
    MULT_TRANS_AB(true, true, false, false),
    MULT_ADD_TRANS_AB(true, true, true, false),
    MULT_BIAS(false, false, false, true),
    MULT_BIAS_ROWS(false, false, false, true);

    final boolean transA;
    final boolean transB;
    final boolean accumulate;
    final boolean bias;

    Products(boolean transA, boolean transB, boolean accumulate, boolean bias) {
        this.transA = transA;
        this.transB = transB;
        this.accumulate = accumulate;
        this.bias = bias;
    }

    /** The operands of one product, generated from a seed. */
    record Operands(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias, int biasRows, DMatrixRMaj c0) {
        DMatrixRMaj c() {
            return c0.copy();
        }
    }

    Operands operands(MatrixGen.ProductShape s) {
        int m = s.m();
        int k = s.k();
        int n = s.n();
        long seed = s.seed();
        DMatrixRMaj a = transA ? MatrixGen.matrix(k, m, seed) : MatrixGen.matrix(m, k, seed);
        DMatrixRMaj b = transB ? MatrixGen.matrix(n, k, seed + 1) : MatrixGen.matrix(k, n, seed + 1);
        DMatrixRMaj bias = MatrixGen.matrix(1, n, seed + 2);
        int biasRows = this == MULT_BIAS_ROWS ? new Rng(seed + 3).nextInt(m + 1) : m;
        DMatrixRMaj c0 = MatrixGen.matrix(m, n, seed + 4);
        return new Operands(a, b, bias, biasRows, c0);
    }

    /** Through the public API ({@link Dense}), or {@link Gemm} for op = (T, T). */
    DMatrixRMaj run(Operands o) {
        DMatrixRMaj c = o.c();
        switch (this) {
            case MULT -> Dense.mult(o.a(), o.b(), c);
            case MULT_ADD -> Dense.multAdd(o.a(), o.b(), c);
            case MULT_TRANS_A -> Dense.multTransA(o.a(), o.b(), c);
            case MULT_ADD_TRANS_A -> Dense.multAddTransA(o.a(), o.b(), c);
            case MULT_TRANS_B -> Dense.multTransB(o.a(), o.b(), c);
            case MULT_ADD_TRANS_B -> Dense.multAddTransB(o.a(), o.b(), c);
            case MULT_BIAS -> Dense.multBias(o.a(), o.b(), o.bias(), c);
            case MULT_BIAS_ROWS -> Dense.multBias(o.a(), o.b(), o.bias(), o.biasRows(), c);
            default -> run(GemmKernel.get(), o, c);
        }
        return c;
    }

    /** Straight on {@link Gemm} with the given micro-kernel. */
    DMatrixRMaj run(GemmKernel kernel, Operands o) {
        return run(kernel, o, o.c());
    }

    private DMatrixRMaj run(GemmKernel kernel, Operands o, DMatrixRMaj c) {
        int m = transA ? o.a().numCols : o.a().numRows;
        int n = transB ? o.b().numRows : o.b().numCols;
        if (!accumulate) {
            c.reshape(m, n);
        }
        Gemm.multiply(kernel, transA, transB, o.a(), o.b(), bias ? o.bias() : null, o.biasRows(), accumulate, c);
        return c;
    }

    /** EJML's CommonOps_DDRM (plus a plain loop for the bias). */
    DMatrixRMaj reference(Operands o) {
        DMatrixRMaj c = o.c();
        DMatrixRMaj a = o.a();
        DMatrixRMaj b = o.b();
        int m = transA ? a.numCols : a.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (!accumulate) {
            c.reshape(m, n);
            c.zero();
        }
        if (a.getNumElements() == 0 || b.getNumElements() == 0) {
            // k = 0 (or an empty C): EJML's kernels need no special case here, ours must.
        } else if (transA && transB) {
            CommonOps_DDRM.multAddTransAB(a, b, c);
        } else if (transA) {
            CommonOps_DDRM.multAddTransA(a, b, c);
        } else if (transB) {
            CommonOps_DDRM.multAddTransB(a, b, c);
        } else {
            CommonOps_DDRM.multAdd(a, b, c);
        }
        if (bias) {
            for (int i = 0; i < o.biasRows(); i++) {
                for (int j = 0; j < n; j++) {
                    c.add(i, j, o.bias().get(0, j));
                }
            }
        }
        return c;
    }

    /** Rounding tolerance of a product with inner dimension k and entries in [-1, 1]. */
    static double tolerance(MatrixGen.ProductShape s) {
        return 4e-16 * (s.k() + 8);
    }
}
