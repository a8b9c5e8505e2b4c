package org.polympcnet.protocols.ot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random oracle of KK13 pads: H(inst, j, k, x) = the first 8 bytes, read little-endian, of
 * SHA-256(TAG || inst || j || k || x), with TAG the 11 ASCII bytes "PMN-KK13-v1", inst 1 byte (the
 * KK13 instance: which party sends), j the global OT index (8 bytes, little-endian), k the message
 * index (1 byte; the receiver uses its choice r_j) and x the 256-bit row (32 bytes, the row's four
 * longs little-endian): x = q_j ^ (C(k) AND s) at the sender, t_j at the receiver. Every field has a
 * fixed length, so the encoding is injective; 53 bytes fit one SHA-256 block (at most 55 bytes do),
 * so a pad costs one compression.
 *
 * <p>Security. Kolesnikov and Kumaresan (CRYPTO 2013) and Kolesnikov, Kumaresan, Rosulek and
 * Trieu (KKRT, CCS 2016) prove 1-out-of-N OT extension secure with H modelled as a random oracle
 * (KK13 needs H correlation robust for the code; a random oracle is). The pad of an index k other
 * than the receiver's is H at t_j ^ ((C(k) ^ C(r_j)) AND s): the Walsh-Hadamard code puts at least
 * 128 unknown bits of s into that input, so the receiver finds it only by guessing them (2^-128
 * per random-oracle query), and j, k and inst make every query of every OT, index and instance
 * distinct, so pads of different OTs are independent even for equal rows (the fixed-key AES hash
 * this class replaces let the OT index cancel out and gave no such guarantee). SHA-256 is taken as
 * the random oracle, the usual instantiation; keeping 64 of its 256 output bits is a function of a
 * random oracle, so still one. Semi-honest, like the rest of the OT package.
 *
 * <p>Speed: SHA-256 through the JDK provider runs on the x86 SHA extensions (a HotSpot intrinsic):
 * about 83 ns a pad on this machine (2026-11, load 2, of which a one-block compression call is 57 ns
 * and the rest the provider's padding and reset). Hand-written BLAKE3 compressions in Java, which
 * need about a third of SHA-256's operations, were slower here: 125-150 ns scalar, 78-90 ns with
 * 256 lanes sliced over int arrays (C2 of JDK 17 vectorised little of it); a hand-written SHA-256
 * would be slower still. Not thread-safe: one per thread.
 */
final class Kk13Hash {
    /** The domain-separation label, versioned so that a changed encoding cannot collide with this one. */
    static final byte[] TAG = "PMN-KK13-v1".getBytes(StandardCharsets.US_ASCII);
    /** Byte offsets of the fields in the hashed message. */
    static final int INST_AT = 11, J_AT = 12, K_AT = 20, X_AT = 21, MESSAGE_BYTES = 53;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MessageDigest sha;
    private final byte[] msg = new byte[MESSAGE_BYTES], digest = new byte[32];

    /** instance: 0..255, the same at the sender and the receiver of one KK13 instance and different across instances. */
    Kk13Hash(int instance) {
        if (instance < 0 || instance > 255) throw new IllegalArgumentException("KK13 instance is one byte, 0..255, got " + instance);
        System.arraycopy(TAG, 0, msg, 0, TAG.length);
        msg[INST_AT] = (byte) instance;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** H(inst, j, k, x0 .. x3). */
    long pad(long j, int k, long x0, long x1, long x2, long x3) {
        LONGS.set(msg, J_AT, j);
        msg[K_AT] = (byte) k;
        LONGS.set(msg, X_AT, x0);
        LONGS.set(msg, X_AT + 8, x1);
        LONGS.set(msg, X_AT + 16, x2);
        LONGS.set(msg, X_AT + 24, x3);
        sha.update(msg, 0, MESSAGE_BYTES);
        try {
            sha.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 failed", e);
        }
        return (long) LONGS.get(digest, 0);
    }

    /** H(inst, j, k of row, row ^ mask) of row j - j0 of rows (4 longs a row); k = ks[row] if ks is given, else k. */
    private long padOfRow(long[] rows, int row, long[] mask, int k, byte[] ks, long j0) {
        int r = Kk13.ROW * row;
        return pad(j0 + row, ks == null ? k : ks[row] & 0xff, rows[r] ^ mask[0], rows[r + 1] ^ mask[1], rows[r + 2] ^ mask[2], rows[r + 3] ^ mask[3]);
    }

    /** dst[dOff + j] = H(inst, j0 + j, k_j, row_j ^ mask) for rows j = 0 .. count - 1; k_j = ks[j] if ks is given, else k. */
    void hash(long[] rows, int count, long[] mask, int k, byte[] ks, long j0, long[] dst, int dOff) {
        for (int j = 0; j < count; j++) dst[dOff + j] = padOfRow(rows, j, mask, k, ks, j0);
    }

    /**
     * The low `bits` bits (1 or 2) of H(inst, j0 + j, k_j, row_j ^ mask) for rows j = 0 .. 64 w - 1,
     * straight into bit planes: bit b of lane j at dst[dOff + b * stride + j / 64], bit j % 64. The
     * short messages of the millionaire's OTs, without a pass over 64-bit hashes.
     */
    void hashBits(long[] rows, int w, long[] mask, int k, byte[] ks, long j0, int bits, long[] dst, int dOff, int stride) {
        if (bits < 1 || bits > 2) throw new IllegalArgumentException("hashBits writes 1 or 2 bits, not " + bits);
        for (int x = 0; x < w; x++) {
            long p0 = 0, p1 = 0;
            for (int i = 0; i < 64; i++) {
                long v = padOfRow(rows, 64 * x + i, mask, k, ks, j0);
                p0 |= (v & 1L) << i;
                p1 |= ((v >>> 1) & 1L) << i;
            }
            dst[dOff + x] = p0;
            if (bits == 2) dst[dOff + stride + x] = p1;
        }
    }
}
