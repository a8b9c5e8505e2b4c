package org.polympcnet.protocols.ot;

import java.nio.charset.StandardCharsets;

/**
 * The random oracle of KK13 pads: H(inst, j, k, x) = the first 8 bytes, read little-endian, of
 * BLAKE3(TAG || inst || k || j || x) (plain hash mode, 32-byte output; {@link Blake3Block}), with TAG
 * the 11 ASCII bytes "PMN-KK13-v2", inst 1 byte (the KK13 instance: which party sends), k the
 * message index (4 bytes, little-endian, 0..255; the receiver uses its choice r_j), j the global OT
 * index (8 bytes, little-endian) and x the 256-bit row (32 bytes, the row's four longs little-endian):
 * x = q_j ^ (C(k) AND s) at the sender, t_j at the receiver. 56 bytes, every field of fixed length at
 * a fixed place, so the encoding is injective; and it fits one BLAKE3 block (64 bytes), so a pad
 * costs one compression. As 32-bit little-endian message words: 0..2 TAG and inst, 3 k, 4..5 j,
 * 6..13 x, 14..15 zero padding (block length 56).
 *
 * <p>Security. Kolesnikov and Kumaresan (CRYPTO 2013) and Kolesnikov, Kumaresan, Rosulek and
 * Trieu (KKRT, CCS 2016) prove 1-out-of-N OT extension secure with H modelled as a random oracle
 * (KK13 needs H correlation robust for the code; a random oracle is). The pad of an index k other
 * than the receiver's is H at t_j ^ ((C(k) ^ C(r_j)) AND s): the Walsh-Hadamard code puts at least
 * 128 unknown bits of s into that input, so the receiver finds it only by guessing them (2^-128
 * per random-oracle query), and j, k and inst make every query of every OT, index and instance
 * distinct, so pads of different OTs are independent even for equal rows (the fixed-key AES hash
 * of earlier versions let the OT index cancel out and gave no such guarantee). BLAKE3, a
 * cryptographic hash (128-bit security), is taken as the random oracle, as SHA-256 was in v1 of the
 * encoding; keeping 64 of its 256 output bits is a function of a random oracle, so still one. The
 * tag's version changed with the hash, so v1 and v2 inputs never meet. Semi-honest, like the rest
 * of the OT package.
 *
 * <p>Speed: the sender hashes N pads a row, nearly all the CPU of the dealer-free millionaire, so
 * rows are hashed a SIMD block at a time ({@link PadLanes}): with AVX-512, 16 BLAKE3 compressions in
 * the lanes of 16 int vectors ({@link VectorPadLanes}), about 17 ns of CPU a pad on this machine
 * (2026-11, one thread, load 6; the low 2 bits of 2^20 pads a run). SHA-256 through the JDK (the
 * SHA-extension intrinsic), the v1 hash, took about 83 ns a pad, and cannot be vectorised from Java.
 * Without the vector module the scalar engine runs ({@link ScalarPadLanes}, about 200 ns a pad, the
 * same pads), so every JVM that runs OT should get {@code --add-modules jdk.incubator.vector} (the
 * launcher, surefire and the JMH forks pass it). Not thread-safe: one per thread.
 */
final class Kk13Hash {
    /** The domain-separation label, versioned so that a changed encoding cannot collide with this one. */
    static final byte[] TAG = "PMN-KK13-v2".getBytes(StandardCharsets.US_ASCII);
    /** Message words of the fields (32-bit, little-endian), and the message's length in bytes. */
    static final int K_WORD = 3, J_WORD = 4, X_WORD = 6, MESSAGE_BYTES = 56;

    private final int instance;
    private final PadLanes lanes;
    private final Blake3Block single = new Blake3Block();
    private final int[] msg = new int[16], out0, out1, maskWords = new int[8], one = new int[2];

    /** instance: 0..255, the same at the sender and the receiver of one KK13 instance and different across instances. */
    Kk13Hash(int instance) {
        this(instance, null);
    }

    /** With a given engine (tests compare both); null: {@link PadLanes#best}. */
    Kk13Hash(int instance, PadLanes engine) {
        if (instance < 0 || instance > 255) throw new IllegalArgumentException("KK13 instance is one byte, 0..255, got " + instance);
        this.instance = instance;
        this.lanes = engine != null ? engine : PadLanes.best(instance);
        constantWords(instance, msg, 0, 1);
        out0 = new int[lanes.lanes()];
        out1 = new int[lanes.lanes()];
    }

    /** Message words 0..2 (TAG, inst) and the zero words 14..15, word w at m[off + w * stride]. */
    static void constantWords(int instance, int[] m, int off, int stride) {
        byte[] head = new byte[12];
        System.arraycopy(TAG, 0, head, 0, TAG.length);
        head[TAG.length] = (byte) instance;
        for (int w = 0; w < 3; w++) {
            int v = 0;
            for (int b = 0; b < 4; b++) v |= (head[4 * w + b] & 0xff) << (8 * b);
            m[off + w * stride] = v;
        }
        m[off + 14 * stride] = 0;
        m[off + 15 * stride] = 0;
    }

