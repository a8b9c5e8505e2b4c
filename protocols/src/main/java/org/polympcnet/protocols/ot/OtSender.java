package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.crypto.CrHash;
import org.polympcnet.protocols.net.Channel;

/**
 * The sender's side of the OT flavours built on IKNP, each hashing q_j and q_j ^ s with the
 * tweakable correlation-robust hash (tweak = the OT's index in this instance):
 * random OT (two pads), correlated OT over Z_2^64 (x_j and x_j + delta_j), chosen-message OT.
 */
public final class OtSender {
    private final Channel ch;
    private final IknpSender ext;
    private final CrHash hash = new CrHash();

    public OtSender(Channel ch, SecureRandom rnd) {
        this.ch = ch;
        this.ext = new IknpSender(ch, rnd);
    }

    /** Random OT: returns {m0, m1}, each `words` (1 or 2) longs per OT. No extra traffic. */
    public long[][] random(int m, int words) {
        long idx = ext.nextIndex();
        long[] q = ext.extend(m);
        long[] m0 = new long[m * words], m1 = new long[m * words];
        hash.hash(q, 0, m, 0, 0, idx, m0, 0, words);
        hash.hash(q, 0, m, ext.deltaLo(), ext.deltaHi(), idx, m1, 0, words);
        return new long[][] {m0, m1};
    }

    /**
     * Correlated OT over Z_2^64: returns x_j; the receiver gets x_j + r_j delta_j. Sends 8 bytes
     * an OT: y_j = H(q_j ^ s) - x_j - delta_j with x_j = H(q_j).
     */
    public long[] correlated(long[] delta) {
        int m = delta.length;
        long[][] pads = random(m, 1);
        long[] y = new long[m];
        for (int j = 0; j < m; j++) y[j] = pads[1][j] - pads[0][j] - delta[j];
        ch.sendLongs(y);
        ch.flush();
        return pads[0];
    }

    /** Chosen-message OT of 64-bit messages: sends m0 ^ H(q), m1 ^ H(q ^ s), 16 bytes an OT. */
    public void chosen(long[] msg0, long[] msg1) {
        int m = msg0.length;
        long[][] pads = random(m, 1);
        long[] c = new long[2 * m];
        for (int j = 0; j < m; j++) {
            c[2 * j] = msg0[j] ^ pads[0][j];
            c[2 * j + 1] = msg1[j] ^ pads[1][j];
        }
        ch.sendLongs(c);
        ch.flush();
    }

    public Channel channel() {
        return ch;
    }
}
