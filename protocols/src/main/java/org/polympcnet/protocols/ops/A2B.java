package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.AndTriples;
import org.polympcnet.protocols.correlation.CrossAnd;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * Arithmetic to boolean conversion: all 64 bits of x = x0 + x1 as XOR shares (bit-sliced), by a
 * Kogge-Stone parallel-prefix adder of the two parties' shares. Round 1 makes the generate bits by
 * cross ANDs; levels d = 1, 2, 4, 8, 16, 32 update G_j ^= P_j G_(j-d) for j >= d and
 * P_j = P_j P_(j-d) for j >= 2d (later levels need no other P), with Beaver AND triples.
 * Sum bit j = p_j ^ G_(j-1). Bytes: (63 + 2 * 568) * ceil(n/8) each; 7 rounds.
 */
public final class A2B {
    private static final int BITS = 64, LEAVES = 63;
    private final Party party;
    private final int n, wd;
    private final CrossAnd cross;
    private final AndTriples[] levels = new AndTriples[6];

    public A2B(Party p, int n) {
        this.party = p;
        this.n = n;
        this.wd = BitSlice.words(n);
        this.cross = p.correlations.crossAnd(LEAVES, n);
        for (int l = 0; l < 6; l++) levels[l] = p.correlations.andTriples(andsAtLevel(1 << l), n);
    }

    static int andsAtLevel(int d) {
        return (LEAVES - d) + Math.max(0, LEAVES - 2 * d);
    }

    /** Returns 64 planes (plane j = XOR shares of bit j of x), flat, W words a plane. */
    public long[] apply(long[] x) {
        cross.consume();
        long[] planes = BitSlice.slice(x, n, BITS);
        int leafWords = LEAVES * wd;
        long[] masked = new long[leafWords];
        for (int i = 0; i < leafWords; i++) masked[i] = planes[i] ^ cross.mask[i];
        party.peer.sendBitRows(masked, LEAVES, n);
        party.peer.flush();
        long[] theirs = party.peer.receiveBitRows(LEAVES, n);
        long[] g = new long[leafWords];
        for (int i = 0; i < leafWords; i++) {
            g[i] = party.id == 0 ? (masked[i] & theirs[i]) ^ (theirs[i] & cross.mask[i]) ^ cross.share[i]
                                 : (theirs[i] & cross.mask[i]) ^ cross.share[i];
        }
        long[] p = java.util.Arrays.copyOf(planes, leafWords);
        for (int l = 0; l < 6; l++) {
            int d = 1 << l;
            AndTriples t = levels[l];
            t.consume();
            int ng = LEAVES - d, np = Math.max(0, LEAVES - 2 * d), ands = ng + np;
            // AND k < ng: P_j AND G_(j-d), j = d + k; AND ng + k: P_j AND P_(j-d), j = 2d + k.
            long[] send = new long[2 * ands * wd];
            for (int k = 0; k < ands; k++) {
                int j = k < ng ? d + k : 2 * d + (k - ng);
                long[] right = k < ng ? g : p;
                int xo = j * wd, yo = (j - d) * wd, to = k * wd;
                for (int w = 0; w < wd; w++) {
                    send[to + w] = p[xo + w] ^ t.u[to + w];
                    send[(ands + k) * wd + w] = right[yo + w] ^ t.v[to + w];
                }
            }
            party.peer.sendBitRows(send, 2 * ands, n);
            party.peer.flush();
            long[] open = party.peer.receiveBitRows(2 * ands, n);
            for (int i = 0; i < open.length; i++) open[i] ^= send[i];
            long[] g2 = g.clone(), p2 = p.clone();
            for (int k = 0; k < ands; k++) {
                int j = k < ng ? d + k : 2 * d + (k - ng);
                int to = k * wd, eo = (ands + k) * wd;
                for (int w = 0; w < wd; w++) {
                    long dd = open[to + w], ee = open[eo + w];
                    long z = t.w[to + w] ^ (dd & t.v[to + w]) ^ (ee & t.u[to + w]);
                    if (party.id == 0) z ^= dd & ee;
                    if (k < ng) g2[j * wd + w] ^= z;
                    else p2[j * wd + w] = z;
                }
            }
            g = g2;
            p = p2;
        }
        long[] out = new long[BITS * wd];
        System.arraycopy(planes, 0, out, 0, wd); // bit 0: p_0, no carry in
        for (int j = 1; j < BITS; j++) {
            for (int w = 0; w < wd; w++) out[j * wd + w] = planes[j * wd + w] ^ g[(j - 1) * wd + w];
        }
        return out;
    }

    public static long onlineBytes(int n) {
        int planes = LEAVES;
        for (int l = 0; l < 6; l++) planes += 2 * andsAtLevel(1 << l);
        return (long) planes * BitSlice.wireBytes(n);
    }

    public static int onlineRounds() {
        return 7;
    }
}
