package org.polympcnet.protocols.correlation;

/**
 * Where a party's correlated randomness comes from: a trusted dealer (CrypTen-style third party),
 * or, dealer-free, oblivious transfer. Every method returns this party's shares of a fresh batch;
 * the two parties must make the same calls in the same order. Traffic counts as offline.
 */
public interface CorrelationSource extends AutoCloseable {
    /** "dealer" or "ot", as the session handshake and the stats name it. */
    String mode();

    BeaverTriples beaverTriples(int n);

    SquarePairs squarePairs(int n);

    MatrixTriple matrixTriple(int m, int k, int n);

    TruncationPairs truncationPairs(int n, int fracBits);

    AndTriples andTriples(int planes, int n);

    CrossAnd crossAnd(int planes, int n);

    DaBits daBits(int n);

    MuxCorrelation mux(int n);

    MsbCorrelation msb(int n);

    /** One level of a carry (or comparison) tree: `combines` group combines over n lanes. */
    CombineTriples combineTriples(int combines, int n);

    /** Random 1-out-of-2^logN OTs with msgBits-bit messages, `groups` per lane (party 0 sends). */
    RandomOneOfN randomOneOfN(int groups, int logN, int msgBits, int n);

    ReluCorrelation relu(int n);

    /** DCF keys and masks for n DReLUs by FSS (BCG+21); the dealer only (OT: an error, {@link #FSS_NEEDS_DEALER}). */
    FssDReluCorrelation fssDrelu(int n);

    /** DCF keys and masks for n ReLUs by FSS (BCG+21); the dealer only (OT: an error, {@link #FSS_NEEDS_DEALER}). */
    FssReluCorrelation fssRelu(int n);

    /**
     * Why a dealer-free source refuses FSS keys: a DCF key pair is made by one party that knows
     * the mask (the dealer); making it by 2PC (Doerner-shelat) is not built.
     */
    String FSS_NEEDS_DEALER = "fss needs the dealer (--correlations dealer)";

    /**
     * Traffic on a link of the source's own (the dealer link), or empty when correlations travel
     * over the peer channel in its OFFLINE phase (dealer-free mode).
     */
    default org.polympcnet.protocols.net.CommStats linkStats() {
        return org.polympcnet.protocols.net.CommStats.empty();
    }

    /** Tells the source no more requests follow (the dealer then ends its session). */
    @Override
    void close();
}
