package org.polympcnet.protocols.correlation;

import org.polympcnet.protocols.ring.BitSlice;

/**
 * Shares for one level of the carry tree: `combines` group combines (G, P) = (G_hi ^ P_hi & G_lo,
 * P_hi & P_lo). Both ANDs of a combine share the operand P_hi, so it is masked once (u); the
 * lowest combine of a level (i = 0) needs only its G, hence one AND. AND a of the level uses
 * v[a], w[a] and u[combineOf(a)], with 2 * combines - 1 ANDs in all.
 */
public final class CombineTriples extends Correlation {
    public final int combines, n;
    public final long[] u, v, w;

    public CombineTriples(int combines, int n, long[] u, long[] v, long[] w) {
        int wd = BitSlice.words(n);
        requireLength("u", u, combines * wd);
        requireLength("v", v, ands(combines) * wd);
        requireLength("w", w, ands(combines) * wd);
        this.combines = combines;
        this.n = n;
        this.u = u;
        this.v = v;
        this.w = w;
    }

    public static int ands(int combines) {
        return 2 * combines - 1;
    }

    /** Combine that AND a belongs to: AND 0 is the lowest combine's; then two per combine. */
    public static int combineOf(int and) {
        return (and + 1) >>> 1;
    }
}
