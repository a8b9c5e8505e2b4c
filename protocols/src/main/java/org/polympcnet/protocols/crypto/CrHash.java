package org.polympcnet.protocols.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tweakable correlation-robust hash from fixed-key AES (Guo, Katz, Wang, Yu, "Efficient and
 * Secure Multiparty Computation from Fixed-Key Block Ciphers", S&P 2020):
 * H(i, x) = pi(pi(x) ^ i) ^ pi(x), pi = AES-128 under a public fixed key. It turns IKNP's
 * correlated blocks q_j, q_j ^ s into independent-looking pads. Blocks are 128 bits held as two
 * longs (low, high) at [2j], [2j + 1]. Not thread-safe.
 */
public final class CrHash {
    private static final byte[] FIXED_KEY = {
        0x61, 0x7e, (byte) 0x8d, 0x2f, 0x2f, 0x52, 0x44, 0x6a, 0x33, (byte) 0xc1, 0x05, 0x4e, 0x72, (byte) 0xa5, 0x19, 0x3d,
    };
    private static final int CHUNK_BLOCKS = 4096;

    private final Cipher aes;
    private final byte[] in = new byte[CHUNK_BLOCKS * 16], out = new byte[CHUNK_BLOCKS * 16];
    private final LongBuffer inL = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    private final LongBuffer outL = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    private final long[] pix = new long[CHUNK_BLOCKS * 2];

    public CrHash() {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(FIXED_KEY, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JDK", e);
        }
    }

    /**
     * dst[j] = H(tweak0 + j, x_j ^ mask) for the count blocks of x from block offset xOff; mask is a
     * 128-bit (lo, hi) XORed in first (pass 0, 0 for none). Only the low `words` longs (1 or 2) of
     * each hash are written, packed: dst[dOff + j * words ...].
     */
    public void hash(long[] x, int xOff, int count, long maskLo, long maskHi, long tweak0, long[] dst, int dOff, int words) {
        for (int done = 0; done < count; ) {
            int k = Math.min(CHUNK_BLOCKS, count - done);
            for (int j = 0; j < k; j++) {
                int src = 2 * (xOff + done + j);
                inL.put(2 * j, x[src] ^ maskLo);
                inL.put(2 * j + 1, x[src + 1] ^ maskHi);
            }
            encrypt(k);
            outL.get(0, pix, 0, 2 * k);
            for (int j = 0; j < k; j++) {
                inL.put(2 * j, pix[2 * j] ^ (tweak0 + done + j));
                inL.put(2 * j + 1, pix[2 * j + 1]);
            }
            encrypt(k);
            for (int j = 0; j < k; j++) {
                int d = dOff + (done + j) * words;
                dst[d] = outL.get(2 * j) ^ pix[2 * j];
                if (words == 2) dst[d + 1] = outL.get(2 * j + 1) ^ pix[2 * j + 1];
            }
            done += k;
        }
    }

    /** dst[j] = low 64 bits of H(tweaks[j], x_j) for the count blocks of x: arbitrary tweaks. */
    public void hashWithTweaks(long[] x, long[] tweaks, int count, long[] dst) {
        for (int done = 0; done < count; ) {
            int k = Math.min(CHUNK_BLOCKS, count - done);
            for (int j = 0; j < k; j++) {
                inL.put(2 * j, x[2 * (done + j)]);
                inL.put(2 * j + 1, x[2 * (done + j) + 1]);
            }
            encrypt(k);
            outL.get(0, pix, 0, 2 * k);
            for (int j = 0; j < k; j++) {
                inL.put(2 * j, pix[2 * j] ^ tweaks[done + j]);
                inL.put(2 * j + 1, pix[2 * j + 1]);
            }
            encrypt(k);
            for (int j = 0; j < k; j++) dst[done + j] = outL.get(2 * j) ^ pix[2 * j];
            done += k;
        }
    }

    private void encrypt(int blocks) {
        try {
            aes.doFinal(in, 0, blocks * 16, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }
}
