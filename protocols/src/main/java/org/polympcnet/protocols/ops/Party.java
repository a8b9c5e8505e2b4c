package org.polympcnet.protocols.ops;

import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.crypto.Prg;
import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.ring.FixedPoint;

/**
 * One party's context for running ops: who it is (0 = server, 1 = client), its link to the other
 * party, where its correlated randomness comes from, the fixed-point codec and the truncation
 * mode. Security model: semi-honest parties; with the dealer source, a trusted third party that
 * does not collude with either party.
 */
public final class Party {
    public final int id;
    public final Channel peer;
    public final CorrelationSource correlations;
    public final FixedPoint fp;
    public final Truncation.Mode truncation;
    private final Prg local;

    public Party(int id, Channel peer, CorrelationSource correlations, FixedPoint fp, Truncation.Mode truncation) {
        if (id != 0 && id != 1) throw new IllegalArgumentException("party must be 0 or 1, got " + id);
        this.id = id;
        this.peer = peer;
        this.correlations = correlations;
        this.fp = fp;
        this.truncation = truncation;
        this.local = Prg.fresh();
    }

    /** This party's own randomness (for sharing its inputs), SecureRandom-seeded. */
    Prg localPrg() {
        return local;
    }

    public boolean isServer() {
        return id == 0;
    }
}
