package org.polympcnet.protocols.correlation.dealer;

import org.polympcnet.protocols.correlation.AndTriples;
import org.polympcnet.protocols.correlation.BeaverTriples;
import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.CrossAnd;
import org.polympcnet.protocols.correlation.DaBits;
import org.polympcnet.protocols.correlation.FssDReluCorrelation;
import org.polympcnet.protocols.correlation.FssReluCorrelation;
import org.polympcnet.protocols.correlation.MatrixTriple;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.MuxCorrelation;
import org.polympcnet.protocols.correlation.RandomOneOfN;
import org.polympcnet.protocols.correlation.ReluCorrelation;
import org.polympcnet.protocols.correlation.SquarePairs;
import org.polympcnet.protocols.correlation.TruncationPairs;
import org.polympcnet.protocols.fss.Dcf;
import org.polympcnet.protocols.fss.DcfKeys;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.Ring64;

/**
 * How the dealer makes each correlation, written once for all three roles (see {@link Draw}).
 * The order of draws is the contract between the dealer and the parties: change it in one place.
 * Party 1's correction traffic per correlation is documented on each recipe (offline bytes).
 */
final class Recipes {
    private Recipes() {}

    /** Beaver triples; party 1 receives c: 8n bytes. */
    static BeaverTriples beaver(Draw d, int n) {
        long[] a0 = d.p0(n), b0 = d.p0(n), c0 = d.p0(n);
        long[] a1 = d.p1(n), b1 = d.p1(n);
        long[] c1 = d.p1Ring(n, () -> {
            long[] c = new long[n];
            for (int i = 0; i < n; i++) c[i] = (a0[i] + a1[i]) * (b0[i] + b1[i]) - c0[i];
            return c;
        });
        return d.pick(() -> new BeaverTriples(n, a0, b0, c0), () -> new BeaverTriples(n, a1, b1, c1));
    }

