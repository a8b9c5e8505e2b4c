package org.polympcnet.benchmarks.harness;

import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;

/**
 * What both parties' channels have counted: peer[i] is party i's link to the other party,
 * dealer[i] its link to the dealer. The difference of two snapshots is the traffic of what ran
 * in between.
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

    /** Bytes on party i's dealer link in the OFFLINE phase, both directions (requests up, corrections down). */
    public long offlineBytes(int party) {
        return dealer[party].sent(Phase.OFFLINE) + dealer[party].received(Phase.OFFLINE);
    }
}
