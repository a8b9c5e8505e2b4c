package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * The parallel-prefix reduction shared by the carry-tree MSB and the millionaires' protocol:
 * leaves (G_j, P_j) as XOR shares, bit-sliced, combined pairwise from the bottom,
 * (G, P) = (G_hi ^ P_hi G_lo, P_hi P_lo), until one G remains. For an adder G is "generate" and P
 * "propagate"; for a comparison G is "greater" and P "equal". One round per level; the lowest
 * group of a level never needs its P, and the two ANDs of a combine share the masked P_hi.
 */
final class CarryTree {
    private CarryTree() {}

    /** Returns this party's XOR share of the final G over n lanes (W words). */
    static long[] reduce(Party party, long[] g, long[] pr, int leaves, CombineTriples[] levels, int n) {
        int wd = BitSlice.words(n);
        int groups = leaves;
        for (CombineTriples t : levels) {
            t.consume();
            int cmb = t.combines, ands = CombineTriples.ands(cmb);
            if (cmb != groups / 2) throw new IllegalArgumentException("level has " + cmb + " combines for " + groups + " groups");
            // Opened vectors: d (P_hi ^ u) for each combine, then e (operand ^ v) for each AND.
            long[] send = new long[(cmb + ands) * wd];
            for (int i = 0; i < cmb; i++) {
                int hi = (2 * i + 1) * wd, lo = 2 * i * wd;
                xorInto(send, i * wd, pr, hi, t.u, i * wd, wd);
                int a0 = i == 0 ? 0 : 2 * i - 1;
                xorInto(send, (cmb + a0) * wd, g, lo, t.v, a0 * wd, wd);
                if (i > 0) xorInto(send, (cmb + a0 + 1) * wd, pr, lo, t.v, (a0 + 1) * wd, wd);
            }
            party.peer.sendBitRows(send, cmb + ands, n);
            party.peer.flush();
            long[] open = party.peer.receiveBitRows(cmb + ands, n);
            for (int i = 0; i < open.length; i++) open[i] ^= send[i];

            int next = (groups + 1) / 2;
            long[] g2 = new long[next * wd], p2 = new long[next * wd];
            for (int i = 0; i < cmb; i++) {
                int hi = (2 * i + 1) * wd, dOff = i * wd;
                int a0 = i == 0 ? 0 : 2 * i - 1;
                for (int k = 0; k < wd; k++) {
                    g2[i * wd + k] = g[hi + k] ^ and(party, open, dOff + k, (cmb + a0) * wd + k, t, dOff + k, a0 * wd + k);
                }
                if (i > 0) {
                    int a1 = a0 + 1;
                    for (int k = 0; k < wd; k++) p2[i * wd + k] = and(party, open, dOff + k, (cmb + a1) * wd + k, t, dOff + k, a1 * wd + k);
                }
            }
            if ((groups & 1) == 1) { // an odd top group passes up unchanged
                System.arraycopy(g, (groups - 1) * wd, g2, cmb * wd, wd);
                System.arraycopy(pr, (groups - 1) * wd, p2, cmb * wd, wd);
            }
            g = g2;
            pr = p2;
            groups = next;
        }
        if (groups != 1) throw new IllegalArgumentException("carry tree ended with " + groups + " groups");
        return java.util.Arrays.copyOf(g, wd);
    }

    /** Beaver AND share: w ^ (D AND v) ^ (E AND u) ^ [party 0] (D AND E). */
    private static long and(Party party, long[] open, int dIdx, int eIdx, CombineTriples t, int uIdx, int vIdx) {
        long d = open[dIdx], e = open[eIdx];
        long z = t.w[vIdx] ^ (d & t.v[vIdx]) ^ (e & t.u[uIdx]);
        return party.id == 0 ? z ^ (d & e) : z;
    }

    private static void xorInto(long[] dst, int dOff, long[] a, int aOff, long[] b, int bOff, int wd) {
        for (int k = 0; k < wd; k++) dst[dOff + k] = a[aOff + k] ^ b[bOff + k];
    }

    /** Bit vectors each party opens over the whole tree for the given number of leaves. */
    static int openedPlanes(int leaves) {
        int total = 0;
        for (int c : org.polympcnet.protocols.correlation.MsbCorrelation.combinesPerLevel(leaves)) total += c + CombineTriples.ands(c);
        return total;
    }
}
