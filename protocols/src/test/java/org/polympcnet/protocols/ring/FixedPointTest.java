package org.polympcnet.protocols.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedPointTest {
    private final FixedPoint fp = FixedPoint.standard();

    @Test
    void encodesWithSixteenFractionalBitsByDefault() {
        assertEquals(16, fp.fracBits());
        assertEquals(1L << 16, fp.encode(1.0));
        assertEquals(-(3L << 15), fp.encode(-1.5));
        assertEquals(1, fp.encode(Math.scalb(1.0, -16)));
        assertEquals(0.25, fp.decode(fp.encode(0.25)));
    }

    @Test
    void exactParseAndFormatRoundTripEveryEdgeValue() {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 123456789012345L};
        for (long v : edges) {
            assertEquals(v, fp.encodeExact(fp.formatExact(v)), "round trip of " + v);
        }
        assertEquals("0.0000152587890625", fp.formatExact(1));
        assertEquals("-2.5", fp.formatExact(fp.encode(-2.5)));
        assertEquals("0", fp.formatExact(0));
    }

    @Test
    void rejectsValuesOutsideTheRange() {
        String max = fp.maxValue().toPlainString();
        assertEquals(Long.MAX_VALUE, fp.encodeExact(max));
        assertThrows(IllegalArgumentException.class, () -> fp.encodeExact("140737488355328")); // 2^47
        assertThrows(IllegalArgumentException.class, () -> fp.encode(1e300));
        assertThrows(IllegalArgumentException.class, () -> fp.encode(Double.NaN));
        assertThrows(NumberFormatException.class, () -> fp.encodeExact("abc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fp.encodeExact("1e20"));
        assertTrue(e.getMessage().contains("outside the fixed-point range"), e.getMessage());
    }

    @Test
    void otherFractionalBits() {
        FixedPoint f8 = new FixedPoint(8);
        assertEquals(256, f8.encode(1.0));
        assertEquals("0.00390625", f8.formatExact(1));
        assertThrows(IllegalArgumentException.class, () -> new FixedPoint(-1));
    }
}
