package org.polympcnet.protocols.correlation.ot;

import java.security.SecureRandom;
import java.util.function.Supplier;
import org.polympcnet.protocols.correlation.AndTriples;
import org.polympcnet.protocols.correlation.BeaverTriples;
import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.CrossAnd;
import org.polympcnet.protocols.correlation.DaBits;
import org.polympcnet.protocols.correlation.MatrixTriple;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.MuxCorrelation;
import org.polympcnet.protocols.correlation.RandomOneOfN;
import org.polympcnet.protocols.correlation.ReluCorrelation;
import org.polympcnet.protocols.correlation.SquarePairs;
import org.polympcnet.protocols.correlation.TruncationPairs;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ot.Kk13;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.Ring64;

/**
 * Dealer-free correlations: the same shares the dealer hands out, made by the two parties alone
 * with oblivious transfer over their own link (counted as OFFLINE traffic on it). Each party draws
 * its own random components; the cross terms (a value of one party times a value of the other)
 * come from {@link OtCross}: Gilboa products for ring elements, bit-OT products for AND gates.
 * Security: semi-honest parties, no third party.
 */
public final class OtCorrelations implements CorrelationSource {
    private final int party;
    private final Channel peer;
    private final Prg prg = Prg.fresh();
    private final OtCross cross;

    /** Runs the base OTs of both directions (2 x 128 Chou-Orlandi OTs) on the peer link. */
    public OtCorrelations(int party, Channel peer) {
        if (party != 0 && party != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + party);
        this.party = party;
        this.peer = peer;
        Phase old = peer.setPhase(Phase.OFFLINE);
        try {
            this.cross = new OtCross(party, peer, new SecureRandom());
        } finally {
            peer.setPhase(old);
        }
    }

    @Override
    public String mode() {
        return "ot";
    }

    private <T> T offline(Supplier<T> make) {
        Phase old = peer.setPhase(Phase.OFFLINE);
        try {
            return make.get();
        } finally {
            peer.setPhase(old);
        }
    }

    private boolean p0() {
        return party == 0;
    }

    /** Shares of a0 * b1 + a1 * b0 for this party's a and b: the two Gilboa cross terms. */
    private long[] crossTerms(long[] a, long[] b) {
        long[] s1 = cross.mul(p0() ? a : b, p0());  // a0 * b1: party 0 sends
        long[] s2 = cross.mul(p0() ? b : a, !p0()); // a1 * b0: party 1 sends
        return Ring64.add(s1, s2);
    }

    /** XOR shares of u0 v1 ^ u1 v0 for this party's words u and v. */
    private long[] crossAnds(long[] u, long[] v) {
        long[] s1 = cross.and(p0() ? u : v, p0());
        long[] s2 = cross.and(p0() ? v : u, !p0());
        long[] r = new long[u.length];
        for (int i = 0; i < r.length; i++) r[i] = s1[i] ^ s2[i] ^ (u[i] & v[i]);
        return r;
    }

    @Override
    public BeaverTriples beaverTriples(int n) {
        return offline(() -> {
            long[] a = prg.longs(n), b = prg.longs(n);
            long[] c = crossTerms(a, b);
            for (int i = 0; i < n; i++) c[i] += a[i] * b[i];
            return new BeaverTriples(n, a, b, c);
        });
    }

    @Override
    public SquarePairs squarePairs(int n) {
        return offline(() -> {
            long[] a = prg.longs(n);
            long[] s = cross.mul(a, p0()); // a0 * a1
            long[] aa = new long[n];
            for (int i = 0; i < n; i++) aa[i] = a[i] * a[i] + 2 * s[i];
            return new SquarePairs(n, a, aa);
        });
    }

    /**
     * Matrix triples with one Gilboa product per scalar product of the cross terms (m k n of them in
     * each direction): correct at any size, but costly for large layers; vector OLE would cut it.
     */
    @Override
    public MatrixTriple matrixTriple(int m, int k, int n) {
        return offline(() -> {
            long[] a = prg.longs(m * k), b = prg.longs(k * n);
            long[] ea = new long[m * k * n], eb = new long[m * k * n];
            for (int i = 0; i < m; i++) {
                for (int t = 0; t < k; t++) {
                    for (int j = 0; j < n; j++) {
                        int e = (i * k + t) * n + j;
                        ea[e] = a[i * k + t];
                        eb[e] = b[t * n + j];
                    }
                }
            }
            long[] prods = crossTerms(ea, eb);
            long[] c = Ring64.matmul(a, b, m, k, n);
            for (int i = 0; i < m; i++) for (int t = 0; t < k; t++) for (int j = 0; j < n; j++) c[i * n + j] += prods[(i * k + t) * n + j];
            return new MatrixTriple(m, k, n, a, b, c);
        });
    }

