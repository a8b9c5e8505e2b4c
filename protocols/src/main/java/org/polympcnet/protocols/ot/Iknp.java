package org.polympcnet.protocols.ot;

import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shared parts of IKNP OT extension (Ishai, Kilian, Nissim, Petrank, CRYPTO 2003), kappa = 128,
 * semi-honest. 128 base OTs with reversed roles seed 128 column PRGs on each side; each batch of
 * m OTs costs the receiver one message of 128 columns of m bits (16 bytes an OT) and both sides a
 * 128 x m bit-matrix transpose. Afterwards row j satisfies t_j = q_j ^ r_j * s, with s the
 * sender's secret 128-bit offset. Batches are padded to a multiple of 64 OTs.
 */
final class Iknp {
    static final int KAPPA = 128;

    private Iknp() {}

    static int padded(int m) {
        return (m + 63) & ~63;
    }

    /** Column PRGs from base-OT keys. */
    static Prg[] prgs(byte[][] keys) {
        Prg[] p = new Prg[keys.length];
        for (int i = 0; i < keys.length; i++) p[i] = new Prg(keys[i]);
        return p;
    }

    /**
     * 128 columns of m bits (column i at cols[i * W], W = m / 64 words) to m rows of 128 bits
     * (row j at rows[2j] low 64 columns, rows[2j + 1] high 64).
     */
    static long[] transpose(long[] cols, int m) {
        int w = m >>> 6;
        long[] rows = new long[2 * m];
        long[] tmp = new long[64];
        for (int b = 0; b < w; b++) {
            for (int g = 0; g < 2; g++) {
                for (int c = 0; c < 64; c++) tmp[c] = cols[(64 * g + c) * w + b];
                BitSlice.transpose64(tmp, 0);
                int base = 2 * 64 * b + g;
                for (int r = 0; r < 64; r++) rows[base + 2 * r] = tmp[r];
            }
        }
        return rows;
    }
}
