package org.polympcnet.perfmodel.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.correlation.dealer.DealerClient;

/**
 * The FSS costs against the byte formulas of the shared spec (/work/fss-spec.md, "Key layout and
 * traffic"), written out here from its prose, not from FssCosts' constants: one flight of 8 bytes
 * an element; ReLU keys 63 x (16 + 16) + 16 = 2,032 bytes to each party, party 1 16 bytes more;
 * DReLU keys 63 x 16 bytes and a final-CW bit row to each, party 1 its r63 bit row more; one
 * dealer request each. (Held to FssRelu's channels once the protocols land.)
 */
class FssCostsTest {
    private static final FssCosts FSS = FssCosts.INSTANCE;
    private static final int[] SIZES = {1, 2, 8, 63, 64, 65, 1000, 1 << 14};
    private static final long REQUEST = DealerClient.REQUEST_BYTES, STATUS = DealerClient.STATUS_BYTES;

    @Test
    void registeredByItsStatsName() {
        assertSame(FSS, ComparisonProtocols.of("fss-dcf"));
        assertEquals("fss-dcf", FSS.protocol());
        assertTrue(ComparisonProtocols.names().containsAll(List.of("gmw-carry-tree", "millionaire-cryptflow2", "fss-dcf")));
    }

    @Test
    void oneFlightOfEightBytesAnElement() {
        for (int n : SIZES) {
            for (OpCost c : List.of(FSS.relu(n), FSS.drelu(n))) {
                assertEquals(8L * n, c.onlineBytes(), c.op() + " n=" + n);
                assertEquals(1, c.rounds(), c.op() + " n=" + n);
                assertEquals(FssCosts.onlineBytes(n), c.onlineBytes());
                assertEquals(FssCosts.onlineRounds(), c.rounds());
                assertEquals(0, c.andGates(), "no AND gates: the comparison is in the keys");
            }
        }
    }

    @Test
    void reluKeysGoToBothPartiesAndPartyOneGetsItsMaskSharesToo() {
        assertEquals(2_032, FssCosts.reluKeyBytes());
        for (int n : SIZES) {
            OpCost c = FSS.relu(n);
            assertEquals(REQUEST + STATUS + 2_032L * n, c.offlineBytes(0), "n=" + n);
            assertEquals(REQUEST + STATUS + 2_048L * n, c.offlineBytes(1), "n=" + n);
            assertEquals(2_032L * n, c.offline().receivedFromDealer(0) - STATUS);
            assertEquals(1, c.offline().requests());
            assertEquals(c.offlineBytes(0), FssCosts.reluOfflineBytes(0, n));
            assertEquals(c.offlineBytes(1), FssCosts.reluOfflineBytes(1, n));
        }
    }

    @Test
    void dreluKeysAreOneCorrectionWordALevelAndBitRows() {
        for (int n : SIZES) {
            long row = (n + 7) / 8; // a bit row on the wire: ceil(n / 8) bytes
            OpCost c = FSS.drelu(n);
            assertEquals(REQUEST + STATUS + 63L * 16 * n + row, c.offlineBytes(0), "n=" + n);
            assertEquals(REQUEST + STATUS + 63L * 16 * n + 2 * row, c.offlineBytes(1), "n=" + n);
            assertEquals(c.offlineBytes(0), FssCosts.dreluOfflineBytes(0, n));
        }
    }

    @Test
    void aesBlocksOfTheDcfWalk() {
        for (int n : SIZES) {
            // ReLU: per level the seed block and the value block of one side, then Convert(s_n).
            assertEquals((2L * 63 + 1) * n, FSS.relu(n).work().aesBlocks());
            assertEquals((63L + FssCosts.DRELU_CONVERT_BLOCKS) * n, FSS.drelu(n).work().aesBlocks());
            // Key generation evaluates both parties' seeds on both sides: about 4x one party's walk.
            long gen = FSS.relu(n).offline().dealerCipherBlocks();
            assertTrue(gen >= 4L * 126 * n && gen <= 4L * 127 * n, "gen " + gen + " at n=" + n);
            assertTrue(FSS.relu(n).offline().dealerAesBlocks() > gen, "the dealer also expands both PRG streams");
        }
    }