    /** n masks r from 64 daBits each: r, r >>> f and msb(r) are then linear in the bits' ring shares. */
    @Override
    public TruncationPairs truncationPairs(int n, int fracBits) {
        return offline(() -> {
            long[][] bits = arithBits(64 * n);
            long[] ring = bits[1];
            long[] r = new long[n], high = new long[n], msb = new long[n];
            for (int i = 0; i < n; i++) {
                long rv = 0, hv = 0;
                for (int j = 0; j < 64; j++) {
                    long bj = ring[64 * i + j];
                    rv += bj << j;
                    if (j >= fracBits) hv += bj << (j - fracBits);
                }
                r[i] = rv;
                high[i] = hv;
                msb[i] = ring[64 * i + 63];
            }
            return new TruncationPairs(n, fracBits, r, high, msb);
        });
    }

    /** count random bits: {XOR shares (words), ring shares}; ring share = own bit - 2 * share of b0 b1. */
    private long[][] arithBits(int count) {
        int w = BitSlice.words(count);
        long[] bits = prg.longs(w);
        long[] own = new long[count];
        for (int i = 0; i < count; i++) own[i] = (bits[i >>> 6] >>> (i & 63)) & 1L;
        // b0 * b1: party 1 chooses with its bits, party 0 sends its bits as ring elements.
        long[] prod = cross.bitTimesRing(p0() ? own : bits, count, p0());
        long[] ring = new long[count];
        for (int i = 0; i < count; i++) ring[i] = own[i] - 2 * prod[i];
        return new long[][] {bits, ring};
    }

    @Override
    public DaBits daBits(int n) {
        return offline(() -> {
            long[][] b = arithBits(n);
            return new DaBits(n, b[0], b[1]);
        });
    }

    @Override
    public AndTriples andTriples(int planes, int n) {
        return offline(() -> {
            int len = planes * BitSlice.words(n);
            long[] u = prg.longs(len), v = prg.longs(len);
            return new AndTriples(planes, n, u, v, crossAnds(u, v));
        });
    }

    @Override
    public CrossAnd crossAnd(int planes, int n) {
        return offline(() -> makeCrossAnd(planes, n));
    }

    private CrossAnd makeCrossAnd(int planes, int n) {
        long[] mask = prg.longs(planes * BitSlice.words(n));
        return new CrossAnd(planes, n, mask, cross.and(mask, p0()));
    }

