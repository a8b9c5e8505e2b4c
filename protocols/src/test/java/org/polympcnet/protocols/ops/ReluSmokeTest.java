package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReluSmokeTest {
    @Test
    void reluOfAFewValues() throws Exception {
        long[] x = {0, 1, -1, 5 << 16, -(7 << 16), Long.MAX_VALUE, Long.MIN_VALUE, 123456789L};
        TwoParty.Run r = TwoParty.run(x, (p, s) -> new Relu(p, s.length).apply(s));
        long[] want = new long[x.length];
        for (int i = 0; i < x.length; i++) want[i] = x[i] >= 0 ? x[i] : 0;
        assertArrayEquals(want, r.out());
        assertEquals(Relu.onlineBytes(x.length), r.onlineBytes(0));
        assertEquals(Relu.onlineRounds(), r.onlineRounds(1));
    }
}