    @Test
    void theWalkRunsOnTheFssEngineAndTheOutputProductOnThePolynomialEngine() {
        OpCost c = FSS.relu(4096);
        for (Step s : c.steps()) {
            if (s.work().aesBlocks() > 0) assertEquals(EngineKind.FSS, s.engine());
            if (s.work().ringMults() > 0) assertEquals(EngineKind.POLY, s.engine());
        }
        assertEquals(4096, c.ringMults()); // drelu * xhat: a share times the public xhat
        assertTrue(FSS.drelu(4096).steps().stream().allMatch(s -> s.engine() == EngineKind.FSS));
    }

    @Test
    void theKeysAreReadOnlineSoTheyArePartOfTheFootprint() {
        OpCost c = FSS.relu(1000);
        assertTrue(c.footprint() >= 2_032L * 1000, "footprint " + c.footprint());
    }

    @Test
    void theWalkIsPricedAtItsChunkNotAtTheWholeOp() {
        for (int n : new int[] {100, FssCosts.WALK_CHUNK_ELEMENTS, 1 << 20}) {
            OpCost c = FSS.relu(n);
            Step walk = c.steps().stream().filter(s -> s.work().aesBlocks() > 0).findFirst().orElseThrow();
            assertEquals(Math.min(n, FssCosts.WALK_CHUNK_ELEMENTS), walk.elements());
            assertEquals(Math.min(c.footprint(), FssCosts.WALK_CHUNK_BYTES), walk.footprint());
            for (Step s : c.steps()) if (s != walk) assertEquals(c.footprint(), s.footprint());
        }
    }

    @Test
    void tilesSumToTheWhole() {
        OpCost whole = FSS.relu(1000);
        OpCost a = whole.portion(0, 333), b = whole.portion(333, 1000);
        assertEquals(whole.work(), a.work().plus(b.work()));
        assertEquals(whole.onlineBytes(), a.onlineBytes() + b.onlineBytes());
        for (int p = 0; p < 2; p++) {
            assertEquals(whole.offline().receivedFromDealer(p) - STATUS,
                    a.offline().receivedFromDealer(p) - STATUS + b.offline().receivedFromDealer(p) - STATUS);
        }
        assertEquals(whole.offline().dealerCipherBlocks(), a.offline().dealerCipherBlocks() + b.offline().dealerCipherBlocks());
    }

    @Test
    void maxPoolFollowsItsComparison() {
        // 2x2 windows over 4x4: levels of 2 and 1 pairs a window, 4 windows: ReLUs of 8 and 4 elements.
        OpCost pool = OpCosts.maxPool(FSS, 1, 1, 4, 4, 2, 2);
        assertEquals(2, pool.rounds());
        assertEquals(FssCosts.onlineBytes(8) + FssCosts.onlineBytes(4), pool.onlineBytes());
        assertEquals(FSS.relu(8).offlineBytes(0) + FSS.relu(4).offlineBytes(0), pool.offlineBytes(0));
        assertEquals(FSS.relu(8).work().aesBlocks() + FSS.relu(4).work().aesBlocks(), pool.work().aesBlocks());
    }

    @Test
    void otherRecipesStillSendCorrectionsToPartyOneOnly() {
        for (CorrelationCost c : List.of(CorrelationCost.relu(100), CorrelationCost.beaver(100), CorrelationCost.msb(100))) {
            assertEquals(0, c.party0CorrectionBytes());
            assertEquals(c.requests() * STATUS, c.receivedFromDealer(0));
            assertEquals(c.requests() * STATUS + c.correctionBytes(), c.receivedFromDealer(1));
            assertEquals(0, c.dealerCipherBlocks());
        }
    }
}
