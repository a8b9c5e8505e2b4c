package org.polympcnet.protocols.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PrgTest {
    @Test
    void keyStreamIsAesCtrWithZeroIv() throws Exception {
        byte[] seed = new byte[16];
        for (int i = 0; i < 16; i++) seed[i] = (byte) (3 * i + 1);
        int n = 20_000; // crosses the 4096-block buffer boundary several times
        long[] ours = new Prg(seed).longs(n);
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, "AES"), new IvParameterSpec(new byte[16]));
        byte[] ks = ctr.doFinal(new byte[n * 8]);
        long[] want = new long[n];
        ByteBuffer.wrap(ks).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(want);
        assertArrayEquals(want, ours);
    }

    @Test
    void sameSeedSameStreamInAnyChunking() {
        byte[] seed = Prg.freshSeed();
        long[] whole = new Prg(seed).longs(10_000);
        Prg p = new Prg(seed);
        long[] pieces = new long[10_000];
        int off = 0;
        for (int k : new int[] {1, 7, 4095, 1, 3000, 2896}) {
            p.fill(pieces, off, k);
            off += k;
        }
        assertEquals(10_000, off);
        assertArrayEquals(whole, pieces);
        assertNotEquals(whole[0], new Prg(Prg.freshSeed()).nextLong());
    }
}
