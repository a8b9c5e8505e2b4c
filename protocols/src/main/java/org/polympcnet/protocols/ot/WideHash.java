package org.polympcnet.protocols.ot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of KK13 rows: 256 bits and a tweak to 64 bits, from fixed-key AES pi (two calls):
 * y = MMO(B ^ i), z = A ^ y, H(i, A || B) = low 64 bits of MMO(z), MMO(v) = pi(v) ^ v, A and B the
 * low and high 128 bits. Why two calls suffice here (semi-honest, pi an ideal permutation): for an
 * index k other than the receiver's, its input differs from the receiver's row by (C(k) ^ C(r)) AND s,
 * 128 secret bits of s spread over both halves; learning the pad needs pi at z, which needs the
 * secret bits of both halves at once (the high half's pass through pi hides them from the low
 * half), and the tweak keeps equal rows of different OTs apart. Not thread-safe.
 */
final class WideHash {
    private static final byte[] FIXED_KEY = {
        0x2b, 0x7e, 0x15, 0x16, 0x28, (byte) 0xae, (byte) 0xd2, (byte) 0xa6, (byte) 0xab, (byte) 0xf7, 0x15, (byte) 0x88, 0x09, (byte) 0xcf, 0x4f, 0x3c,
    };
    private static final int CHUNK_BLOCKS = 2048;

    private final Cipher aes;
    private final byte[] in = new byte[CHUNK_BLOCKS * 16], out = new byte[CHUNK_BLOCKS * 16];
    /** Little-endian long view of the byte buffers AES works on (plain loads and stores once compiled). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final long[] z = new long[CHUNK_BLOCKS];

    WideHash() {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(FIXED_KEY, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JDK", e);
        }
    }

    /** dst[dOff + j] = H(tweak0 + j, row_j ^ mask) for rows j = 0 .. count - 1 (4 longs each) of rows. */
    void hash(long[] rows, int count, long[] mask, long tweak0, long[] dst, int dOff) {
        for (int done = 0; done < count; ) {
            int k = Math.min(CHUNK_BLOCKS, count - done);
            twoPasses(rows, done, k, mask, tweak0 + done);
            for (int j = 0; j < k; j++) dst[dOff + done + j] = (long) LONGS.get(out, 16 * j) ^ z[j];
            done += k;
        }
    }

    /**
     * The low `bits` bits (1 or 2) of H(tweak0 + j, row_j ^ mask) for rows j = 0 .. 64 w - 1, straight
     * into bit planes: bit b of lane j at dst[dOff + b * stride + j / 64], bit j % 64. The short
     * messages of the millionaire's OTs, without a pass over 64-bit hashes.
     */
    void hashBits(long[] rows, int w, long[] mask, long tweak0, int bits, long[] dst, int dOff, int stride) {
        if (bits < 1 || bits > 2) throw new IllegalArgumentException("hashBits writes 1 or 2 bits, not " + bits);
        int count = 64 * w;
        for (int done = 0; done < count; ) {
            int k = Math.min(CHUNK_BLOCKS, count - done);
            twoPasses(rows, done, k, mask, tweak0 + done);
            for (int j0 = 0; j0 < k; j0 += 64) {
                long p0 = 0, p1 = 0;
                for (int j = 0; j < 64; j++) { // shift the words down so lane j ends at bit j: constant shifts only
                    long v = (long) LONGS.get(out, 16 * (j0 + j)) ^ z[j0 + j];
                    p0 = (p0 >>> 1) | (v << 63);
                    p1 = (p1 >>> 1) | ((v >>> 1) << 63);
                }
                int x = (done + j0) >>> 6;
                dst[dOff + x] = p0;
                if (bits == 2) dst[dOff + stride + x] = p1;
            }
            done += k;
        }
    }

    /** AES passes 1 and 2 over k rows from row `from`: leaves pi(z) in out and z's low word in z[]. */
    private void twoPasses(long[] rows, int from, int k, long[] mask, long tweak) {
        long m0 = mask[0], m1 = mask[1], m2 = mask[2], m3 = mask[3];
        for (int j = 0; j < k; j++) {
            int r = Kk13.ROW * (from + j);
            LONGS.set(in, 16 * j, rows[r + 2] ^ m2 ^ (tweak + j));
            LONGS.set(in, 16 * j + 8, rows[r + 3] ^ m3);
        }
        encrypt(k);
        for (int j = 0; j < k; j++) {
            int r = Kk13.ROW * (from + j);
            // z = A ^ MMO(B'), B' = the high half with the tweak, recomputed rather than stored.
            long z0 = rows[r] ^ m0 ^ rows[r + 2] ^ m2 ^ (tweak + j) ^ (long) LONGS.get(out, 16 * j);
            long z1 = rows[r + 1] ^ m1 ^ rows[r + 3] ^ m3 ^ (long) LONGS.get(out, 16 * j + 8);
            z[j] = z0;
            LONGS.set(in, 16 * j, z0);
            LONGS.set(in, 16 * j + 8, z1);
        }
        encrypt(k);
    }

    private void encrypt(int blocks) {
        try {
            aes.doFinal(in, 0, blocks * 16, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }
}
