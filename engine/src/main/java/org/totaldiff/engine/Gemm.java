package org.totaldiff.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * General matrix product C = op(A) op(B) [+ C] [+ 1 bias on the first biasRows rows], with
 * op = identity or transpose. Shapes have been checked by {@link Dense}.
 *
 * <p>Placeholder: a straightforward loop order (i, k, j) with each element's sum over k in a
 * fixed order, parallel over row chunks of C; to be replaced by the packed kernel.
 */
final class Gemm {

    private Gemm() {
    }

    static void multiply(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias,
            int biasRows, boolean accumulate, DMatrixRMaj c) {
        int m = c.numRows;
        int n = c.numCols;
        int k = transA ? a.numRows : a.numCols;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        int lda = a.numCols;
        int ldb = b.numCols;
        Parallel.forRange(m, 16, (from, to) -> {
            double[] row = new double[n];
            for (int i = from; i < to; i++) {
                java.util.Arrays.fill(row, 0.0);
                for (int p = 0; p < k; p++) {
                    double aip = transA ? ad[p * lda + i] : ad[i * lda + p];
                    if (transB) {
                        for (int j = 0; j < n; j++) {
                            row[j] = Math.fma(aip, bd[j * ldb + p], row[j]);
                        }
                    } else {
                        int bo = p * ldb;
                        for (int j = 0; j < n; j++) {
                            row[j] = Math.fma(aip, bd[bo + j], row[j]);
                        }
                    }
                }
                int co = i * n;
                for (int j = 0; j < n; j++) {
                    double v = row[j];
                    if (bias != null && i < biasRows) {
                        v += bias.data[j];
                    }
                    cd[co + j] = accumulate ? cd[co + j] + v : v;
                }
            }
        });
    }
}