    /**
     * One level of comparison-tree triples from KK13 random OTs (CrypTFlow2's correlated triples):
     * the two ANDs of a combine share u, so party 0's (u, v, v') is the random choice of one
     * 1-out-of-8 OT (1-out-of-4 for the lowest combine, which has one AND) and party 1, the sender,
     * answers index k = (x, y, y') with its pads XOR (w ^ (u1 ^ x)(v1 ^ y), w' ^ (u1 ^ x)(v1' ^ y')).
     * Bytes: party 0 the KK13 columns, 32 a combine and lane; party 1 the corrections, 4 + 16 (combines - 1)
     * bit rows ({@link #combineTriplesBytes}).
     */
    private CombineTriples combine(int combines, int n) {
        if (combines < 1) throw new IllegalArgumentException("a tree level has at least one combine, got " + combines);
        int wd = BitSlice.words(n), ands = CombineTriples.ands(combines);
        long[] u = prg.longs(combines * wd), v = prg.longs(ands * wd);
        long[] w = p0() ? new long[ands * wd] : prg.longs(ands * wd);
        int rows = correctionRows(combines);
        if (p0()) {
            // Choice (u, v[, v']) of each combine, then its pads, then the corrections at the choice.
            long[][] choices = new long[combines][];
            long[] pad = new long[2 * wd];
            for (int i = 0; i < combines; i++) {
                int a0 = firstAnd(i), m = andsOf(i);
                long[] choice = new long[(1 + m) * wd];
                System.arraycopy(u, i * wd, choice, 0, wd);
                System.arraycopy(v, a0 * wd, choice, wd, m * wd);
                choices[i] = choice;
                cross.oneOfNReceive(choice, 0, 1 + m, wd, m, pad, 0);
                System.arraycopy(pad, 0, w, a0 * wd, m * wd);
            }
            long[] corr = peer.receiveBitRows(rows, n);
            for (int i = 0; i < combines; i++) {
                int a0 = firstAnd(i), m = andsOf(i), base = correctionBase(i);
                for (int x = 0; x < wd; x++) {
                    for (int idx = 0; idx < 1 << (1 + m); idx++) {
                        long sel = RandomOneOfN.select(choices[i], 0, 1 + m, wd, x, idx);
                        for (int b = 0; b < m; b++) w[(a0 + b) * wd + x] ^= sel & corr[(base + idx * m + b) * wd + x];
                    }
                }
            }
        } else {
            long[] corr = new long[rows * wd], pads = new long[16 * wd];
            for (int i = 0; i < combines; i++) {
                int a0 = firstAnd(i), m = andsOf(i), base = correctionBase(i);
                cross.oneOfNSend(1 + m, wd, m, pads, 0);
                for (int idx = 0; idx < 1 << (1 + m); idx++) {
                    long ux = (idx & 1) == 0 ? 0 : -1L; // index bit 0: party 0's u; bit 1 + b: its v of AND b
                    for (int b = 0; b < m; b++) {
                        long vy = ((idx >>> (1 + b)) & 1) == 0 ? 0 : -1L;
                        int a = a0 + b, o = (base + idx * m + b) * wd, po = (idx * m + b) * wd;
                        for (int x = 0; x < wd; x++) corr[o + x] = pads[po + x] ^ w[a * wd + x] ^ ((u[i * wd + x] ^ ux) & (v[a * wd + x] ^ vy));
                    }
                }
            }
            peer.sendBitRows(corr, rows, n);
            peer.flush();
        }
        return new CombineTriples(combines, n, u, v, w);
    }

    /** The first AND of combine i in a level (see {@link CombineTriples#combineOf}). */
    private static int firstAnd(int i) {
        return i == 0 ? 0 : 2 * i - 1;
    }

    /** ANDs of combine i: the lowest combine needs only its G. */
    private static int andsOf(int i) {
        return i == 0 ? 1 : 2;
    }

    /** First correction row of combine i: 4 x 1 for combine 0, then 8 x 2 each. */
    private static int correctionBase(int i) {
        return i == 0 ? 0 : 4 + 16 * (i - 1);
    }

    /** Correction rows party 1 sends for a level: 4 x 1 bit for the lowest combine, 8 x 2 bits for each other. */
    private static int correctionRows(int combines) {
        return 4 + 16 * (combines - 1);
    }

    /** Offline bytes of {@link #combineTriples}, {party 0, party 1}. */
    public static long[] combineTriplesBytes(int combines, int n) {
        return new long[] {combines * Kk13.receiverBytes(BitSlice.words(n)), (long) correctionRows(combines) * BitSlice.wireBytes(n)};
    }

