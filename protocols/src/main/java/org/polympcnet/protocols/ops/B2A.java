package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.DaBits;

/**
 * Boolean to arithmetic conversion of shared bits with daBits (r as XOR and as ring shares):
 * open c = b ^ r, then b = c + (1 - 2c) r in the ring. Bytes: ceil(n/8) each; 1 round.
 */
public final class B2A {
    private final Party party;
    private final int n;
    private final DaBits bits;

    public B2A(Party p, int n) {
        this.party = p;
        this.n = n;
        this.bits = p.correlations.daBits(n);
    }

    /** b: XOR shares, bit-sliced (W words); returns ring shares of each bit (0 or 1). */
    public long[] apply(long[] b) {
        bits.consume();
        long[] masked = new long[b.length];
        for (int i = 0; i < b.length; i++) masked[i] = b[i] ^ bits.bool[i];
        long[] c = Sharing.openBits(party, masked, n);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            long ci = (c[i >>> 6] >>> (i & 63)) & 1L;
            y[i] = (1 - 2 * ci) * bits.arith[i] + (party.id == 0 ? ci : 0);
        }
        return y;
    }

    public static long onlineBytes(int n) {
        return org.polympcnet.protocols.ring.BitSlice.wireBytes(n);
    }

    public static int onlineRounds() {
        return 1;
    }
}
