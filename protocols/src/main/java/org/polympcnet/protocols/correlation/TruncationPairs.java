package org.polympcnet.protocols.correlation;

/**
 * Shares of n truncation masks for faithful truncation by f bits: r uniform in Z_2^64,
 * rHigh = r >>> f (logical shift), rMsb = bit 63 of r, as ring elements (0 or 1).
 */
public final class TruncationPairs extends Correlation {
    public final int n, fracBits;
    public final long[] r, rHigh, rMsb;

    public TruncationPairs(int n, int fracBits, long[] r, long[] rHigh, long[] rMsb) {
        requireLength("r", r, n);
        requireLength("rHigh", rHigh, n);
        requireLength("rMsb", rMsb, n);
        this.n = n;
        this.fracBits = fracBits;
        this.r = r;
        this.rHigh = rHigh;
        this.rMsb = rMsb;
    }
}
