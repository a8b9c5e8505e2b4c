package org.polympcnet.protocols.net;

import java.util.EnumMap;
import java.util.Map;

/** Bytes sent, bytes received and rounds of one channel endpoint, per phase; a snapshot. */
public record CommStats(Map<Phase, Long> bytesSent, Map<Phase, Long> bytesReceived, Map<Phase, Long> rounds) {

    public long sent(Phase p) {
        return bytesSent.getOrDefault(p, 0L);
    }

    public long received(Phase p) {
        return bytesReceived.getOrDefault(p, 0L);
    }

    public long rounds(Phase p) {
        return rounds.getOrDefault(p, 0L);
    }

    /** This snapshot minus an earlier one: the traffic of what ran in between. */
    public CommStats minus(CommStats before) {
        Map<Phase, Long> s = new EnumMap<>(Phase.class), r = new EnumMap<>(Phase.class), n = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            s.put(p, sent(p) - before.sent(p));
            r.put(p, received(p) - before.received(p));
            n.put(p, rounds(p) - before.rounds(p));
        }
        return new CommStats(s, r, n);
    }

    public static CommStats empty() {
        return new CommStats(new EnumMap<>(Phase.class), new EnumMap<>(Phase.class), new EnumMap<>(Phase.class));
    }
}
