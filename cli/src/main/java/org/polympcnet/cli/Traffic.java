package org.polympcnet.cli;

import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;

/**
 * One party's traffic as the stats report it. Fields are null where this process cannot know
 * them: in a two-process run with a dealer, the other party's dealer link is invisible here.
 *
 * <p>Offline traffic is everything in the OFFLINE phase on the party's links: with a dealer, its
 * dealer link (the peer link carries none); dealer-free ({@code --correlations ot}), its peer
 * link, where the base OTs, OT extension and correlation messages travel.
 *
 * @param onlineSent bytes the party sent in the ONLINE phase
 * @param offline OFFLINE bytes on the party's links, both directions
 * @param offlineSent the part of {@code offline} the party sent
 * @param fromDealer bytes the dealer sent the party (0 without a dealer)
 * @param ioSent bytes the party sent sharing inputs and revealing outputs
 * @param setupSent bytes the party sent for the handshake and the ready barrier
 * @param onlineRounds message flights the party sent in the ONLINE phase
 */
record Traffic(Long onlineSent, Long offline, Long offlineSent, Long fromDealer, Long ioSent, Long setupSent,
        Long onlineRounds) {

    /** A party's own counts: its peer link and its dealer link (empty without a dealer). */
    static Traffic own(CommStats peer, CommStats dealer) {
        return new Traffic(peer.sent(Phase.ONLINE),
                dealer.sent(Phase.OFFLINE) + dealer.received(Phase.OFFLINE) + peer.sent(Phase.OFFLINE) + peer.received(Phase.OFFLINE),
                dealer.sent(Phase.OFFLINE) + peer.sent(Phase.OFFLINE),
                dealer.received(Phase.OFFLINE),
                peer.sent(Phase.IO), peer.sent(Phase.SETUP), peer.rounds(Phase.ONLINE));
    }

    /**
     * The other party's counts as seen on this party's peer link: what it sent is what arrived
     * here. Without a dealer its offline traffic is on this same link, so that is known too; with
     * a dealer it is not.
     */
    static Traffic ofPeer(CommStats myPeerLink, boolean dealerFree) {
        Long offline = null, offlineSent = null, fromDealer = null;
        if (dealerFree) {
            offline = myPeerLink.sent(Phase.OFFLINE) + myPeerLink.received(Phase.OFFLINE);
            offlineSent = myPeerLink.received(Phase.OFFLINE);
            fromDealer = 0L;
        }
        return new Traffic(myPeerLink.received(Phase.ONLINE), offline, offlineSent, fromDealer,
                myPeerLink.received(Phase.IO), myPeerLink.received(Phase.SETUP), null);
    }
}
