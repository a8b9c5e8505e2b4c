package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.BeaverTriples;

/**
 * Element-wise product of two shared fixed-point vectors with a Beaver triple (a, b, c = ab):
 * open d = x - a and e = y - b together, then xy = c + d b + e a + d e. The product has 2f
 * fractional bits and is truncated by f. Bytes: 16n each, plus truncation; 1 round, plus truncation.
 */
public final class Mult {
    private final Party party;
    private final int n;
    private final BeaverTriples triples;
    private final Truncation trunc;

    public Mult(Party p, int n) {
        this.party = p;
        this.n = n;
        this.triples = p.correlations.beaverTriples(n);
        this.trunc = new Truncation(p, n, p.fp.fracBits());
    }

    public long[] apply(long[] x, long[] y) {
        return trunc.apply(applyNoTruncation(x, y));
    }

    /** The ring product x * y, with 2f fractional bits. */
    public long[] applyNoTruncation(long[] x, long[] y) {
        if (x.length != n || y.length != n) throw new IllegalArgumentException("mult prepared for " + n + " values");
        triples.consume();
        long[] de = new long[2 * n];
        for (int i = 0; i < n; i++) {
            de[i] = x[i] - triples.a[i];
            de[n + i] = y[i] - triples.b[i];
        }
        long[] open = Sharing.open(party, de);
        long[] z = new long[n];
        for (int i = 0; i < n; i++) {
            long d = open[i], e = open[n + i];
            z[i] = triples.c[i] + d * triples.b[i] + e * triples.a[i] + (party.id == 0 ? d * e : 0);
        }
        return z;
    }

    public static long onlineBytes(Truncation.Mode m, int n) {
        return 16L * n + Truncation.onlineBytes(m, n);
    }

    public static int onlineRounds(Truncation.Mode m) {
        return 1 + Truncation.onlineRounds(m);
    }
}
