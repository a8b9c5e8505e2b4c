package org.polympcnet.protocols.ot;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shared parts of KK13 1-out-of-N OT extension (Kolesnikov and Kumaresan, CRYPTO 2013), N <= 256,
 * semi-honest. IKNP with the repetition code replaced by the Walsh-Hadamard code of length 256
 * (C(k)_j = parity(k AND j), minimum distance 128 = kappa): 256 base OTs with reversed roles seed
 * 256 column PRGs on each side; the receiver sends 256 columns (32 bytes an OT, whatever N), and
 * afterwards row j satisfies q_j = t_j ^ (C(r_j) AND s), s the sender's secret 256-bit string. The
 * sender's pad for index k is H(inst, j, k, q_j ^ (C(k) AND s)), H the random oracle of
 * {@link Kk13Hash}, j the OT's index in the instance and inst the instance's byte; the receiver can
 * compute the one at r_j, H(inst, j, r_j, t_j). Batches are whole 64-lane words.
 */
public final class Kk13 {
    /** Code length: columns, and base OTs each way. */
    public static final int COLUMNS = 256;
    /** Longs in one 256-bit row. */
    static final int ROW = COLUMNS / 64;
    /** The largest N: the code's dimension is 8. */
    public static final int MAX_LOG_N = 8;

    /** The instance byte of the bootstraps that take none. */
    public static final int DEFAULT_INSTANCE = 0;

    private Kk13() {}

    /**
     * The instance byte of the KK13 instance in which `sendingParty` (0 or 1) sends: each way between
     * two parties gets its own, so their hash queries never meet.
     */
    public static int instanceOf(int sendingParty) {
        if (sendingParty < 0 || sendingParty > 1) throw new IllegalArgumentException("KK13 sending party is 0 or 1, got " + sendingParty);
        return 1 + sendingParty;
    }

    /** Checks that msgBits is 1..64 and that dst holds the N * msgBits planes of w words from dOff, stride dStride. */
    static void checkOutput(int w, int msgBits, int planesPerBit, long[] dst, int dOff, int dStride) {
        if (msgBits < 1 || msgBits > 64) throw new IllegalArgumentException("KK13 pads are 1..64 bits, got " + msgBits);
        if (w < 0 || dStride < w || dOff < 0) throw new IllegalArgumentException("KK13 output: w = " + w + " words, stride " + dStride + ", offset " + dOff);
        long last = dOff + (long) (planesPerBit * msgBits - 1) * dStride + w;
        if (w > 0 && last > dst.length) throw new IllegalArgumentException("KK13 output array holds " + dst.length + " longs, needs " + last);
    }

    /** Bytes the receiver sends for OTs over `words` 64-lane words: 256 columns of 64 * words bits. */
    public static long receiverBytes(int words) {
        return (long) COLUMNS * 8 * words;
    }

    /** C(k) as 4 longs, bit j = parity(k AND j). */
    static long[] codeword(int k) {
        long[] c = new long[ROW];
        for (int j = 0; j < COLUMNS; j++) if ((Integer.bitCount(k & j) & 1) == 1) c[j >>> 6] |= 1L << (j & 63);
        return c;
    }

    static void checkLogN(int logN) {
        if (logN < 1 || logN > MAX_LOG_N) throw new IllegalArgumentException("KK13 1-out-of-N OT: logN in 1.." + MAX_LOG_N + ", got " + logN);
    }

    /**
     * 256 columns of 64 * w bits (column c at cols[c * w]) to 64 * w rows of 256 bits, as 8 int planes
     * for the pad hash ({@link Kk13Hash}): 32-bit word v of row i (its columns 32 v .. 32 v + 31, bit c
     * % 32 = column c) at planes[v * 64 w + i].
     */
    static void transpose(long[] cols, int w, int[] planes, long[] tmp) {
        int count = 64 * w;
        for (int b = 0; b < w; b++) {
            for (int g = 0; g < ROW; g++) {
                for (int c = 0; c < 64; c++) tmp[c] = cols[(64 * g + c) * w + b];
                BitSlice.transpose64(tmp, 0);
                int lo = 2 * g * count + 64 * b, hi = lo + count;
                for (int r = 0; r < 64; r++) {
                    planes[lo + r] = (int) tmp[r];
                    planes[hi + r] = (int) (tmp[r] >>> 32);
                }
            }
        }
    }

    /**
     * Moves the low `bits` bits of 64 * w hash outputs (one long a lane) into bit planes
     * dst[dOff + b * stride + x]. Short messages (the millionaire's 1 or 2 bits) are gathered bit by
     * bit, which is cheaper than a 64 x 64 transpose for 1 to 4 planes; longer ones are transposed.
     */
    static void slice(long[] h, int w, int bits, long[] dst, int dOff, int stride) {
        if (bits > 4) {
            for (int x = 0; x < w; x++) {
                BitSlice.transpose64(h, 64 * x);
                for (int b = 0; b < bits; b++) dst[dOff + b * stride + x] = h[64 * x + b];
            }
            return;
        }
        for (int x = 0; x < w; x++) {
            for (int b = 0; b < bits; b++) {
                long word = 0;
                for (int i = 0; i < 64; i++) word |= ((h[64 * x + i] >>> b) & 1L) << i;
                dst[dOff + b * stride + x] = word;
            }
        }
    }
}
