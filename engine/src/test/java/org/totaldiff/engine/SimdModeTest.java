package org.totaldiff.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The build runs the engine tests twice: with the Vector API module (property
 * {@code totaldiff.expectVector=true}) and without it ({@code false}), so the scalar fallback is
 * proven by the same properties. This test pins which of the two is running.
 */
class SimdModeTest {

    @Test
    void kernelsMatchTheExpectedMode() {
        String expected = System.getProperty("totaldiff.expectVector");
        if (expected == null) {
            return; // run from an IDE: nothing pinned
        }
        boolean vector = Boolean.parseBoolean(expected);
        assertEquals(vector, Simd.available(), Simd.describe());
        assertEquals(vector, !(GemmKernel.get() instanceof ScalarGemm), GemmKernel.get().getClass().getName());
        assertEquals(vector, !(Loops.get() instanceof ScalarLoops), Loops.get().getClass().getName());
    }
}
