package org.polympcnet.benchmarks.harness;

import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;

/**
 * What both parties' channels have counted: peer[i] is party i's link to the other party,
 * dealer[i] its link to the dealer (empty when the correlations come from OT). The difference of
 * two snapshots is the traffic of what ran in between.
 */
public record Traffic(CommStats[] peer, CommStats[] dealer) {

    public Traffic minus(Traffic before) {
        return new Traffic(
                new CommStats[] {peer[0].minus(before.peer[0]), peer[1].minus(before.peer[1])},
                new CommStats[] {dealer[0].minus(before.dealer[0]), dealer[1].minus(before.dealer[1])});
    }

    /** Bytes party i sent to the other party in the ONLINE phase. */
    public long onlineSent(int party) {
        return peer[party].sent(Phase.ONLINE);
    }

    /** Message flights party i started in the ONLINE phase. */
    public long onlineRounds(int party) {
        return peer[party].rounds(Phase.ONLINE);
    }

    /**
     * Party i's OFFLINE traffic, both directions: on its dealer link (requests up, corrections
     * down), and with OT correlations on its link to the other party (the OTs). With OT both
     * parties see the same bytes: the one link between them, from either end.
     */
    public long offlineBytes(int party) {
        return dealer[party].sent(Phase.OFFLINE) + dealer[party].received(Phase.OFFLINE)
                + peer[party].sent(Phase.OFFLINE) + peer[party].received(Phase.OFFLINE);
    }

    /** Every OFFLINE byte on every link, each counted once: both dealer links and the parties' link. */
    public long offlineTotal() {
        long t = peer[0].sent(Phase.OFFLINE) + peer[1].sent(Phase.OFFLINE);
        for (CommStats d : dealer) t += d.sent(Phase.OFFLINE) + d.received(Phase.OFFLINE);
        return t;
    }

    /**
     * Every byte of an op's two phases (OFFLINE and ONLINE) on every link, each counted once: what
     * "bytes per ReLU, both parties, all phases" counts. Handshake (SETUP) and I/O are left out.
     */
    public long allPhasesTotal() {
        return offlineTotal() + onlineSent(0) + onlineSent(1);
    }

    /** Bytes both parties sent each other, in any phase (OT benchmarks, which run in no particular phase). */
    public long peerSent() {
        long t = 0;
        for (CommStats c : peer) for (Phase p : Phase.values()) t += c.sent(p);
        return t;
    }
}
