package org.polympcnet.protocols.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KK13 random oracle against an independent BLAKE3 (Bouncy Castle) and the published BLAKE3
 * test vector, both pad engines (vector and scalar) on batches, and the two-thread split of the
 * sender's hashing.
 */
class Kk13HashTest {
    /** BLAKE3("PMN-KK13-v2" || inst || k (4 bytes LE) || j (LE) || x (4 longs LE)), first 8 bytes as a little-endian long, by Bouncy Castle. */
    private static long reference(int inst, long j, int k, long[] x) {
        ByteBuffer m = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        m.put("PMN-KK13-v2".getBytes(StandardCharsets.US_ASCII)).put((byte) inst).putInt(k).putLong(j);
        for (long v : x) m.putLong(v);
        assertEquals(56, m.position());
        return ByteBuffer.wrap(bcBlake3(m.array())).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static byte[] bcBlake3(byte[] msg) {
        Blake3Digest d = new Blake3Digest();
        d.update(msg, 0, msg.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static long[] randomRow(SplittableRandom r) {
        return new long[] {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
    }

    /** The engines this JVM can run: the scalar one always, the vector one with the module. */
    private static List<PadLanes> engines(int instance) {
        List<PadLanes> e = new ArrayList<>();
        e.add(new ScalarPadLanes(instance));
        if (vectorModule()) e.add(new VectorPadLanes(instance));
        return e;
    }

    private static boolean vectorModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** One BLAKE3 block of 0..64 bytes, bit for bit against Bouncy Castle, all 32 output bytes, and the spec's empty-input vector. */
    @Test
    void oneBlockIsBlake3() {
        SplittableRandom r = new SplittableRandom(10);
        Blake3Block b = new Blake3Block();
        for (int len = 0; len <= 64; len++) {
            for (int rep = 0; rep < 20; rep++) {
                byte[] msg = new byte[len];
                for (int i = 0; i < len; i++) msg[i] = (byte) r.nextInt(256);
                int[] words = new int[16];
                for (int i = 0; i < len; i++) words[i / 4] |= (msg[i] & 0xff) << (8 * (i % 4));
                int[] out = new int[8];
                b.hash(words, 0, 1, len, out, 0, 8);
                ByteBuffer got = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : out) got.putInt(v);
                assertArrayEquals(bcBlake3(msg), got.array(), "length " + len);
                if (len == 0) assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", HexFormat.of().formatHex(got.array()));
            }
        }
    }

    @Test
    void padIsTheFirst64BitsOfBlake3OfTheEncoding() {
        SplittableRandom r = new SplittableRandom(11);
        for (int t = 0; t < 2000; t++) {
            int inst = t < 4 ? 255 * (t & 1) : r.nextInt(256), k = t < 4 ? 255 * (t >> 1) : r.nextInt(256);
            long j = t < 10 ? t : t < 20 ? -1L - t : r.nextLong();
            long[] x = t < 4 ? new long[4] : randomRow(r);
            Kk13Hash h = new Kk13Hash(inst);
            assertEquals(reference(inst, j, k, x), h.pad(j, k, x[0], x[1], x[2], x[3]), "case " + t);
        }
    }

    /** The flaw of the fixed-key AES hash of earlier versions: there H(i, A || B) = H(i', A || B ^ (i ^ i')). */
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

    /** k is one of N <= 256 messages: anything else is refused on every path, so batch and single pads cannot disagree. */
    @Test
    void aMessageIndexOutsideOneByteIsRefused() {
        Kk13Hash h = new Kk13Hash(1);
        assertThrows(IllegalArgumentException.class, () -> h.pad(0, 256, 1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> h.pad(0, -1, 1, 2, 3, 4));
        int[] planes = new int[8 * 64];
        long[] mask = new long[4], dst = new long[64];
        assertThrows(IllegalArgumentException.class, () -> h.hash(planes, 64, mask, 256, null, 0, dst, 0));
        int[] ks = new int[64];
        ks[37] = 300;
        assertThrows(IllegalArgumentException.class, () -> h.hash(planes, 64, mask, 0, ks, 0, dst, 0));
        assertThrows(IllegalArgumentException.class, () -> h.hashBits(planes, 1, mask, 0, ks, 0, 2, dst, 0, 1));
        ks[37] = 255;
        h.hash(planes, 64, mask, 0, ks, 0, dst, 0);
    }

    /** Under Maven the JVM has the vector module (surefire's argLine), and the hash then picks the vector engine. */
    @Test
    void theVectorEngineRunsWhereTheModuleIs() {
        assumeTrue(vectorModule(), "JVM without --add-modules jdk.incubator.vector");
        assertTrue(new Kk13Hash(1).engine().startsWith("vector-"), new Kk13Hash(1).engine());
    }

    /** 64 w rows (256 bits each) as the int planes of Kk13.transpose, from their 4-long form. */
    private static int[] planesOf(long[] rows, int count) {
        int[] p = new int[8 * count];
        for (int r = 0; r < count; r++) {
            for (int i = 0; i < 4; i++) {
                p[2 * i * count + r] = (int) rows[4 * r + i];
                p[(2 * i + 1) * count + r] = (int) (rows[4 * r + i] >>> 32);
            }
        }
        return p;
    }

    /**
     * The batch methods of each engine: row j with the mask, index j0 + j (across a carry into the
     * index's high word), k fixed or per row (up to 255); hashBits keeps the low bits; hash also on a
     * count that is no multiple of the engine's lanes.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void batchesAgreeWithSinglePads(int bits) {
        SplittableRandom r = new SplittableRandom(14 + bits);
        int w = 3, count = 64 * w;
        long[] rows = new long[Kk13.ROW * count];
        for (int i = 0; i < rows.length; i++) rows[i] = r.nextLong();
        int[] planes = planesOf(rows, count);
        long[] mask = randomRow(r);
        int[] ks = new int[count];
        for (int i = 0; i < count; i++) ks[i] = i < 3 ? 255 * (i & 1) : r.nextInt(256);
        for (long j0 : new long[] {r.nextLong() >>> 8, 0xffffffffL - 70, -100}) {
            for (PadLanes engine : engines(9)) {
                Kk13Hash h = new Kk13Hash(9, engine);
                long[] full = new long[count + 1], perRow = new long[count], out = new long[1 + 2 * w + 5];
                h.hash(planes, count, mask, 17, null, j0, full, 1);
                h.hash(planes, count, mask, 0, ks, j0, perRow, 0);
                h.hashBits(planes, w, mask, 17, null, j0, bits, out, 1, w + 5);
                int odd = count - 5;
                long[] tail = new long[odd];
                int[] oddPlanes = planesOf(rows, odd);
                h.hash(oddPlanes, odd, mask, 17, null, j0, tail, 0);
                for (int j = 0; j < count; j++) {
                    long[] x = new long[Kk13.ROW];
                    for (int i = 0; i < Kk13.ROW; i++) x[i] = rows[Kk13.ROW * j + i] ^ mask[i];
                    String where = h.engine() + " j0 " + j0 + " row " + j;
                    assertEquals(reference(9, j0 + j, 17, x), full[1 + j], where);
                    assertEquals(reference(9, j0 + j, ks[j], x), perRow[j], where);
                    if (j < odd) assertEquals(full[1 + j], tail[j], where);
                    for (int b = 0; b < bits; b++) assertEquals((full[1 + j] >>> b) & 1, (out[1 + b * (w + 5) + j / 64] >>> (j % 64)) & 1, where + " bit " + b);
                }
            }
        }
    }

    /** Kk13.transpose: column c of row i is bit c % 32 of int plane c / 32. */
    @Test
    void transposeWritesIntPlanes() {
        SplittableRandom r = new SplittableRandom(16);
        int w = 2, count = 64 * w;
        long[] cols = new long[Kk13.COLUMNS * w];
        for (int i = 0; i < cols.length; i++) cols[i] = r.nextLong();
        int[] planes = new int[8 * count];
        Kk13.transpose(cols, w, planes, new long[64]);
        for (int row = 0; row < count; row++) {
            for (int c = 0; c < Kk13.COLUMNS; c++) {
                long bit = (cols[c * w + row / 64] >>> (row % 64)) & 1;
                assertEquals(bit, (planes[(c / 32) * count + row] >>> (c % 32)) & 1, "row " + row + " column " + c);
            }
        }
    }

    @Test
    void theReceiversIndexIsItsChoiceOfTheLane() {
        SplittableRandom r = new SplittableRandom(15);
        int logN = 5, cw = 2, stride = 3;
        long[] choice = new long[1 + logN * stride];
        for (int i = 0; i < choice.length; i++) choice[i] = r.nextLong();
        int[] ks = new int[64 * cw];
        Kk13Receiver.choicesOfLanes(choice, 1, stride, logN, cw, ks);
        for (int lane = 0; lane < 64 * cw; lane++) {
            int rho = 0;
            for (int t = 0; t < logN; t++) rho |= (int) ((choice[1 + t * stride + lane / 64] >>> (lane % 64)) & 1) << t;
            assertEquals(rho, ks[lane]);
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
