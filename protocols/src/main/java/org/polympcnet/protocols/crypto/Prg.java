package org.polympcnet.protocols.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudo-random generator: AES-128 in counter mode, keyed by a 16-byte seed. Built as ECB over a
 * buffer of counter blocks because the JDK's ECB path is about 8x faster than its CTR path on this
 * machine (DESIGN.md, crypto); the key stream is byte for byte that of AES-CTR with a zero IV
 * (PrgTest checks it against the JDK's CTR mode), read as little-endian 64-bit words.
 * Not thread-safe: one generator, one user.
 */
public final class Prg {
    public static final int SEED_BYTES = 16;
    private static final int BUFFER_BLOCKS = 4096; // 64 KiB of key stream per AES call

    private final Cipher aes;
    private final byte[] counters = new byte[BUFFER_BLOCKS * 16];
    private final byte[] stream = new byte[BUFFER_BLOCKS * 16];
    private final LongBuffer streamLongs = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    // AES-CTR increments the 128-bit block as a big-endian integer; our counter is its low 64 bits.
    private final ByteBuffer counterView = ByteBuffer.wrap(counters).order(ByteOrder.BIG_ENDIAN);
    private long nextBlock;
    private int position = stream.length / 8; // in longs; buffer starts empty

    public Prg(byte[] seed) {
        if (seed.length != SEED_BYTES) throw new IllegalArgumentException("PRG seed must be 16 bytes, got " + seed.length);
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is not available in this JDK", e);
        }
    }

    /** A fresh seed from the platform's {@link SecureRandom}. */
    public static byte[] freshSeed() {
        byte[] s = new byte[SEED_BYTES];
        SeedSource.RANDOM.nextBytes(s);
        return s;
    }

    public static Prg fresh() {
        return new Prg(freshSeed());
    }

    private void refill() {
        for (int i = 0; i < BUFFER_BLOCKS; i++) {
            counterView.putLong(i * 16 + 8, nextBlock++);
        }
        try {
            aes.doFinal(counters, 0, counters.length, stream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
        position = 0;
    }

    public void fill(long[] dst, int off, int len) {
        int limit = stream.length / 8;
        while (len > 0) {
            if (position == limit) refill();
            int k = Math.min(len, limit - position);
            streamLongs.get(position, dst, off, k);
            position += k;
            off += k;
            len -= k;
        }
    }

    public long[] longs(int n) {
        long[] r = new long[n];
        fill(r, 0, n);
        return r;
    }

    public long nextLong() {
        if (position == stream.length / 8) refill();
        return streamLongs.get(position++);
    }

    public void nextBytes(byte[] dst) {
        for (int i = 0; i < dst.length; i += 8) {
            long v = nextLong();
            for (int j = 0; j < 8 && i + j < dst.length; j++) dst[i + j] = (byte) (v >>> (8 * j));
        }
    }

    /** Holder so SecureRandom is created once, lazily. */
    private static final class SeedSource {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
