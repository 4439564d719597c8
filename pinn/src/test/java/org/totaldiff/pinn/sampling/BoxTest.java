package org.totaldiff.pinn.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxTest {

    private final Box box = Box.of("x", -1, 1).and("t", 0, 2);

    @Test
    void namesBoundsAndIndex() {
        assertEquals(2, box.dim());
        assertEquals(List.of("x", "t"), box.names());
        assertEquals(1, box.index("t"));
        assertEquals(-1, box.lower("x"));
        assertEquals(2, box.upper("t"));
        assertEquals(4, box.volume(), 0);
        assertTrue(box.contains(1, 0));
        assertFalse(box.contains(1.5, 0));
        assertEquals("x in [-1.0, 1.0] x t in [0.0, 2.0]", box.toString());
    }

    @Test
    void sidesInCoordinateOrderLowerFirst() {
        List<Box.Side> sides = box.sides();
        assertEquals(4, sides.size());
        assertEquals("x=-1.0", sides.get(0).toString());
        assertEquals("x=1.0", sides.get(1).toString());
        assertEquals("t=0.0", sides.get(2).toString());
        assertEquals("t=2.0", sides.get(3).toString());
        assertEquals(box.lowerSide("t"), sides.get(2));
    }

    @Test
    void emptyIntervalIsRejectedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Box.of("x", 1, 1));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.of("x", 0, 1).and("y", 3, -2));
        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("3.0")
                && e.getMessage().contains("-2.0"), e.getMessage());
    }

    @Test
    void otherMistakesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Box.of("x", 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> box.and("x", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Box.of(" ", 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> box.index("y"));
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Box.of(List.of("x", "y"), new double[] {0}, new double[] {1, 1}));
    }

    @Test
    void ofListsEqualsChained() {
        assertEquals(box, Box.of(List.of("x", "t"), new double[] {-1, 0}, new double[] {1, 2}));
    }
}
