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
 * 13 digits of m = 5 bits (the top one holds bits 60..62 and two zero bits). For each digit a
 * 1-out-of-32 OT hands party 1 its share of gt = [a_j > b_j] and eq = [a_j == b_j], party 0 keeping
 * random shares; then the comparison tree (gt, eq) = (gt_hi ^ eq_hi gt_lo, eq_hi eq_lo) reduces the
 * 13 digits in 4 rounds ({@link CarryTree}).
 *
 * <p>Why m = 5 and not CrypTFlow2's 4: without a dealer each 1-out-of-N OT costs 32 bytes (KK13)
 * whatever N, and each tree combine a 1-out-of-8 OT of as much, so fewer, wider digits cost less
 * in all: 13 leaves and 12 combines instead of 16 and 15, for 2^5 - 2^4 more 2-bit messages a digit.
 *
 * <p>Online flights: party 1 sends its digits masked by the random OT's choice (65 bits an
 * element), party 0 answers with 13 x 32 masked 2-bit messages (832 bits), then 4 tree levels of
 * 32 opened bits in all per party. Party 0 sends its answer and its first tree level in one
 * flight, so it counts 4 rounds and party 1 counts 5; the protocol takes 6 one-way flights.
 */
public final class MillionaireDRelu {
    static final int DIGIT_BITS = 5, DIGITS = (63 + DIGIT_BITS - 1) / DIGIT_BITS, N = 1 << DIGIT_BITS;
    /** Comparison input planes: 63 bits, zero-padded to whole digits. */
    private static final int PLANES = DIGITS * DIGIT_BITS;
    private static final long LOW63 = Long.MAX_VALUE;

    private final Party party;
    private final int n, wd;
    private final RandomOneOfN ots;
    private final CombineTriples[] levels;
    private long[] planes;  // this party's comparison input, sliced (planes 63 and up are zero)
    private long[] top;     // this party's bit 63 of its share
    private long[] masked;  // party 1: digits ^ rho, as sent
    private long[] gt, eq;  // leaf shares

