package org.polympcnet.protocols.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The KK13 random oracle against an independent SHA-256 (Bouncy Castle), and the two-thread split of the sender's hashing. */
class Kk13HashTest {
    /** SHA-256("PMN-KK13-v1" || inst || j (LE) || k || x (4 longs LE)), first 8 bytes as a little-endian long, by Bouncy Castle. */
    private static long reference(int inst, long j, int k, long[] x) {
        ByteBuffer m = ByteBuffer.allocate(53).order(ByteOrder.LITTLE_ENDIAN);
        m.put("PMN-KK13-v1".getBytes(StandardCharsets.US_ASCII)).put((byte) inst).putLong(j).put((byte) k);
        for (long v : x) m.putLong(v);
        assertEquals(53, m.position());
        SHA256Digest d = new SHA256Digest();
        d.update(m.array(), 0, 53);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static long[] randomRow(SplittableRandom r) {
        return new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }

    @Test
    void padIsTheFirst64BitsOfSha256OfTheEncoding() {
        SplittableRandom r = new SplittableRandom(11);
        for (int t = 0; t < 2000; t++) {
            int inst = r.nextInt(256), k = r.nextInt(256);
            long j = t < 10 ? t : r.nextLong();
            long[] x = randomRow(r);
            Kk13Hash h = new Kk13Hash(inst);
            assertEquals(reference(inst, j, k, x), h.pad(j, k, x[0], x[1], x[2], x[3]), "case " + t);
        }
    }

    /** The flaw of the fixed-key AES hash it replaces: there H(i, A || B) = H(i', A || B ^ (i ^ i')). */
    @Test
    void theIndexDoesNotCancelAgainstTheRow() {
        SplittableRandom r = new SplittableRandom(12);
        Kk13Hash h = new Kk13Hash(1);
        for (int t = 0; t < 200; t++) {
            long i = r.nextLong() >>> 1, i2 = i + 1 + r.nextInt(1000);
            long[] x = randomRow(r);
            long d = i ^ i2;
            long a = h.pad(i, 3, x[0], x[1], x[2], x[3]);
            for (int word = 0; word < 4; word++) {
                long[] y = x.clone();
                y[word] ^= d;
                assertNotEquals(a, h.pad(i2, 3, y[0], y[1], y[2], y[3]));
            }
        }
    }

    @Test
    void instanceAndIndexSeparatePads() {
        SplittableRandom r = new SplittableRandom(13);
        long[] x = randomRow(r);
        long a = new Kk13Hash(1).pad(7, 5, x[0], x[1], x[2], x[3]);
        assertNotEquals(a, new Kk13Hash(2).pad(7, 5, x[0], x[1], x[2], x[3]));
        assertNotEquals(a, new Kk13Hash(1).pad(7, 4, x[0], x[1], x[2], x[3]));
        assertNotEquals(a, new Kk13Hash(1).pad(8, 5, x[0], x[1], x[2], x[3]));
        assertNotEquals(Kk13.instanceOf(0), Kk13.instanceOf(1));
        assertThrows(IllegalArgumentException.class, () -> new Kk13Hash(256));
    }

    /** The batch methods: row j with the mask, index j0 + j, k fixed or per row; hashBits keeps the low bits. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void batchesAgreeWithSinglePads(int bits) {
        SplittableRandom r = new SplittableRandom(14 + bits);
        int w = 3, count = 64 * w;
        long[] rows = new long[Kk13.ROW * count];
        for (int i = 0; i < rows.length; i++) rows[i] = r.nextLong();
        long[] mask = randomRow(r);
        byte[] ks = new byte[count];
        for (int i = 0; i < count; i++) ks[i] = (byte) r.nextInt(256);
        long j0 = r.nextLong() >>> 8;
        Kk13Hash h = new Kk13Hash(9);
        long[] full = new long[count + 1], perRow = new long[count], planes = new long[1 + 2 * w + 5];
        h.hash(rows, count, mask, 17, null, j0, full, 1);
        h.hash(rows, count, mask, 0, ks, j0, perRow, 0);
        h.hashBits(rows, w, mask, 17, null, j0, bits, planes, 1, w + 5);
        for (int j = 0; j < count; j++) {
            long[] x = new long[Kk13.ROW];
            for (int i = 0; i < Kk13.ROW; i++) x[i] = rows[Kk13.ROW * j + i] ^ mask[i];
            assertEquals(reference(9, j0 + j, 17, x), full[1 + j]);
            assertEquals(reference(9, j0 + j, ks[j] & 0xff, x), perRow[j]);
            for (int b = 0; b < bits; b++) assertEquals((full[1 + j] >>> b) & 1, (planes[1 + b * (w + 5) + j / 64] >>> (j % 64)) & 1, "row " + j + " bit " + b);
        }
    }

    @Test
    void theReceiversIndexIsItsChoiceOfTheLane() {
        SplittableRandom r = new SplittableRandom(15);
        int logN = 5, cw = 2, stride = 3;
        long[] choice = new long[1 + logN * stride];
        for (int i = 0; i < choice.length; i++) choice[i] = r.nextLong();
        byte[] ks = new byte[64 * cw];
        Kk13Receiver.choicesOfLanes(choice, 1, stride, logN, cw, ks);
        for (int lane = 0; lane < 64 * cw; lane++) {
            int rho = 0;
            for (int t = 0; t < logN; t++) rho |= (int) ((choice[1 + t * stride + lane / 64] >>> (lane % 64)) & 1) << t;
            assertEquals(rho, ks[lane] & 0xff);
        }
    }

    @Test
    void twoThreadWorkDoesEveryItemOnce() {
        for (int n : new int[] {0, 1, 2, 32, 256}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
            TwoThreadWork.run(n, seen::incrementAndGet, seen::incrementAndGet);
            for (int i = 0; i < n; i++) assertEquals(1, seen.get(i), "n " + n + " item " + i);
        }
    }

    /** A failure on the caller's side: run returns only when the helper has stopped, and throws the caller's exception. */
    @Test
    void aFailingCallerWaitsForTheHelperToStop() {
        for (int rep = 0; rep < 20; rep++) {
            AtomicInteger helperInside = new AtomicInteger(), helperDone = new AtomicInteger();
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException got = assertThrows(IllegalStateException.class, () -> TwoThreadWork.run(64, i -> {
                if (i >= 2) throw boom;
                sleep(2);
            }, i -> {
                helperInside.incrementAndGet();
                sleep(5);
                helperInside.decrementAndGet();
                helperDone.incrementAndGet();
            }));
            assertSame(boom, got);
            assertEquals(0, helperInside.get(), "the helper is still hashing after run returned");
            int done = helperDone.get();
            sleep(20);
            assertEquals(done, helperDone.get(), "the helper took items after run returned");
            assertTrue(done < 62, "items were still handed out after the failure: " + done);
        }
    }

    /** A failure on the helper's side reaches the caller, wrapped, once the caller's items are done. */
    @Test
    void aFailingHelperIsReported() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "no helper thread on one core");
        CountDownLatch helperFailed = new CountDownLatch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TwoThreadWork.run(64, i -> {
            if (i == 0) await(helperFailed); // keep items back until the pool has started the helper
        }, i -> {
            helperFailed.countDown();
            throw new ArithmeticException("helper " + i);
        }));
        assertTrue(e.getCause() instanceof ArithmeticException, e.toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the pool never started the helper");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
