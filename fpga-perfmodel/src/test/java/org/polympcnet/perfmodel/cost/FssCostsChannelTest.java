package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polympcnet.protocols.fss.Dcf;
import org.polympcnet.protocols.fss.DcfKeys;
import org.polympcnet.protocols.ops.FssDRelu;
import org.polympcnet.protocols.ops.FssRelu;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The FSS cost model ({@link FssCosts}, written from the spec of issue 8) against the protocol as
 * implemented: both parties run FSS ReLU and DReLU for real with the dealer, and each party's
 * modelled online bytes, rounds, flights and dealer-link bytes must equal what its channels
 * counted; the model's AES block counts and key sizes must equal the DCF's own.
 */
class FssCostsChannelTest {
    private static void check(boolean relu, int n) throws Exception {
        Function<Party, UnaryOperator<long[]>> op = relu ? p -> new FssRelu(p, n)::apply : p -> new FssDRelu(p, n)::apply;
        CountedRun.Counts[] c = CountedRun.run(Truncation.Mode.LOCAL, "dealer", op, n);
        OpCost model = relu ? FssCosts.INSTANCE.relu(n) : FssCosts.INSTANCE.drelu(n);
        List<Long> flights = new ArrayList<>();
        for (Step s : model.steps()) if (s.flight()) flights.add(s.bytes());
        for (int p = 0; p < 2; p++) {
            String who = (relu ? "relu" : "drelu") + " n=" + n + ", party " + p;
            assertEquals(model.onlineBytes(), c[p].onlineSent(), who + ": online bytes");
            assertEquals(model.rounds(), c[p].onlineRounds(), who + ": rounds");
            assertEquals(flights, c[p].flights(), who + ": bytes of each flight");
            assertEquals(model.offlineBytes(p), c[p].offline(), who + ": offline bytes on the dealer link");
            assertEquals(relu ? FssRelu.offlineBytes(p, n) : FssDRelu.offlineBytes(p, n), c[p].offline(), who + ": the protocol's own formula");
            assertEquals(0, c[p].peerOfflineSent(), who + ": nothing offline on the peer link");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 63, 64, 65, 1000, 4096})
    void everyFlightOfBothPartiesWithADealer(int n) throws Exception {
        check(true, n);
        check(false, n);
    }

    @Test
    void aesBlocksAndKeySizesAreTheDcfs() {
        int n = 1000;
        assertEquals((long) Dcf.evalBlocks(Dcf.Payload.RING2, FssCosts.LEVELS) * n, FssCosts.INSTANCE.relu(n).work().aesBlocks());
        assertEquals((long) Dcf.evalBlocks(Dcf.Payload.BIT, FssCosts.LEVELS) * n, FssCosts.INSTANCE.drelu(n).work().aesBlocks());
        assertEquals(Dcf.genBlocks(Dcf.Payload.RING2, FssCosts.LEVELS), FssCosts.RELU_GEN_BLOCKS);
        assertEquals(Dcf.genBlocks(Dcf.Payload.BIT, FssCosts.LEVELS), FssCosts.DRELU_GEN_BLOCKS);
        assertEquals(FssRelu.BITS, FssCosts.LEVELS);
        // A key: the root seed (16 B, from the party's PRG) and the correction words the dealer sends.
        assertEquals(16.0 + FssCosts.reluKeyBytes(), FssRelu.keyBytesPerElement(), 1e-9);
        assertEquals((long) DcfKeys.cwWireBytes(Dcf.Payload.RING2, FssCosts.LEVELS, n), (long) FssCosts.reluKeyBytes() * n);
    }
}
