package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The KK13 sender: holds the secret s (256 bits) and the seed k_c^(s_c) of each column; from the
 * receiver's columns u it gets q_c = G(k_c^(s_c)) ^ s_c u_c, rows q_i = t_i ^ (C(r_i) AND s), and
 * the pad of index k is H(i, q_i ^ (C(k) AND s)). It is the base-OT receiver, choosing the bits of s.
 *
 * <p>Hashing N pads a row is nearly all of the sender's work and the receiver meanwhile waits, so
 * the sender shares the indices k with one helper thread (on a machine with more than one core):
 * the caller hashes the lower half, the helper the upper half. The output does not depend on it.
 */
public final class Kk13Sender {
    /** One daemon helper for every sender in this JVM; none on a single core. */
    private static final ExecutorService HELPER = Runtime.getRuntime().availableProcessors() > 1
            ? Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kk13-hash");
                t.setDaemon(true);
                return t;
            })
            : null;

    private final Channel ch;
    private final long[] s;
    private final Prg[] columns = new Prg[Kk13.COLUMNS];
    private final WideHash hash = new WideHash(), helperHash = new WideHash();
    private long nextIndex;

    /** s: 4 longs; seeds: the chosen 128-bit seed of each column, 2 longs each. */
    public Kk13Sender(Channel ch, long[] s, long[] seeds) {
        if (s.length != Kk13.ROW || seeds.length != 2 * Kk13.COLUMNS) throw new IllegalArgumentException("KK13 needs s of 256 bits and 256 seeds");
        this.ch = ch;
        this.s = s.clone();
        for (int c = 0; c < Kk13.COLUMNS; c++) columns[c] = new Prg(seedBytes(seeds, c));
    }

    /** Sets up from 256 random OTs in which this party is the IKNP receiver, choosing s (4,096 bytes from this party). */
    public static Kk13Sender bootstrap(OtReceiver base, SecureRandom rnd) {
        long[] s = new long[Kk13.ROW];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextLong();
        return new Kk13Sender(base.channel(), s, base.random(s, Kk13.COLUMNS, 2));
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
        long[][] masks = new long[nn][];
        for (int k = 0; k < nn; k++) {
            long[] c = Kk13.codeword(k);
            for (int i = 0; i < Kk13.ROW; i++) c[i] &= s[i];
            masks[k] = c;
        }
        long[] q = new long[Kk13.COLUMNS * cwMax], u = new long[Kk13.COLUMNS * cwMax];
        long[] rows = new long[Kk13.ROW * 64 * cwMax], tmp = new long[64];
        for (int x0 = 0; x0 < w; x0 += Kk13Receiver.CHUNK_WORDS) {
            int cw = Math.min(Kk13Receiver.CHUNK_WORDS, w - x0);
            ch.receiveLongs(u, 0, Kk13.COLUMNS * cw);
            for (int c = 0; c < Kk13.COLUMNS; c++) {
                columns[c].fill(q, c * cw, cw);
                if (((s[c >>> 6] >>> (c & 63)) & 1) == 1) for (int x = 0; x < cw; x++) q[c * cw + x] ^= u[c * cw + x];
            }
            Kk13.transpose(q, cw, rows, tmp);
            int split = HELPER == null ? nn : nn / 2;
            long index = nextIndex;
            int chunkOff = dOff + x0, cwF = cw;
            Future<?> upper = split < nn
                    ? HELPER.submit(() -> hashPads(helperHash, rows, cwF, masks, split, nn, index, msgBits, dst, chunkOff, dStride))
                    : null;
            hashPads(hash, rows, cw, masks, 0, split, index, msgBits, dst, chunkOff, dStride);
            if (upper != null) join(upper);
            nextIndex += 64L * cw;
        }
    }

    /** Pads of indices k in [from, to) for the rows of one flight, into their planes. */
    private static void hashPads(WideHash hash, long[] rows, int cw, long[][] masks, int from, int to, long index, int msgBits,
            long[] dst, int off, int stride) {
        long[] h = msgBits <= 2 ? null : new long[64 * cw];
        for (int k = from; k < to; k++) {
            int o = off + k * msgBits * stride;
            if (msgBits <= 2) {
                hash.hashBits(rows, cw, masks[k], index, msgBits, dst, o, stride);
            } else {
                hash.hash(rows, 64 * cw, masks[k], index, h, 0);
                Kk13.slice(h, cw, msgBits, dst, o, stride);
            }
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing KK13 pads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("KK13 pad hashing failed", e.getCause());
        }
    }
}
