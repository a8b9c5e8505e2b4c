package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Transport;

/**
 * DReLU and ReLU by FSS (BCG+21), both parties for real with the in-process dealer: equal to the
 * plaintext on the whole ring's edge values, 8n bytes and 1 round online per party, and exactly the
 * documented offline bytes on each party's dealer link.
 */
class FssTest {
    /** Offline bytes of the op alone: the party's dealer link, both directions, less the session's own. */
    private static long offline(TwoParty.Run r, int party) {
        return r.dealer()[party].sent(Phase.OFFLINE) + r.dealer()[party].received(Phase.OFFLINE) - DealerClient.SESSION_BYTES;
    }

    private static long[] relu(long[] x) {
        long[] y = new long[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]);
        return y;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void reluByFssOnTheWholeRing(int n) throws Exception {
        long[] x = Values.fullRange(n, 61 * n);
        TwoParty.Run r = TwoParty.run(x, (p, s) -> new FssRelu(p, s.length).apply(s));
        assertArrayEquals(relu(x), r.out());
        for (int id = 0; id < 2; id++) {
            assertEquals(8L * n, r.onlineBytes(id), "online bytes of party " + id);
            assertEquals(FssRelu.onlineBytes(n), r.onlineBytes(id));
            assertEquals(1, r.onlineRounds(id), "online rounds of party " + id);
            assertEquals(FssRelu.onlineRounds(), r.onlineRounds(id));
            assertEquals(FssRelu.offlineBytes(id, n), offline(r, id), "offline bytes of party " + id);
        }
        assertEquals(56 + 2032L * n, FssRelu.offlineBytes(0, n));
        assertEquals(56 + 2048L * n, FssRelu.offlineBytes(1, n));
        System.out.printf("fss relu n=%d: online %d B, 1 round per party; offline %d B (party 0), %d B (party 1)%n",
                n, r.onlineBytes(0), offline(r, 0), offline(r, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void dreluByFssOnTheWholeRing(int n) throws Exception {
        long[] x = Values.fullRange(n, 67 * n);
        TwoParty.Run r = TwoParty.runBits(Truncation.Mode.LOCAL, x, 1, (p, s) -> new FssDRelu(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] >= 0, BitSlice.get(r.out(), 0, i), "DReLU(" + x[i] + ")");
        for (int id = 0; id < 2; id++) {
            assertEquals(8L * n, r.onlineBytes(id));
            assertEquals(FssDRelu.onlineBytes(n), r.onlineBytes(id));
            assertEquals(1, r.onlineRounds(id));
            assertEquals(FssDRelu.onlineRounds(), r.onlineRounds(id));
            assertEquals(FssDRelu.offlineBytes(id, n), offline(r, id), "offline bytes of party " + id);
        }
        int bitRow = (n + 7) / 8;
        assertEquals(56 + 1008L * n + bitRow, FssDRelu.offlineBytes(0, n));
        assertEquals(56 + 1008L * n + 2L * bitRow, FssDRelu.offlineBytes(1, n));
    }

    /**
     * Fixed-point inputs: 0, +-1 ulp, +-the largest magnitudes (2^(63-f) - 1 ulp raw, and one ulp
     * less), +-1.0, then random values of 40 bits, either sign.
     */
    @ParameterizedTest
    @ValueSource(ints = {9, 1000})
    void fixedPointEdgesMatchThePlaintext(int n) throws Exception {
        long[] x = Values.bounded(n, 71 * n, Long.MAX_VALUE, 40);
        assertArrayEquals(relu(x), TwoParty.run(x, (p, s) -> new FssRelu(p, s.length).apply(s)).out());
        TwoParty.Run d = TwoParty.runBits(Truncation.Mode.LOCAL, x, 1, (p, s) -> new FssDRelu(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] >= 0, BitSlice.get(d.out(), 0, i), "DReLU(" + x[i] + ")");
    }

    @Test
    void tcpGivesTheSameResultAndBytes() throws Exception {
        long[] x = Values.fullRange(130, 5);
        for (Transport t : Transport.values()) {
            TwoParty.Run r = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, t, x, (p, s) -> new FssRelu(p, s.length).apply(s));
            assertArrayEquals(relu(x), r.out(), t.name());
            assertEquals(8L * 130, r.onlineBytes(0));
            assertEquals(1, r.onlineRounds(1));
            assertEquals(FssRelu.offlineBytes(1, 130), offline(r, 1));
        }
    }

    /** A second apply would reopen x' + r with the same mask: refused before anything is sent. */
    @Test
    void aKeyBatchIsUsedOnce() throws Exception {
        long[] x = Values.fullRange(70, 3);
        TwoParty.Run r = TwoParty.run(x, (p, s) -> {
            FssRelu relu = new FssRelu(p, s.length);
            long[] y = relu.apply(s);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> relu.apply(s));
            assertEquals("FSS key batch already used", e.getMessage());
            FssDRelu drelu = new FssDRelu(p, s.length);
            drelu.apply(s);
            assertEquals("FSS key batch already used", assertThrows(IllegalStateException.class, () -> drelu.apply(s)).getMessage());
            return y;
        });
        assertArrayEquals(relu(x), r.out());
        assertEquals(16L * 70, r.onlineBytes(0), "the refused applies sent nothing");
    }

    @Test
    void correlationsByOtAreRefusedWithOneClearError() {
        Exception e = assertThrows(Exception.class, () -> TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, "ot",
                new long[] {1, -1}, (p, s) -> new FssRelu(p, s.length).apply(s)));
        Throwable t = e;
        while (t != null && !(t instanceof UnsupportedOperationException)) t = t.getCause();
        assertTrue(t != null, "cause chain: " + e);
        assertEquals(CorrelationSource.FSS_NEEDS_DEALER, t.getMessage());
        assertEquals("fss needs the dealer (--correlations dealer)", CorrelationSource.FSS_NEEDS_DEALER);
    }

    @Test
    void documentedKeySizes() {
        assertEquals(2048.0, FssRelu.keyBytesPerElement());
        assertEquals(1024.125, FssDRelu.keyBytesPerElement());
        assertEquals(8L << 20, FssRelu.onlineBytes(1 << 20), "8 bytes a ReLU a party, within the 16-byte goal");
    }
}