    private MsbCorrelation makeMsb(int n) {
        CrossAnd c = makeCrossAnd(MsbCorrelation.LEAVES, n);
        int[] combines = MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES);
        CombineTriples[] levels = new CombineTriples[combines.length];
        for (int l = 0; l < levels.length; l++) levels[l] = combine(combines[l], n);
        return new MsbCorrelation(n, c, levels);
    }

    @Override
    public CombineTriples combineTriples(int combines, int n) {
        return offline(() -> combine(combines, n));
    }

    /**
     * Random 1-out-of-N OTs by KK13 (one OT a group and lane, party 0 sending): party 1's random
     * choice is its KK13 choice, each pad the low msgBits bits of the KK13 hash. Cost: party 1 sends
     * 256 bits a group and lane ({@link #randomOneOfNBytes}), party 0 nothing.
     */
    @Override
    public RandomOneOfN randomOneOfN(int groups, int logN, int msgBits, int n) {
        if (logN < 1 || logN > 8 || msgBits < 1 || msgBits > 64) throw new IllegalArgumentException("1-out-of-N OT: logN in 1..8, msgBits in 1..64");
        return offline(() -> {
            int w = BitSlice.words(n), nn = 1 << logN;
            if (p0()) {
                long[] pads = new long[groups * nn * msgBits * w];
                for (int g = 0; g < groups; g++) cross.oneOfNSend(logN, w, msgBits, pads, g * nn * msgBits * w);
                return new RandomOneOfN(groups, logN, msgBits, n, pads, null, null);
            }
            long[] choice = prg.longs(groups * logN * w), pad = new long[groups * msgBits * w];
            for (int g = 0; g < groups; g++) cross.oneOfNReceive(choice, g * logN * w, logN, w, msgBits, pad, g * msgBits * w);
            return new RandomOneOfN(groups, logN, msgBits, n, null, choice, pad);
        });
    }

    /** Offline bytes of {@link #randomOneOfN}, {party 0, party 1}: the KK13 columns, 32 bytes a lane (whole words). */
    public static long[] randomOneOfNBytes(int groups, int n) {
        return new long[] {0, groups * Kk13.receiverBytes(BitSlice.words(n))};
    }

    /**
     * Bytes each party sends when the source is set up: 128 Chou-Orlandi base OTs each way for the
     * two IKNP instances, then 256 IKNP random OTs each way as the base of the two KK13 instances.
     */
    public static long setupBytesPerParty() {
        return OtCross.setupBytesPerParty();
    }

    @Override
    public MsbCorrelation msb(int n) {
        return offline(() -> makeMsb(n));
    }

    /**
     * r v with r = r0 ^ r1 = r0 + r1 - 2 r0 r1: r v0 = r0 v0 + r1 (v0 - 2 r0 v0) and likewise for
     * v1, so two bit-times-ring OTs make the cross terms.
     */
    private MuxCorrelation makeMux(int n) {
        long[][] r = arithBits(n);
        long[] v = prg.longs(n);
        long[] ownBit = new long[n], scaled = new long[n];
        for (int i = 0; i < n; i++) {
            ownBit[i] = (r[0][i >>> 6] >>> (i & 63)) & 1L;
            scaled[i] = v[i] - 2 * ownBit[i] * v[i];
        }
        long[] t1 = cross.bitTimesRing(p0() ? scaled : r[0], n, p0());  // r1 * v0 (1 - 2 r0)
        long[] t2 = cross.bitTimesRing(p0() ? r[0] : scaled, n, !p0()); // r0 * v1 (1 - 2 r1)
        long[] rv = new long[n];
        for (int i = 0; i < n; i++) rv[i] = ownBit[i] * v[i] + t1[i] + t2[i];
        return new MuxCorrelation(n, r[0], r[1], v, rv);
    }

    /**
     * Offline bytes of {@link #mux}, {party 0, party 1}: three correlated OTs a lane (the daBit's
     * b0 b1 and the two cross terms of r v), two with party 0 sending; each costs its IKNP receiver
     * 16 bytes an OT (padded to 64 OTs) and its sender 8.
     */
    public static long[] muxBytes(int n) {
        long cols = 16L * 64 * BitSlice.words(n);
        return new long[] {2 * 8L * n + cols, 8L * n + 2 * cols};
    }

    @Override
    public MuxCorrelation mux(int n) {
        return offline(() -> makeMux(n));
    }

    @Override
    public ReluCorrelation relu(int n) {
        return offline(() -> {
            MsbCorrelation msb = makeMsb(n);
            return new ReluCorrelation(n, msb, makeMux(n));
        });
    }

    /** FSS keys come from one party that knows the mask: refused here, before any traffic. */
    @Override
    public org.polympcnet.protocols.correlation.FssDReluCorrelation fssDrelu(int n) {
        throw new UnsupportedOperationException(FSS_NEEDS_DEALER);
    }

    @Override
    public org.polympcnet.protocols.correlation.FssReluCorrelation fssRelu(int n) {
        throw new UnsupportedOperationException(FSS_NEEDS_DEALER);
    }

    @Override
    public void close() {
        // Nothing to release: the peer link belongs to the session.
    }
}
