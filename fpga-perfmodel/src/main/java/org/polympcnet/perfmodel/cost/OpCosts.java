package org.polympcnet.perfmodel.cost;

import static org.polympcnet.perfmodel.cost.EngineKind.LINEAR;
import static org.polympcnet.perfmodel.cost.EngineKind.POLY;
import static org.polympcnet.perfmodel.cost.EngineKind.RELU;

import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.ops.A2B;
import org.polympcnet.protocols.ops.B2A;
import org.polympcnet.protocols.ops.Conv2d;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Mult;
import org.polympcnet.protocols.ops.Multiplexer;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * The cost of every op of {@code protocols/ops}, step by step as each is implemented. Totals are
 * checked against the ops' own static formulas ({@code Relu.onlineBytes(n)} and so on) when a
 * cost is built, so a protocol change that this model misses fails loudly instead of drifting.
 * Truncation shifts by {@code fracBits}, as after a fixed-point product.
 */
public final class OpCosts {
    private static final int LEAVES = MsbCorrelation.LEAVES;

    private OpCosts() {}

    // ------------------------------------------------------------------ comparisons (RELU engine)

    /** MSB by the GMW carry tree (the default comparison protocol's). */
    public static OpCost msb(int n) {
        return GmwCarryTreeCosts.INSTANCE.msb(n);
    }

    /** DReLU by the default comparison protocol ({@link ComparisonProtocols#DEFAULT}). */
    public static OpCost drelu(int n) {
        return ComparisonProtocols.DEFAULT.drelu(n);
    }

    /** 2P-ReLU by the default comparison protocol ({@link ComparisonProtocols#DEFAULT}). */
    public static OpCost relu(int n) {
        return ComparisonProtocols.DEFAULT.relu(n);
    }

    /** A2B by the Kogge-Stone adder: 63 cross ANDs, then 6 levels of G and P updates. */
    public static OpCost a2b(int n) {
        long wd = words(n), wb = wireBytes(n);
        Steps s = new Steps(RELU, n);
        s.work(Work.transposes(wd)).work(Work.bitWords(2L * LEAVES * wd)).flight(LEAVES * wb); // copy, mask
        s.work(Work.andWords(LEAVES * wd)).work(Work.bitWords(LEAVES * wd)); // generate bits; copy of P
        CorrelationCost offline = CorrelationCost.cross(LEAVES, n);
        long gates = LEAVES;
        for (int l = 0; l < 6; l++) {
            int ands = a2bAndsAtLevel(1 << l);
            s.work(Work.bitWords(2L * ands * wd)).flight(2L * ands * wb);
            s.work(Work.bitWords(2L * ands * wd + 2L * LEAVES * wd)).work(Work.andWords(ands * wd)); // unmask, clone G and P
            offline = offline.plus(CorrelationCost.and(ands, n));
            gates += ands;
        }
        s.work(Work.bitWords(64 * wd)); // sum bits p_j ^ G_(j-1)
        return checked(new OpCost("a2b", n, s.build(), offline, gates * n, 0), A2B.onlineBytes(n), A2B.onlineRounds());
    }

    /** Max pool with the default comparison protocol. */
    public static OpCost maxPool(int batch, int c, int h, int w, int k, int stride) {
        return maxPool(ComparisonProtocols.DEFAULT, batch, c, h, w, k, stride);
    }

    /** Max pool: a tournament of ReLU(a - b), all windows of a level in one batched ReLU. */
    public static OpCost maxPool(ComparisonCosts cmp, int batch, int c, int h, int w, int k, int stride) {
        int windows = batch * c * Conv2d.outSize(h, k, stride, 0) * Conv2d.outSize(w, k, stride, 0);
        OpCost total = null;
        int m = k * k;
        Steps gather = new Steps(RELU, windows);
        gather.work(Work.ringOps((long) windows * m)); // gather the candidates of every window
        total = new OpCost("maxpool", windows, gather.build(), CorrelationCost.NONE, 0, 0);
        for (; m > 1; m = (m + 1) / 2) {
            int pairs = m / 2, next = (m + 1) / 2;
            OpCost diff = new OpCost("maxpool", windows, new Steps(RELU, windows)
                    .work(Work.ringOps((long) windows * pairs)).build(), CorrelationCost.NONE, 0, 0);
            OpCost pick = new OpCost("maxpool", windows, new Steps(RELU, windows)
                    .work(Work.ringOps((long) windows * next)).build(), CorrelationCost.NONE, 0, 0);
            total = total.then(diff, "maxpool").then(cmp.relu(windows * pairs), "maxpool").then(pick, "maxpool");
        }
        return total;
    }

