package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.fss.DcfKeys;

/**
 * A party's share of the dealer's randomness for n ReLUs by FSS (BCG+21 with a Z_2^64 x Z_2^64
 * payload): its additive shares of the mask r, of r63 = the top bit of r, and of r63 * r, and its
 * DCF keys for c = 1{y < alpha}, alpha = r mod 2^63, beta = (1 - 2 r63, (1 - 2 r63) r).
 * Used once (the keys refuse a second use).
 */
public final class FssReluCorrelation extends Correlation {
    public final int n;
    public final long[] maskShare;
    public final long[] topBitShare;
    public final long[] topBitTimesMaskShare;
    public final DcfKeys keys;

    public FssReluCorrelation(int n, long[] maskShare, long[] topBitShare, long[] topBitTimesMaskShare, DcfKeys keys) {
        requireLength("mask share", maskShare, n);
        requireLength("r63 share", topBitShare, n);
        requireLength("r63 * r share", topBitTimesMaskShare, n);
        if (keys.n != n) throw new IllegalArgumentException("DCF keys for " + keys.n + " elements, want " + n);
        this.n = n;
        this.maskShare = maskShare;
        this.topBitShare = topBitShare;
        this.topBitTimesMaskShare = topBitTimesMaskShare;
        this.keys = keys;
    }
}