    /** Square pairs; party 1 receives aa: 8n bytes. */
    static SquarePairs square(Draw d, int n) {
        long[] a0 = d.p0(n), aa0 = d.p0(n);
        long[] a1 = d.p1(n);
        long[] aa1 = d.p1Ring(n, () -> {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                long a = a0[i] + a1[i];
                r[i] = a * a - aa0[i];
            }
            return r;
        });
        return d.pick(() -> new SquarePairs(n, a0, aa0), () -> new SquarePairs(n, a1, aa1));
    }

    /** Matrix triple; party 1 receives C: 8mn bytes. */
    static MatrixTriple matrix(Draw d, int m, int k, int n) {
        long[] a0 = d.p0(m * k), b0 = d.p0(k * n), c0 = d.p0(m * n);
        long[] a1 = d.p1(m * k), b1 = d.p1(k * n);
        long[] c1 = d.p1Ring(m * n, () -> {
            long[] c = Ring64.matmul(Ring64.add(a0, a1), Ring64.add(b0, b1), m, k, n);
            Ring64.subInPlace(c, c0);
            return c;
        });
        return d.pick(() -> new MatrixTriple(m, k, n, a0, b0, c0), () -> new MatrixTriple(m, k, n, a1, b1, c1));
    }

    /** Faithful-truncation masks; party 1 receives r >>> f and msb(r): 16n bytes. */
    static TruncationPairs truncation(Draw d, int n, int f) {
        long[] r0 = d.p0(n), h0 = d.p0(n), m0 = d.p0(n);
        long[] r1 = d.p1(n);
        long[] h1 = d.p1Ring(n, () -> {
            long[] h = new long[n];
            for (int i = 0; i < n; i++) h[i] = ((r0[i] + r1[i]) >>> f) - h0[i];
            return h;
        });
        long[] m1 = d.p1Ring(n, () -> {
            long[] m = new long[n];
            for (int i = 0; i < n; i++) m[i] = ((r0[i] + r1[i]) >>> 63) - m0[i];
            return m;
        });
        return d.pick(() -> new TruncationPairs(n, f, r0, h0, m0), () -> new TruncationPairs(n, f, r1, h1, m1));
    }

    /** Boolean AND triples; party 1 receives w: planes * ceil(n/8) bytes. */
    static AndTriples and(Draw d, int planes, int n) {
        int len = planes * BitSlice.words(n);
        long[] u0 = d.p0(len), v0 = d.p0(len), w0 = d.p0(len);
        long[] u1 = d.p1(len), v1 = d.p1(len);
        long[] w1 = d.p1Bits(planes, n, () -> {
            long[] w = new long[len];
            for (int i = 0; i < len; i++) w[i] = ((u0[i] ^ u1[i]) & (v0[i] ^ v1[i])) ^ w0[i];
            return w;
        });
        return d.pick(() -> new AndTriples(planes, n, u0, v0, w0), () -> new AndTriples(planes, n, u1, v1, w1));
    }

    /** Cross ANDs; party 1 receives its share of u AND v: planes * ceil(n/8) bytes. */
    static CrossAnd cross(Draw d, int planes, int n) {
        int len = planes * BitSlice.words(n);
        long[] u = d.p0(len), s0 = d.p0(len);
        long[] v = d.p1(len);
        long[] s1 = d.p1Bits(planes, n, () -> {
            long[] s = new long[len];
            for (int i = 0; i < len; i++) s[i] = (u[i] & v[i]) ^ s0[i];
            return s;
        });
        return d.pick(() -> new CrossAnd(planes, n, u, s0), () -> new CrossAnd(planes, n, v, s1));
    }

    /** One carry-tree level; party 1 receives w: (2 combines - 1) * ceil(n/8) bytes. */
    static CombineTriples combine(Draw d, int combines, int n) {
        int wd = BitSlice.words(n);
        int ands = CombineTriples.ands(combines);
        long[] u0 = d.p0(combines * wd), v0 = d.p0(ands * wd), w0 = d.p0(ands * wd);
        long[] u1 = d.p1(combines * wd), v1 = d.p1(ands * wd);
        long[] w1 = d.p1Bits(ands, n, () -> {
            long[] w = new long[ands * wd];
            for (int a = 0; a < ands; a++) {
                int uo = CombineTriples.combineOf(a) * wd, vo = a * wd;
                for (int i = 0; i < wd; i++) {
                    w[vo + i] = ((u0[uo + i] ^ u1[uo + i]) & (v0[vo + i] ^ v1[vo + i])) ^ w0[vo + i];
                }
            }
            return w;
        });
        return d.pick(() -> new CombineTriples(combines, n, u0, v0, w0), () -> new CombineTriples(combines, n, u1, v1, w1));
    }

    /** Everything for the MSB: 63 cross ANDs and the carry-tree levels (181 planes to party 1). */
    static MsbCorrelation msb(Draw d, int n) {
        CrossAnd cross = cross(d, MsbCorrelation.LEAVES, n);
        int[] combines = MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES);
        CombineTriples[] levels = new CombineTriples[combines.length];
        for (int l = 0; l < combines.length; l++) levels[l] = combine(d, combines[l], n);
        return d.role() < 0 ? null : new MsbCorrelation(n, cross, levels);
    }

    /** daBits; party 1 receives the ring share of each bit: 8n bytes. */
    static DaBits daBits(Draw d, int n) {
        int wd = BitSlice.words(n);
        long[] b0 = d.p0(wd), a0 = d.p0(n);
        long[] b1 = d.p1(wd);
        long[] a1 = d.p1Ring(n, () -> {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) a[i] = bit(b0, b1, i) - a0[i];
            return a;
        });
        return d.pick(() -> new DaBits(n, b0, a0), () -> new DaBits(n, b1, a1));
    }

    /** Multiplexer randomness; party 1 receives r as ring share and r*v: 16n bytes. */
    static MuxCorrelation mux(Draw d, int n) {
        int wd = BitSlice.words(n);
        long[] r0 = d.p0(wd), ra0 = d.p0(n), v0 = d.p0(n), rv0 = d.p0(n);
        long[] r1 = d.p1(wd), v1 = d.p1(n);
        long[] ra1 = d.p1Ring(n, () -> {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) a[i] = bit(r0, r1, i) - ra0[i];
            return a;
        });
        long[] rv1 = d.p1Ring(n, () -> {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) a[i] = bit(r0, r1, i) * (v0[i] + v1[i]) - rv0[i];
            return a;
        });
        return d.pick(() -> new MuxCorrelation(n, r0, ra0, v0, rv0), () -> new MuxCorrelation(n, r1, ra1, v1, rv1));
    }

    static ReluCorrelation relu(Draw d, int n) {
        MsbCorrelation msb = msb(d, n);
        MuxCorrelation mux = mux(d, n);
        return d.role() < 0 ? null : new ReluCorrelation(n, msb, mux);
    }

    /**
     * Random 1-out-of-N OTs; party 1 receives the pad at its choice: groups * msgBits * ceil(n/8)
     * bytes. The pad is selected lane by lane with bit-sliced equality masks.
     */
    static RandomOneOfN oneOfN(Draw d, int groups, int logN, int msgBits, int n) {
        int w = BitSlice.words(n), N = 1 << logN;
        long[] pads = d.p0(groups * N * msgBits * w);
        long[] choice = d.p1(groups * logN * w);
        long[] pad1 = d.p1Bits(groups * msgBits, n, () -> {
            long[] r = new long[groups * msgBits * w];
            for (int g = 0; g < groups; g++) {
                for (int k = 0; k < N; k++) {
                    for (int x = 0; x < w; x++) {
                        long sel = RandomOneOfN.select(choice, g * logN, logN, w, x, k);
                        for (int b = 0; b < msgBits; b++) r[(g * msgBits + b) * w + x] |= sel & pads[((g * N + k) * msgBits + b) * w + x];
                    }
                }
            }
            return r;
        });
        return d.pick(() -> new RandomOneOfN(groups, logN, msgBits, n, pads, null, null),
                () -> new RandomOneOfN(groups, logN, msgBits, n, null, choice, pad1));
    }

    /** The DReLU/ReLU DCF's domain: the low 63 bits of the opened x + r (BCG+21 section 4). */
    static final int FSS_BITS = 63;

    /**
     * FSS DReLU keys (BCG+21, Z_2 payload, beta = 1): masks r_b and root seeds from each party's
     * PRG, party 0's XOR share of r63 from its PRG. Both parties receive the DCF's correction words,
     * level by level (16 bytes an element a level, then the final bit row: 1,008 n + ceil(n/8)
     * bytes); party 1 also receives its share of r63 (ceil(n/8) bytes).
     */
    static FssDReluCorrelation fssDrelu(Draw d, int n) {
        int wd = BitSlice.words(n);
        long[] r0 = d.p0(n), roots0 = d.p0(2 * n), top0 = d.p0(wd);
        long[] r1 = d.p1(n), roots1 = d.p1(2 * n);
        long[] r = null;
        Dcf.Gen gen = null;
        if (d.role() < 0) {
            r = Ring64.add(r0, r1);
            long[] alpha = new long[n], beta = new long[n];
            for (int i = 0; i < n; i++) alpha[i] = r[i] & Long.MAX_VALUE;
            java.util.Arrays.fill(beta, 1);
            gen = new Dcf.Gen(Dcf.Payload.BIT, FSS_BITS, alpha, beta, roots0, roots1);
        }
        long[][] cw = dcfLevels(d, gen, Dcf.Payload.BIT, n);
        Dcf.Gen g = gen;
        long[] fin = d.bothBits(1, n, () -> g.finish());
        long[] rr = r;
        long[] top1 = d.p1Bits(1, n, () -> {
            long[] t = new long[wd];
            for (int i = 0; i < n; i++) t[i >>> 6] |= (rr[i] >>> 63) << (i & 63);
            for (int w = 0; w < wd; w++) t[w] ^= top0[w];
            return t;
        });
        return d.pick(() -> new FssDReluCorrelation(n, r0, top0, new DcfKeys(0, Dcf.Payload.BIT, FSS_BITS, n, roots0, cw, fin)),
                () -> new FssDReluCorrelation(n, r1, top1, new DcfKeys(1, Dcf.Payload.BIT, FSS_BITS, n, roots1, cw, fin)));
    }

    /**
     * FSS ReLU keys (BCG+21, Z_2^64 x Z_2^64 payload, beta = (1 - 2 r63, (1 - 2 r63) r)): masks and
     * root seeds from each party's PRG, party 0's additive shares of r63 and r63 r from its PRG.
     * Both parties receive the correction words (32 bytes an element a level, then 16 for the final
     * one: 2,032 n bytes); party 1 also receives its shares of r63 and r63 r (16 n bytes).
     */
    static FssReluCorrelation fssRelu(Draw d, int n) {
        long[] r0 = d.p0(n), roots0 = d.p0(2 * n), top0 = d.p0(n), topR0 = d.p0(n);
        long[] r1 = d.p1(n), roots1 = d.p1(2 * n);
        long[] r = null;
        Dcf.Gen gen = null;
        if (d.role() < 0) {
            r = Ring64.add(r0, r1);
            long[] alpha = new long[n], beta = new long[2 * n];
            for (int i = 0; i < n; i++) {
                alpha[i] = r[i] & Long.MAX_VALUE;
                long sign = 1 - 2 * (r[i] >>> 63);
                beta[2 * i] = sign;
                beta[2 * i + 1] = sign * r[i];
            }
            gen = new Dcf.Gen(Dcf.Payload.RING2, FSS_BITS, alpha, beta, roots0, roots1);
        }
        long[][] cw = dcfLevels(d, gen, Dcf.Payload.RING2, n);
        Dcf.Gen g = gen;
        long[] fin = d.both(2 * n, () -> g.finish());
        long[] rr = r;
        long[] top1 = d.p1Ring(n, () -> {
            long[] t = new long[n];
            for (int i = 0; i < n; i++) t[i] = (rr[i] >>> 63) - top0[i];
            return t;
        });
        long[] topR1 = d.p1Ring(n, () -> {
            long[] t = new long[n];
            for (int i = 0; i < n; i++) t[i] = (rr[i] >>> 63) * rr[i] - topR0[i];
            return t;
        });
        return d.pick(() -> new FssReluCorrelation(n, r0, top0, topR0, new DcfKeys(0, Dcf.Payload.RING2, FSS_BITS, n, roots0, cw, fin)),
                () -> new FssReluCorrelation(n, r1, top1, topR1, new DcfKeys(1, Dcf.Payload.RING2, FSS_BITS, n, roots1, cw, fin)));
    }

    /** The DCF's correction words, a level at a time (the dealer reuses one buffer; parties keep each). */
    private static long[][] dcfLevels(Draw d, Dcf.Gen gen, Dcf.Payload p, int n) {
        int len = Math.multiplyExact(n, p.cwLongs);
        long[] buffer = gen == null ? null : new long[len];
        long[][] cw = new long[FSS_BITS][];
        for (int l = 0; l < FSS_BITS; l++) cw[l] = d.both(len, () -> gen.nextLevel(buffer));
        return cw;
    }

    private static long bit(long[] x0, long[] x1, int lane) {
        return ((x0[lane >>> 6] ^ x1[lane >>> 6]) >>> (lane & 63)) & 1L;
    }
}
