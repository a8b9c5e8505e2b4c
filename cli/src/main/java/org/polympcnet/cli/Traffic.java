package org.polympcnet.cli;

import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;

/**
 * One party's traffic as the stats report it. Fields are null where this process cannot know
 * them: in a two-process run, the other party's dealer link is invisible here.
 *
 * @param onlineSent bytes the party sent in the ONLINE phase
 * @param offline bytes on the party's dealer link, both directions
 * @param fromDealer bytes the dealer sent the party
 * @param ioSent bytes the party sent sharing inputs and revealing outputs
 * @param setupSent bytes the party sent for the handshake and the ready barrier
 * @param onlineRounds message flights the party sent in the ONLINE phase
 */
record Traffic(Long onlineSent, Long offline, Long fromDealer, Long ioSent, Long setupSent, Long onlineRounds) {

    /** A party's own counts: its peer link and its dealer link. */
    static Traffic own(CommStats peer, CommStats dealer) {
        return new Traffic(peer.sent(Phase.ONLINE),
                dealer.sent(Phase.OFFLINE) + dealer.received(Phase.OFFLINE),
                dealer.received(Phase.OFFLINE),
                peer.sent(Phase.IO), peer.sent(Phase.SETUP), peer.rounds(Phase.ONLINE));
    }

    /** The other party's sent counts, as received on this party's peer link. */
    static Traffic ofPeer(CommStats myPeerLink) {
        return new Traffic(myPeerLink.received(Phase.ONLINE), null, null,
                myPeerLink.received(Phase.IO), myPeerLink.received(Phase.SETUP), null);
    }
}
