package org.polympcnet.protocols.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ring.BitSlice;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.Transport;

/** DReLU and ReLU by the CrypTFlow2 millionaires' protocol, from the dealer and from OT. */
class MillionaireTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void dreluByMillionaireOnTheWholeRing(int n) throws Exception {
        long[] x = Values.fullRange(n, 41 * n);
        TwoParty.Run r = TwoParty.runBits(Truncation.Mode.LOCAL, x, 1, (p, s) -> new MillionaireDRelu(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] >= 0, BitSlice.get(r.out(), 0, i), "DReLU(" + x[i] + ")");
        assertEquals(MillionaireDRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 0, n), r.onlineBytes(0));
        assertEquals(MillionaireDRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 1, n), r.onlineBytes(1));
        assertEquals(MillionaireDRelu.onlineRounds(MillionaireDigits.FOUR_BIT, 0), r.onlineRounds(0));
        assertEquals(MillionaireDRelu.onlineRounds(MillionaireDigits.FOUR_BIT, 1), r.onlineRounds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 1000, 1 << 14})
    void reluByMillionaireOnTheWholeRing(int n) throws Exception {
        long[] x = Values.fullRange(n, 43 * n);
        long[] want = new long[n];
        for (int i = 0; i < n; i++) want[i] = Math.max(0, x[i]);
        TwoParty.Run r = TwoParty.run(x, (p, s) -> new MillionaireRelu(p, s.length).apply(s));
        assertArrayEquals(want, r.out());
        assertEquals(MillionaireRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 0, n), r.onlineBytes(0));
        assertEquals(MillionaireRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 1, n), r.onlineBytes(1));
        assertEquals(MillionaireRelu.onlineRounds(MillionaireDigits.FOUR_BIT, 0), r.onlineRounds(0));
        assertEquals(MillionaireRelu.onlineRounds(MillionaireDigits.FOUR_BIT, 1), r.onlineRounds(1));
    }

    /** Over OT: exact outputs, and each party's offline bytes = setup + the documented formula. */
    @ParameterizedTest
    @ValueSource(ints = {1, 64, 65, 1000, 8300})
    void offlineBytesOverOtAreTheFormula(int n) throws Exception {
        long[] x = Values.fullRange(n, 53 * n);
        TwoParty.Run d = TwoParty.runBits(Truncation.Mode.LOCAL, "ot", x, 1, (p, s) -> new MillionaireDRelu(p, s.length).apply(s));
        for (int i = 0; i < n; i++) assertEquals(x[i] >= 0, BitSlice.get(d.out(), 0, i), "DReLU(" + x[i] + ")");
        long[] want = new long[n];
        for (int i = 0; i < n; i++) want[i] = Math.max(0, x[i]);
        TwoParty.Run r = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, Transport.MEMORY, "ot", x, (p, s) -> new MillionaireRelu(p, s.length).apply(s));
        assertArrayEquals(want, r.out());
        long setup = OtCorrelations.setupBytesPerParty();
        for (int id = 0; id < 2; id++) {
            assertEquals(setup + MillionaireDRelu.offlineBytesOverOt(id, n), d.peer()[id].sent(Phase.OFFLINE), "DReLU, party " + id);
            assertEquals(setup + MillionaireRelu.offlineBytesOverOt(id, n), r.peer()[id].sent(Phase.OFFLINE), "ReLU, party " + id);
            assertEquals(MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, id, n), r.onlineBytes(id));
            assertEquals(MillionaireRelu.onlineRounds(MillionaireDigits.FIVE_BIT, id), r.onlineRounds(id));
        }
        if (n % 64 == 0) {
            // The per-lane figures of the javadoc: 416 n and 456 n + 18 n offline, 108.125 n and 20 n online.
            assertEquals(416L * n, MillionaireRelu.offlineBytesOverOt(0, n));
            assertEquals(456L * n + 144L * n / 8, MillionaireRelu.offlineBytesOverOt(1, n));
            assertEquals(108L * n + n / 8, MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 0, n));
            assertEquals(20L * n, MillionaireRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 1, n));
        }
        assertEquals(8514 + 2 * 4096, 2 * setup, "2 x 128 Chou-Orlandi OTs each way, then 2 x 256 IKNP OTs for KK13");
    }

    /** The layout follows the source: 3 + 15 x 4 bits with a dealer, 2 x 4 + 11 x 5 over OT. */
    @Test
    void digitLayoutFollowsTheCorrelationSource() {
        assertEquals(MillionaireDigits.FOUR_BIT, MillionaireDigits.of("dealer"));
        assertEquals(MillionaireDigits.FIVE_BIT, MillionaireDigits.of("ot"));
        assertThrows(IllegalArgumentException.class, () -> MillionaireDigits.of("fss"));
        assertArrayEquals(new int[] {3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, MillionaireDigits.FOUR_BIT.widths());
        assertArrayEquals(new int[] {4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, MillionaireDigits.FIVE_BIT.widths());
        assertEquals(8 * 2 + 15 * 16 * 2, MillionaireDigits.FOUR_BIT.answerPlanes());
        assertEquals(2 * 16 * 2 + 11 * 32 * 2, MillionaireDigits.FIVE_BIT.answerPlanes());
        // The per-lane figures of the javadoc at 8 | n: dealer 75.25 n and 21.125 n, DReLU (496 + 41) / 8 and (63 + 41) / 8.
        int n = 4096;
        assertEquals(75L * n + n / 4, MillionaireRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 0, n));
        assertEquals(21L * n + n / 8, MillionaireRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 1, n));
        assertEquals((496L + 41) * n / 8, MillionaireDRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 0, n));
        assertEquals((63L + 41) * n / 8, MillionaireDRelu.onlineBytes(MillionaireDigits.FOUR_BIT, 1, n));
        assertEquals((768L + 32) * n / 8, MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 0, n));
        assertEquals((63L + 32) * n / 8, MillionaireDRelu.onlineBytes(MillionaireDigits.FIVE_BIT, 1, n));
        for (MillionaireDigits d : MillionaireDigits.values()) {
            assertEquals(4, MillionaireDRelu.onlineRounds(d, 0));
            assertEquals(5, MillionaireDRelu.onlineRounds(d, 1));
            assertEquals(6, MillionaireRelu.onlineRounds(d, 0));
            assertEquals(6, MillionaireRelu.onlineRounds(d, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65, 1000})
    void otAndDealerGiveIdenticalOutputs(int n) throws Exception {
        long[] x = Values.fullRange(n, 47 * n);
        for (Transport t : Transport.values()) {
            TwoParty.Run ot = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, t, "ot", x, (p, s) -> new MillionaireRelu(p, s.length).apply(s));
            TwoParty.Run dealer = TwoParty.run(FixedPoint.standard(), Truncation.Mode.LOCAL, t, "dealer", x, (p, s) -> new MillionaireRelu(p, s.length).apply(s));
            assertArrayEquals(dealer.out(), ot.out());
            long offline = ot.peer()[0].sent(org.polympcnet.protocols.net.Phase.OFFLINE) + ot.peer()[1].sent(org.polympcnet.protocols.net.Phase.OFFLINE);
            long online = ot.onlineBytes(0) + ot.onlineBytes(1);
            System.out.printf("millionaire relu over OT, n=%d (%s): offline %.0f B/element both parties (incl. base OTs), online %.1f B/element%n",
                    n, t, (double) offline / n, (double) online / n);
        }
    }
}
