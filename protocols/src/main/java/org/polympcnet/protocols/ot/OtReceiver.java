package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.crypto.CrHash;
import org.polympcnet.protocols.net.Channel;

/** The receiver's side of the OT flavours of {@link OtSender}; choice bits are bit j of words. */
public final class OtReceiver {
    private final Channel ch;
    private final IknpReceiver ext;
    private final CrHash hash = new CrHash();

    public OtReceiver(Channel ch, SecureRandom rnd) {
        this.ch = ch;
        this.ext = new IknpReceiver(ch, rnd);
    }

    /** Random OT: the pad m_{r_j}, `words` longs per OT. */
    public long[] random(long[] choices, int m, int words) {
        long idx = ext.nextIndex();
        long[] t = ext.extend(choices, m);
        long[] out = new long[m * words];
        hash.hash(t, 0, m, 0, 0, idx, out, 0, words);
        return out;
    }

    /** Correlated OT over Z_2^64: x_j + r_j delta_j. */
    public long[] correlated(long[] choices, int m) {
        long[] pad = random(choices, m, 1);
        long[] y = ch.receiveLongs(m);
        // H(t_j) = H(q_j ^ s) when r_j = 1, and H(q_j ^ s) - y_j = x_j + delta_j.
        for (int j = 0; j < m; j++) if (bit(choices, j)) pad[j] -= y[j];
        return pad;
    }

    /** Chosen-message OT: m_{r_j}. */
    public long[] chosen(long[] choices, int m) {
        long[] pad = random(choices, m, 1);
        long[] c = ch.receiveLongs(2 * m);
        long[] out = new long[m];
        for (int j = 0; j < m; j++) out[j] = c[2 * j + (bit(choices, j) ? 1 : 0)] ^ pad[j];
        return out;
    }

    static boolean bit(long[] words, int j) {
        return ((words[j >>> 6] >>> (j & 63)) & 1) == 1;
    }

    public Channel channel() {
        return ch;
    }
}
