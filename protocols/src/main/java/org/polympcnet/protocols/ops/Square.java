package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.SquarePairs;

/**
 * x^2 with a square pair (a, a^2): open e = x - a, then x^2 = e^2 + 2 e a + a^2. Half the traffic
 * of a general product. Bytes: 8n each, plus truncation; 1 round, plus truncation.
 */
public final class Square {
    private final Party party;
    private final int n;
    private final SquarePairs pairs;
    private final Truncation trunc;

    public Square(Party p, int n) {
        this(p, n, true);
    }

    /**
     * With truncate false, only {@link #applyNoTruncation} may be used and no truncation masks
     * are fetched: for callers that truncate the 2f-bit square themselves (the polynomial).
     */
    public Square(Party p, int n, boolean truncate) {
        this.party = p;
        this.n = n;
        this.pairs = p.correlations.squarePairs(n);
        this.trunc = truncate ? new Truncation(p, n, p.fp.fracBits()) : null;
    }

    public long[] apply(long[] x) {
        if (trunc == null) throw new IllegalStateException("this square was prepared without truncation");
        return trunc.apply(applyNoTruncation(x));
    }

    /** x^2 in the ring, with 2f fractional bits. */
    public long[] applyNoTruncation(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("square prepared for " + n + " values, got " + x.length);
        pairs.consume();
        long[] e = new long[n];
        for (int i = 0; i < n; i++) e[i] = x[i] - pairs.a[i];
        long[] open = Sharing.open(party, e);
        long[] z = new long[n];
        for (int i = 0; i < n; i++) {
            long ei = open[i];
            z[i] = pairs.aa[i] + 2 * ei * pairs.a[i] + (party.id == 0 ? ei * ei : 0);
        }
        return z;
    }

    public static long onlineBytes(Truncation.Mode m, int n) {
        return 8L * n + Truncation.onlineBytes(m, n);
    }

    public static int onlineRounds(Truncation.Mode m) {
        return 1 + Truncation.onlineRounds(m);
    }
}
