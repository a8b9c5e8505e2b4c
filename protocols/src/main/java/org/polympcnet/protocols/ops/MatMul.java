package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.MatrixTriple;
import org.polympcnet.protocols.ring.Ring64;

/**
 * Product of shared matrices X (m x k) and Y (k x n) with a matrix triple (A, B, C = AB):
 * open E = X - A and F = Y - B, then XY = C + E B + A F + E F. Bytes: 8(mk + kn) each, plus
 * truncation of mn values; 1 round, plus truncation.
 */
public final class MatMul {
    private final Party party;
    private final int m, k, n;
    private final MatrixTriple triple;
    private final Truncation trunc;

    public MatMul(Party p, int m, int k, int n) {
        this.party = p;
        this.m = m;
        this.k = k;
        this.n = n;
        this.triple = p.correlations.matrixTriple(m, k, n);
        this.trunc = new Truncation(p, m * n, p.fp.fracBits());
    }

    public long[] apply(long[] x, long[] y) {
        if (x.length != m * k || y.length != k * n) {
            throw new IllegalArgumentException("matmul prepared for " + m + "x" + k + " times " + k + "x" + n);
        }
        triple.consume();
        long[] ef = new long[m * k + k * n];
        for (int i = 0; i < m * k; i++) ef[i] = x[i] - triple.a[i];
        for (int i = 0; i < k * n; i++) ef[m * k + i] = y[i] - triple.b[i];
        long[] open = Sharing.open(party, ef);
        long[] e = java.util.Arrays.copyOfRange(open, 0, m * k);
        long[] f = java.util.Arrays.copyOfRange(open, m * k, open.length);
        // Party 0 adds E F; both add E B_i + A_i F. Summing E into A for party 0 folds E F in:
        // E B_i + (A_i + [p0] E) F = E B_i + A_i F + [p0] E F.
        long[] left = party.id == 0 ? Ring64.add(triple.a, e) : triple.a;
        long[] z = Ring64.matmul(e, triple.b, m, k, n);
        Ring64.addInPlace(z, Ring64.matmul(left, f, m, k, n));
        Ring64.addInPlace(z, triple.c);
        return trunc.apply(z);
    }

    public static long onlineBytes(Truncation.Mode mode, int m, int k, int n) {
        return 8L * ((long) m * k + (long) k * n) + Truncation.onlineBytes(mode, m * n);
    }

    public static int onlineRounds(Truncation.Mode mode) {
        return 1 + Truncation.onlineRounds(mode);
    }
}
