package org.polympcnet.protocols.ot;

import java.security.SecureRandom;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;

/**
 * The OT-extension sender: holds the secret offset s (128 bits) and, per batch, q_j with
 * t_j = q_j ^ r_j s at the receiver. It is the base-OT receiver, choosing the bits of s.
 */
public final class IknpSender {
    private final Channel ch;
    private final long sLo, sHi;
    private final Prg[] columns;
    private long nextIndex;

    public IknpSender(Channel ch, SecureRandom rnd) {
        this.ch = ch;
        long lo = rnd.nextLong(), hi = rnd.nextLong();
        boolean[] bits = new boolean[Iknp.KAPPA];
        for (int i = 0; i < Iknp.KAPPA; i++) bits[i] = (((i < 64 ? lo : hi) >>> (i & 63)) & 1) == 1;
        this.columns = Iknp.prgs(ChouOrlandi.receive(ch, bits, rnd));
        this.sLo = lo;
        this.sHi = hi;
    }

    public long deltaLo() {
        return sLo;
    }

    public long deltaHi() {
        return sHi;
    }

    /** Index of the first OT of the next batch: the hash tweak, unique per OT of this instance. */
    long nextIndex() {
        return nextIndex;
    }

    /** Receives the receiver's matrix for m OTs (padded) and returns the rows q_j (2 longs each). */
    public long[] extend(int m) {
        int mp = Iknp.padded(m), w = mp >>> 6;
        long[] u = ch.receiveLongs(Iknp.KAPPA * w);
        long[] q = new long[Iknp.KAPPA * w];
        for (int i = 0; i < Iknp.KAPPA; i++) {
            columns[i].fill(q, i * w, w);
            if ((((i < 64 ? sLo : sHi) >>> (i & 63)) & 1) == 1) {
                for (int k = 0; k < w; k++) q[i * w + k] ^= u[i * w + k];
            }
        }
        nextIndex += mp;
        return Iknp.transpose(q, mp);
    }
}
