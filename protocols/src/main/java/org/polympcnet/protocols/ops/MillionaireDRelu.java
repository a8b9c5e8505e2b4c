package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.RandomOneOfN;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * DReLU by the millionaires' protocol of CrypTFlow2 (Rathee et al., CCS 2020, section 3.1).
 * msb(x0 + x1) = x0[63] ^ x1[63] ^ carry, and the carry out of the low 63 bits is the comparison
 * a > b of party 0's a = x0 mod 2^63 with party 1's b = 2^63 - 1 - (x1 mod 2^63). Both are cut into
 * digits ({@link MillionaireDigits}, chosen by the correlation source): with a dealer one of 3 bits
 * and fifteen of 4, over OT two of 4 bits and eleven of 5. For each digit a 1-out-of-2^m OT (m its
 * width) hands party 1 its share of gt = [a_j > b_j] and eq = [a_j == b_j], party 0 keeping random
 * shares; then the comparison tree (gt, eq) = (gt_hi ^ eq_hi gt_lo, eq_hi eq_lo) reduces the
 * digits in 4 rounds ({@link CarryTree}).
 *
 * <p>Online flights: party 1 sends its digits masked by the random OTs' choices (63 bits an
 * element), party 0 answers with 2 masked bits for each of the 2^m messages of each digit (496 bits
 * with 4-bit digits, 768 with 5-bit ones), then 4 tree levels of opened bits (41 in all per party
 * for 16 digits, 32 for 13). Party 0 sends its answer and its first tree level in one flight, so it
 * counts 4 rounds and party 1 counts 5; the protocol takes 6 one-way flights.
 */
public final class MillionaireDRelu {
    private static final int BITS = 63;
    private static final long LOW63 = Long.MAX_VALUE;

    private final Party party;
    private final int n, wd;
    private final MillionaireDigits digits;
    /** The leaf OTs, one request per run of equal-width digits. */
    private final RandomOneOfN[] ots;
    private final CombineTriples[] levels;
    private long[] planes;  // this party's comparison input, sliced: 63 planes
    private long[] top;     // this party's bit 63 of its share
    private long[] gt, eq;  // leaf shares

    public MillionaireDRelu(Party p, int n) {
        this.party = p;
        this.n = n;
        this.wd = BitSlice.words(n);
        this.digits = MillionaireDigits.of(p.correlations);
        this.ots = new RandomOneOfN[digits.runs()];
        for (int r = 0; r < ots.length; r++) ots[r] = p.correlations.randomOneOfN(digits.runCount(r), digits.runWidth(r), 2, n);
        int[] combines = MsbCorrelation.combinesPerLevel(digits.digits());
        this.levels = new CombineTriples[combines.length];
        for (int l = 0; l < combines.length; l++) levels[l] = p.correlations.combineTriples(combines[l], n);
    }

    public long[] apply(long[] x) {
        start(x);
        party.peer.flush();
        if (party.id == 1) {
            receiveLeaves();
        } else {
            answer();
            party.peer.flush();
        }
        return finish();
    }

    private RandomOneOfN ot(int digit) {
        return ots[digits.run(digit)];
    }

    /** Slices this party's input; party 1 sends its masked digits (no flush). */
    void start(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("DReLU prepared for " + n + " values, got " + x.length);
        for (RandomOneOfN ot : ots) ot.consume();
        long[] in = new long[n];
        for (int i = 0; i < n; i++) in[i] = party.id == 0 ? x[i] & LOW63 : ~x[i] & LOW63; // ~v & LOW63 = 2^63 - 1 - (v mod 2^63)
        planes = BitSlice.slice(in, n, BITS);
        top = new long[wd];
        for (int i = 0; i < n; i++) top[i >>> 6] |= (x[i] >>> 63) << (i & 63);
        if (party.id == 1) {
            long[] masked = new long[BITS * wd];
            for (int g = 0; g < digits.digits(); g++) {
                long[] choice = ot(g).choice;
                int m = digits.width(g), off = digits.offset(g), c0 = digits.indexInRun(g) * m;
                for (int t = 0; t < m; t++) {
                    for (int x0 = 0; x0 < wd; x0++) masked[(off + t) * wd + x0] = planes[(off + t) * wd + x0] ^ choice[(c0 + t) * wd + x0];
                }
            }
            party.peer.sendBitRows(masked, BITS, n);
        }
    }

