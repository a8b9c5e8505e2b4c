package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.ops.A2B;
import org.polympcnet.protocols.ops.AvgPool;
import org.polympcnet.protocols.ops.B2A;
import org.polympcnet.protocols.ops.Conv2d;
import org.polympcnet.protocols.ops.DRelu;
import org.polympcnet.protocols.ops.MatMul;
import org.polympcnet.protocols.ops.MaxPool;
import org.polympcnet.protocols.ops.Msb;
import org.polympcnet.protocols.ops.Mult;
import org.polympcnet.protocols.ops.Multiplexer;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.PolyActivation;
import org.polympcnet.protocols.ops.Relu;
import org.polympcnet.protocols.ops.Square;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * The cost model against the channels: every op runs with both parties for real, and its
 * modelled online bytes per party, rounds, bytes of each flight and offline bytes per party
 * (dealer link, both directions) must equal what the channels counted.
 */
class OpCostTest {
    private static final int F = 16;

    private static void check(String what, OpCost model, Truncation.Mode mode, Function<Party, UnaryOperator<long[]>> op, int inputs)
            throws Exception {
        CountedRun.Counts[] c = CountedRun.run(mode, op, inputs);
        List<Long> flights = new ArrayList<>();
        for (Step s : model.steps()) if (s.flight()) flights.add(s.bytes());
        for (int p = 0; p < 2; p++) {
            String who = what + ", party " + p;
            assertEquals(model.onlineBytes(), c[p].onlineSent(), who + ": online bytes");
            assertEquals(model.rounds(), c[p].onlineRounds(), who + ": rounds");
            assertEquals(flights, c[p].flights(), who + ": bytes of each flight");
            assertEquals(model.offlineBytes(p), c[p].offline(), who + ": offline bytes on the dealer link");
        }
        System.out.printf("%s: online %d B, %d rounds; offline p0 %d B, p1 %d B; %d AND gates, %d ring products, AES blocks p0 %d p1 %d%n",
                what, model.onlineBytes(), model.rounds(), model.offlineBytes(0), model.offlineBytes(1), model.andGates(),
                model.ringMults(), model.aesBlocks(0), model.aesBlocks(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 1000, 4096})
    void comparisons(int n) throws Exception {
        Truncation.Mode m = Truncation.Mode.LOCAL;
        check("relu n=" + n, OpCosts.relu(n), m, p -> new Relu(p, n)::apply, n);
        check("drelu n=" + n, OpCosts.drelu(n), m, p -> new DRelu(p, n)::apply, n);
        check("msb n=" + n, OpCosts.msb(n), m, p -> new Msb(p, n)::apply, n);
        check("a2b n=" + n, OpCosts.a2b(n), m, p -> new A2B(p, n)::apply, n);
        check("mux n=" + n, OpCosts.mux(n), m, p -> {
            Multiplexer mux = new Multiplexer(p, n);
            return x -> mux.apply(new long[BitSlice.words(n)], x);
        }, n);
        check("b2a n=" + n, OpCosts.b2a(n), m, p -> {
            B2A b = new B2A(p, n);
            return x -> b.apply(new long[BitSlice.words(n)]);
        }, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 1000, 4096})
    void arithmeticInBothTruncationModes(int n) throws Exception {
        for (Truncation.Mode m : Truncation.Mode.values()) {
            String tag = " n=" + n + " " + m.json();
            check("square" + tag, OpCosts.square(m, n, F), m, p -> new Square(p, n)::apply, n);
            check("poly" + tag, OpCosts.poly(m, n, F), m, p -> new PolyActivation(p, n, 0.1, 0.5, 0.2)::apply, n);
            check("mult" + tag, OpCosts.mult(m, n, F), m, p -> {
                Mult op = new Mult(p, n);
                return x -> op.apply(x, x);
            }, n);
            check("truncation" + tag, OpCosts.truncation(m, n, F), m, p -> new Truncation(p, n, F)::apply, n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 1000, 4096})
    void matmulInBothTruncationModes(int n) throws Exception {
        for (Truncation.Mode m : Truncation.Mode.values()) {
            int rows = 3, inner = 5;
            check("matmul 3x5 by 5x" + n + " " + m.json(), OpCosts.matmul(m, rows, inner, n, F), m, p -> {
                MatMul op = new MatMul(p, rows, inner, n);
                long[] w = new long[rows * inner];
                return x -> op.apply(w, java.util.Arrays.copyOf(x, inner * n));
            }, inner * n);
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Mode.class)
    void convAndPools(Truncation.Mode m) throws Exception {
        // [B, C, H, W] inputs; conv kernel, stride, pad; pools with power-of-two and odd windows.
        int[][] convs = {{1, 1, 8, 8, 4, 3, 1, 1}, {2, 3, 7, 5, 2, 3, 2, 0}, {1, 2, 9, 9, 3, 1, 1, 0}};
        for (int[] c : convs) {
            int b = c[0], in = c[1], h = c[2], w = c[3], out = c[4], k = c[5], s = c[6], pad = c[7];
            check("conv2d " + java.util.Arrays.toString(c) + " " + m.json(), OpCosts.conv2d(m, b, in, h, w, out, k, k, s, pad, F), m, p -> {
                Conv2d op = new Conv2d(p, b, in, h, w, out, k, k, s, pad);
                return x -> op.apply(x, new long[out * in * k * k], new long[out]);
            }, b * in * h * w);
        }
        int[][] pools = {{1, 4, 8, 8, 2, 2}, {2, 3, 9, 9, 3, 3}, {1, 1, 5, 7, 3, 2}, {1, 2, 4, 4, 4, 4}};
        for (int[] q : pools) {
            int b = q[0], c = q[1], h = q[2], w = q[3], k = q[4], s = q[5];
            check("maxpool " + java.util.Arrays.toString(q), OpCosts.maxPool(b, c, h, w, k, s), m,
                    p -> new MaxPool(p, b, c, h, w, k, s)::apply, b * c * h * w);
            check("avgpool " + java.util.Arrays.toString(q) + " " + m.json(), OpCosts.avgPool(m, b, c, h, w, k, s, F), m,
                    p -> new AvgPool(p, b, c, h, w, k, s)::apply, b * c * h * w);
        }
    }

    @Test
    void gateAndProductCountsPerElement() {
        // The MSB's carry tree: 63 cross ANDs, then 61 + 31 + 15 + 7 + 3 + 1 = 118 ANDs.
        assertEquals(181 * 1000L, OpCosts.msb(1000).andGates());
        assertEquals(181 * 1000L, OpCosts.relu(1000).andGates());
        // Kogge-Stone: 63 cross ANDs and 568 G/P updates over six levels.
        assertEquals(631 * 1000L, OpCosts.a2b(1000).andGates());
        assertEquals(2 * 1000L, OpCosts.square(Truncation.Mode.LOCAL, 1000, F).ringMults());
        assertEquals(4 * 1000L, OpCosts.poly(Truncation.Mode.LOCAL, 1000, F).ringMults());
        assertEquals(2L * 4 * 5 * 6, OpCosts.matmul(Truncation.Mode.LOCAL, 4, 5, 6, F).ringMults());
    }

    @Test
    void aesBlocksFollowTheRecipes() {
        // A ReLU's dealer draws, per element at 64 | n: party 0 181*3 - 118 + 63*2 ... summed below from the recipes.
        int n = 64;
        CorrelationCost c = CorrelationCost.relu(n);
        // Party 1 draws its own masks; the dealer expands both parties' streams.
        assertEquals(c.aesBlocks(0) + c.aesBlocks(1), c.dealerAesBlocks());
        // Beaver: party 0 draws a, b, c (3n words = 1.5n blocks), party 1 draws a, b (n blocks).
        assertEquals(3 * 1000 / 2, CorrelationCost.beaver(1000).aesBlocks(0));
        assertEquals(1000, CorrelationCost.beaver(1000).aesBlocks(1));
        // ReLU offline download of party 1 at 8 | n: 181 bit planes + 16 bytes of the multiplexer per element,
        // plus one 16-byte status; 38.625 B/element as README says.
        assertEquals(181 * 1024 / 8 + 16 * 1024 + 16 + 40, CorrelationCost.relu(1024).offlineBytes(1));
        assertEquals(56, CorrelationCost.relu(1024).offlineBytes(0));
    }
}
