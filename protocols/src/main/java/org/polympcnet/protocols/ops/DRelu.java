package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * DReLU(x) = 1 if x >= 0 else 0, as XOR shares: 1 ^ msb(x), party 0 flipping its share. Same
 * cost as {@link Msb}.
 */
public final class DRelu {
    private final Party party;
    private final Msb msb;
    private final int n;

    public DRelu(Party p, int n) {
        this.party = p;
        this.n = n;
        this.msb = new Msb(p, n);
    }

    public long[] apply(long[] x) {
        long[] b = msb.apply(x);
        if (party.id == 0) flip(b, n);
        return b;
    }

    static void flip(long[] b, int n) {
        for (int i = 0; i < b.length; i++) b[i] = ~b[i];
        BitSlice.clearPadding(b, 0, n);
    }

    public static long onlineBytes(int n) {
        return Msb.onlineBytes(n);
    }

    public static int onlineRounds() {
        return Msb.onlineRounds();
    }
}
