package org.polympcnet.perfmodel.cost;

import static org.polympcnet.perfmodel.cost.EngineKind.POLY;
import static org.polympcnet.perfmodel.cost.EngineKind.RELU;
import static org.polympcnet.perfmodel.cost.OpCosts.checked;
import static org.polympcnet.perfmodel.cost.OpCosts.muxSelect;
import static org.polympcnet.perfmodel.cost.OpCosts.wireBytes;
import static org.polympcnet.perfmodel.cost.OpCosts.words;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.Msb;
import org.polympcnet.protocols.ops.Relu;

/**
 * DReLU and ReLU by the GMW parallel-prefix carry tree on bit-sliced shares (CrypTen's method,
 * {@code ops.Msb}): slice, 63 cross ANDs, then 6 levels of combines, one flight each. Totals are
 * checked against the ops' own formulas when a cost is built.
 */
public final class GmwCarryTreeCosts implements ComparisonCosts {
    public static final GmwCarryTreeCosts INSTANCE = new GmwCarryTreeCosts();
    private static final int LEAVES = MsbCorrelation.LEAVES;
    private static final int[] COMBINES = MsbCorrelation.combinesPerLevel(LEAVES);

    private GmwCarryTreeCosts() {}

    @Override
    public String protocol() {
        return "gmw-carry-tree";
    }

    /** MSB by the carry tree: slice, 63 cross ANDs, then 6 levels of combines. */
    public OpCost msb(int n) {
        Steps s = new Steps(RELU, n);
        carryTree(s, n, 0, Work.NONE);
        s.work(Work.bitWords(words(n))); // msb = top ^ carry
        return checked(new OpCost("msb", n, s.build(), CorrelationCost.msb(n), andGates(n), 0),
                Msb.onlineBytes(n), Msb.onlineRounds());
    }

    /** DReLU: the MSB, party 0 flipping its share. */
    @Override
    public OpCost drelu(int n) {
        Steps s = new Steps(RELU, n);
        carryTree(s, n, 0, Work.NONE);
        s.work(Work.bitWords(2L * words(n)));
        return checked(new OpCost("drelu", n, s.build(), CorrelationCost.msb(n), andGates(n), 0),
                DRelu.onlineBytes(n), DRelu.onlineRounds());
    }

    /**
     * 2P-ReLU: DReLU, then the multiplexer, whose x - v opening rides in the MSB's first flight
     * and whose b ^ r opening is the eighth flight; its ring products run on the POLY engine.
     */
    @Override
    public OpCost relu(int n) {
        long wd = words(n);
        Steps s = new Steps(RELU, n);
        s.work(Work.ringOps(n)); // x - v, sent with round 1
        carryTree(s, n, 8L * n, Work.ringOps(n)); // round 1 also opens e = x - v
        s.work(Work.bitWords(3 * wd)).flight(wireBytes(n)); // top ^ carry, flip, b ^ r
        s.on(POLY).work(muxSelect(n));
        return checked(new OpCost("relu", n, s.build(), CorrelationCost.relu(n), andGates(n), n),
                Relu.onlineBytes(n), Relu.onlineRounds());
    }

    /**
     * Round 1 (slice, mask, send the 63 cross-AND inputs, plus `extraBytes` riding along; then the
     * generate bits and `extraAfter`), then 6 carry-tree levels: mask, flight, unmask and AND.
     */
    private static void carryTree(Steps s, int n, long extraBytes, Work extraAfter) {
        long wd = words(n), wb = wireBytes(n);
        s.work(Work.transposes(wd)).work(Work.bitWords(2L * LEAVES * wd)).flight(LEAVES * wb + extraBytes); // copy P, mask
        s.work(Work.andWords(LEAVES * wd)).work(extraAfter);
        for (int combines : COMBINES) {
            int ands = CombineTriples.ands(combines), opened = combines + ands;
            s.work(Work.bitWords(opened * wd)).flight(opened * wb);
            s.work(Work.bitWords(opened * wd)).work(Work.andWords(ands * wd));
        }
    }

    /** AND gates of the MSB per element: 63 cross ANDs and the carry tree's. */
    static long andGatesPerElement() {
        long g = LEAVES;
        for (int c : COMBINES) g += CombineTriples.ands(c);
        return g;
    }

    private static long andGates(int n) {
        return andGatesPerElement() * n;
    }
}
