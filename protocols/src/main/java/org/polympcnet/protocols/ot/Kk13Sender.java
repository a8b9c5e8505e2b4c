package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The KK13 sender: holds the secret s (256 bits) and the seed k_c^(s_c) of each column; from the
 * receiver's columns u it gets q_c = G(k_c^(s_c)) ^ s_c u_c, rows q_j = t_j ^ (C(r_j) AND s), and
 * the pad of index k is H(inst, j, k, q_j ^ (C(k) AND s)) ({@link Kk13Hash}). It is the base-OT
 * receiver, choosing the bits of s.
 *
 * <p>Hashing N pads a row is nearly all of the sender's work and the receiver meanwhile waits, so
 * the sender shares the indices k with a pooled helper thread ({@link TwoThreadWork}, on a machine
 * with more than one core). The output does not depend on it.
 */
public final class Kk13Sender {
    private final Channel ch;
    private final long[] s;
    private final Prg[] columns = new Prg[Kk13.COLUMNS];
    private final Kk13Hash hash, helperHash;
    private long nextIndex;

    /**
     * s: 4 longs; seeds: the chosen 128-bit seed of each column, 2 longs each, fresh for this sender
     * and never used again (reused seeds and s would give two senders the same pads): hence not
     * public, {@link #bootstrap} draws both.
     */
    Kk13Sender(Channel ch, long[] s, long[] seeds, int instance) {
        if (s.length != Kk13.ROW || seeds.length != 2 * Kk13.COLUMNS) throw new IllegalArgumentException("KK13 needs s of 256 bits and 256 seeds");
        this.ch = ch;
        this.s = s.clone();
        for (int c = 0; c < Kk13.COLUMNS; c++) columns[c] = new Prg(seedBytes(seeds, c));
        hash = new Kk13Hash(instance);
        helperHash = new Kk13Hash(instance);
    }

    /**
     * Sets up from 256 random OTs in which this party is the IKNP receiver, choosing s (4,096 bytes
     * from this party). instance (0..255) names this KK13 instance in the hash; the receiver of the
     * pair passes the same, and the two directions between two parties pass different ones (by
     * convention the sending party's index, {@link Kk13#instanceOf}).
     */
    public static Kk13Sender bootstrap(OtReceiver base, SecureRandom rnd, int instance) {
        long[] s = new long[Kk13.ROW];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextLong();
        return new Kk13Sender(base.channel(), s, base.random(s, Kk13.COLUMNS, 2), instance);
    }

    /**
     * {@link #bootstrap(OtReceiver, SecureRandom, int)} for instance {@link Kk13#DEFAULT_INSTANCE}.
     * Two instances between the same parties (one each way) should each pass their own instance.
     */
    public static Kk13Sender bootstrap(OtReceiver base, SecureRandom rnd) {
        return bootstrap(base, rnd, Kk13.DEFAULT_INSTANCE);
    }

    static byte[] seedBytes(long[] seeds, int c) {
        byte[] b = new byte[Prg.SEED_BYTES];
        for (int i = 0; i < 16; i++) b[i] = (byte) (seeds[2 * c + (i >>> 3)] >>> (8 * (i & 7)));
        return b;
    }

    /**
     * Random 1-out-of-2^logN OTs on the lanes of w words: writes the low msgBits bits of the pad of
     * index k for lane x to dst[dOff + (k * msgBits + b) * dStride + x]. Reads the receiver's columns.
     */
    public void send(int logN, int w, int msgBits, long[] dst, int dOff, int dStride) {
        Kk13.checkLogN(logN);
        int nn = 1 << logN, cwMax = Math.min(Kk13Receiver.CHUNK_WORDS, w);
        Kk13.checkOutput(w, msgBits, nn, dst, dOff, dStride);
        long[][] masks = new long[nn][];
        for (int k = 0; k < nn; k++) {
            long[] c = Kk13.codeword(k);
            for (int i = 0; i < Kk13.ROW; i++) c[i] &= s[i];
            masks[k] = c;
        }
        long[] q = new long[Kk13.COLUMNS * cwMax], u = new long[Kk13.COLUMNS * cwMax];
        int[] rows = new int[2 * Kk13.ROW * 64 * cwMax];
        long[] tmp = new long[64];
        // 64-bit hashes of one index before slicing, one buffer per thread (unused for 1- and 2-bit pads).
        long[] hMine = msgBits <= 2 ? null : new long[64 * cwMax], hHelper = msgBits <= 2 ? null : new long[64 * cwMax];
        for (int x0 = 0; x0 < w; x0 += Kk13Receiver.CHUNK_WORDS) {
            int cw = Math.min(Kk13Receiver.CHUNK_WORDS, w - x0);
            ch.receiveLongs(u, 0, Kk13.COLUMNS * cw);
            for (int c = 0; c < Kk13.COLUMNS; c++) {
                columns[c].fill(q, c * cw, cw);
                if (((s[c >>> 6] >>> (c & 63)) & 1) == 1) for (int x = 0; x < cw; x++) q[c * cw + x] ^= u[c * cw + x];
            }
            Kk13.transpose(q, cw, rows, tmp);
            long index = nextIndex;
            int chunkOff = dOff + x0, cwF = cw;
            TwoThreadWork.run(nn,
                    k -> hashPads(hash, hMine, rows, cwF, masks[k], k, index, msgBits, dst, chunkOff + k * msgBits * dStride, dStride),
                    k -> hashPads(helperHash, hHelper, rows, cwF, masks[k], k, index, msgBits, dst, chunkOff + k * msgBits * dStride, dStride));
            nextIndex += 64L * cw;
        }
    }

    /** The pads of index k for the rows of one flight, into their planes from dst[off]. */
    private static void hashPads(Kk13Hash hash, long[] h, int[] rows, int cw, long[] mask, int k, long index, int msgBits,
            long[] dst, int off, int stride) {
        if (msgBits <= 2) {
            hash.hashBits(rows, cw, mask, k, null, index, msgBits, dst, off, stride);
        } else {
            hash.hash(rows, 64 * cw, mask, k, null, index, h, 0);
            Kk13.slice(h, cw, msgBits, dst, off, stride);
        }
    }
}
