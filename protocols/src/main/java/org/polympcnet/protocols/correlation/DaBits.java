package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/** Shares of n daBits (doubly-shared bits): the same random bit r as XOR shares (bit-sliced) and as ring shares. */
public final class DaBits extends Correlation {
    public final int n;
    public final long[] bool, arith;

    public DaBits(int n, long[] bool, long[] arith) {
        requireLength("boolean shares", bool, BitSlice.words(n));
        requireLength("arithmetic shares", arith, n);
        this.n = n;
        this.bool = bool;
        this.arith = arith;
    }
}
