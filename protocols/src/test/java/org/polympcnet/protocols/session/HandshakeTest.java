package org.polympcnet.protocols.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

class HandshakeTest {
    private static SessionParams params(String op, String n, int frac) {
        return new SessionParams().put("op", op).put("n", n).put("fracBits", frac).put("correlations", "dealer");
    }

    @Test
    void clientLearnsTheSizeFromTheServer() {
        SessionParams agreed = Handshake.agree(params("relu", "?", 16), params("relu", "1000", 16), 1, "party 0");
        assertEquals("1000", agreed.get("n"));
    }

    @Test
    void anyDifferenceNamesTheFieldAndBothValues() {
        SessionMismatchException e = assertThrows(SessionMismatchException.class,
                () -> Handshake.agree(params("relu", "10", 16), params("relu", "?", 12), 0, "party 1"));
        assertTrue(e.getMessage().contains("'fracBits' is '16' at party 0 and '12' at party 1"), e.getMessage());
        SessionMismatchException v = assertThrows(SessionMismatchException.class, () -> Handshake.agree(
                params("relu", "1", 16), params("relu", "1", 16).put("version", "polympcnet-2pc/0"), 0, "party 1"));
        assertTrue(v.getMessage().contains("protocol version"), v.getMessage());
    }

    @Test
    void bothPartiesFailAtOnceOverARealLink() {
        for (Transport t : Transport.values()) {
            LocalSession s = new LocalSession(FixedPoint.standard(), Truncation.Mode.LOCAL, t, 10_000);
            long start = System.nanoTime();
            // The params differ per party: run the handshake inside the tasks with each one's own.
            SessionMismatchException e = assertThrows(SessionMismatchException.class, () -> s.run(new SessionParams(),
                    p -> Handshake.run(p.peer, 0, params("relu", "5", 16)),
                    p -> Handshake.run(p.peer, 1, params("square", "?", 16))));
            assertTrue(e.getMessage().contains("'op' is 'relu' at party 0 and 'square' at party 1"), e.getMessage());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed fast, not by timeout");
        }
    }
}
