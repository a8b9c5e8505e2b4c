package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.CrossAnd;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * MSB of a shared 64-bit value by a two-party parallel-prefix adder on bit-sliced words (the
 * GMW method of CrypTen, computing only what the MSB needs). Party 0's share x0 and party 1's
 * share x1 are the two addends; msb(x0 + x1) = x0[63] ^ x1[63] ^ carry into bit 63.
 *
 * <ol>
 *   <li>Round 1: generate bits g_j = x0[j] AND x1[j] for j = 0..62 by cross ANDs (each party sends
 *       one masked bit per position); propagate bits p_j = x0[j] ^ x1[j] are local XOR shares.
 *   <li>Rounds 2-7: a carry tree pairs adjacent groups, (G, P) = (G_hi ^ P_hi G_lo, P_hi P_lo),
 *       63 -> 32 -> 16 -> 8 -> 4 -> 2 -> 1 group; the lowest group never needs its P.
 * </ol>
 *
 * Bytes per party: (63 + 180) * ceil(n/8), that is 30.375 bytes per element when 8 | n; 7 rounds.
 * The first round's message can carry other openings (ReLU sends x - v with it); see
 * {@link #sendRound1} and {@link #receiveRound1}.
 */
public final class Msb {
    /** Bit vectors opened per element: 63 cross ANDs, then 3 per combine less 1 per level. */
    public static final int OPENED_PLANES = openedPlanes();

    private final Party party;
    private final int n, wd;
    private final MsbCorrelation corr;
    private long[] top;       // this party's bit 63 plane
    private long[] propagate; // this party's bits 0..62 = its share of p_j
    private long[] masked;    // what this party sent in round 1

    public Msb(Party p, int n, MsbCorrelation corr) {
        if (corr.n != n) throw new IllegalArgumentException("MSB correlation is for " + corr.n + " values, not " + n);
        this.party = p;
        this.n = n;
        this.wd = BitSlice.words(n);
        this.corr = corr;
    }

    public Msb(Party p, int n) {
        this(p, n, p.correlations.msb(n));
    }

    /** msb(x) as XOR shares, bit-sliced (W words). */
    public long[] apply(long[] x) {
        sendRound1(x);
        party.peer.flush();
        receiveRound1();
        return finish();
    }

    /** Round 1, send half: slices the share and sends the masked cross-AND inputs (no flush). */
    public void sendRound1(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("MSB prepared for " + n + " values, got " + x.length);
        corr.consume();
        long[] planes = BitSlice.slice(x, n, 64);
        int leafWords = MsbCorrelation.LEAVES * wd;
        propagate = java.util.Arrays.copyOf(planes, leafWords);
        top = java.util.Arrays.copyOfRange(planes, leafWords, leafWords + wd);
        CrossAnd c = corr.cross;
        c.consume();
        masked = new long[leafWords];
        for (int i = 0; i < leafWords; i++) masked[i] = propagate[i] ^ c.mask[i];
        party.peer.sendBitRows(masked, MsbCorrelation.LEAVES, n);
    }

    private long[] generate;

    /** Round 1, receive half: the other party's masked bits give this party's share of each g_j. */
    public void receiveRound1() {
        long[] theirs = party.peer.receiveBitRows(MsbCorrelation.LEAVES, n);
        CrossAnd c = corr.cross;
        int len = masked.length;
        generate = new long[len];
        if (party.id == 0) {
            // alpha = x0 ^ u (mine), beta = x1 ^ v (theirs): g0 = alpha beta ^ beta u ^ s0
            for (int i = 0; i < len; i++) generate[i] = (masked[i] & theirs[i]) ^ (theirs[i] & c.mask[i]) ^ c.share[i];
        } else {
            // g1 = alpha v ^ s1
            for (int i = 0; i < len; i++) generate[i] = (theirs[i] & c.mask[i]) ^ c.share[i];
        }
    }

    /** Rounds 2-7: the carry tree; returns XOR shares of the MSB. */
    public long[] finish() {
        long[] g = generate, pr = propagate;
        int groups = MsbCorrelation.LEAVES;
        for (CombineTriples t : corr.levels) {
            t.consume();
            int cmb = t.combines, ands = CombineTriples.ands(cmb);
            // Opened vectors: d (P_hi ^ u) for each combine, then e (operand ^ v) for each AND.
            long[] send = new long[(cmb + ands) * wd];
            for (int i = 0; i < cmb; i++) {
                int hi = (2 * i + 1) * wd, lo = 2 * i * wd;
                xorInto(send, i * wd, pr, hi, t.u, i * wd);
                int a0 = i == 0 ? 0 : 2 * i - 1;
                xorInto(send, (cmb + a0) * wd, g, lo, t.v, a0 * wd);
                if (i > 0) xorInto(send, (cmb + a0 + 1) * wd, pr, lo, t.v, (a0 + 1) * wd);
            }
            party.peer.sendBitRows(send, cmb + ands, n);
            party.peer.flush();
            long[] open = party.peer.receiveBitRows(cmb + ands, n);
            for (int i = 0; i < open.length; i++) open[i] ^= send[i];

            int next = (groups + 1) / 2;
            long[] g2 = new long[next * wd], p2 = new long[next * wd];
            for (int i = 0; i < cmb; i++) {
                int hi = (2 * i + 1) * wd, lo = 2 * i * wd;
                int dOff = i * wd, uOff = i * wd;
                int a0 = i == 0 ? 0 : 2 * i - 1;
                // G = G_hi ^ (P_hi AND G_lo)
                for (int k = 0; k < wd; k++) {
                    g2[i * wd + k] = g[hi + k] ^ and(open, dOff + k, (cmb + a0) * wd + k, t, uOff + k, a0 * wd + k);
                }
                if (i > 0) {
                    int a1 = a0 + 1;
                    for (int k = 0; k < wd; k++) {
                        p2[i * wd + k] = and(open, dOff + k, (cmb + a1) * wd + k, t, uOff + k, a1 * wd + k);
                    }
                }
            }
            if ((groups & 1) == 1) { // odd top group passes up unchanged
                System.arraycopy(g, (groups - 1) * wd, g2, cmb * wd, wd);
                System.arraycopy(pr, (groups - 1) * wd, p2, cmb * wd, wd);
            }
            g = g2;
            pr = p2;
            groups = next;
        }
        long[] msb = new long[wd];
        for (int k = 0; k < wd; k++) msb[k] = top[k] ^ g[k];
        return msb;
    }

    /** Beaver AND share: w ^ (D AND v) ^ (E AND u) ^ [party 0] (D AND E). */
    private long and(long[] open, int dIdx, int eIdx, CombineTriples t, int uIdx, int vIdx) {
        long d = open[dIdx], e = open[eIdx];
        long z = t.w[vIdx] ^ (d & t.v[vIdx]) ^ (e & t.u[uIdx]);
        return party.id == 0 ? z ^ (d & e) : z;
    }

    private void xorInto(long[] dst, int dOff, long[] a, int aOff, long[] b, int bOff) {
        for (int k = 0; k < wd; k++) dst[dOff + k] = a[aOff + k] ^ b[bOff + k];
    }

    private static int openedPlanes() {
        int total = MsbCorrelation.LEAVES;
        for (int c : MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES)) total += c + CombineTriples.ands(c);
        return total;
    }

    public static int onlineRounds() {
        return 1 + MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES).length;
    }

    public static long onlineBytes(int n) {
        return (long) OPENED_PLANES * BitSlice.wireBytes(n);
    }
}
