package org.polympcnet.perfmodel.cost;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.Phase;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * Runs one op with both parties for real (two threads, in-memory channels, the in-process
 * dealer) and returns what the channels counted: each party's online bytes sent and rounds, its
 * dealer-link bytes while the op was prepared, and the bytes of each online flight.
 */
final class CountedRun {
    /**
     * offline: dealer-link bytes (both ways); peerOfflineSent: OFFLINE bytes sent on the peer link
     * (OT correlations); onlineAllocated: bytes the party's thread allocated while the op ran
     * online (its fresh arrays, the channel's copies of what it sent and the arrays it received
     * into), or -1 where the JVM does not count them.
     */
    record Counts(long onlineSent, long onlineRounds, long offline, List<Long> flights, long peerOfflineSent, long onlineAllocated) {}

    /** prepare: constructs the op at a party (offline) and returns what applies it (online). */
    static Counts[] run(Truncation.Mode mode, Function<Party, UnaryOperator<long[]>> prepare, int inputs) throws Exception {
        return run(mode, "dealer", prepare, inputs);
    }

    /** As {@link #run(Truncation.Mode, Function, int)} with correlations from "dealer" or "ot". */
    static Counts[] run(Truncation.Mode mode, String correlations, Function<Party, UnaryOperator<long[]>> prepare, int inputs) throws Exception {
        LocalSession s = new LocalSession(FixedPoint.standard(), mode, Transport.MEMORY, 20_000).withCorrelations(correlations);
        LocalSession.Result<Counts> r = s.run(new SessionParams().put("test", "cost"),
                p -> party(p, prepare, inputs), p -> party(p, prepare, inputs));
        Counts[] c = {r.party0(), r.party1()};
        for (int i = 0; i < 2; i++) {
            if (c[i].onlineSent() != r.peer()[i].sent(Phase.ONLINE)) throw new AssertionError("recorder and channel disagree");
        }
        return c;
    }

    private static Counts party(Party p, Function<Party, UnaryOperator<long[]>> prepare, int inputs) {
        FlightRecorder rec = new FlightRecorder(p.peer);
        Party q = new Party(p.id, rec, p.correlations, p.fp, p.truncation);
        CommStats before = p.correlations.linkStats();
        long peerBefore = p.peer.stats().sent(Phase.OFFLINE);
        UnaryOperator<long[]> op = prepare.apply(q);
        long peerOffline = p.peer.stats().sent(Phase.OFFLINE) - peerBefore;
        CommStats after = p.correlations.linkStats();
        long offline = after.sent(Phase.OFFLINE) + after.received(Phase.OFFLINE)
                - before.sent(Phase.OFFLINE) - before.received(Phase.OFFLINE);
        long[] x = new long[inputs];
        if (p.id == 0) for (int i = 0; i < inputs; i++) x[i] = ((i * 7919L) % 4001 - 2000) << 10;
        p.peer.setPhase(Phase.ONLINE);
        rec.setPhase(Phase.ONLINE);
        CommStats on0 = p.peer.stats();
        long a0 = allocated();
        op.apply(x);
        long a1 = allocated();
        CommStats on = p.peer.stats().minus(on0);
        return new Counts(on.sent(Phase.ONLINE), on.rounds(Phase.ONLINE), offline, rec.flights(), peerOffline,
                a0 < 0 || a1 < 0 ? -1 : a1 - a0);
    }

    /** Bytes this thread has allocated so far (HotSpot's count), or -1 where not available. */
    private static long allocated() {
        java.lang.management.ThreadMXBean b = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(b instanceof com.sun.management.ThreadMXBean)) return -1;
        com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) b;
        return hs.isThreadAllocatedMemorySupported() && hs.isThreadAllocatedMemoryEnabled() ? hs.getCurrentThreadAllocatedBytes() : -1;
    }
}
