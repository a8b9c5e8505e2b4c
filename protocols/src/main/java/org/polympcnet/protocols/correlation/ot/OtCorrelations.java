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

    private CombineTriples combine(int combines, int n) {
        int wd = BitSlice.words(n), ands = CombineTriples.ands(combines);
        long[] u = prg.longs(combines * wd), v = prg.longs(ands * wd);
        long[] uPerAnd = new long[ands * wd];
        for (int a = 0; a < ands; a++) System.arraycopy(u, CombineTriples.combineOf(a) * wd, uPerAnd, a * wd, wd);
        return new CombineTriples(combines, n, u, v, crossAnds(uPerAnd, v));
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

    /** Hash tweaks for 1-out-of-N pads: a domain apart from IKNP's own (which count up from 0). */
    private long oneOfNTweak = 1L << 62;

    /**
     * Random 1-out-of-N OTs from logN random 1-out-of-2 OTs each (Naor-Pinkas style): the pad of
     * index k is H(tweak, XOR over t of K_t^(k_t)), H the tweakable fixed-key-AES hash, so the
     * receiver, holding K_t^(rho_t) only, can compute the pad of rho alone. Party 0 sends.
     * Cost: groups * logN * n random OTs (16 bytes each from party 1), no further traffic.
     */
    @Override
    public RandomOneOfN randomOneOfN(int groups, int logN, int msgBits, int n) {
        if (logN < 1 || logN > 8 || msgBits < 1 || msgBits > 64) throw new IllegalArgumentException("1-out-of-N OT: logN in 1..8, msgBits in 1..64");
        return offline(() -> {
            int w = BitSlice.words(n), N = 1 << logN;
            long tweak0 = oneOfNTweak;
            oneOfNTweak += (long) groups * n * N;
            long[] pads = p0() ? new long[groups * N * msgBits * w] : null;
            long[] choice = p0() ? null : prg.longs(groups * logN * w);
            long[] pad = p0() ? null : new long[groups * msgBits * w];
            // Chunks of lanes keep memory bounded: the keys of one chunk are 2 x 16 bytes an OT.
            for (int g = 0; g < groups; g++) {
                for (int i0 = 0; i0 < n; i0 += ONE_OF_N_CHUNK) {
                    int len = Math.min(ONE_OF_N_CHUNK, n - i0);
                    long base = tweak0 + ((long) g * n + i0) * N;
                    if (p0()) oneOfNSend(g, i0, len, logN, msgBits, w, base, pads);
                    else oneOfNReceive(g, i0, len, logN, msgBits, w, base, choice, pad);
                }
            }
            return new RandomOneOfN(groups, logN, msgBits, n, pads, choice, pad);
        });
    }

    private static final int ONE_OF_N_CHUNK = 1 << 13;
    private final org.polympcnet.protocols.crypto.CrHash oneOfNHash = new org.polympcnet.protocols.crypto.CrHash();

    /** Sender: pad(g, i, k) = H(base + (i - i0) N + k, XOR over t of K_(i,t)^(k_t)) for the chunk. */
    private void oneOfNSend(int g, int i0, int len, int logN, int msgBits, int w, long base, long[] pads) {
        int N = 1 << logN, count = len * N;
        long[][] keys = cross.randomSend(len * logN);
        long[] x = new long[2 * count], tweaks = new long[count], out = new long[count];
        for (int i = 0; i < len; i++) {
            for (int k = 0; k < N; k++) {
                int e = i * N + k;
                long lo = 0, hi = 0;
                for (int t = 0; t < logN; t++) {
                    long[] kt = keys[(k >>> t) & 1];
                    int o = 2 * (i * logN + t);
                    lo ^= kt[o];
                    hi ^= kt[o + 1];
                }
                x[2 * e] = lo;
                x[2 * e + 1] = hi;
                tweaks[e] = base + e;
            }
        }
        oneOfNHash.hashWithTweaks(x, tweaks, count, out);
        for (int i = 0; i < len; i++) {
            int lane = i0 + i;
            for (int k = 0; k < N; k++) {
                long v = out[i * N + k];
                for (int b = 0; b < msgBits; b++) pads[((g * N + k) * msgBits + b) * w + (lane >>> 6)] |= ((v >>> b) & 1L) << (lane & 63);
            }
        }
    }

    /** Receiver: K_(i,t)^(rho_t) for its choice rho, then the one pad it can compute. */
    private void oneOfNReceive(int g, int i0, int len, int logN, int msgBits, int w, long base, long[] choice, long[] pad) {
        int N = 1 << logN, ots = len * logN;
        long[] bits = new long[BitSlice.words(ots)];
        int[] rho = new int[len];
        for (int i = 0; i < len; i++) {
            int lane = i0 + i;
            for (int t = 0; t < logN; t++) {
                long c = (choice[(g * logN + t) * w + (lane >>> 6)] >>> (lane & 63)) & 1L;
                int o = i * logN + t;
                bits[o >>> 6] |= c << (o & 63);
                rho[i] |= (int) c << t;
            }
        }
        long[] keys = cross.randomReceive(bits, ots);
        long[] x = new long[2 * len], tweaks = new long[len], out = new long[len];
        for (int i = 0; i < len; i++) {
            long lo = 0, hi = 0;
            for (int t = 0; t < logN; t++) {
                int o = 2 * (i * logN + t);
                lo ^= keys[o];
                hi ^= keys[o + 1];
            }
            x[2 * i] = lo;
            x[2 * i + 1] = hi;
            tweaks[i] = base + (long) i * N + rho[i];
        }
        oneOfNHash.hashWithTweaks(x, tweaks, len, out);
        for (int i = 0; i < len; i++) {
            int lane = i0 + i;
            for (int b = 0; b < msgBits; b++) pad[(g * msgBits + b) * w + (lane >>> 6)] |= ((out[i] >>> b) & 1L) << (lane & 63);
        }
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

    @Override
    public void close() {
        // Nothing to release: the peer link belongs to the session.
    }
}
