package org.polympcnet.perfmodel.cost;

import static org.polympcnet.perfmodel.cost.EngineKind.POLY;
import static org.polympcnet.perfmodel.cost.EngineKind.RELU;
import static org.polympcnet.perfmodel.cost.OpCosts.checked;
import static org.polympcnet.perfmodel.cost.OpCosts.muxSelect;
import static org.polympcnet.perfmodel.cost.OpCosts.wireBytes;
import static org.polympcnet.perfmodel.cost.OpCosts.words;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.ops.MillionaireDRelu;
import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.MillionaireRelu;

/**
 * DReLU and ReLU by the CrypTFlow2 millionaires' protocol ({@code ops.MillionaireDRelu},
 * {@code ops.MillionaireRelu}): party 1 sends its 63 masked comparison bits, party 0 answers with
 * the masked 2-bit messages of every digit's 1-out-of-2^m OT, then a 4-level comparison tree, one
 * flight each. The digits follow the correlation source ({@link MillionaireDigits}): {@link #DEALER}
 * (3 + 15 x 4 bits, the perf model's source) and {@link #OT} (2 x 4 + 11 x 5).
 *
 * <p>Unlike the GMW tree the parties send different amounts: {@link #drelu(int, int)} and
 * {@link #relu(int, int)} give each party's own steps (its work, its flights), checked against the
 * ops' per-party formulas; {@link #drelu(int)} and {@link #relu(int)} are party 0's, the busier one
 * (it sends the answers and computes them), which is what the scheduler costs. Party 0's first
 * flight waits for party 1's; the scheduler prices it as one more round, like the others.
 *
 * <p>Work, in the units of {@link Work}: slicing the 63-bit input (64 x 64 transposes); party 0
 * computes each message of a digit by m compare passes and 2 masked output words (m + 2 bit words
 * a message and word), party 1 selects its message with m equality passes and 2 words; the tree
 * masks, unmasks and ANDs as the GMW tree does. Offline with a dealer ({@link CorrelationCost}): one
 * request per run of equal digits (the random 1-out-of-N OTs), one per tree level, one for the
 * multiplexer, with their AES blocks. Over OT the bytes are the protocol's own formulas
 * ({@link #offlineBytesOverOt}) and the KK13 hashes ({@link #otHashes}) are counted, not timed: the
 * hardware profiles have no OT engine.
 */
public final class MillionaireCosts implements ComparisonCosts {
    /** With a trusted dealer, as the rest of the perf model: 4-bit digits. */
    public static final MillionaireCosts DEALER = new MillionaireCosts(MillionaireDigits.FOUR_BIT);
    /** Correlations by OT: 5-bit digits. */
    public static final MillionaireCosts OT = new MillionaireCosts(MillionaireDigits.FIVE_BIT);

    private final MillionaireDigits digits;
    private final int[] combines;

    private MillionaireCosts(MillionaireDigits digits) {
        this.digits = digits;
        this.combines = MsbCorrelation.combinesPerLevel(digits.digits());
    }

    /** The costs for a correlation mode, "dealer" or "ot". */
    public static MillionaireCosts of(String correlationMode) {
        return MillionaireDigits.of(correlationMode) == MillionaireDigits.FOUR_BIT ? DEALER : OT;
    }

    @Override
    public String protocol() {
        return "millionaire-cryptflow2";
    }

    public MillionaireDigits digits() {
        return digits;
    }

    @Override
    public OpCost drelu(int n) {
        return drelu(0, n);
    }

    @Override
    public OpCost relu(int n) {
        return relu(0, n);
    }

    /**
     * Party `party`'s DReLU. Party 1: slice, mask and send its digits; select the leaves; the tree
     * (4 flights). Party 0: slice, read e, answer, and send the answer with the first tree level.
     */
    public OpCost drelu(int party, int n) {
        checkParty(party);
        long wb = wireBytes(n);
        Steps s = new Steps(RELU, n);
        s.work(Work.transposes(words(n)));
        if (party == 1) {
            s.work(Work.bitWords(63 * words(n))).flight(63 * wb);
            s.work(leafWork(n));
            tree(s, n, 0);
        } else {
            s.work(leafWork(n));
            tree(s, n, digits.answerPlanes() * wb);
        }
        s.work(Work.bitWords(2 * words(n))); // top ^ carry, party 0 flips
        return checked(new OpCost("drelu", n, s.build(), dreluOffline(n), andGates(n), 0),
                MillionaireDRelu.onlineBytes(digits, party, n), MillionaireDRelu.onlineRounds(digits, party));
    }

