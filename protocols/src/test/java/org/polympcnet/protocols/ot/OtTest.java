package org.polympcnet.protocols.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.MemoryChannel;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ring.BitSlice;

/** Base OT and the IKNP flavours with both parties running as two threads. */
class OtTest {
    private static final SecureRandom RND = new SecureRandom();

    private record Both<A, B>(A sender, B receiver, Channel[] ch) {}

    private static <A, B> Both<A, B> run(Function<Channel, A> sender, Function<Channel, B> receiver) throws Exception {
        Channel[] c = MemoryChannel.pair("sender", "receiver", 20_000);
        CompletableFuture<A> s = CompletableFuture.supplyAsync(() -> sender.apply(c[0]));
        B r = receiver.apply(c[1]);
        return new Both<>(s.get(), r, c);
    }

    private static long[] choices(int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] c = new long[(m + 63) / 64];
        for (int i = 0; i < c.length; i++) c[i] = r.nextLong();
        return c;
    }

    @Test
    void baseOtGivesTheChosenKey() throws Exception {
        boolean[] choice = new boolean[40];
        for (int i = 0; i < choice.length; i++) choice[i] = RND.nextBoolean();
        var b = run(ch -> ChouOrlandi.send(ch, 40, RND), ch -> ChouOrlandi.receive(ch, choice, RND));
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(b.sender()[i][choice[i] ? 1 : 0], b.receiver()[i]);
            assertTrue(!java.util.Arrays.equals(b.sender()[i][0], b.sender()[i][1]));
        }
        assertEquals(ChouOrlandi.senderBytes(40), b.ch()[0].stats().sent(Phase.ONLINE));
        assertEquals(ChouOrlandi.receiverBytes(40), b.ch()[1].stats().sent(Phase.ONLINE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 1000, 1 << 14})
    void randomOtOutputsMatch(int m) throws Exception {
        long[] r = choices(m, m);
        var b = run(ch -> {
            OtSender s = new OtSender(ch, RND);
            long[][] first = s.random(m, 2);
            return new long[][][] {first, s.random(m, 1)}; // two batches: tweaks must keep advancing
        }, ch -> {
            OtReceiver rc = new OtReceiver(ch, RND);
            return new long[][] {rc.random(r, m, 2), rc.random(r, m, 1)};
        });
        for (int j = 0; j < m; j++) {
            int c = OtReceiver.bit(r, j) ? 1 : 0;
            assertEquals(b.sender()[0][c][2 * j], b.receiver()[0][2 * j]);
            assertEquals(b.sender()[0][c][2 * j + 1], b.receiver()[0][2 * j + 1]);
            assertTrue(b.sender()[0][1 - c][2 * j] != b.receiver()[0][2 * j]);
            assertEquals(b.sender()[1][c][j], b.receiver()[1][j]);
        }
        // Receiver traffic beyond the base OTs: 16 bytes an OT, padded to 64 OTs, per batch.
        long base = ChouOrlandi.senderBytes(128); // the extension receiver is the base-OT sender
        assertEquals(base + 2 * IknpReceiver.bytes(m), b.ch()[1].stats().sent(Phase.ONLINE));
    }

    /** KK13: the receiver's pad is the sender's pad at its choice, the other N - 1 pads differ; two batches. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void kk13RandomOneOfNMatchesAtTheChoice(int logN) throws Exception {
        int nn = 1 << logN, w = 520, msgBits = 64; // 520 words: two flights of the receiver (512 words each)
        long[] choice = choices(64 * w * logN, 7 * logN);
        var b = run(ch -> {
            Kk13Sender s = Kk13Sender.bootstrap(new OtReceiver(ch, RND), RND, Kk13.instanceOf(0));
            long[] p1 = new long[nn * msgBits * w], p2 = new long[nn * w];
            s.send(logN, w, msgBits, p1, 0, w);
            s.send(logN, w, 1, p2, 0, w);
            return new long[][] {p1, p2};
        }, ch -> {
            Kk13Receiver r = Kk13Receiver.bootstrap(new OtSender(ch, RND), Kk13.instanceOf(0));
            long[] p1 = new long[msgBits * w], p2 = new long[w];
            r.receive(choice, 0, w, logN, w, msgBits, p1, 0, w);
            r.receive(choice, 0, w, logN, w, 1, p2, 0, w);
            return new long[][] {p1, p2};
        });
        for (int lane = 0; lane < 64 * w; lane++) {
            int rho = 0;
            for (int t = 0; t < logN; t++) rho |= (BitSlice.get(choice, t * w, lane) ? 1 : 0) << t;
            long mine = 0;
            for (int bit = 0; bit < msgBits; bit++) mine |= (BitSlice.get(b.receiver()[0], bit * w, lane) ? 1L : 0L) << bit;
            for (int k = 0; k < nn; k++) {
                long theirs = 0;
                for (int bit = 0; bit < msgBits; bit++) theirs |= (BitSlice.get(b.sender()[0], (k * msgBits + bit) * w, lane) ? 1L : 0L) << bit;
                if (k == rho) assertEquals(theirs, mine, "lane " + lane + " index " + k);
                else assertTrue(theirs != mine, "lane " + lane + ": the pad of index " + k + " must differ");
            }
            assertEquals(BitSlice.get(b.sender()[1], rho * w, lane), BitSlice.get(b.receiver()[1], 0, lane), "second batch, lane " + lane);
        }
        // The KK13 sender is the IKNP receiver of its 256 base OTs; the KK13 receiver sends 256 columns,
        // 32 bytes a lane, per batch, and nothing else beyond its base OTs.
        assertEquals(ChouOrlandi.senderBytes(128) + IknpReceiver.bytes(Kk13.COLUMNS), b.ch()[0].stats().sent(Phase.ONLINE));
        assertEquals(ChouOrlandi.receiverBytes(128) + 2 * Kk13.receiverBytes(w), b.ch()[1].stats().sent(Phase.ONLINE));
        assertEquals(32L * 64 * w, Kk13.receiverBytes(w));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65, 1000})
    void correlatedAndChosenOt(int m) throws Exception {
        long[] r = choices(m, 3 * m);
        SplittableRandom g = new SplittableRandom(m);
        long[] delta = new long[m], m0 = new long[m], m1 = new long[m];
        for (int j = 0; j < m; j++) {
            delta[j] = g.nextLong();
            m0[j] = g.nextLong();
            m1[j] = g.nextLong();
        }
        var b = run(ch -> {
            OtSender s = new OtSender(ch, RND);
            long[] x = s.correlated(delta);
            s.chosen(m0, m1);
            return x;
        }, ch -> {
            OtReceiver rc = new OtReceiver(ch, RND);
            return new long[][] {rc.correlated(r, m), rc.chosen(r, m)};
        });
        for (int j = 0; j < m; j++) {
            boolean c = OtReceiver.bit(r, j);
            assertEquals(b.sender()[j] + (c ? delta[j] : 0), b.receiver()[0][j], "correlated OT " + j);
            assertEquals(c ? m1[j] : m0[j], b.receiver()[1][j], "chosen OT " + j);
        }
    }

    @Test
    void aPointOffTheCurveIsRejected() throws Exception {
        // Find an x with no point on Curve25519: decoding it must fail at the receiver.
        var curve = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("curve25519").getCurve();
        byte[] bad = null;
        for (int x = 2; bad == null; x++) {
            byte[] enc = new byte[33];
            enc[0] = 2;
            byte[] xb = BigInteger.valueOf(x).toByteArray();
            System.arraycopy(xb, 0, enc, 33 - xb.length, xb.length);
            try {
                curve.decodePoint(enc);
            } catch (IllegalArgumentException e) {
                bad = enc;
            }
        }
        byte[] offCurve = bad;
        OtException e = assertThrows(OtException.class, () -> {
            try {
                run(ch -> {
                    ch.sendBytes(offCurve);
                    ch.flush();
                    return null;
                }, ch -> ChouOrlandi.receive(ch, new boolean[1], RND));
            } catch (java.util.concurrent.ExecutionException ex) {
                throw ex.getCause();
            }
        });
        assertTrue(e.getMessage().contains("invalid: not on Curve25519") && e.getMessage().contains("sender"), e.getMessage());
    }

    @Test
    void aPointOfSmallOrderIsRejected() {
        // (A/3, 0) in the Weierstrass model is the Montgomery point u = 0, of order 2.
        var params = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("curve25519");
        BigInteger p = params.getCurve().getField().getCharacteristic();
        BigInteger x = BigInteger.valueOf(486662).multiply(BigInteger.valueOf(3).modInverse(p)).mod(p);
        byte[] enc = new byte[33];
        enc[0] = 2;
        byte[] xb = x.toByteArray();
        System.arraycopy(xb, Math.max(0, xb.length - 32), enc, 33 - Math.min(32, xb.length), Math.min(32, xb.length));
        OtException e = assertThrows(OtException.class, () -> ChouOrlandi.decode(enc, "party 0", "S"));
        assertTrue(e.getMessage().contains("small order") || e.getMessage().contains("prime-order subgroup"), e.getMessage());
    }
}
