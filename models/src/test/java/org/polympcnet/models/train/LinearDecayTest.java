package org.polympcnet.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearDecayTest {
    @Test
    void fallsFromTheStartToOneStepAboveZeroOverThePhase() {
        LinearDecay d = new LinearDecay(0.004, 4);
        assertEquals(0.004, d.valueAt(0, 0), 1e-15);
        assertEquals(0.003, d.valueAt(1, 0), 1e-15);
        assertEquals(0.001, d.valueAt(3, 1), 1e-15);
        assertEquals(0.001, d.valueAt(9, 2), 1e-15, "past the end the last rate stays");
        assertEquals(d.valueAt(2, 0), d.clone().valueAt(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinearDecay(0.001, 0));
    }
}
