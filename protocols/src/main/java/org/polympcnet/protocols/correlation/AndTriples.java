package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shares of boolean AND triples, bit-sliced: `planes` vectors of n lanes each (flat, W = words(n)
 * words a plane); u, v uniform, w = u AND v, lane by lane.
 */
public final class AndTriples extends Correlation {
    public final int planes, n;
    public final long[] u, v, w;

    public AndTriples(int planes, int n, long[] u, long[] v, long[] w) {
        int len = planes * BitSlice.words(n);
        requireLength("u", u, len);
        requireLength("v", v, len);
        requireLength("w", w, len);
        this.planes = planes;
        this.n = n;
        this.u = u;
        this.v = v;
        this.w = w;
    }
}
