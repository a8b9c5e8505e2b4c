package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shares for the one-round multiplexer b * x (b a shared bit, x a shared ring element): a random
 * bit r as XOR shares (rBool, bit-sliced) and as ring shares (rArith), a uniform mask v, and
 * rv = r * v. Opening b XOR r and x - v together makes b * x a local linear function.
 */
public final class MuxCorrelation extends Correlation {
    public final int n;
    public final long[] rBool, rArith, v, rv;

    public MuxCorrelation(int n, long[] rBool, long[] rArith, long[] v, long[] rv) {
        requireLength("rBool", rBool, BitSlice.words(n));
        requireLength("rArith", rArith, n);
        requireLength("v", v, n);
        requireLength("rv", rv, n);
        this.n = n;
        this.rBool = rBool;
        this.rArith = rArith;
        this.v = v;
        this.rv = rv;
    }
}
