package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.session.Transport;
import org.polympcnet.protocols.ring.FixedPoint;

/** ReLU, DReLU, MSB, A2B, B2A and the multiplexer: exact results, exact bytes and rounds. */
class ComparisonOpsTest {
    private static void report(String op, int n, TwoParty.Run r) {
        System.out.printf("%s n=%d: online %d B and %d rounds per party, offline (dealer link) %d B to party 1%n",
                op, n, r.onlineBytes(0), r.onlineRounds(0), r.dealer()[1].received(org.polympcnet.protocols.net.Phase.OFFLINE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void reluIsExactOnTheWholeRing(int n) throws Exception {
        long[] x = Values.fullRange(n, n);
        TwoParty.Run r = TwoParty.run(x, (p, s) -> new Relu(p, s.length).apply(s));
        long[] want = new long[n];
        for (int i = 0; i < n; i++) want[i] = Math.max(x[i], 0);
        assertArrayEquals(want, r.out());
        for (int party = 0; party < 2; party++) {
            assertEquals(Relu.onlineBytes(n), r.onlineBytes(party), "bytes of party " + party);
            assertEquals(Relu.onlineRounds(), r.onlineRounds(party), "rounds of party " + party);
        }
        report("relu", n, r);
    }

    @Test
    void reluCostFormulaAtLargeN() {
        // 63 cross ANDs + 180 carry-tree openings + 1 mux bit, and the 8-byte x - v: 38.5 B/element.
        assertEquals(243, Msb.OPENED_PLANES);
        assertEquals(38.5 * (1 << 20), Relu.onlineBytes(1 << 20));
        assertEquals(8, Relu.onlineRounds());
        assertEquals(7, DRelu.onlineRounds());
    }

    @Test
    void reluOverTcpEqualsReluInMemory() throws Exception {
        long[] x = Values.fullRange(65, 7);
        TwoParty.Run mem = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, x, (p, s) -> new Relu(p, s.length).apply(s));
        TwoParty.Run tcp = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.TCP, x, (p, s) -> new Relu(p, s.length).apply(s));
        assertArrayEquals(mem.out(), tcp.out());
        assertEquals(mem.onlineBytes(0), tcp.onlineBytes(0));
        assertEquals(mem.onlineRounds(1), tcp.onlineRounds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void dreluIsOneExactlyForNonNegativeValues(int n) throws Exception {
        long[] x = Values.fullRange(n, 31 + n);
        TwoParty.Run r = TwoParty.runBits(Truncation.Mode.LOCAL, x, 1, (p, s) -> new DRelu(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] >= 0, BitSlice.get(r.out(), 0, i), "DReLU(" + x[i] + ")");
        assertEquals(DRelu.onlineBytes(n), r.onlineBytes(0));
        assertEquals(DRelu.onlineBytes(n), r.onlineBytes(1));
        assertEquals(DRelu.onlineRounds(), r.onlineRounds(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void msbIsTheSignBit(int n) throws Exception {
        long[] x = Values.fullRange(n, 5 * n);
        TwoParty.Run r = TwoParty.runBits(Truncation.Mode.LOCAL, x, 1, (p, s) -> new Msb(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] < 0, BitSlice.get(r.out(), 0, i));
        assertEquals(Msb.onlineRounds(), r.onlineRounds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void a2bGivesEveryBit(int n) throws Exception {
        long[] x = Values.fullRange(n, 11 * n);
        TwoParty.Run r = TwoParty.runBits(Truncation.Mode.LOCAL, x, 64, (p, s) -> new A2B(p, s.length).apply(s));
        assertArrayEquals(x, BitSlice.unslice(r.out(), 64, n));
        assertEquals(A2B.onlineBytes(n), r.onlineBytes(0));
        assertEquals(A2B.onlineRounds(), r.onlineRounds(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void b2aAndMultiplexer(int n) throws Exception {
        // Input word i: its low bit is b, the value is x; party 0 shares b as (b, 0) XOR shares.
        long[] x = Values.fullRange(n, 13 * n);
        TwoParty.Run b2a = TwoParty.run(x, (p, s) -> new B2A(p, n).apply(bitsOfParty0(p, x, n)));
        for (int i = 0; i < n; i++) assertEquals(x[i] & 1, b2a.out()[i]);
        assertEquals(B2A.onlineBytes(n), b2a.onlineBytes(1));
        TwoParty.Run mux = TwoParty.run(x, (p, s) -> new Multiplexer(p, n).apply(bitsOfParty0(p, x, n), s));
        for (int i = 0; i < n; i++) assertEquals((x[i] & 1) == 1 ? x[i] : 0, mux.out()[i]);
        assertEquals(Multiplexer.onlineBytes(n), mux.onlineBytes(0));
        assertEquals(1, mux.onlineRounds(0));
    }

    /** XOR shares of the low bits of x: party 0 holds them, party 1 holds zeros. */
    private static long[] bitsOfParty0(Party p, long[] x, int n) {
        long[] b = new long[BitSlice.words(n)];
        if (p.id == 0) for (int i = 0; i < n; i++) b[i >>> 6] |= (x[i] & 1) << (i & 63);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65, 1000})
    void otCorrelationsGiveTheSameResultsAsTheDealer(int n) throws Exception {
        long[] x = Values.fullRange(n, 23 * n);
        for (Transport t : Transport.values()) {
            TwoParty.Run ot = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, t, "ot", x, (p, s) -> new Relu(p, s.length).apply(s));
            TwoParty.Run dealer = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, t, "dealer", x, (p, s) -> new Relu(p, s.length).apply(s));
            assertArrayEquals(dealer.out(), ot.out());
            assertEquals(Relu.onlineBytes(n), ot.onlineBytes(0), "online traffic does not depend on the correlation source");
            assertEquals(Relu.onlineRounds(), ot.onlineRounds(1));
            report("relu/ot/" + t, n, ot);
        }
    }
}
