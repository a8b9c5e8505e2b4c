package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The OT-extension receiver: for choice bits r it sends u_i = G(k_i^0) ^ G(k_i^1) ^ r per column
 * and keeps t = G(k_i^0) transposed: t_j = q_j ^ r_j s. It is the base-OT sender.
 */
public final class IknpReceiver {
    private final Channel ch;
    private final Prg[] g0, g1;
    private long nextIndex;

    public IknpReceiver(Channel ch, SecureRandom rnd) {
        this.ch = ch;
        byte[][][] keys = ChouOrlandi.send(ch, Iknp.KAPPA, rnd);
        byte[][] k0 = new byte[Iknp.KAPPA][], k1 = new byte[Iknp.KAPPA][];
        for (int i = 0; i < Iknp.KAPPA; i++) {
            k0[i] = keys[i][0];
            k1[i] = keys[i][1];
        }
        this.g0 = Iknp.prgs(k0);
        this.g1 = Iknp.prgs(k1);
    }

    long nextIndex() {
        return nextIndex;
    }

    /** Sends the matrix for m OTs with choices r (bit j of words) and returns the rows t_j. */
    public long[] extend(long[] choices, int m) {
        int mp = Iknp.padded(m), w = mp >>> 6;
        long[] t = new long[Iknp.KAPPA * w], u = new long[Iknp.KAPPA * w], pad = new long[w];
        long lastMask = (m & 63) == 0 ? -1L : (1L << (m & 63)) - 1;
        for (int i = 0; i < Iknp.KAPPA; i++) {
            g0[i].fill(t, i * w, w);
            g1[i].fill(pad, 0, w);
            for (int k = 0; k < w; k++) {
                long r = k < choices.length ? choices[k] : 0;
                if (k == (m - 1) >>> 6) r &= lastMask;
                if (k > (m - 1) >>> 6) r = 0;
                u[i * w + k] = t[i * w + k] ^ pad[k] ^ r;
            }
        }
        ch.sendLongs(u);
        ch.flush();
        nextIndex += mp;
        return Iknp.transpose(t, mp);
    }

    /** Bytes the receiver sends for a batch of m OTs. */
    public static long bytes(int m) {
        return 16L * Iknp.padded(m);
    }
}
