package org.polympcnet.protocols.ot;

import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The KK13 receiver: for choices r (bit-sliced, logN planes) it sends u_c = G(k_c^0) ^ G(k_c^1) ^ C(r)_c
 * for the 256 columns c and keeps t = G(k_c^0) transposed, so that the sender's q_j = t_j ^ (C(r_j) AND s);
 * its pad is H(inst, j, r_j, t_j) ({@link Kk13Hash}). It is the base-OT sender: it holds both seeds of each column.
 */
public final class Kk13Receiver {
    /**
     * Words of lanes per message flight (32,768 lanes): bounds memory at 256 columns x 32,768 bits,
     * 1 MiB, while keeping flights (and thread wake-ups) few.
     */
    static final int CHUNK_WORDS = 512;

    private final Channel ch;
    private final Prg[] g0 = new Prg[Kk13.COLUMNS], g1 = new Prg[Kk13.COLUMNS];
    private final Kk13Hash hash;
    private final long[] zero = new long[Kk13.ROW];
    private long nextIndex;

    /**
     * seeds0, seeds1: the two 128-bit seeds of each column, 2 longs each (from 256 random OTs), fresh
     * for this receiver and never used again: hence not public, {@link #bootstrap} draws them.
     */
    Kk13Receiver(Channel ch, long[] seeds0, long[] seeds1, int instance) {
        if (seeds0.length != 2 * Kk13.COLUMNS || seeds1.length != 2 * Kk13.COLUMNS) throw new IllegalArgumentException("KK13 needs 256 seed pairs");
        this.ch = ch;
        for (int c = 0; c < Kk13.COLUMNS; c++) {
            g0[c] = new Prg(Kk13Sender.seedBytes(seeds0, c));
            g1[c] = new Prg(Kk13Sender.seedBytes(seeds1, c));
        }
        hash = new Kk13Hash(instance);
    }

    /**
     * Sets up from 256 random OTs in which this party is the IKNP sender (traffic: {@link IknpReceiver#bytes}(256)
     * from the peer). instance: the byte the paired sender passed ({@link Kk13Sender#bootstrap(OtReceiver, java.security.SecureRandom, int)}).
     */
    public static Kk13Receiver bootstrap(OtSender base, int instance) {
        long[][] pads = base.random(Kk13.COLUMNS, 2);
        return new Kk13Receiver(base.channel(), pads[0], pads[1], instance);
    }

    /**
     * {@link #bootstrap(OtSender, int)} for instance {@link Kk13#DEFAULT_INSTANCE}. Two instances
     * between the same parties (one each way) should each pass their own instance.
     */
    public static Kk13Receiver bootstrap(OtSender base) {
        return bootstrap(base, Kk13.DEFAULT_INSTANCE);
    }

    /**
     * Random 1-out-of-2^logN OTs on the lanes of w words, the choice of lane x bit t at
     * choice[cOff + t * cStride + x]; writes the low msgBits bits of each pad to
     * dst[dOff + b * dStride + x]. Sends {@link Kk13#receiverBytes}(w), in flights of up to 32,768 lanes.
     */
    public void receive(long[] choice, int cOff, int cStride, int logN, int w, int msgBits, long[] dst, int dOff, int dStride) {
        Kk13.checkLogN(logN);
        int nn = 1 << logN, cwMax = Math.min(CHUNK_WORDS, w);
        Kk13.checkOutput(w, msgBits, 1, dst, dOff, dStride);
        long[] code = new long[nn * cwMax], t = new long[Kk13.COLUMNS * cwMax], u = new long[Kk13.COLUMNS * cwMax];
        long[] pad = new long[cwMax], h = new long[64 * cwMax], tmp = new long[64];
        int[] rows = new int[2 * Kk13.ROW * 64 * cwMax], ks = new int[64 * cwMax];
        for (int x0 = 0; x0 < w; x0 += CHUNK_WORDS) {
            int cw = Math.min(CHUNK_WORDS, w - x0);
            // Column c of the codewords C(r) depends on c AND (N - 1) only: build those N columns once.
            for (int j = 1; j < nn; j++) {
                int from = (j & (j - 1)) * cw, bit = Integer.numberOfTrailingZeros(j), c = cOff + bit * cStride + x0;
                for (int x = 0; x < cw; x++) code[j * cw + x] = code[from + x] ^ choice[c + x];
            }
            for (int c = 0; c < Kk13.COLUMNS; c++) {
                g0[c].fill(t, c * cw, cw);
                g1[c].fill(pad, 0, cw);
                int cc = (c & (nn - 1)) * cw;
                for (int x = 0; x < cw; x++) u[c * cw + x] = t[c * cw + x] ^ pad[x] ^ code[cc + x];
            }
            ch.sendLongs(u, 0, Kk13.COLUMNS * cw);
            ch.flush();
            Kk13.transpose(t, cw, rows, tmp);
            choicesOfLanes(choice, cOff + x0, cStride, logN, cw, ks);
            if (msgBits <= 2) {
                hash.hashBits(rows, cw, zero, 0, ks, nextIndex, msgBits, dst, dOff + x0, dStride);
            } else {
                hash.hash(rows, 64 * cw, zero, 0, ks, nextIndex, h, 0);
                Kk13.slice(h, cw, msgBits, dst, dOff + x0, dStride);
            }
            nextIndex += 64L * cw;
        }
    }

    /** ks[64 x + i] = r of lane i of word x (its logN bit planes from choice[off + t * stride + x]), for cw words: the k in the receiver's hash. */
    static void choicesOfLanes(long[] choice, int off, int stride, int logN, int cw, int[] ks) {
        java.util.Arrays.fill(ks, 0, 64 * cw, 0);
        for (int t = 0; t < logN; t++) {
            for (int x = 0; x < cw; x++) {
                long plane = choice[off + t * stride + x];
                for (int i = 0; i < 64; i++) ks[64 * x + i] |= (int) ((plane >>> i) & 1L) << t;
            }
        }
    }
}
