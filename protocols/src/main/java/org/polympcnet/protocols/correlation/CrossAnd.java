package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shares for ANDs whose left input party 0 knows and whose right input party 1 knows (the first
 * layer of a two-party adder: g = x0 AND x1). Party 0 holds a private mask u, party 1 a private
 * mask v, and both hold XOR shares of u AND v; each party then sends one masked bit per gate.
 */
public final class CrossAnd extends Correlation {
    public final int planes, n;
    /** This party's private mask (u for party 0, v for party 1). */
    public final long[] mask;
    /** This party's XOR share of u AND v. */
    public final long[] share;

    public CrossAnd(int planes, int n, long[] mask, long[] share) {
        int len = planes * BitSlice.words(n);
        requireLength("mask", mask, len);
        requireLength("share", share, len);
        this.planes = planes;
        this.n = n;
        this.mask = mask;
        this.share = share;
    }
}
