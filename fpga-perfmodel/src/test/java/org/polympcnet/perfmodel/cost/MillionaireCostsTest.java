package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.ops.MillionaireDRelu;
import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The millionaires' protocol's cost model against the channels, party by party (its parties send
 * different amounts): both parties run it for real, with a dealer and over OT, and each party's
 * modelled online bytes, rounds, bytes of every flight and offline bytes (dealer link both ways, or
 * peer link sends over OT) must equal what its channels counted.
 */
class MillionaireCostsTest {
    private static void check(String what, MillionaireCosts m, boolean relu, int n) throws Exception {
        String mode = m == MillionaireCosts.DEALER ? "dealer" : "ot";
        Function<Party, UnaryOperator<long[]>> op = relu ? p -> new MillionaireRelu(p, n)::apply : p -> new MillionaireDRelu(p, n)::apply;
        CountedRun.Counts[] c = CountedRun.run(Truncation.Mode.LOCAL, mode, op, n);
        for (int p = 0; p < 2; p++) {
            OpCost model = relu ? m.relu(p, n) : m.drelu(p, n);
            List<Long> flights = new ArrayList<>();
            for (Step s : model.steps()) if (s.flight()) flights.add(s.bytes());
            String who = what + " " + mode + " n=" + n + ", party " + p;
            assertEquals(model.onlineBytes(), c[p].onlineSent(), who + ": online bytes");
            assertEquals(model.rounds(), c[p].onlineRounds(), who + ": rounds");
            assertEquals(flights, c[p].flights(), who + ": bytes of each flight");
            if (mode.equals("dealer")) {
                assertEquals(model.offlineBytes(p), c[p].offline(), who + ": offline bytes on the dealer link");
                assertEquals(0, c[p].peerOfflineSent(), who + ": nothing offline on the peer link");
            } else {
                long want = relu ? MillionaireCosts.offlineBytesOverOt(p, n) : MillionaireDRelu.offlineBytesOverOt(p, n);
                assertEquals(want, c[p].peerOfflineSent(), who + ": offline bytes sent on the peer link");
                assertEquals(0, c[p].offline(), who + ": no dealer");
            }
        }
        OpCost busier = relu ? m.relu(n) : m.drelu(n);
        assertEquals((relu ? m.relu(0, n) : m.drelu(0, n)).steps(), busier.steps(), "the single-cost view is party 0's");
        System.out.printf("%s %s n=%d: online p0 %d B, p1 %d B; offline (dealer link) p1 %d B; AES blocks p0 %d p1 %d dealer %d%n",
                what, mode, n, c[0].onlineSent(), c[1].onlineSent(), c[1].offline(), busier.aesBlocks(0), busier.aesBlocks(1),
                busier.offline().dealerAesBlocks());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 1000, 4096})
    void everyFlightOfBothPartiesWithADealer(int n) throws Exception {
        check("relu", MillionaireCosts.DEALER, true, n);
        check("drelu", MillionaireCosts.DEALER, false, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 65, 1000})
    void everyFlightOfBothPartiesOverOt(int n) throws Exception {
        check("relu", MillionaireCosts.OT, true, n);
        check("drelu", MillionaireCosts.OT, false, n);
    }

    @Test
    void registeredWithTheDealersDigits() {
        assertSame(MillionaireCosts.DEALER, ComparisonProtocols.of("millionaire-cryptflow2"));
        assertSame(MillionaireDigits.FOUR_BIT, MillionaireCosts.DEALER.digits());
        assertSame(MillionaireCosts.OT, MillionaireCosts.of("ot"));
        assertTrue(ComparisonProtocols.names().contains("millionaire-cryptflow2"));
    }

    @Test
    void perElementFigures() {
        int n = 4096;
        // Dealer digits (3 + 15 x 4): online 75.25 and 21.125 B a ReLU, 6 rounds; 1 + 3 + 7 + 15 = 26 tree ANDs.
        assertEquals(75L * n + n / 4, MillionaireCosts.DEALER.relu(0, n).onlineBytes());
        assertEquals(21L * n + n / 8, MillionaireCosts.DEALER.relu(1, n).onlineBytes());
        assertEquals(6, MillionaireCosts.DEALER.relu(n).rounds());
        assertEquals(26L * n, MillionaireCosts.DEALER.relu(n).andGates());
        // Party 1's dealer download: the 16 leaves' 2-bit pads (4 B), the tree's 26 AND corrections (3.25 B) and the
        // multiplexer's 16 B, plus a status per request: 7 requests (2 leaf runs, 4 tree levels, the multiplexer).
        CorrelationCost off = MillionaireCosts.DEALER.relu(n).offline();
        assertEquals(7, off.requests());
        assertEquals((4 * 8 + 26) * n / 8 + 16L * n, off.correctionBytes());
        // KK13 hashes over OT per element: party 0 2 x 16 + 11 x 32 leaf pads and one per combine (12);
        // party 1 one per leaf (13) and 8 pads a combine, 4 for each level's lowest (6+3+2+1 combines, 4 levels).
        assertEquals((2 * 16 + 11 * 32 + 12) * (long) n, MillionaireCosts.otHashes(0, n));
        assertEquals((13 + 8 * 12 - 4 * 4) * (long) n, MillionaireCosts.otHashes(1, n));
    }
}
