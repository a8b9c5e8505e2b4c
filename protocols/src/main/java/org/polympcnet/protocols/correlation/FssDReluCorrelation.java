package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.fss.DcfKeys;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * A party's share of the dealer's randomness for n DReLUs by FSS (BCG+21 with a Z_2 payload): its
 * additive share r_b of the mask r, its XOR share of r63 = the top bit of r (a bit row), and its DCF
 * keys for c = 1{y < alpha}, alpha = r mod 2^63, beta = 1. Used once (the keys refuse a second use).
 */
public final class FssDReluCorrelation extends Correlation {
    public final int n;
    public final long[] maskShare;
    public final long[] topBitShare;
    public final DcfKeys keys;

    public FssDReluCorrelation(int n, long[] maskShare, long[] topBitShare, DcfKeys keys) {
        requireLength("mask share", maskShare, n);
        requireLength("r63 share", topBitShare, BitSlice.words(n));
        if (keys.n != n) throw new IllegalArgumentException("DCF keys for " + keys.n + " elements, want " + n);
        this.n = n;
        this.maskShare = maskShare;
        this.topBitShare = topBitShare;
        this.keys = keys;
    }
}