    /**
     * Party 0: reads e = b ^ rho and sends, for each digit and each k, M(k ^ e) ^ pad(k) where
     * M(z) = (gt0 ^ [a > z], eq0 ^ [a == z]); party 1 then reads entry rho: M(b) ^ pad(rho).
     */
    void answer() {
        long[] e = party.peer.receiveBitRows(BITS, n);
        int dg = digits.digits();
        gt = party.localPrg().longs(dg * wd);
        eq = party.localPrg().longs(dg * wd);
        long[] out = new long[digits.answerPlanes() * wd];
        for (int g = 0; g < dg; g++) {
            int m = digits.width(g), nn = 1 << m, off = digits.offset(g), base = digits.answerOffset(g), gi = digits.indexInRun(g);
            long[] pads = ot(g).senderPads;
            for (int k = 0; k < nn; k++) {
                for (int x = 0; x < wd; x++) {
                    long greater = 0, equal = -1L;
                    for (int t = m - 1; t >= 0; t--) { // compare from the digit's top bit down
                        long a = planes[(off + t) * wd + x];
                        long z = e[(off + t) * wd + x] ^ (((k >>> t) & 1) == 1 ? -1L : 0L);
                        greater |= equal & a & ~z;
                        equal &= ~(a ^ z);
                    }
                    int o = (base + 2 * k) * wd + x, pad = ((gi * nn + k) * 2) * wd + x;
                    out[o] = gt[g * wd + x] ^ greater ^ pads[pad];
                    out[o + wd] = eq[g * wd + x] ^ equal ^ pads[pad + wd];
                }
            }
        }
        party.peer.sendBitRows(out, digits.answerPlanes(), n);
    }

    /** Party 1: picks entry rho of each digit's answer and removes its pad. */
    void receiveLeaves() {
        long[] c = party.peer.receiveBitRows(digits.answerPlanes(), n);
        int dg = digits.digits();
        gt = new long[dg * wd];
        eq = new long[dg * wd];
        for (int g = 0; g < dg; g++) {
            int m = digits.width(g), base = digits.answerOffset(g), gi = digits.indexInRun(g);
            RandomOneOfN ot = ot(g);
            for (int x = 0; x < wd; x++) {
                long sg = 0, se = 0;
                for (int k = 0; k < 1 << m; k++) {
                    long sel = RandomOneOfN.select(ot.choice, gi * m, m, wd, x, k);
                    sg |= sel & c[(base + 2 * k) * wd + x];
                    se |= sel & c[(base + 2 * k + 1) * wd + x];
                }
                gt[g * wd + x] = sg ^ ot.receiverPad[(gi * 2) * wd + x];
                eq[g * wd + x] = se ^ ot.receiverPad[(gi * 2 + 1) * wd + x];
            }
        }
    }

    /** The comparison tree, then DReLU = 1 ^ x0[63] ^ x1[63] ^ carry (party 0 adds the 1). */
    long[] finish() {
        long[] carry = CarryTree.reduce(party, gt, eq, digits.digits(), levels, n);
        long[] d = new long[wd];
        for (int x = 0; x < wd; x++) d[x] = top[x] ^ carry[x] ^ (party.id == 0 ? -1L : 0L);
        BitSlice.clearPadding(d, 0, n);
        return d;
    }

    /**
     * Bytes party `id` sends offline when the correlations come from OT ({@code OtCorrelations},
     * hence {@link MillionaireDigits#FIVE_BIT}), setup excluded: party 1 the KK13 columns of the 13
     * leaf OTs (32 bytes a lane each) and the corrections of the tree's correlated triples; party 0
     * the KK13 columns of the tree's 12 combines. With n a multiple of 64: 384 n from party 0,
     * 416 n + 144 n / 8 from party 1.
     */
    public static long offlineBytesOverOt(int id, int n) {
        MillionaireDigits d = MillionaireDigits.FIVE_BIT;
        long b = 0;
        for (int r = 0; r < d.runs(); r++) b += OtCorrelations.randomOneOfNBytes(d.runCount(r), n)[id];
        for (int c : MsbCorrelation.combinesPerLevel(d.digits())) b += OtCorrelations.combineTriplesBytes(c, n)[id];
        return b;
    }

    /**
     * Bytes party `id` sends online: its answer (party 0) or its masked digits (party 1), then the
     * tree. Dealer digits: p0 (496 + 41) / 8, p1 (63 + 41) / 8 an element; OT digits: p0 (768 + 32) / 8,
     * p1 (63 + 32) / 8.
     */
    public static long onlineBytes(MillionaireDigits digits, int id, int n) {
        int leaf = id == 0 ? digits.answerPlanes() : BITS;
        return (long) (leaf + CarryTree.openedPlanes(digits.digits())) * BitSlice.wireBytes(n);
    }

    /** Message flights party `id` sends: party 0's answer rides with its first tree level (4 and 5). */
    public static int onlineRounds(MillionaireDigits digits, int id) {
        int tree = MsbCorrelation.combinesPerLevel(digits.digits()).length;
        return id == 0 ? tree : 1 + tree;
    }
}
