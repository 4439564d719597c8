package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Every product kernel against EJML on random shapes, on the paths of {@link Gemm}, and its errors. */
class ProductProperties {

    /**
     * Shapes that drive each path of {@link Gemm}: direct loop, k = 0, empty C, narrow C (dot and
     * axpy), packed with shared B, packed with per-task B, several column tiles, several k blocks,
     * k split in chunks, edge tiles everywhere; A<sup>T</sup> B with 1 and 2 rows or columns and
     * widths that are not multiples of the kernel's column blocks; k split in whole k blocks.
     */
    static final List<MatrixGen.ProductShape> PATH_SHAPES = List.of(
            new MatrixGen.ProductShape(3, 4, 5, 11),
            new MatrixGen.ProductShape(5, 0, 7, 12),
            new MatrixGen.ProductShape(0, 5, 7, 13),
            new MatrixGen.ProductShape(6, 5, 0, 14),
            new MatrixGen.ProductShape(300, 70, 1, 15),
            new MatrixGen.ProductShape(257, 33, 3, 16),
            new MatrixGen.ProductShape(37, 4500, 2, 17),
            new MatrixGen.ProductShape(200, 70, 40, 18),
            new MatrixGen.ProductShape(70, 600, 130, 19),
            new MatrixGen.ProductShape(130, 20, 300, 20),
            new MatrixGen.ProductShape(40, 700, 24, 21),
            new MatrixGen.ProductShape(20, 5000, 17, 22),
            new MatrixGen.ProductShape(150, 4200, 30, 23),
            new MatrixGen.ProductShape(1, 300, 64, 24),
            new MatrixGen.ProductShape(129, 1, 128, 25),
            new MatrixGen.ProductShape(2, 4500, 40, 26),
            new MatrixGen.ProductShape(3, 50, 33, 27),
            new MatrixGen.ProductShape(1000, 130, 2, 28),
            new MatrixGen.ProductShape(1, 5000, 77, 29),
            new MatrixGen.ProductShape(2, 4500, 150, 30),
            new MatrixGen.ProductShape(200, 5000, 1, 31),
            new MatrixGen.ProductShape(77, 4600, 2, 32),
            new MatrixGen.ProductShape(64, 4400, 64, 33));

    @Test
    void productsMatchEjmlOnRandomShapes() {
        qt().withFixedSeed(20261123L).withExamples(300).withShrinkCycles(0)
                .forAll(MatrixGen.products(0, 70, 70, 70), Generate.enumValues(Products.class))
                .checkAssert((s, op) -> {
                    Products.Operands o = op.operands(s);
                    MatrixAssert.assertClose(op.reference(o), op.run(o), Products.tolerance(s), 1.0, op + " " + s);
                });
    }

    @Test
    void productsMatchEjmlOnEveryPath() {
        for (MatrixGen.ProductShape s : PATH_SHAPES) {
            for (Products op : Products.values()) {
                Products.Operands o = op.operands(s);
                MatrixAssert.assertClose(op.reference(o), op.run(o), Products.tolerance(s), 1.0, op + " " + s);
            }
        }
    }

    @Test
    void scalarAndVectorKernelsAgreeToRounding() {
        GemmKernel scalar = new ScalarGemm();
        GemmKernel inUse = GemmKernel.get();
        qt().withFixedSeed(7L).withExamples(150).withShrinkCycles(0)
                .forAll(MatrixGen.products(1, 90, 90, 90), Generate.enumValues(Products.class))
                .checkAssert((s, op) -> {
                    Products.Operands o = op.operands(s);
                    MatrixAssert.assertClose(op.run(scalar, o), op.run(inUse, o), Products.tolerance(s), 1.0,
                            op + " " + s);
                });
        for (MatrixGen.ProductShape s : PATH_SHAPES) {
            Products.Operands o = Products.MULT_ADD_TRANS_AB.operands(s);
            MatrixAssert.assertClose(Products.MULT_ADD_TRANS_AB.run(scalar, o),
                    Products.MULT_ADD_TRANS_AB.run(inUse, o), Products.tolerance(s), 1.0, "scalar vs vector " + s);
        }
    }

    @Test
    void nullOutputIsCreatedAndOutputIsReshaped() {
        DMatrixRMaj a = MatrixGen.matrix(4, 3, 1);
        DMatrixRMaj b = MatrixGen.matrix(3, 5, 2);
        DMatrixRMaj c = Dense.mult(a, b, null);
        MatrixAssert.assertSameShape(new DMatrixRMaj(4, 5), c, "created");
        DMatrixRMaj wrong = new DMatrixRMaj(9, 9);
        MatrixAssert.assertBitEqual(c, Dense.mult(a, b, wrong), "reshaped");
    }

    @Test
    void shapeErrorsNameBothShapes() {
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        DMatrixRMaj b = new DMatrixRMaj(5, 6);
        assertMessage(() -> Dense.mult(a, b, null), "mult", "3x4", "5x6");
        assertMessage(() -> Dense.multTransA(a, b, null), "multTransA", "3x4", "5x6");
        assertMessage(() -> Dense.multTransB(a, b, null), "multTransB", "3x4", "5x6");
        assertMessage(() -> Dense.multAdd(a, new DMatrixRMaj(4, 6), new DMatrixRMaj(2, 2)), "multAdd", "3x6", "2x2");
        assertMessage(() -> Dense.multBias(a, new DMatrixRMaj(4, 6), new DMatrixRMaj(1, 5), null), "multBias", "1x6",
                "1x5");
        assertMessage(() -> Dense.multBias(a, new DMatrixRMaj(4, 6), new DMatrixRMaj(1, 6), 4, null), "multBias",
                "[0, 3]", "4");
        DMatrixRMaj sq = new DMatrixRMaj(3, 3);
        assertMessage(() -> Dense.mult(sq, sq.copy(), sq), "mult", "output");
    }

    static void assertMessage(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain " + part);
        }
    }
}