    // ------------------------------------------------------------------ arithmetic (POLY engine)

    /** Multiplexer b * x alone: x - v and b ^ r in one flight, then the select. */
    public static OpCost mux(int n) {
        Steps s = new Steps(POLY, n);
        s.work(Work.ringOps(n)).work(Work.bitWords(words(n))).flight(8L * n + wireBytes(n)); // x - v, b ^ r
        s.work(Work.ringOps(n)).work(muxSelect(n)); // e, then the select
        return checked(new OpCost("mux", n, s.build(), CorrelationCost.mux(n), 0, n),
                Multiplexer.onlineBytes(n), Multiplexer.onlineRounds());
    }

    /** B2A with daBits: open b ^ r, then b = c + (1 - 2c) r. */
    public static OpCost b2a(int n) {
        long wd = words(n);
        Steps s = new Steps(POLY, n);
        s.work(Work.bitWords(wd)).flight(wireBytes(n));
        s.work(Work.bitWords(wd)).work(Work.ringOps(n));
        return checked(new OpCost("b2a", n, s.build(), CorrelationCost.daBits(n), 0, 0), B2A.onlineBytes(n), B2A.onlineRounds());
    }

    /** Truncation of n values by `shift` bits: local shifts, or one round with a dealer mask. */
    public static OpCost truncation(Truncation.Mode mode, int n, int shift) {
        return truncation(POLY, mode, n, shift);
    }

    /** Truncation on the engine that made the product (a linear engine shifts its own outputs). */
    private static OpCost truncation(EngineKind engine, Truncation.Mode mode, int n, int shift) {
        Steps s = new Steps(engine, n);
        boolean faithful = mode == Truncation.Mode.FAITHFUL && shift > 0;
        if (faithful) {
            s.work(Work.ringOps(n)).flight(8L * n); // z + r (+ 2^62 at party 0)
            s.work(Work.ringOps(2L * n)); // open; -rHigh + wrap correction + c >>> s
        } else {
            s.work(Work.ringOps(n));
        }
        OpCost c = new OpCost("truncation", n, s.build(), faithful ? CorrelationCost.truncation(n) : CorrelationCost.NONE, 0, 0);
        return shift > 0 ? checked(c, Truncation.onlineBytes(mode, n), Truncation.onlineRounds(mode)) : c;
    }

    /** x^2 with a square pair, then truncation by f. */
    public static OpCost square(Truncation.Mode mode, int n, int fracBits) {
        OpCost c = squareNoTruncation(n).then(truncation(mode, n, fracBits), "square");
        return fracBits > 0 ? checked(c, Square.onlineBytes(mode, n), Square.onlineRounds(mode)) : c;
    }

    /** x * y with a Beaver triple, then truncation by f. */
    public static OpCost mult(Truncation.Mode mode, int n, int fracBits) {
        Steps s = new Steps(POLY, n);
        s.work(Work.ringOps(2L * n)).flight(16L * n); // d = x - a, e = y - b
        s.work(Work.ringOps(2L * n)).work(Work.ringOps(n)).work(Work.ringMults(3L * n)); // open; c + d b + e a + d e
        OpCost c = new OpCost("mult", n, s.build(), CorrelationCost.beaver(n), 0, 3L * n)
                .then(truncation(mode, n, fracBits), "mult");
        return fracBits > 0 ? checked(c, Mult.onlineBytes(mode, n), Mult.onlineRounds(mode)) : c;
    }

    /** The polynomial a x^2 + b x + c: a square pair, two truncations by f, local products. */
    public static OpCost poly(Truncation.Mode mode, int n, int fracBits) {
        OpCost sq = squareNoTruncation(n).then(truncation(mode, n, fracBits), "poly");
        OpCost local = new OpCost("poly", n, new Steps(POLY, n).work(Work.ringOps(n)).work(Work.ringMults(2L * n)).build(),
                CorrelationCost.NONE, 0, 2L * n);
        OpCost c = sq.then(local, "poly").then(truncation(mode, n, fracBits), "poly");
        return fracBits > 0 ? checked(c, PolyActivation.onlineBytes(mode, n), PolyActivation.onlineRounds(mode)) : c;
    }

