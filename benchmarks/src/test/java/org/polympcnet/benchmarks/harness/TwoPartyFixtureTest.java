package org.polympcnet.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;

/** The harness measures what it claims: both parties for real, exact traffic, fast failure. */
class TwoPartyFixtureTest {

    @Test
    void reluRunsTwiceOnOneSessionWithExactTraffic() {
        int n = 1000;
        TwoPartySession s = new TwoPartySession();
        try {
            s.open(Truncation.Mode.LOCAL, n);
            long[][] x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 7);
            long[] plain = SharedInputs.open(x[0], x[1]);
            for (int round = 0; round < 2; round++) {
                Both<Relu> relu = s.prepare(p -> new Relu(p, n));
                Traffic offline = s.lastPrepare();
                assertEquals(0, offline.onlineSent(0) + offline.onlineSent(1), "preparing sends nothing to the peer");
                assertTrue(offline.offlineBytes(1) > 30L * n, "party 1 downloads its corrections");
                assertTrue(offline.offlineBytes(0) < 100, "party 0 expands a seed: requests only");

                Both<long[]> y = s.run(p -> relu.of(p.id).apply(x[p.id]));
                long[] got = SharedInputs.open(y.party0(), y.party1());
                for (int i = 0; i < n; i++) assertEquals(Math.max(plain[i], 0), got[i], "relu at " + i);

                Traffic online = s.sincePrepare();
                for (int id = 0; id < 2; id++) {
                    assertEquals(Relu.onlineBytes(n), online.onlineSent(id), "online bytes of party " + id);
                    assertEquals(Relu.onlineRounds(), online.onlineRounds(id), "online rounds of party " + id);
                    assertEquals(0, online.offlineBytes(id), "nothing from the dealer online");
                }
            }
        } finally {
            s.close();
        }
    }

    @Test
    void polyHasOneRoundAndEightBytesWithLocalTruncation() {
        int n = 4096;
        TwoPartySession s = new TwoPartySession();
        try {
            s.open(Truncation.Mode.LOCAL, n);
            long[][] x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 3);
            Both<PolyActivation> poly = s.prepare(p -> new PolyActivation(p, n, 0.1, 0.5, 0.2));
            Both<long[]> y = s.run(p -> poly.of(p.id).apply(x[p.id]));
            FixedPoint fp = s.fixedPoint();
            long[] plain = SharedInputs.open(x[0], x[1]), got = SharedInputs.open(y.party0(), y.party1());
            for (int i = 0; i < n; i++) {
                double v = fp.decode(plain[i]);
                assertEquals(0.1 * v * v + 0.5 * v + 0.2, fp.decode(got[i]), 1e-3, "poly at " + i);
            }
            Traffic online = s.sincePrepare();
            assertEquals(PolyActivation.onlineBytes(Truncation.Mode.LOCAL, n), online.onlineSent(0));
            assertEquals(1, online.onlineRounds(0));
        } finally {
            s.close();
        }
    }

    @Test
    void aFailingPartyEndsTheRunAtOnceAndBreaksTheFixture() {
        try (TwoPartyFixture f = new TwoPartyFixture(FixedPoint.standard(), Truncation.Mode.LOCAL, 60_000)) {
            long start = System.nanoTime();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.run(p -> {
                if (p.id == 0) throw new IllegalArgumentException("party 0 gives up");
                return p.peer.receiveLongs(1); // would wait a minute if nobody closed the link
            }));
            assertEquals("party 0 gives up", e.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the other party was unblocked");
            assertThrows(IllegalStateException.class, () -> f.run(p -> p.id));
        }
    }

    @Test
    void perElementCountersSumToTheValueOverIterationsAndForks() {
        double share = 1.0 / (5 * 2);
        double sum = 0;
        for (int i = 0; i < 10; i++) sum += PerElementCounters.perElement(385, 10, share);
        assertEquals(38.5, sum, 1e-9);
    }
}
