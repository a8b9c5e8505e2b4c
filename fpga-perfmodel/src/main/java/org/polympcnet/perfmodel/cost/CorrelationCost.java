package org.polympcnet.perfmodel.cost;

import org.polympcnet.protocols.correlation.CombineTriples;
import org.polympcnet.protocols.correlation.MsbCorrelation;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.ring.BitSlice;

/**
 * Offline cost of correlations from the seed-compressed trusted dealer, recipe by recipe as in
 * {@code correlation/dealer/Recipes.java}: party 0 expands every component from its PRG seed,
 * party 1 expands its independent components and downloads its dependent ones (corrections).
 * FSS keys are the exception: their correction words depend on both parties' seeds and are the
 * same for both, so the dealer sends them to party 0 too ({@code party0CorrectionBytes}), and
 * generating them costs the dealer fixed-key AES blocks of its own ({@code dealerCipherBlocks}).
 * Per request each party sends a request of {@link DealerClient#REQUEST_BYTES} and receives a
 * status of {@link DealerClient#STATUS_BYTES} ({@code DealerClient}); session set-up (hello,
 * seed) and end ({@link DealerClient#SESSION_BYTES}) are not part of any op.
 *
 * @param requests dealer requests (round trips on the dealer link)
 * @param party0Words 64-bit words party 0 draws from its PRG (the dealer draws them too)
 * @param party1Words 64-bit words party 1 draws from its PRG (the dealer draws them too)
 * @param correctionBytes what party 1 downloads beyond the statuses
 * @param dealerRingMults ring products the dealer computes for the corrections
 * @param dealerAndWords 64-bit AND words the dealer computes for the corrections
 * @param party0CorrectionBytes what party 0 downloads beyond the statuses (FSS correction words; 0
 *     for every seed-compressed recipe)
 * @param dealerCipherBlocks fixed-key AES blocks the dealer computes beyond its PRG streams (DCF key
 *     generation)
 */