    /** Average pool: local window sums, a product with 2^(f+8)/k^2 unless k^2 is a power of two, truncation. */
    public static OpCost avgPool(Truncation.Mode mode, int batch, int c, int h, int w, int k, int stride, int fracBits) {
        int windows = batch * c * Conv2d.outSize(h, k, stride, 0) * Conv2d.outSize(w, k, stride, 0);
        int area = k * k;
        boolean powerOfTwo = Integer.bitCount(area) == 1;
        int shift = powerOfTwo ? Integer.numberOfTrailingZeros(area) : fracBits + 8;
        Steps s = new Steps(POLY, windows).work(Work.ringOps((long) windows * area));
        if (!powerOfTwo) s.work(Work.ringMults(windows));
        OpCost sums = new OpCost("avgpool", windows, s.build(), CorrelationCost.NONE, 0, powerOfTwo ? 0 : windows);
        return sums.then(truncation(mode, windows, shift), "avgpool");
    }

    // ------------------------------------------------------------------ linear (LINEAR engine)

    /** (m x k)(k x n) with a matrix triple: open E and F, two local products, truncation by f. */
    public static OpCost matmul(Truncation.Mode mode, int m, int k, int n, int fracBits) {
        long mk = (long) m * k, kn = (long) k * n, mn = (long) m * n;
        MatShape shape = new MatShape(m, k, n);
        Steps s = new Steps(LINEAR, mn);
        s.work(Work.ringOps(mk + kn)).flight(8 * (mk + kn));
        // open; split into E and F; A + E (party 0); E B + (A + E) F; + C
        s.work(Work.ringOps(2 * (mk + kn) + mk + 2 * mn)).work(Work.macs(2 * shape.macs())).shape(shape);
        OpCost c = new OpCost("matmul", mn, s.build(), CorrelationCost.matrix(m, k, n), 0, 2 * shape.macs())
                .then(truncation(LINEAR, mode, m * n, fracBits), "matmul");
        return fracBits > 0 ? checked(c, MatMul.onlineBytes(mode, m, k, n), MatMul.onlineRounds(mode)) : c;
    }

    /** Conv2d by im2col: the column copy, one matrix product, the bias and output layout. */
    public static OpCost conv2d(Truncation.Mode mode, int batch, int in, int h, int w, int out, int kh, int kw,
                                int stride, int pad, int fracBits) {
        int ho = Conv2d.outSize(h, kh, stride, pad), wo = Conv2d.outSize(w, kw, stride, pad);
        int cols = batch * ho * wo;
        long outputs = (long) out * cols;
        OpCost im2col = new OpCost("conv2d", outputs, new Steps(LINEAR, outputs)
                .work(Work.ringOps((long) in * kh * kw * cols)).build(), CorrelationCost.NONE, 0, 0);
        OpCost bias = new OpCost("conv2d", outputs, new Steps(LINEAR, outputs).work(Work.ringOps(outputs)).build(),
                CorrelationCost.NONE, 0, 0);
        OpCost c = im2col.then(matmul(mode, out, in * kh * kw, cols, fracBits), "conv2d").then(bias, "conv2d");
        return fracBits > 0 ? checked(c, MatMul.onlineBytes(mode, out, in * kh * kw, cols), MatMul.onlineRounds(mode)) : c;
    }

    // ------------------------------------------------------------------ shared pieces

    private static OpCost squareNoTruncation(int n) {
        Steps s = new Steps(POLY, n);
        s.work(Work.ringOps(n)).flight(8L * n); // e = x - a
        s.work(Work.ringOps(2L * n)).work(Work.ringMults(2L * n)); // open; aa + 2 e a + e e
        return new OpCost("square", n, s.build(), CorrelationCost.square(n), 0, 2L * n);
    }

    /** The multiplexer's select, one pass: c v + (1 - 2c)(e r + r v) (+ c e at party 0); e r is the full product. */
    static Work muxSelect(int n) {
        return Work.ringOps(n).plus(Work.ringMults(n));
    }

    /** Kogge-Stone level d: G updates for j >= d, P updates for j >= 2d (as A2B). */
    static int a2bAndsAtLevel(int d) {
        return (LEAVES - d) + Math.max(0, LEAVES - 2 * d);
    }

    static long words(int n) {
        return BitSlice.words(n);
    }

    static long wireBytes(int n) {
        return BitSlice.wireBytes(n);
    }

    static OpCost checked(OpCost c, long formulaBytes, int formulaRounds) {
        if (c.onlineBytes() != formulaBytes || c.rounds() != formulaRounds) {
            throw new IllegalStateException("cost model of " + c.op() + " (n=" + c.elements() + ") is out of step with protocols: "
                    + c.onlineBytes() + " bytes in " + c.rounds() + " rounds modelled, " + formulaBytes + " bytes in "
                    + formulaRounds + " rounds by the op's formula");
        }
        return c;
    }
}