    public MillionaireDRelu(Party p, int n) {
        this.party = p;
        this.n = n;
        this.wd = BitSlice.words(n);
        this.ots = p.correlations.randomOneOfN(DIGITS, DIGIT_BITS, 2, n);
        int[] combines = MsbCorrelation.combinesPerLevel(DIGITS);
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

    /** Slices this party's input; party 1 sends its masked digits (no flush). */
    void start(long[] x) {
        if (x.length != n) throw new IllegalArgumentException("DReLU prepared for " + n + " values, got " + x.length);
        ots.consume();
        long[] in = new long[n];
        for (int i = 0; i < n; i++) in[i] = party.id == 0 ? x[i] & LOW63 : ~x[i] & LOW63; // ~v & LOW63 = 2^63 - 1 - (v mod 2^63)
        planes = java.util.Arrays.copyOf(BitSlice.slice(in, n, 63), Math.max(PLANES, 63) * wd);
        top = new long[wd];
        for (int i = 0; i < n; i++) top[i >>> 6] |= (x[i] >>> 63) << (i & 63);
        if (party.id == 1) {
            masked = new long[PLANES * wd];
            for (int i = 0; i < masked.length; i++) masked[i] = planes[i] ^ ots.choice[i];
            party.peer.sendBitRows(masked, PLANES, n);
        }
    }

    /**
     * Party 0: reads e = b ^ rho and sends, for each digit and each k, M(k ^ e) ^ pad(k) where
     * M(z) = (gt0 ^ [a > z], eq0 ^ [a == z]); party 1 then reads entry rho: M(b) ^ pad(rho).
     */
    void answer() {
        long[] e = party.peer.receiveBitRows(PLANES, n);
        gt = party.localPrg().longs(DIGITS * wd);
        eq = party.localPrg().longs(DIGITS * wd);
        long[] out = new long[DIGITS * N * 2 * wd];
        for (int g = 0; g < DIGITS; g++) {
            for (int k = 0; k < N; k++) {
                for (int x = 0; x < wd; x++) {
                    long greater = 0, equal = -1L;
                    for (int t = DIGIT_BITS - 1; t >= 0; t--) { // compare from the digit's top bit down
                        long a = planes[(g * DIGIT_BITS + t) * wd + x];
                        long z = e[(g * DIGIT_BITS + t) * wd + x] ^ (((k >>> t) & 1) == 1 ? -1L : 0L);
                        greater |= equal & a & ~z;
                        equal &= ~(a ^ z);
                    }
                    int o = ((g * N + k) * 2) * wd + x;
                    out[o] = gt[g * wd + x] ^ greater ^ ots.senderPads[o];
                    out[o + wd] = eq[g * wd + x] ^ equal ^ ots.senderPads[o + wd];
                }
            }
        }
        party.peer.sendBitRows(out, DIGITS * N * 2, n);
    }

    /** Party 1: picks entry rho of each digit's answer and removes its pad. */
    void receiveLeaves() {
        long[] c = party.peer.receiveBitRows(DIGITS * N * 2, n);
        gt = new long[DIGITS * wd];
        eq = new long[DIGITS * wd];
        for (int g = 0; g < DIGITS; g++) {
            for (int x = 0; x < wd; x++) {
                long sg = 0, se = 0;
                for (int k = 0; k < N; k++) {
                    long sel = RandomOneOfN.select(ots.choice, g * DIGIT_BITS, DIGIT_BITS, wd, x, k);
                    sg |= sel & c[((g * N + k) * 2) * wd + x];
                    se |= sel & c[((g * N + k) * 2 + 1) * wd + x];
                }
                gt[g * wd + x] = sg ^ ots.receiverPad[(g * 2) * wd + x];
                eq[g * wd + x] = se ^ ots.receiverPad[(g * 2 + 1) * wd + x];
            }
        }
    }

    /** The comparison tree, then DReLU = 1 ^ x0[63] ^ x1[63] ^ carry (party 0 adds the 1). */
    long[] finish() {
        long[] carry = CarryTree.reduce(party, gt, eq, DIGITS, levels, n);
        long[] d = new long[wd];
        for (int x = 0; x < wd; x++) d[x] = top[x] ^ carry[x] ^ (party.id == 0 ? -1L : 0L);
        BitSlice.clearPadding(d, 0, n);
        return d;
    }

    /**
     * Bytes party `id` sends offline when the correlations come from OT ({@code OtCorrelations}),
     * setup excluded: party 1 the KK13 columns of the 13 leaf OTs (32 bytes a lane each) and the
     * corrections of the tree's correlated triples; party 0 the KK13 columns of the tree's 12
     * combines. With n a multiple of 64: 384 n from party 0, 416 n + 144 n / 8 from party 1.
     */
    public static long offlineBytesOverOt(int id, int n) {
        long b = id == 1 ? OtCorrelations.randomOneOfNBytes(DIGITS, n)[1] : 0;
        for (int c : MsbCorrelation.combinesPerLevel(DIGITS)) b += OtCorrelations.combineTriplesBytes(c, n)[id];
        return b;
    }

    /** Bytes party `id` sends online: its digits or the 1-out-of-32 answers, then the tree: p0 (832 + 32) / 8, p1 (65 + 32) / 8 an element. */
    public static long onlineBytes(int id, int n) {
        int leaf = id == 0 ? DIGITS * N * 2 : DIGITS * DIGIT_BITS;
        return (long) (leaf + CarryTree.openedPlanes(DIGITS)) * BitSlice.wireBytes(n);
    }

    /** Message flights party `id` sends: party 0's answer rides with its first tree level. */
    public static int onlineRounds(int id) {
        int tree = MsbCorrelation.combinesPerLevel(DIGITS).length;
        return id == 0 ? tree : 1 + tree;
    }
}
