package org.polympcnet.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.polympcnet.benchmarks.harness.TwoPartyFixture.Both;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ot.OtReceiver;
import org.polympcnet.protocols.ot.OtSender;
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
    void millionaireReluOverOtNeedsNoDealerAndCountsEveryByteOnce() {
        int n = 1000;
        TwoPartySession s = new TwoPartySession();
        try {
            s.open(Truncation.Mode.LOCAL, Correlations.OT, n);
            Traffic setup = s.setupTraffic();
            long baseOts = 2 * OtCorrelations.setupBytesPerParty();
            assertEquals(baseOts, setup.offlineTotal(), "the fixture runs the base OTs of both IKNP and both KK13 instances, once");
            long[][] x = SharedInputs.uniform(s.fixedPoint(), n, 8.0, 11);
            long[] plain = SharedInputs.open(x[0], x[1]);
            for (int round = 0; round < 2; round++) {
                Traffic before = s.traffic();
                Both<MillionaireRelu> relu = s.prepare(p -> new MillionaireRelu(p, n));
                Traffic offline = s.lastPrepare();
                assertEquals(0, offline.onlineSent(0) + offline.onlineSent(1), "the OTs count as offline");
                assertEquals(offline.offlineBytes(0), offline.offlineBytes(1), "one link, seen from either end");
                assertEquals(MillionaireRelu.offlineBytesOverOt(0, n) + MillionaireRelu.offlineBytesOverOt(1, n), offline.offlineTotal(),
                        "OT correlations cost the documented bytes");
                assertEquals(offline.offlineBytes(0), offline.offlineTotal());

                Both<long[]> y = s.run(p -> relu.of(p.id).apply(x[p.id]));
                long[] got = SharedInputs.open(y.party0(), y.party1());
                for (int i = 0; i < n; i++) assertEquals(Math.max(plain[i], 0), got[i], "relu at " + i);

                Traffic online = s.sincePrepare();
                for (int id = 0; id < 2; id++) {
                    assertEquals(MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, id, n), online.onlineSent(id), "online bytes of party " + id);
                    assertEquals(MillionaireRelu.onlineRounds(MillionaireDigits.FIVE_BIT, id), online.onlineRounds(id), "online rounds of party " + id);
                    assertEquals(0, online.offlineBytes(id), "no OT online");
                }
                Traffic all = s.traffic().minus(before);
                assertEquals(offline.offlineTotal() + MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 0, n) + MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 1, n),
                        all.allPhasesTotal(), "all phases: the OT link once, plus both parties' online bytes");
            }
        } finally {
            s.close();
        }
    }

    @Test
    void iknpOnTheFixtureDeliversTheChosenPads() {
        int m = 1000;
        TwoPartySession s = new TwoPartySession();
        try {
            s.open(Truncation.Mode.LOCAL, m);
            Both<Object> ends = s.run(p -> p.id == 0 ? new OtSender(p.peer, new SecureRandom()) : new OtReceiver(p.peer, new SecureRandom()));
            OtSender sender = (OtSender) ends.party0();
            OtReceiver receiver = (OtReceiver) ends.party1();
            SplittableRandom r = new SplittableRandom(2);
            long[] choices = new long[(m + 63) / 64];
            for (int i = 0; i < choices.length; i++) choices[i] = r.nextLong();
            long[] delta = new long[m];
            for (int i = 0; i < m; i++) delta[i] = r.nextLong();

            Both<Object> rot = s.run(p -> p.id == 0 ? sender.random(m, 2) : receiver.random(choices, m, 2));
            long[][] pads = (long[][]) rot.party0();
            long[] chosen = (long[]) rot.party1();
            Both<Object> cot = s.run(p -> p.id == 0 ? sender.correlated(delta) : receiver.correlated(choices, m));
            long[] xs = (long[]) cot.party0(), zs = (long[]) cot.party1();
            for (int j = 0; j < m; j++) {
                int c = (int) (choices[j >>> 6] >>> (j & 63)) & 1;
                assertEquals(pads[c][2 * j], chosen[2 * j], "random OT " + j + ", low word");
                assertEquals(pads[c][2 * j + 1], chosen[2 * j + 1], "random OT " + j + ", high word");
                assertEquals(xs[j] + c * delta[j], zs[j], "correlated OT " + j);
            }
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
