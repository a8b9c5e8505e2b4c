package org.polympcnet.protocols.fss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.crypto.Prg;

/** DCF (BCG+21 Fig. 1): Eval(k0, x) + Eval(k1, x) = beta 1{x < alpha}, for both payload groups. */
class DcfTest {
    private static final Prg SEEDS = new Prg(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});

    /** Checks a batch against the plaintext; returns how many inputs lay below their alpha. */
    private static int check(Dcf.Payload p, int bits, long[] alpha, long[] beta, long[] x) {
        int n = alpha.length;
        DcfKeys[] k = Dcf.gen(p, bits, alpha, beta, SEEDS.longs(2 * n), SEEDS.longs(2 * n));
        long[] y0 = new long[p.outLongs(n)], y1 = new long[p.outLongs(n)];
        Dcf.eval(k[0], x, y0);
        Dcf.eval(k[1], x, y1);
        int below = 0;
        for (int i = 0; i < n; i++) {
            boolean lt = Long.compareUnsigned(x[i], alpha[i]) < 0;
            if (lt) below++;
            String what = "alpha=" + Long.toUnsignedString(alpha[i]) + " x=" + Long.toUnsignedString(x[i]) + " bits=" + bits;
            if (p == Dcf.Payload.BIT) {
                long got = ((y0[i >>> 6] ^ y1[i >>> 6]) >>> (i & 63)) & 1;
                assertEquals(lt ? beta[i] & 1 : 0, got, what);
            } else {
                assertEquals(lt ? beta[2 * i] : 0, y0[2 * i] + y1[2 * i], what);
                assertEquals(lt ? beta[2 * i + 1] : 0, y0[2 * i + 1] + y1[2 * i + 1], what);
            }
        }
        return below;
    }

    private static long[] betas(Dcf.Payload p, int n, long seed, boolean one) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] b = new long[p == Dcf.Payload.BIT ? n : 2 * n];
        for (int i = 0; i < b.length; i++) b[i] = one ? (p == Dcf.Payload.BIT || i % 2 == 0 ? 1 : -1) : r.nextLong();
        return b;
    }

    /** n = 8: every alpha against every input, beta fixed (1; (1, -1)) and random per key. */
    @ParameterizedTest
    @ValueSource(strings = {"BIT", "RING2"})
    void exhaustiveOnEightBits(String payload) {
        Dcf.Payload p = Dcf.Payload.valueOf(payload);
        int n = 256 * 256;
        long[] alpha = new long[n], x = new long[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = i >>> 8;
            x[i] = i & 255;
        }
        assertEquals(255 * 256 / 2, check(p, 8, alpha, betas(p, n, 0, true), x));
        assertEquals(255 * 256 / 2, check(p, 8, alpha, betas(p, n, 7, false), x));
    }

    /** Random 64- and 63-bit points, with x = alpha - 1, alpha, alpha + 1 and the domain's ends. */
    @ParameterizedTest
    @ValueSource(ints = {64, 63, 1, 2, 17})
    void randomPointsAndBoundaries(int bits) {
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        SplittableRandom r = new SplittableRandom(bits);
        int n = 6000;
        long[] alpha = new long[n], x = new long[n];
        for (int i = 0; i < n; i++) {
            long a = r.nextLong() & max;
            int kind = i % 6;
            if (i < 600) a = 0;                 // f = 0 everywhere
            else if (i < 1200) a = max;          // f = beta except at x = 2^n - 1
            alpha[i] = a;
            switch (kind) {
                case 0: x[i] = a; break;
                case 1: x[i] = (a - 1) & max; break;
                case 2: x[i] = (a + 1) & max; break;
                case 3: x[i] = 0; break;
                case 4: x[i] = max; break;
                default: x[i] = r.nextLong() & max;
            }
        }
        for (Dcf.Payload p : Dcf.Payload.values()) {
            int below = check(p, bits, alpha, betas(p, n, bits, false), x);
            assertNotEquals(0, below);
        }
    }

    /**
     * The ReLU levels' two engines (Vector API and scalar) give bit-identical shares, both parties,
     * on random and boundary inputs over more than one chunk; the tests above run the engine this
     * JVM picks (surefire adds the vector module, so the vector one), this one also the scalar one.
     */
    @ParameterizedTest
    @ValueSource(ints = {63, 2, 1})
    void vectorAndScalarLevelsGiveTheSameShares(int bits) {
        assertTrue(Dcf.VectorLevel.AVAILABLE, "surefire runs with --add-modules jdk.incubator.vector and C2");
        long max = (1L << bits) - 1;
        SplittableRandom r = new SplittableRandom(100 + bits);
        int n = Dcf.CHUNK + 777;
        long[] alpha = new long[n], x = new long[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = r.nextLong() & max;
            x[i] = i % 3 == 0 ? alpha[i] : r.nextLong() & max;
        }
        long[] beta = betas(Dcf.Payload.RING2, n, bits, false);
        DcfKeys[] k = Dcf.gen(Dcf.Payload.RING2, bits, alpha, beta, SEEDS.longs(2 * n), SEEDS.longs(2 * n));
        long[][] scalar = new long[2][2 * n], vector = new long[2][2 * n];
        for (int b = 0; b < 2; b++) {
            Dcf.eval(new DcfKeys(b, Dcf.Payload.RING2, bits, n, k[b].roots, k[b].cw, k[b].finalCw), x, scalar[b], false);
            Dcf.eval(new DcfKeys(b, Dcf.Payload.RING2, bits, n, k[b].roots, k[b].cw, k[b].finalCw), x, vector[b], true);
            assertArrayEquals(scalar[b], vector[b], "party " + b);
        }
        for (int i = 0; i < n; i++) {
            boolean lt = x[i] < alpha[i];
            assertEquals(lt ? beta[2 * i] : 0, scalar[0][2 * i] + scalar[1][2 * i]);
            assertEquals(lt ? beta[2 * i + 1] : 0, scalar[0][2 * i + 1] + scalar[1][2 * i + 1]);
        }
    }

    @Test
    void aKeyBatchIsUsedOnce() {
        long[] alpha = {5, 9};
        DcfKeys[] k = Dcf.gen(Dcf.Payload.RING2, 8, alpha, new long[] {1, 2, 3, 4}, SEEDS.longs(4), SEEDS.longs(4));
        Dcf.eval(k[0], new long[] {1, 2}, new long[4]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Dcf.eval(k[0], new long[] {3, 4}, new long[4]));
        assertEquals("FSS key batch already used", e.getMessage());
    }

    @Test
    void inputsOutsideTheDomainAreRefused() {
        long[] alpha = {5};
        assertThrows(IllegalArgumentException.class, () -> Dcf.gen(Dcf.Payload.BIT, 8, new long[] {256}, new long[] {1}, SEEDS.longs(2), SEEDS.longs(2)));
        DcfKeys[] k = Dcf.gen(Dcf.Payload.BIT, 8, alpha, new long[] {1}, SEEDS.longs(2), SEEDS.longs(2));
        assertThrows(IllegalArgumentException.class, () -> Dcf.eval(k[0], new long[] {300}, new long[1]));
    }

    /** The documented AES work, key bytes and the MMO PRG's shape. */
    @Test
    void documentedCounts() {
        assertEquals(127, Dcf.evalBlocks(Dcf.Payload.RING2, 63));
        assertEquals(63, Dcf.evalBlocks(Dcf.Payload.BIT, 63));
        assertEquals(506, Dcf.genBlocks(Dcf.Payload.RING2, 63));
        assertEquals(252, Dcf.genBlocks(Dcf.Payload.BIT, 63));
        assertEquals(2032L * 1000, DcfKeys.cwWireBytes(Dcf.Payload.RING2, 63, 1000));
        assertEquals(1008L * 1000 + 125, DcfKeys.cwWireBytes(Dcf.Payload.BIT, 63, 1000));
        assertEquals(2048.0, DcfKeys.keyBytesPerElement(Dcf.Payload.RING2, 63));
        assertEquals(1024.125, DcfKeys.keyBytesPerElement(Dcf.Payload.BIT, 63));
        FixedKeyAes aes = new FixedKeyAes();
        long[] g0 = aes.g(0x1234, 0x5678, 0), g1 = aes.g(0x1234, 0x5678, 1);
        assertNotEquals(g0[0], g1[0]);
        assertArrayEquals(g0, new FixedKeyAes().g(0x1234, 0x5678, 0), "the key is fixed and public");
    }
}
