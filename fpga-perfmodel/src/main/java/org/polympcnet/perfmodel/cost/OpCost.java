package org.polympcnet.perfmodel.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact work of one op (or of a layer's sequence of ops) at one party, as implemented in
 * {@code protocols}: its steps (local work and message flights, in order), the correlations it
 * fetches offline, and totals. Online traffic is symmetric: each party sends the same bytes in
 * the same flights, so figures are per party; local work is party 0's (the busier party).
 *
 * @param op what this is ("relu", "matmul", "maxpool" ...)
 * @param elements the element count the op works on (output entries for a matrix product)
 * @param andGates AND gates evaluated online (per party; bit-sliced, 64 a word)
 * @param ringMults full-width ring products online at party 0 (products with a public bit or a
 *     power of two are selects and shifts, and not counted)
 */
public record OpCost(String op, long elements, List<Step> steps, CorrelationCost offline, long andGates, long ringMults) {
    /**
     * Steps built for this op carry its {@link #footprint}; steps that already carry one (those of
     * ops joined by {@link #then}) keep their own op's.
     */
    public OpCost {
        long fp = footprint(elements, steps, offline);
        List<Step> stamped = new ArrayList<>(steps.size());
        for (Step s : steps) stamped.add(s.footprint() == 0 ? s.withFootprint(fp) : s);
        steps = List.copyOf(stamped);
    }

    /**
     * The bytes an op touches in its online phase at party 0 (which holds every correlation
     * component): its input (8 bytes an element), the correlations it reads (party 0's words,
     * fetched offline, and the FSS correction words the dealer sent it), every array its passes write (8 bytes a ring element, bit-plane word or AND
     * word; 64 words a transpose), and each flight's two buffers (the channel's copy of what it
     * sends, and the array it receives into). Every pass writes a fresh array, so nothing of this
     * is reused in place: on a CPU it is the working set from which the op's later passes read
     * what its earlier ones wrote, and which of the caches holds it sets their speed.
     */
    static long footprint(long elements, List<Step> steps, CorrelationCost offline) {
        long b = 8 * elements + 8 * offline.party0Words() + offline.party0CorrectionBytes();
        for (Step s : steps) {
            Work w = s.work();
            b += 8 * (w.ringOps() + w.bitWords() + w.andWords()) + 64L * 8 * w.transposes() + 2 * s.bytes();
        }
        return b;
    }

    /** The op's online working set, {@link #footprint(long, List, CorrelationCost)}. */
    public long footprint() {
        return footprint(elements, steps, offline);
    }

    /** Bytes each party sends online. */
    public long onlineBytes() {
        long b = 0;
        for (Step s : steps) b += s.bytes();
        return b;
    }

    /** Online rounds (message flights) of each party. */
    public int rounds() {
        int r = 0;
        for (Step s : steps) if (s.flight()) r++;
        return r;
    }

    /** All local work of the op, summed over its steps. */
    public Work work() {
        Work w = Work.NONE;
        for (Step s : steps) w = w.plus(s.work());
        return w;
    }

    /** Bytes on party p's dealer link, both directions (the OFFLINE phase of its channel). */
    public long offlineBytes(int party) {
        return offline.offlineBytes(party);
    }

    /** AES blocks party p expands from its seed for this op's correlations. */
    public long aesBlocks(int party) {
        return offline.aesBlocks(party);
    }

    /** This op, then the next one: the steps of both in order, all other figures summed. */
    public OpCost then(OpCost next, String name) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(next.steps);
        return new OpCost(name, elements, all, offline.plus(next.offline),
                andGates + next.andGates, ringMults + next.ringMults);
    }

    /**
     * The tile of this op that covers elements [from, to) of its {@link #elements}, for engines
     * that overlap tiles: every step keeps its flight, and bytes, work, offline cost and counts
     * are divided in proportion, rounded so that consecutive tiles sum exactly to the whole (a
     * matrix product is split along its columns).
     */
    public OpCost portion(long from, long to) {
        long n = elements;
        if (from < 0 || to <= from || to > n) throw new IllegalArgumentException("portion [" + from + ", " + to + ") of " + n + " elements");
        if (from == 0 && to == n) return this;
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            Work w = s.work();
            Work pw = new Work(share(w.transposes(), from, to, n), share(w.bitWords(), from, to, n), share(w.andWords(), from, to, n),
                    share(w.ringOps(), from, to, n), share(w.ringMults(), from, to, n), share(w.macs(), from, to, n),
                    share(w.aesBlocks(), from, to, n));
            MatShape shape = s.shape() == null ? null
                    : new MatShape(s.shape().m(), s.shape().k(), (int) Math.max(1, share(s.shape().n(), from, to, n)));
            out.add(new Step(s.engine(), pw, s.flight(), share(s.bytes(), from, to, n), shape,
                    Math.max(1, share(s.elements(), from, to, n)), share(s.footprint(), from, to, n)));
        }
        CorrelationCost o = offline;
        CorrelationCost po = new CorrelationCost(o.requests(), share(o.party0Words(), from, to, n), share(o.party1Words(), from, to, n),
                share(o.correctionBytes(), from, to, n), share(o.dealerRingMults(), from, to, n), share(o.dealerAndWords(), from, to, n),
                share(o.party0CorrectionBytes(), from, to, n), share(o.dealerCipherBlocks(), from, to, n));
        return new OpCost(op, to - from, out, po, share(andGates, from, to, n), share(ringMults, from, to, n));
    }

    /** The part of v that elements [from, to) of n carry, rounded so that adjacent parts sum to v. */
    private static long share(long v, long from, long to, long n) {
        return floorScaled(v, to, n) - floorScaled(v, from, n);
    }

    /** floor(v * k / n) without overflow (counts are non-negative). */
    private static long floorScaled(long v, long k, long n) {
        if (Math.multiplyHigh(v, k) == 0 && v * k >= 0) return (v * k) / n;
        return java.math.BigInteger.valueOf(v).multiply(java.math.BigInteger.valueOf(k)).divide(java.math.BigInteger.valueOf(n)).longValueExact();
    }

    /** An op with no work at all (flatten). */
    public static OpCost none(String op, long elements) {
        return new OpCost(op, elements, List.of(), CorrelationCost.NONE, 0, 0);
    }
}