public record CorrelationCost(int requests, long party0Words, long party1Words, long correctionBytes,
                              long dealerRingMults, long dealerAndWords, long party0CorrectionBytes, long dealerCipherBlocks) {
    public static final int REQUEST_BYTES = DealerClient.REQUEST_BYTES, STATUS_BYTES = DealerClient.STATUS_BYTES;
    /** The PRG is AES-128 in counter mode: one 16-byte block gives two 64-bit words. */
    public static final int WORDS_PER_AES_BLOCK = 2;
    public static final CorrelationCost NONE = new CorrelationCost(0, 0, 0, 0, 0, 0);

    public CorrelationCost {
        if (requests < 0 || party0Words < 0 || party1Words < 0 || correctionBytes < 0 || dealerRingMults < 0 || dealerAndWords < 0
                || party0CorrectionBytes < 0 || dealerCipherBlocks < 0) {
            throw new IllegalArgumentException("negative correlation cost: " + this);
        }
    }

    /** A seed-compressed recipe: only party 1 downloads corrections, the dealer only expands PRG streams. */
    public CorrelationCost(int requests, long party0Words, long party1Words, long correctionBytes, long dealerRingMults, long dealerAndWords) {
        this(requests, party0Words, party1Words, correctionBytes, dealerRingMults, dealerAndWords, 0, 0);
    }

    public CorrelationCost plus(CorrelationCost o) {
        return new CorrelationCost(requests + o.requests, party0Words + o.party0Words, party1Words + o.party1Words,
                correctionBytes + o.correctionBytes, dealerRingMults + o.dealerRingMults, dealerAndWords + o.dealerAndWords,
                party0CorrectionBytes + o.party0CorrectionBytes, dealerCipherBlocks + o.dealerCipherBlocks);
    }

    /** The same draws, fetched with one request (the MSB and ReLU recipes bundle theirs). */
    public CorrelationCost asOneRequest() {
        return new CorrelationCost(1, party0Words, party1Words, correctionBytes, dealerRingMults, dealerAndWords,
                party0CorrectionBytes, dealerCipherBlocks);
    }

    /** Bytes party p downloads beyond the statuses: its corrections (party 1), or the FSS correction words (both). */
    public long correctionBytes(int party) {
        checkParty(party);
        return party == 1 ? correctionBytes : party0CorrectionBytes;
    }

    /** Bytes on party p's dealer link, both directions, as its channel counts them (OFFLINE phase). */
    public long offlineBytes(int party) {
        checkParty(party);
        return sentToDealer(party) + receivedFromDealer(party);
    }

    public long sentToDealer(int party) {
        checkParty(party);
        return (long) requests * REQUEST_BYTES;
    }

    public long receivedFromDealer(int party) {
        checkParty(party);
        return (long) requests * STATUS_BYTES + correctionBytes(party);
    }

    /** AES blocks of key stream party p expands (16 bytes each, rounded up for this op). */
    public long aesBlocks(int party) {
        checkParty(party);
        return blocks(party == 0 ? party0Words : party1Words);
    }

    /** AES blocks the dealer computes: both parties' PRG streams, and any key generation's. */
    public long dealerAesBlocks() {
        return blocks(party0Words) + blocks(party1Words) + dealerCipherBlocks;
    }

    private static long blocks(long words) {
        return (words + WORDS_PER_AES_BLOCK - 1) / WORDS_PER_AES_BLOCK;
    }

    private static void checkParty(int p) {
        if (p != 0 && p != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + p);
    }

    // ---- the recipes: one request each, except where bundled

    /** Beaver triples (a, b, c = ab): party 1 receives c. */
    public static CorrelationCost beaver(long n) {
        return new CorrelationCost(1, 3 * n, 2 * n, 8 * n, n, 0);
    }

    /** Square pairs (a, a^2): party 1 receives its share of a^2. */
    public static CorrelationCost square(long n) {
        return new CorrelationCost(1, 2 * n, n, 8 * n, n, 0);
    }

    /** Matrix triple A (m x k), B (k x n), C = AB: party 1 receives C. */
    public static CorrelationCost matrix(long m, long k, long n) {
        return new CorrelationCost(1, m * k + k * n + m * n, m * k + k * n, 8 * m * n, m * k * n, 0);
    }

    /** Faithful-truncation masks (r, r >>> f, msb r): party 1 receives the last two. */
    public static CorrelationCost truncation(long n) {
        return new CorrelationCost(1, 3 * n, n, 16 * n, 0, 0);
    }

    /** Boolean AND triples over `planes` bit vectors of n lanes: party 1 receives w. */
    public static CorrelationCost and(int planes, int n) {
        long len = (long) planes * BitSlice.words(n);
        return new CorrelationCost(1, 3 * len, 2 * len, (long) planes * BitSlice.wireBytes(n), 0, len);
    }

    /** Cross ANDs (private masks u, v; shares of u AND v): party 1 receives its share. */
    public static CorrelationCost cross(int planes, int n) {
        long len = (long) planes * BitSlice.words(n);
        return new CorrelationCost(1, 2 * len, len, (long) planes * BitSlice.wireBytes(n), 0, len);
    }

    /** One carry-tree level of `combines` combines (2 combines - 1 ANDs sharing masks). */
    public static CorrelationCost combine(int combines, int n) {
        long wd = BitSlice.words(n);
        long ands = CombineTriples.ands(combines);
        return new CorrelationCost(1, combines * wd + 2 * ands * wd, combines * wd + ands * wd,
                ands * BitSlice.wireBytes(n), 0, ands * wd);
    }

    /** Everything for the MSB: 63 cross ANDs and the carry-tree levels, in one request. */
    public static CorrelationCost msb(int n) {
        CorrelationCost c = cross(MsbCorrelation.LEAVES, n);
        for (int combines : MsbCorrelation.combinesPerLevel(MsbCorrelation.LEAVES)) c = c.plus(combine(combines, n));
        return c.asOneRequest();
    }

    /** daBits (a bit shared both ways): party 1 receives the ring share. */
    public static CorrelationCost daBits(int n) {
        long wd = BitSlice.words(n);
        return new CorrelationCost(1, wd + n, wd, 8L * n, 0, 0);
    }

    /** Multiplexer randomness (r both ways, v, r v): party 1 receives r as a ring share and r v. */
    public static CorrelationCost mux(int n) {
        long wd = BitSlice.words(n);
        return new CorrelationCost(1, wd + 3L * n, wd + n, 16L * n, n, 0);
    }

    /**
     * Random 1-out-of-2^logN OTs with msgBits-bit messages, `groups` a lane: party 0 draws the pads
     * (2^logN msgBits planes a group), party 1 its choice (logN planes a group) and downloads the
     * pad at its choice (msgBits planes a group); the dealer selects that pad with logN-bit
     * equality masks (logN + msgBits AND words per message and word).
     */
    public static CorrelationCost oneOfN(int groups, int logN, int msgBits, int n) {
        long wd = BitSlice.words(n), messages = (long) groups << logN;
        return new CorrelationCost(1, messages * msgBits * wd, (long) groups * logN * wd,
                (long) groups * msgBits * BitSlice.wireBytes(n), 0, messages * (logN + msgBits) * wd);
    }

    /** A 2P-ReLU's randomness: the MSB's and the multiplexer's, in one request. */
    public static CorrelationCost relu(int n) {
        return msb(n).plus(mux(n)).asOneRequest();
    }
}