    /**
     * Party `party`'s ReLU: the DReLU with the multiplexer's x - v opening in its first flight
     * (party 0's answer then no longer shares a flight with the first tree level), then the
     * multiplexer's b ^ r flight and its ring products on the POLY engine.
     */
    public OpCost relu(int party, int n) {
        checkParty(party);
        long wd = words(n), wb = wireBytes(n);
        Steps s = new Steps(RELU, n);
        s.work(Work.transposes(wd)).work(Work.ringOps(n)); // slice; x - v
        if (party == 1) {
            s.work(Work.bitWords(63 * wd)).flight(63 * wb + 8L * n);
        } else {
            s.work(leafWork(n)).flight(digits.answerPlanes() * wb + 8L * n);
        }
        s.work(Work.ringOps(n)); // open e = x - v
        if (party == 1) s.work(leafWork(n));
        tree(s, n, 0);
        s.work(Work.bitWords(3 * wd)).flight(wb); // top ^ carry, flip, b ^ r
        s.on(POLY).work(muxSelect(n));
        return checked(new OpCost("relu", n, s.build(), dreluOffline(n).plus(CorrelationCost.mux(n)), andGates(n), n),
                MillionaireRelu.onlineBytes(digits, party, n), MillionaireRelu.onlineRounds(digits, party));
    }

    /** Leaves: 2^m messages of each m-bit digit, m + 2 bit words each (computed or selected). */
    private Work leafWork(int n) {
        long w = 0;
        for (int g = 0; g < digits.digits(); g++) w += (long) (digits.width(g) + 2) << digits.width(g);
        return Work.bitWords(w * words(n));
    }

    /** The comparison tree: per level mask, flight (the first carrying `firstExtra` bytes more), unmask and AND. */
    private void tree(Steps s, int n, long firstExtra) {
        long wd = words(n), wb = wireBytes(n);
        for (int l = 0; l < combines.length; l++) {
            int c = combines[l], ands = CombineTriples.ands(c), opened = c + ands;
            s.work(Work.bitWords(opened * wd)).flight(opened * wb + (l == 0 ? firstExtra : 0));
            s.work(Work.bitWords(opened * wd)).work(Work.andWords(ands * wd));
        }
    }

    /** The dealer's correlations of the DReLU: one request per run of digits, one per tree level. */
    private CorrelationCost dreluOffline(int n) {
        CorrelationCost c = CorrelationCost.NONE;
        for (int r = 0; r < digits.runs(); r++) c = c.plus(CorrelationCost.oneOfN(digits.runCount(r), digits.runWidth(r), 2, n));
        for (int cmb : combines) c = c.plus(CorrelationCost.combine(cmb, n));
        return c;
    }

    /** AND gates of the comparison tree per element (the leaves are OTs, not gates). */
    long andGatesPerElement() {
        long g = 0;
        for (int c : combines) g += CombineTriples.ands(c);
        return g;
    }

    private long andGates(int n) {
        return andGatesPerElement() * n;
    }

    /** Bytes party `party` sends offline for a ReLU when correlations come from OT (setup excluded). */
    public static long offlineBytesOverOt(int party, int n) {
        checkParty(party);
        return MillionaireRelu.offlineBytesOverOt(party, n);
    }

    /**
     * KK13 hashes party `party` computes offline for a ReLU over OT: the sender hashes N pads a lane,
     * the receiver one. Leaves: party 0 sends (2^m a digit), party 1 receives (1 a digit). Tree
     * combines: party 1 sends (8 pads, 4 for a level's lowest combine), party 0 receives (1 each).
     * The multiplexer's correlated OTs (IKNP) are not counted here.
     */
    public static long otHashes(int party, int n) {
        checkParty(party);
        MillionaireDigits d = MillionaireDigits.FIVE_BIT;
        long h = 0;
        for (int g = 0; g < d.digits(); g++) h += party == 0 ? 1L << d.width(g) : 1;
        for (int c : MsbCorrelation.combinesPerLevel(d.digits())) h += party == 1 ? 4 + 8L * (c - 1) : c;
        return h * n;
    }

    private static void checkParty(int p) {
        if (p != 0 && p != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + p);
    }
}
