package org.polympcnet.cli;

import org.polympcnet.protocols.net.Channel;
import org.polympcnet.protocols.net.PeerException;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Sharing;

/**
 * What each party does once the session is agreed, the same in one process or two: prepare the
 * op (offline: correlations from the dealer, or by OT over the peer link), party 0 shares its
 * input (IO), a ready barrier (SETUP), apply (ONLINE, timed alone), reveal to party 1 (IO).
 */
final class PartyProtocol {
    /** Marks the barrier message, so a confused peer is caught rather than misread. */
    private static final long READY = 0x52454144595f4f50L; // "READY_OP"

    /** revealed: party 1's result (ring elements, or bit-sliced words); null at party 0. */
    record Outcome(long[] revealed, long onlineNanos) {}

    private PartyProtocol() {}

    static Outcome run(Party p, OpSettings s, int n, long[] inputOrNull) {
        OpKind.Prepared op = s.op().prepare(p, n, s);
        Channel peer = p.peer;
        peer.setPhase(Phase.IO);
        long[] share = Sharing.share(p, 0, inputOrNull, n);
        barrier(peer);
        peer.setPhase(Phase.ONLINE);
        long t0 = System.nanoTime();
        long[] result = op.apply(share);
        long onlineNanos = System.nanoTime() - t0;
        peer.setPhase(Phase.IO);
        long[] revealed = s.op().revealToParty1(p, result, n);
        return new Outcome(revealed, onlineNanos);
    }

    /**
     * Both parties start the online phase together: without this, party 0 (which does not wait
     * for anyone after sending its input) would count in its online time the wait for party 1 to
     * finish fetching correlations. Costs 8 bytes each way, counted as SETUP.
     */
    private static void barrier(Channel peer) {
        Phase old = peer.setPhase(Phase.SETUP);
        peer.sendLongs(new long[] {READY});
        peer.flush();
        if (peer.receiveLongs(1)[0] != READY) throw new PeerException(peer.peerName() + " broke protocol before the online phase");
        peer.setPhase(old);
    }
}
