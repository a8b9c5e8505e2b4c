package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.Mult;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;

/**
 * An op's online footprint (the working set the cpu profile prices its passes by) against the
 * running op: what it writes online must be what its party threads really allocate (every pass
 * writes a fresh array, every flight a copy and a receive buffer), and the footprint adds its
 * input and the correlations it reads.
 */
class FootprintTest {
    private static final int F = 16;
    private static final Truncation.Mode M = Truncation.Mode.LOCAL;

    /** The footprint's written part: all of it but the input and party 0's correlation words. */
    private static long written(OpCost c) {
        return c.footprint() - 8 * c.elements() - 8 * c.offline().party0Words();
    }

    /**
     * Party 0 (whose work the model counts: party 1 skips the public terms, in a matrix product a
     * whole pass) allocates online what the model says the op writes, within `fraction` of it
     * plus 16 KB: the arrays' headers, the channel's queue nodes, the flight recorder's and the
     * first call's bookkeeping. (The carry tree updates a few bit planes in place, which the model
     * counts as written: it overcounts the ReLU's allocation by about a tenth.)
     */
    private static void allocates(String what, OpCost model, double fraction, Function<Party, UnaryOperator<long[]>> op, int inputs)
            throws Exception {
        CountedRun.Counts[] c = CountedRun.run(M, op, inputs);
        assumeTrue(c[0].onlineAllocated() >= 0, "this JVM does not count allocated bytes");
        long got = c[0].onlineAllocated(), want = written(model);
        long slack = (long) (fraction * want) + 16 * 1024;
        assertTrue(Math.abs(got - want) <= slack, what + ", party 0: allocated " + got + " B online, model writes " + want + " B (slack " + slack + ")");
        assertTrue(c[1].onlineAllocated() <= got + slack, what + ": party 1 allocates no more than party 0");
    }

    @Test
    void arithmeticOpsAllocateWhatTheyAreModelledToWrite() throws Exception {
        int n = 4096;
        allocates("square", OpCosts.square(M, n, F), 0.02, p -> new Square(p, n)::apply, n);
        allocates("poly", OpCosts.poly(M, n, F), 0.02, p -> new PolyActivation(p, n, 0.1, 0.5, 0.2)::apply, n);
        allocates("mult", OpCosts.mult(M, n, F), 0.02, p -> {
            Mult m = new Mult(p, n);
            return x -> m.apply(x, x);
        }, n);
    }

    @Test
    void reluAndMatmulAllocateWhatTheyAreModelledToWrite() throws Exception {
        int n = 4096;
        allocates("relu", OpCosts.relu(n), 0.12, p -> new Relu(p, n)::apply, n);
        int side = 64;
        allocates("matmul", OpCosts.matmul(M, side, side, side, F), 0.02, p -> {
            MatMul m = new MatMul(p, side, side, side);
            return x -> m.apply(x, x);
        }, side * side);
    }

    @Test
    void aBeaverProductTouchesThirteenArraysOfItsLength() {
        int n = 1000;
        OpCost mult = OpCosts.mult(M, n, F);
        // x; a, b, c; d and e (2n), the channel's copy of them, the other's d and e, the opened sums; z.
        long beaver = 8L * n * (1 + 3 + 2 + 2 + 2 + 2 + 1);
        // The truncation is an op of its own: it reads z and writes the result.
        long truncation = 8L * n * 2;
        assertEquals(beaver + 8L * n, mult.footprint()); // the whole: z counted once, plus the result
        for (Step s : mult.steps()) assertEquals(s.engine() == EngineKind.POLY && s.work().ringMults() == 0 && !s.flight()
                && s.work().ringOps() == n ? truncation : beaver, s.footprint(), "step " + s);
    }

    @Test
    void opsJoinedInSequenceKeepTheirOwnFootprints() {
        int n = 512;
        OpCost sq = OpCosts.square(M, n, F), relu = OpCosts.relu(n);
        OpCost both = sq.then(relu, "square+relu");
        assertEquals(sq.steps().size() + relu.steps().size(), both.steps().size());
        for (int i = 0; i < both.steps().size(); i++) {
            Step want = i < sq.steps().size() ? sq.steps().get(i) : relu.steps().get(i - sq.steps().size());
            assertEquals(want.footprint(), both.steps().get(i).footprint());
        }
        assertTrue(relu.footprint() > 3 * sq.footprint(), "a ReLU touches far more than a square");
    }
}
