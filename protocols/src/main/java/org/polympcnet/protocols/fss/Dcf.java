package org.polympcnet.protocols.fss;

import static org.polympcnet.protocols.fss.FixedKeyAes.get;
import static org.polympcnet.protocols.fss.FixedKeyAes.put;
import static org.polympcnet.protocols.fss.FixedKeyAes.tweak;

import java.nio.ByteOrder;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * Distributed comparison function of Boyle, Chandran, Gilboa, Gupta, Ishai, Kumar, Rathee
 * ("Function Secret Sharing for Mixed-Mode and Fixed-Point Secure Computation", Eurocrypt 2021,
 * Fig. 1): keys k0, k1 for f_{alpha,beta}(x) = beta if x < alpha (unsigned, on `bits` bits) else 0,
 * such that Eval(k0, x) + Eval(k1, x) = f(x) in the payload group. The tree is walked from the most
 * significant bit down; the PRG is {@link FixedKeyAes}.
 *
 * <p>Seeds are 128-bit blocks whose 3 low bits are cleared ({@link #SEED_MASK}): a PRG output block
 * carries t in bit 0 and, for the Z_2 payload, the value bit v in bit 1; a correction word s_CW
 * carries t_CW^L, t_CW^R (and V_CW for Z_2) in its bits 0, 1, 2. That is why 3 bits and not 1 are
 * cleared: s_CW must hold a full seed correction and the two t corrections in 128 bits.
 * Seeds thus have 125 random bits.
 *
 * <p>AES blocks per element. Eval, one party: Z_2^64 x Z_2^64, 2 a level (seed and t, then the
 * 128-bit value, only on the side the input bit picks) and 1 for Convert(s_n) = G_1(s_n): 2 bits + 1
 * (127 at 63 bits); Z_2, 1 a level (seed, t and v in one block) and 0 for Convert(s_n), which is bit 3
 * (the lowest seed bit) of s_n: bits (63). Gen, the dealer: both parties' both sides a level, so
 * 8 bits + 2 (506) and 4 bits (252).
 *
 * <p>Batched: a chunk of {@link #CHUNK} elements goes through one level at a time with one AES call
 * over all its blocks; no allocation per element.
 */
public final class Dcf {
    /** Clears the seed's low bits, where the PRG output carries t (and v) and s_CW the t_CW (and V_CW). */
    public static final long SEED_MASK = ~7L;
    /** Elements per AES call: 2,048 x 2 blocks x 16 B = 64 KiB in and out for eval, in L2. */
    static final int CHUNK = 2048;

    /** The payload group. */
    public enum Payload {
        /** Z_2 (DReLU): one bit out; correction words s_CW only (V_CW in its bit 2). */
        BIT(2, 1),
        /** Z_2^64 x Z_2^64 (ReLU): two ring elements out; s_CW and a 128-bit V_CW. */
        RING2(4, 2);

        /** Longs of correction words per element per level. */
        public final int cwLongs;
        /** AES blocks per side (seed; or seed and value). */
        final int blocksPerSide;

        Payload(int cwLongs, int blocksPerSide) {
            this.cwLongs = cwLongs;
            this.blocksPerSide = blocksPerSide;
        }

        /** Longs of output per element: a bit (bit row, see eval) or 2. */
        public int outLongs(int n) {
            return this == BIT ? BitSlice.words(n) : 2 * n;
        }
    }

    private Dcf() {}

    static void checkBits(int bits) {
        if (bits < 1 || bits > 64) throw new IllegalArgumentException("DCF domain must be 1..64 bits, got " + bits);
    }

    /** AES blocks one party computes per element in eval (see the class comment). */
    public static int evalBlocks(Payload p, int bits) {
        return p == Payload.BIT ? bits : 2 * bits + 1;
    }

    /** AES blocks the dealer computes per element in gen. */
    public static int genBlocks(Payload p, int bits) {
        return p == Payload.BIT ? 4 * bits : 8 * bits + 2;
    }

    private static void checkDomain(int bits, long[] v, String what) {
        if (bits == 64) return;
        long or = 0;
        for (long a : v) or |= a;
        if (or >>> bits != 0) throw new IllegalArgumentException(what + " outside the " + bits + "-bit domain");
    }

    /**
     * Key generation at the dealer, one level at a time so the correction words of a large batch
     * can be sent level by level (a batch of 2^20 ReLU keys is 2 GB). Both parties' seeds, t bits
     * and the running V_alpha live here, 2 x 2 + 2 + (1 or 2) longs an element.
     */
    public static final class Gen {
        private final Payload payload;
        private final int bits, n;
        private final long[] alpha, beta;
        private final long[] s0, s1, t0, t1, va;
        private final FixedKeyAes aes = new FixedKeyAes();
        private final byte[] in, out;
        private int level;

        /**
         * alpha: n values below 2^bits; beta: Z_2, n longs of which bit 0 counts; Z_2^64 x Z_2^64, 2n
         * longs (element i at 2i, 2i + 1); roots: the parties' root seeds, 2n longs each (low bits
         * are cleared here as in eval).
         */
        public Gen(Payload payload, int bits, long[] alpha, long[] beta, long[] root0, long[] root1) {
            checkBits(bits);
            this.payload = payload;
            this.bits = bits;
            this.n = alpha.length;
            checkDomain(bits, alpha, "alpha");
            if (beta.length != (payload == Payload.BIT ? n : 2 * n)) throw new IllegalArgumentException("beta has " + beta.length + " longs for " + n + " keys");
            if (root0.length != 2 * n || root1.length != 2 * n) throw new IllegalArgumentException("root seeds must be 2n longs");
            this.alpha = alpha;
            this.beta = beta;
            s0 = root0.clone();
            s1 = root1.clone();
            for (int i = 0; i < n; i++) {
                s0[2 * i] &= SEED_MASK;
                s1[2 * i] &= SEED_MASK;
            }
            t0 = new long[n];
            t1 = new long[n];
            java.util.Arrays.fill(t1, 1);
            va = new long[payload == Payload.BIT ? n : 2 * n];
            int blocks = Math.min(n, CHUNK) * 4 * payload.blocksPerSide;
            in = new byte[Math.max(1, blocks) * 16];
            out = new byte[in.length];
        }

        /** Levels done so far. */
        public int level() {
            return level;
        }

        /** The next level's correction words into cw (n * cwLongs longs); returns cw. */
        public long[] nextLevel(long[] cw) {
            if (level >= bits) throw new IllegalStateException("all " + bits + " levels generated");
            if (cw.length < (long) n * payload.cwLongs) throw new IllegalArgumentException("cw buffer too small");
            int shift = bits - 1 - level;
            for (int c0 = 0; c0 < n; c0 += CHUNK) {
                int c1 = Math.min(n, c0 + CHUNK);
                if (payload == Payload.BIT) bitLevel(c0, c1, shift, cw);
                else ringLevel(c0, c1, shift, cw);
            }
            level++;
            return cw;
        }

        /** Both sides of both parties: blocks (party b, side k) at element e: ((4e + 2b + k) * 16). */
        private void bitLevel(int c0, int c1, int shift, long[] cw) {
            for (int i = c0; i < c1; i++) {
                int o = (i - c0) * 64;
                long lo0 = s0[2 * i], hi0 = s0[2 * i + 1], lo1 = s1[2 * i], hi1 = s1[2 * i + 1];
                put(in, o, lo0); put(in, o + 8, hi0);
                put(in, o + 16, lo0); put(in, o + 24, hi0 ^ tweak(2));
                put(in, o + 32, lo1); put(in, o + 40, hi1);
                put(in, o + 48, lo1); put(in, o + 56, hi1 ^ tweak(2));
            }
            aes.encrypt(in, out, (c1 - c0) * 4);
            for (int i = c0; i < c1; i++) {
                int o = (i - c0) * 64;
                long a = (alpha[i] >>> shift) & 1;
                int keep = (int) a, lose = 1 - keep;
                // MMO: G = AES(in) ^ in, read back from the input buffer.
                long k0lo = get(out, o + 16 * keep) ^ get(in, o + 16 * keep), k0hi = get(out, o + 16 * keep + 8) ^ get(in, o + 16 * keep + 8);
                long l0lo = get(out, o + 16 * lose) ^ get(in, o + 16 * lose), l0hi = get(out, o + 16 * lose + 8) ^ get(in, o + 16 * lose + 8);
                long k1lo = get(out, o + 32 + 16 * keep) ^ get(in, o + 32 + 16 * keep), k1hi = get(out, o + 40 + 16 * keep) ^ get(in, o + 40 + 16 * keep);
                long l1lo = get(out, o + 32 + 16 * lose) ^ get(in, o + 32 + 16 * lose), l1hi = get(out, o + 40 + 16 * lose) ^ get(in, o + 40 + 16 * lose);
                long scwLo = (l0lo ^ l1lo) & SEED_MASK, scwHi = l0hi ^ l1hi;
                long vcw = ((l1lo ^ l0lo) >>> 1 & 1) ^ va[i] ^ (a & beta[i] & 1); // Lose = L exactly when alpha_i = 1
                va[i] ^= ((k1lo ^ k0lo) >>> 1 & 1) ^ vcw;
                // t_CW^L = t0^L ^ t1^L ^ alpha_i ^ 1, t_CW^R = t0^R ^ t1^R ^ alpha_i
                long tKeep = (k0lo ^ k1lo) & 1, tLose = (l0lo ^ l1lo) & 1;
                long tcwKeep = tKeep ^ 1, tcwLose = tLose; // keep side: the two t differ afterwards; lose side: equal
                long tcwL = keep == 0 ? tcwKeep : tcwLose, tcwR = keep == 0 ? tcwLose : tcwKeep;
                cw[2 * i] = scwLo | tcwL | tcwR << 1 | vcw << 2;
                cw[2 * i + 1] = scwHi;
                long m0 = -t0[i], m1 = -t1[i];
                s0[2 * i] = (k0lo ^ (m0 & scwLo)) & SEED_MASK;
                s0[2 * i + 1] = k0hi ^ (m0 & scwHi);
                s1[2 * i] = (k1lo ^ (m1 & scwLo)) & SEED_MASK;
                s1[2 * i + 1] = k1hi ^ (m1 & scwHi);
                t0[i] = (k0lo & 1) ^ (t0[i] & tcwKeep);
                t1[i] = (k1lo & 1) ^ (t1[i] & tcwKeep);
            }
        }

        /** Blocks (party b, tweak j) at element e: ((8e + 4b + j) * 16); j = 2 side + (0 seed, 1 value). */
        private void ringLevel(int c0, int c1, int shift, long[] cw) {
            for (int i = c0; i < c1; i++) {
                int o = (i - c0) * 128;
                long lo0 = s0[2 * i], hi0 = s0[2 * i + 1], lo1 = s1[2 * i], hi1 = s1[2 * i + 1];
                for (int j = 0; j < 4; j++) {
                    put(in, o + 16 * j, lo0); put(in, o + 16 * j + 8, hi0 ^ tweak(j));
                    put(in, o + 64 + 16 * j, lo1); put(in, o + 64 + 16 * j + 8, hi1 ^ tweak(j));
                }
            }
            aes.encrypt(in, out, (c1 - c0) * 8);
            for (int i = c0; i < c1; i++) {
                int o = (i - c0) * 128;
                long a = (alpha[i] >>> shift) & 1;
                int keep = 32 * (int) a, lose = 32 - keep; // byte offset of the side's seed block
                long k0lo = mmo(o + keep), k0hi = mmo(o + keep + 8), l0lo = mmo(o + lose), l0hi = mmo(o + lose + 8);
                long k1lo = mmo(o + 64 + keep), k1hi = mmo(o + 72 + keep), l1lo = mmo(o + 64 + lose), l1hi = mmo(o + 72 + lose);
                long kv0a = mmo(o + keep + 16), kv0b = mmo(o + keep + 24), lv0a = mmo(o + lose + 16), lv0b = mmo(o + lose + 24);
                long kv1a = mmo(o + 80 + keep), kv1b = mmo(o + 88 + keep), lv1a = mmo(o + 80 + lose), lv1b = mmo(o + 88 + lose);
                long scwLo = (l0lo ^ l1lo) & SEED_MASK, scwHi = l0hi ^ l1hi;
                long sign = 1 - 2 * t1[i];
                // V_CW = (-1)^t1 [v1^Lose - v0^Lose - V_alpha] (+ (-1)^t1 beta when Lose = L, i.e. alpha_i = 1)
                long va0 = va[2 * i], va1 = va[2 * i + 1];
                long vcw0 = sign * (lv1a - lv0a - va0 + a * beta[2 * i]);
                long vcw1 = sign * (lv1b - lv0b - va1 + a * beta[2 * i + 1]);
                // V_alpha = V_alpha - v1^Keep + v0^Keep + (-1)^t1 V_CW
                va[2 * i] = va0 - kv1a + kv0a + sign * vcw0;
                va[2 * i + 1] = va1 - kv1b + kv0b + sign * vcw1;
                long tcwKeep = ((k0lo ^ k1lo) & 1) ^ 1, tcwLose = (l0lo ^ l1lo) & 1;
                long tcwL = a == 0 ? tcwKeep : tcwLose, tcwR = a == 0 ? tcwLose : tcwKeep;
                cw[4 * i] = scwLo | tcwL | tcwR << 1;
                cw[4 * i + 1] = scwHi;
                cw[4 * i + 2] = vcw0;
                cw[4 * i + 3] = vcw1;
                long m0 = -t0[i], m1 = -t1[i];
                s0[2 * i] = (k0lo ^ (m0 & scwLo)) & SEED_MASK;
                s0[2 * i + 1] = k0hi ^ (m0 & scwHi);
                s1[2 * i] = (k1lo ^ (m1 & scwLo)) & SEED_MASK;
                s1[2 * i + 1] = k1hi ^ (m1 & scwHi);
                t0[i] = (k0lo & 1) ^ (t0[i] & tcwKeep);
                t1[i] = (k1lo & 1) ^ (t1[i] & tcwKeep);
            }
        }

        private long mmo(int byteOffset) {
            return get(out, byteOffset) ^ get(in, byteOffset);
        }

        /**
         * CW^(n+1) = (-1)^t1 [Convert(s1) - Convert(s0) - V_alpha], after the last level: a bit row
         * (Z_2, Convert = bit 3 of the seed) or 2n longs (Convert = G_1(s_n)).
         */
        public long[] finish() {
            if (level != bits) throw new IllegalStateException("generated " + level + " of " + bits + " levels");
            long[] f = new long[DcfKeys.finalCwLongs(payload, n)];
            if (payload == Payload.BIT) {
                for (int i = 0; i < n; i++) {
                    long b = ((s0[2 * i] ^ s1[2 * i]) >>> 3 & 1) ^ va[i];
                    f[i >>> 6] |= b << (i & 63);
                }
                return f;
            }
            for (int c0 = 0; c0 < n; c0 += CHUNK) {
                int c1 = Math.min(n, c0 + CHUNK);
                for (int i = c0; i < c1; i++) {
                    int o = (i - c0) * 32;
                    put(in, o, s0[2 * i]); put(in, o + 8, s0[2 * i + 1] ^ tweak(1));
                    put(in, o + 16, s1[2 * i]); put(in, o + 24, s1[2 * i + 1] ^ tweak(1));
                }
                aes.encrypt(in, out, (c1 - c0) * 2);
                for (int i = c0; i < c1; i++) {
                    int o = (i - c0) * 32;
                    long sign = 1 - 2 * t1[i];
                    f[2 * i] = sign * (mmo(o + 16) - mmo(o) - va[2 * i]);
                    f[2 * i + 1] = sign * (mmo(o + 24) - mmo(o + 8) - va[2 * i + 1]);
                }
            }
            return f;
        }
    }

    /** Generates whole key pairs in memory (tests, benchmarks): {party 0's, party 1's}. */
    public static DcfKeys[] gen(Payload payload, int bits, long[] alpha, long[] beta, long[] root0, long[] root1) {
        Gen g = new Gen(payload, bits, alpha, beta, root0, root1);
        int n = alpha.length;
        long[][] cw = new long[bits][];
        for (int l = 0; l < bits; l++) cw[l] = g.nextLevel(new long[n * payload.cwLongs]);
        long[] f = g.finish();
        return new DcfKeys[] {
            new DcfKeys(0, payload, bits, n, root0, cw, f),
            new DcfKeys(1, payload, bits, n, root1, cw, f),
        };
    }

    /**
     * Eval(b, k_b, x) for the whole batch, consuming the keys. x: n values below 2^bits. out: Z_2,
     * a bit row of words(n) longs (XOR shares); Z_2^64 x Z_2^64, 2n longs (additive shares, element i
     * at 2i, 2i + 1).
     */
    public static void eval(DcfKeys k, long[] x, long[] out) {
        k.consume();
        evalConsumed(k, x, out);
    }

    /**
     * As {@link #eval} for a caller that consumed the keys itself, before it revealed anything
     * that depends on them (a gate consumes its batch before opening x + r).
     */
    public static void evalConsumed(DcfKeys k, long[] x, long[] out) {
        if (!k.isUsed()) throw new IllegalStateException("consume the FSS key batch before evaluating it");
        if (x.length != k.n) throw new IllegalArgumentException("DCF keys for " + k.n + " inputs, got " + x.length);
        if (out.length != k.payload.outLongs(k.n)) throw new IllegalArgumentException("DCF output needs " + k.payload.outLongs(k.n) + " longs, got " + out.length);
        checkDomain(k.bits, x, "DCF input");
        new Evaluator(k.payload, Math.min(k.n, CHUNK), VectorLevel.AVAILABLE).run(k, x, out);
    }

    /** As {@link #eval} with the engine of the ReLU levels chosen (tests: both give the same shares). */
    static void eval(DcfKeys k, long[] x, long[] out, boolean vector) {
        k.consume();
        if (vector && !VectorLevel.AVAILABLE) throw new IllegalStateException("the vector DCF engine needs --add-modules jdk.incubator.vector and C2");
        new Evaluator(k.payload, Math.min(k.n, CHUNK), vector).run(k, x, out);
    }

    /**
     * The per-call buffers of eval: a chunk's t bits and AES blocks. A chunk's seeds live in the AES
     * input buffer itself (seed ^ tweak, as the PRG takes them): each level reads the last level's
     * input back for the MMO XOR and writes the next level's input in the same pass, so a level is one
     * loop over the chunk and one AES call.
     */
    private static final class Evaluator {
        private final FixedKeyAes aes = new FixedKeyAes();
        private final long[] t;
        private final byte[] in, out;
        /** Vector engine for the ReLU levels above the last: its running values, 4 longs an element (see VectorLevel). */
        private final long[] acc;

        Evaluator(Payload p, int chunk, boolean vector) {
            chunk = Math.max(1, chunk);
            t = new long[chunk];
            in = new byte[chunk * p.blocksPerSide * 16];
            out = new byte[in.length];
            acc = vector && p == Payload.RING2 ? new long[4 * chunk] : null;
        }

        void run(DcfKeys k, long[] x, long[] res) {
            if (k.payload == Payload.BIT) java.util.Arrays.fill(res, 0);
            for (int c0 = 0; c0 < k.n; c0 += CHUNK) {
                int c1 = Math.min(k.n, c0 + CHUNK);
                java.util.Arrays.fill(t, 0, c1 - c0, k.party);
                if (k.payload == Payload.BIT) bitChunk(k, x, res, c0, c1);
                else ringChunk(k, x, res, c0, c1);
            }
        }

        /** One block an element a level: seed ^ tweak (0 left, 2 right) at 16 e. */
        private void bitChunk(DcfKeys k, long[] x, long[] res, int c0, int c1) {
            int m = c1 - c0, top = k.bits - 1;
            long[] v = new long[BitSlice.words(m)]; // one per chunk, not per element
            for (int e = 0; e < m; e++) {
                int i = c0 + e;
                put(in, 16 * e, k.roots[2 * i] & SEED_MASK);
                put(in, 16 * e + 8, k.roots[2 * i + 1] ^ ((x[i] >>> top) & 1) << 57);
            }
            for (int level = 0; level < k.bits; level++) {
                int shift = top - level;
                long[] cw = k.cw[level];
                aes.encrypt(in, out, m);
                for (int e = 0; e < m; e++) {
                    int i = c0 + e, o = 16 * e;
                    long xi = x[i], side = (xi >>> shift) & 1;
                    long glo = get(out, o) ^ get(in, o), ghi = get(out, o + 8) ^ get(in, o + 8);
                    long mask = -t[e], scwLo = cw[2 * i];
                    // V ^= v ^ t V_CW; t = t^side ^ t t_CW^side; s = s^side ^ t s_CW
                    v[e >>> 6] ^= ((glo >>> 1 ^ (mask & scwLo >>> 2)) & 1) << (e & 63);
                    t[e] = (glo ^ (mask & scwLo >>> side)) & 1;
                    long next = shift > 0 ? ((xi >>> (shift - 1)) & 1) << 57 : 0;
                    put(in, o, (glo ^ (mask & scwLo)) & SEED_MASK);
                    put(in, o + 8, ghi ^ (mask & cw[2 * i + 1]) ^ next);
                }
            }
            // Convert(s_n) = bit 3 of s_n (the lowest seed bit), then ^ t CW^(n+1).
            for (int e = 0; e < m; e++) {
                int i = c0 + e;
                long b = ((v[e >>> 6] >>> (e & 63)) ^ (get(in, 16 * e) >>> 3) ^ (t[e] & (k.finalCw[i >>> 6] >>> (i & 63)))) & 1;
                res[i >>> 6] |= b << (i & 63);
            }
        }

        /** Two blocks an element a level at 32 e: seed ^ tweak (0 or 2), then seed ^ tweak (1 or 3). */
        private void ringChunk(DcfKeys k, long[] x, long[] res, int c0, int c1) {
            int m = c1 - c0, top = k.bits - 1;
            final long one = 1L << 56; // tweak bit: seed block -> value block
            for (int e = 0; e < m; e++) {
                int i = c0 + e;
                long lo = k.roots[2 * i] & SEED_MASK, hi = k.roots[2 * i + 1] ^ ((x[i] >>> top) & 1) << 57;
                put(in, 32 * e, lo);
                put(in, 32 * e + 8, hi);
                put(in, 32 * e + 16, lo);
                put(in, 32 * e + 24, hi ^ one);
                res[2 * i] = 0;
                res[2 * i + 1] = 0;
            }
            if (acc != null && top > 0) {
                // The levels above the last on the vector engine, then its running values into res.
                java.util.Arrays.fill(acc, 0, 4 * m, 0);
                for (int level = 0; level < top; level++) {
                    aes.encrypt(in, out, 2 * m);
                    VectorLevel.ring(in, out, k.cw[level], x, acc, t, c0, m, top - level);
                }
                for (int e = 0; e < m; e++) {
                    res[2 * (c0 + e)] = acc[4 * e + 2];
                    res[2 * (c0 + e) + 1] = acc[4 * e + 3];
                }
            }
            for (int level = acc != null ? top : 0; level < k.bits; level++) {
                int shift = top - level;
                long[] cw = k.cw[level];
                aes.encrypt(in, out, 2 * m);
                boolean last = shift == 0;
                for (int e = 0; e < m; e++) {
                    int i = c0 + e, o = 32 * e;
                    long xi = x[i], side = (xi >>> shift) & 1;
                    long lo = get(in, o), hi = get(in, o + 8); // the seed, its hi word carrying this level's tweak
                    long glo = get(out, o) ^ lo, ghi = get(out, o + 8) ^ hi;
                    long v0 = get(out, o + 16) ^ lo, v1 = get(out, o + 24) ^ hi ^ one;
                    long mask = -t[e];
                    int c = 4 * i;
                    long scwLo = cw[c];
                    res[2 * i] += v0 + (mask & cw[c + 2]);
                    res[2 * i + 1] += v1 + (mask & cw[c + 3]);
                    t[e] = (glo ^ (mask & scwLo >>> side)) & 1;
                    long nlo = (glo ^ (mask & scwLo)) & SEED_MASK, nhi = ghi ^ (mask & cw[c + 1]);
                    if (last) {
                        // Convert(s_n) = G_1(s_n): one block at 16 e (already read: 16 e <= 32 e).
                        put(in, 16 * e, nlo);
                        put(in, 16 * e + 8, nhi ^ one);
                    } else {
                        nhi ^= ((xi >>> (shift - 1)) & 1) << 57;
                        put(in, o, nlo);
                        put(in, o + 8, nhi);
                        put(in, o + 16, nlo);
                        put(in, o + 24, nhi ^ one);
                    }
                }
            }
            // + G_1(s_n) + t CW^(n+1); party 1 negates: (-1)^b.
            aes.encrypt(in, out, m);
            for (int e = 0; e < m; e++) {
                int i = c0 + e;
                long mask = -t[e];
                long a = res[2 * i] + (get(out, 16 * e) ^ get(in, 16 * e)) + (mask & k.finalCw[2 * i]);
                long b = res[2 * i + 1] + (get(out, 16 * e + 8) ^ get(in, 16 * e + 8)) + (mask & k.finalCw[2 * i + 1]);
                res[2 * i] = k.party == 0 ? a : -a;
                res[2 * i + 1] = k.party == 0 ? b : -b;
            }
        }
    }

    /**
     * A ReLU level above the last on the JDK's incubating Vector API (jdk.incubator.vector), one
     * 256-bit vector an element: the element's two AES blocks are the 4 longs (seed lo, seed hi,
     * value lo, value hi), and so are its correction words (s_CW lo, s_CW hi, V_CW lo, V_CW hi), so
     * one XOR gives the MMO outputs, one AND the t-masked corrections, and seed and value updates are
     * lane-wise. Measured on this 2-vCPU machine (thread CPU time, alternating runs): the loop alone
     * 5.3-5.6 ns an element-level against 7.1-7.2 scalar; a whole ReLU eval, one party, 510-555 ns an
     * element against 610-650 with the keys in cache (n = 4,096) and 580-605 against 645-710 at
     * n = 2^20. With BOTH parties evaluating 2^20 at once both engines take about 580 ns: then the
     * 2 KB of correction words an element a party from DRAM set the pace, not this loop. Same shares
     * as the scalar loop (DcfTest checks both). Loaded only when
     * the JVM has the module and C2 (without C2 the Vector API runs as plain objects, many times
     * slower), and not when {@value #FORCE_SCALAR} is true; otherwise the scalar loop runs.
     */
    static final class VectorLevel {
        static final String FORCE_SCALAR = "polympc.dcf.scalar";
        static final boolean AVAILABLE = !Boolean.getBoolean(FORCE_SCALAR)
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && hasC2();

        private VectorLevel() {}

        private static boolean hasC2() {
            for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.equals("-Xint") || arg.matches("-XX:TieredStopAtLevel=[0-3]")) return false;
            }
            return true;
        }

        /**
         * As the scalar level loop for shift >= 1, but the running values go to acc (4 longs an
         * element, lanes 2 and 3 the two ring values; lanes 0 and 1 collect junk). Needs in laid out as
         * (lo, hi, lo, hi ^ ONE) an element, which the root loop and every level keep.
         */
        static void ring(byte[] in, byte[] out, long[] cw, long[] x, long[] acc, long[] t, int c0, int m, int shift) {
            VectorLevelImpl.ring(in, out, cw, x, acc, t, c0, m, shift);
        }
    }

    /** The Vector API code itself, a class of its own so that nothing loads it without the module. */
    private static final class VectorLevelImpl {
        private static final VectorSpecies<Long> S = LongVector.SPECIES_256;
        private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
        /** (lo, hi) -> (lo, hi, lo, hi): the next level's seed into both of its blocks. */
        private static final VectorShuffle<Long> BOTH_BLOCKS = VectorShuffle.fromValues(S, 0, 1, 0, 1);
        private static final LongVector SEED_BITS = LongVector.fromArray(S, new long[] {SEED_MASK, -1, SEED_MASK, -1}, 0);
        private static final LongVector HI_WORDS = LongVector.fromArray(S, new long[] {0, -1, 0, -1}, 0);
        private static final LongVector VALUE_TWEAK = LongVector.fromArray(S, new long[] {0, 0, 0, 1L << 56}, 0);

        private VectorLevelImpl() {}

        static void ring(byte[] in, byte[] out, long[] cw, long[] x, long[] acc, long[] t, int c0, int m, int shift) {
            for (int e = 0; e < m; e++) {
                int i = c0 + e, o = 32 * e, c = 4 * i;
                long xi = x[i];
                long mask = -t[e], glo = get(out, o) ^ get(in, o), scwLo = cw[c];
                LongVector iv = LongVector.fromByteArray(S, in, o, LE);
                // G (MMO): (seed lo, seed hi, v lo, v hi) = AES(in) ^ in; t-masked corrections alike.
                LongVector g = LongVector.fromByteArray(S, out, o, LE).lanewise(VectorOperators.XOR, iv);
                LongVector mc = LongVector.fromArray(S, cw, c).and(mask);
                // V += v + t V_CW (lanes 2, 3)
                LongVector.fromArray(S, acc, 4 * e).add(g.add(mc)).intoArray(acc, 4 * e);
                t[e] = (glo ^ (mask & scwLo >>> ((xi >>> shift) & 1))) & 1;
                // s = s^side ^ t s_CW (lanes 0, 1) into both blocks, the next bit's tweak in the hi words.
                long next = ((xi >>> (shift - 1)) & 1) << 57;
                g.lanewise(VectorOperators.XOR, mc).rearrange(BOTH_BLOCKS).and(SEED_BITS)
                        .lanewise(VectorOperators.XOR, HI_WORDS.and(next))
                        .lanewise(VectorOperators.XOR, VALUE_TWEAK)
                        .intoByteArray(in, o, LE);
            }
        }
    }
}
