package org.polympcnet.protocols.ops;

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
        long[] carry = CarryTree.reduce(party, generate, propagate, MsbCorrelation.LEAVES, corr.levels, n);
        long[] msb = new long[wd];
        for (int k = 0; k < wd; k++) msb[k] = top[k] ^ carry[k];
        return msb;
    }

    private static int openedPlanes() {
        return MsbCorrelation.LEAVES + CarryTree.openedPlanes(MsbCorrelation.LEAVES);
    }

    public static int onlineRounds() {
        return 1 + MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES).length;
    }

    public static long onlineBytes(int n) {
        return (long) OPENED_PLANES * BitSlice.wireBytes(n);
    }
}
