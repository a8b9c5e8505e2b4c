package org.polympcnet.protocols.fss;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PRG of the DCF tree: fixed-key AES-128 in the Matyas-Meyer-Oseas shape,
 * G_j(s) = AES_k(s ^ j) ^ s ^ j, where the tweak j sits in the block's top byte (0 = left seed,
 * 1 = left value, 2 = right seed, 3 = right value). The key k is public and fixed: the first 16
 * bytes of SHA-256("PolyMPCNet-J FSS fixed AES key v1"), so the dealer and both parties expand the
 * same tree without sharing anything; the seeds are the secrets (the fixed-key AES as a random
 * permutation, as in EMP-toolkit and the FSS libraries of LLAMA and Orca).
 *
 * <p>A block is two little-endian longs, lo (bytes 0..7) then hi (bytes 8..15); callers lay out
 * many blocks in a byte[] and encrypt them with ONE Cipher call (the JDK's ECB path runs AES-NI over
 * the whole buffer; per-block calls would cost more than the AES). Not thread-safe: one per thread.
 */
public final class FixedKeyAes {
    /** The documented constant the public key is derived from. */
    public static final String KEY_LABEL = "PolyMPCNet-J FSS fixed AES key v1";
    static final byte[] KEY = deriveKey();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cipher aes;

    public FixedKeyAes() {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JDK", e);
        }
    }

    private static byte[] deriveKey() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(KEY_LABEL.getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(h, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** out[0 .. 16 blocks) = AES_k(in[0 .. 16 blocks)), in one call. */
    public void encrypt(byte[] in, byte[] out, int blocks) {
        try {
            int done = aes.doFinal(in, 0, blocks * 16, out, 0);
            if (done != blocks * 16) throw new IllegalStateException("AES wrote " + done + " bytes, want " + blocks * 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    /** The tweak j as it is XORed into a block's hi word (its top byte). */
    static long tweak(int j) {
        return (long) j << 56;
    }

    static long get(byte[] b, int byteOffset) {
        return (long) LONGS.get(b, byteOffset);
    }

    static void put(byte[] b, int byteOffset, long v) {
        LONGS.set(b, byteOffset, v);
    }

    /** G_j(s) for one seed, unbatched: for tests. Returns {lo, hi}. */
    long[] g(long lo, long hi, int j) {
        byte[] in = new byte[16], out = new byte[16];
        put(in, 0, lo);
        put(in, 8, hi ^ tweak(j));
        encrypt(in, out, 1);
        return new long[] {get(out, 0) ^ lo, get(out, 8) ^ hi ^ tweak(j)};
    }
}