    /** The engine's name, for reports: "vector-N" (N lanes) or "scalar". */
    String engine() {
        return lanes instanceof ScalarPadLanes ? "scalar" : "vector-" + lanes.lanes();
    }

    /** H(inst, j, k, x0 .. x3), one pad by the scalar reference. */
    long pad(long j, int k, long x0, long x1, long x2, long x3) {
        msg[K_WORD] = checkK(k);
        msg[J_WORD] = (int) j;
        msg[J_WORD + 1] = (int) (j >>> 32);
        setRowWords(0, x0);
        setRowWords(1, x1);
        setRowWords(2, x2);
        setRowWords(3, x3);
        single.hash(msg, 0, 1, MESSAGE_BYTES, one, 0, 2);
        return (one[0] & 0xffffffffL) | ((long) one[1] << 32);
    }

    /**
     * KK13 here has N <= 256 messages, so k is 0..255; the engines encode it as a whole 4-byte field,
     * so a larger k would still be injective there, but is refused everywhere so that the batched and
     * the single-pad paths can never disagree.
     */
    private static int checkK(int k) {
        if (k < 0 || k > 255) throw new IllegalArgumentException("KK13 message index must be 0..255, got " + k);
        return k;
    }

    private static void checkKs(int k, int[] ks, int count) {
        if (ks == null) {
            checkK(k);
        } else {
            for (int r = 0; r < count; r++) checkK(ks[r]);
        }
    }

    /** Long i of the row into the message's words, little-endian (no array a pad: tails hash one row at a time). */
    private void setRowWords(int i, long x) {
        msg[X_WORD + 2 * i] = (int) x;
        msg[X_WORD + 2 * i + 1] = (int) (x >>> 32);
    }

    /** Row r of `count` rows as int planes (word w at planes[w * count + r]), XOR mask, as 4 longs. */
    private static long planeLong(int[] planes, int count, int r, int i) {
        return (planes[2 * i * count + r] & 0xffffffffL) | ((long) planes[(2 * i + 1) * count + r] << 32);
    }

    private long padOfPlaneRow(int[] planes, int count, int r, long[] mask, int k, int[] ks, long j0) {
        return pad(j0 + r, ks == null ? k : ks[r], planeLong(planes, count, r, 0) ^ mask[0], planeLong(planes, count, r, 1) ^ mask[1],
                planeLong(planes, count, r, 2) ^ mask[2], planeLong(planes, count, r, 3) ^ mask[3]);
    }

    private void setMask(long[] mask) {
        for (int i = 0; i < 4; i++) {
            maskWords[2 * i] = (int) mask[i];
            maskWords[2 * i + 1] = (int) (mask[i] >>> 32);
        }
    }

    /**
     * dst[dOff + r] = H(inst, j0 + r, k_r, row_r ^ mask) for the `count` rows given as int planes
     * ({@link Kk13#transpose}); k_r = ks[r] if ks is given (each 0..255), else k.
     */
    void hash(int[] planes, int count, long[] mask, int k, int[] ks, long j0, long[] dst, int dOff) {
        checkKs(k, ks, count);
        setMask(mask);
        int l = lanes.lanes(), r0 = 0;
        for (; r0 + l <= count; r0 += l) {
            lanes.pads(planes, count, r0, maskWords, k, ks, j0, out0, out1);
            for (int i = 0; i < l; i++) dst[dOff + r0 + i] = (out0[i] & 0xffffffffL) | ((long) out1[i] << 32);
        }
        for (; r0 < count; r0++) dst[dOff + r0] = padOfPlaneRow(planes, count, r0, mask, k, ks, j0);
    }

    /**
     * The low `bits` bits (1 or 2) of H(inst, j0 + r, k_r, row_r ^ mask) for the 64 w rows given as int
     * planes, straight into bit planes: bit b of lane r at dst[dOff + b * stride + r / 64], bit r % 64.
     * The short messages of the millionaire's OTs, without a pass over 64-bit hashes.
     */
    void hashBits(int[] planes, int w, long[] mask, int k, int[] ks, long j0, int bits, long[] dst, int dOff, int stride) {
        if (bits < 1 || bits > 2) throw new IllegalArgumentException("hashBits writes 1 or 2 bits, not " + bits);
        checkKs(k, ks, 64 * w);
        setMask(mask);
        int count = 64 * w, l = lanes.lanes();
        boolean whole = 64 % l == 0 && l <= 32;
        long laneMask = (1L << l) - 1;
        for (int x = 0; x < w; x++) {
            long p0 = 0, p1 = 0;
            if (whole) {
                for (int i0 = 0; i0 < 64; i0 += l) {
                    long b = lanes.lowTwoBits(planes, count, 64 * x + i0, maskWords, k, ks, j0);
                    p0 |= (b & laneMask) << i0;
                    p1 |= ((b >>> 32) & laneMask) << i0;
                }
            } else {
                for (int i = 0; i < 64; i++) {
                    long v = padOfPlaneRow(planes, count, 64 * x + i, mask, k, ks, j0);
                    p0 |= (v & 1L) << i;
                    p1 |= ((v >>> 1) & 1L) << i;
                }
            }
            dst[dOff + x] = p0;
            if (bits == 2) dst[dOff + stride + x] = p1;
        }
    }
}
