package org.totaldiff.engine;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The helper loops of {@link GemmKernel} that {@link Gemm} relies on for exact results: the
 * kernel in use (the Vector API one when enabled) gives the same bits as the plain definitions in
 * the interface's contract, for the packing copy, the bias-started micro-kernel, the kernels that
 * read A in place and the few-rows A<sup>T</sup> B.
 */
class GemmKernelProperties {

    private static final GemmKernel IN_USE = GemmKernel.get();

    private static double[] random(int length, long seed) {
        return MatrixGen.matrix(1, Math.max(0, length), seed).data;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                throw new AssertionError(what + ": element " + i + " differs: " + actual[i] + " vs " + expected[i]);
            }
        }
    }

    @Test
    void packPanelsIsTheDefinedCopy() {
        qt().withFixedSeed(11L).withExamples(300).withShrinkCycles(0)
                .forAll(MatrixGen.dims(0, 40), MatrixGen.dims(0, 70), integers().between(0, 9), MatrixGen.seeds())
                .checkAssert((rows, width, extra, seed) -> {
                    for (int w : new int[] {IN_USE.mr(), IN_USE.nr()}) {
                        int lds = width + extra;
                        int srcOff = extra;
                        double[] src = random(srcOff + rows * lds + 1, seed);
                        int padded = Gemm.roundUp(width, w);
                        int dstOff = 3;
                        double[] expected = random(dstOff + padded * rows + 5, seed + 1);
                        double[] actual = expected.clone();
                        for (int p = 0; p < rows; p++) {
                            for (int q = 0; q < padded; q++) {
                                expected[dstOff + (q / w) * w * rows + p * w + q % w] =
                                        q < width ? src[srcOff + p * lds + q] : 0.0;
                            }
                        }
                        IN_USE.packPanels(src, srcOff, lds, rows, width, w, actual, dstOff);
                        assertBits(expected, actual, "packPanels rows=" + rows + " width=" + width + " w=" + w);
                    }
                });
    }

    /** dot and dots (any row count) give {@link PortableMath#dot}'s bits, on every kernel. */
    @Test
    void dotsArePortableDots() {
        for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
            qt().withFixedSeed(13L).withExamples(200).withShrinkCycles(0)
                    .forAll(MatrixGen.dims(0, 7), MatrixGen.dims(0, 90), MatrixGen.seeds())
                    .checkAssert((rows, len, seed) -> {
                        int lda = len + 3;
                        double[] a = random(1 + rows * lda, seed);
                        double[] x = random(2 + len, seed + 1);
                        double[] expected = random(1 + 2 * rows, seed + 2);
                        double[] actual = expected.clone();
                        for (int r = 0; r < rows; r++) {
                            expected[1 + 2 * r] = PortableMath.dot(a, 1 + r * lda, x, 2, len);
                        }
                        kernel.dots(a, 1, lda, rows, x, 2, len, actual, 1, 2);
                        String what = kernel.getClass().getSimpleName() + " dots rows=" + rows + " len=" + len;
                        assertBits(expected, actual, what);
                        if (rows > 0) {
                            assertBits(new double[] {expected[1]}, new double[] {kernel.dot(a, 1, x, 2, len)},
                                    what + " (dot)");
                        }
                    });
        }
    }

    @Test
    void kernelBiasStartsFromTheBias() {
        for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
            qt().withFixedSeed(12L).withExamples(100).withShrinkCycles(0)
                    .forAll(MatrixGen.dims(0, 300), MatrixGen.seeds())
                    .checkAssert((kc, seed) -> {
                        int mr = kernel.mr();
                        int nr = kernel.nr();
                        int ldc = nr + 5;
                        double[] a = random(2 + kc * mr, seed);
                        double[] b = random(1 + kc * nr, seed + 1);
                        double[] bias = random(4 + nr, seed + 2);
                        double[] c = random(7 + mr * ldc, seed + 3);
                        double[] expected = c.clone();
                        for (int r = 0; r < mr; r++) {
                            for (int q = 0; q < nr; q++) {
                                double acc = bias[4 + q];
                                for (int p = 0; p < kc; p++) {
                                    acc = Math.fma(a[2 + p * mr + r], b[1 + p * nr + q], acc);
                                }
                                expected[7 + r * ldc + q] = acc;
                            }
                        }
                        kernel.kernelBias(kc, a, 2, b, 1, bias, 4, c, 7, ldc);
                        assertBits(expected, c, kernel.getClass().getSimpleName() + " kernelBias kc=" + kc);
                    });
        }
    }

    @Test
    void kernelsReadingAInPlaceMatchThePackedKernels() {
        for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
            qt().withFixedSeed(14L).withExamples(100).withShrinkCycles(0)
                    .forAll(MatrixGen.dims(0, 300), integers().between(0, 5), MatrixGen.seeds())
                    .checkAssert((kc, extra, seed) -> {
                        int mr = kernel.mr();
                        int nr = kernel.nr();
                        int lda = kc + extra;
                        int ldc = nr + 3;
                        double[] a = random(6 + mr * lda, seed);
                        double[] packed = new double[mr * kc];
                        for (int r = 0; r < mr; r++) {
                            for (int p = 0; p < kc; p++) {
                                packed[p * mr + r] = a[6 + r * lda + p];
                            }
                        }
                        double[] b = random(1 + kc * nr, seed + 1);
                        double[] bias = random(2 + nr, seed + 2);
                        double[] c = random(5 + mr * ldc, seed + 3);
                        String what = kernel.getClass().getSimpleName() + " kc=" + kc + " lda=" + lda;
                        for (boolean loadC : new boolean[] {false, true}) {
                            double[] expected = c.clone();
                            double[] actual = c.clone();
                            kernel.kernel(kc, packed, 0, b, 1, expected, 5, ldc, loadC);
                            kernel.kernelRows(kc, a, 6, lda, b, 1, actual, 5, ldc, loadC);
                            assertBits(expected, actual, "kernelRows loadC=" + loadC + " " + what);
                        }
                        double[] expected = c.clone();
                        double[] actual = c.clone();
                        kernel.kernelBias(kc, packed, 0, b, 1, bias, 2, expected, 5, ldc);
                        kernel.kernelRowsBias(kc, a, 6, lda, b, 1, bias, 2, actual, 5, ldc);
                        assertBits(expected, actual, "kernelRowsBias " + what);
                    });
        }
    }

    @Test
    void accumulateTransAIsTheFmaChainInOrder() {
        for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
            qt().withFixedSeed(13L).withExamples(200).withShrinkCycles(0)
                    .forAll(integers().between(1, 4), MatrixGen.dims(0, 150), MatrixGen.dims(0, 60), MatrixGen.seeds())
                    .checkAssert((rows, n, len, seed) -> {
                        int lda = rows + 1;
                        int ldb = n + 3;
                        int ldc = n + 2;
                        double[] a = random(5 + len * lda, seed);
                        double[] b = random(2 + len * ldb, seed + 1);
                        double[] c = random(3 + rows * ldc, seed + 2);
                        double[] expected = c.clone();
                        for (int r = 0; r < rows; r++) {
                            for (int q = 0; q < n; q++) {
                                double acc = expected[3 + r * ldc + q];
                                for (int p = 0; p < len; p++) {
                                    acc = Math.fma(a[5 + p * lda + r], b[2 + p * ldb + q], acc);
                                }
                                expected[3 + r * ldc + q] = acc;
                            }
                        }
                        kernel.accumulateTransA(rows, a, 5, lda, b, 2, ldb, len, c, 3, ldc, n);
                        assertBits(expected, c, kernel.getClass().getSimpleName() + " accumulateTransA rows=" + rows
                                + " n=" + n + " len=" + len);
                    });
        }
    }

    @Test
    void stridedPackPanelsIsTheDefinedCopy() {
        qt().withFixedSeed(15L).withExamples(300).withShrinkCycles(0)
                .forAll(MatrixGen.dims(0, 40), MatrixGen.dims(0, 70), integers().between(1, 6), MatrixGen.seeds())
                .checkAssert((rows, width, streams, seed) -> {
                    for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
                        for (int w : new int[] {kernel.sampleMr(), kernel.sampleNr(), kernel.mr(), kernel.nr()}) {
                            // Rows interleaved with those of other streams, as SampleProducts packs them.
                            int lds = width + 3;
                            double[] src = random(2 + rows * lds, seed);
                            int rowStride = streams * w;
                            int panelStride = rows * rowStride;
                            int dstOff = (streams - 1) * w;
                            double[] expected = random(dstOff + Gemm.ceilDiv(width, w) * panelStride + 4, seed + 1);
                            double[] actual = expected.clone();
                            for (int r = 0; r < rows; r++) {
                                for (int q = 0; q < Gemm.roundUp(width, w); q++) {
                                    expected[dstOff + (q / w) * panelStride + r * rowStride + q % w] =
                                            q < width ? src[2 + r * lds + q] : 0.0;
                                }
                            }
                            kernel.packPanels(src, 2, lds, rows, width, w, actual, dstOff, rowStride, panelStride);
                            assertBits(expected, actual, kernel.getClass().getSimpleName() + " strided packPanels rows="
                                    + rows + " width=" + width + " w=" + w + " streams=" + streams);
                        }
                    }
                });
    }

    @Test
    void addSquaredSampleProductsIsTheDefinedChain() {
        for (GemmKernel kernel : new GemmKernel[] {new ScalarGemm(), IN_USE}) {
            qt().withFixedSeed(16L).withExamples(150).withShrinkCycles(0)
                    .forAll(MatrixGen.dims(0, 60), integers().between(1, 6), integers().between(0, 5), MatrixGen.seeds())
                    .checkAssert((samples, streams, extra, seed) -> {
                        int mr = kernel.sampleMr();
                        int nr = kernel.sampleNr();
                        // x and y as stacked rows read in place (sample i, stream s at row s*N + i).
                        int ldx = mr + extra;
                        int ldy = nr + extra;
                        int xi = ldx;
                        int xs = samples * ldx;
                        int yi = ldy;
                        int ys = samples * ldy;
                        double[] x = random(3 + streams * xs + 1, seed);
                        double[] y = random(2 + streams * ys + 1, seed + 1);
                        int ldo = nr + 4;
                        double[] out = random(5 + mr * ldo, seed + 2);
                        double[] expected = out.clone();
                        for (int r = 0; r < mr; r++) {
                            for (int c = 0; c < nr; c++) {
                                double acc = expected[5 + r * ldo + c];
                                for (int i = 0; i < samples; i++) {
                                    double g = x[3 + i * xi + r] * y[2 + i * yi + c];
                                    for (int s = 1; s < streams; s++) {
                                        g = Math.fma(x[3 + i * xi + s * xs + r], y[2 + i * yi + s * ys + c], g);
                                    }
                                    acc = Math.fma(g, g, acc);
                                }
                                expected[5 + r * ldo + c] = acc;
                            }
                        }
                        kernel.addSquaredSampleProducts(samples, streams, x, 3, xi, xs, y, 2, yi, ys, out, 5, ldo);
                        assertBits(expected, out, kernel.getClass().getSimpleName() + " addSquaredSampleProducts samples="
                                + samples + " streams=" + streams);
                    });
        }
    }

    @Test
    void packPanelsWithNoRowsOrColumnsWritesNothing() {
        double[] dst = new double[8];
        Arrays.fill(dst, 2.0);
        IN_USE.packPanels(new double[0], 0, 0, 0, 5, IN_USE.mr(), dst, 0);
        IN_USE.packPanels(new double[0], 0, 0, 3, 0, IN_USE.nr(), dst, 0);
        assertBits(new double[] {2, 2, 2, 2, 2, 2, 2, 2}, dst, "empty packPanels");
    }
}
