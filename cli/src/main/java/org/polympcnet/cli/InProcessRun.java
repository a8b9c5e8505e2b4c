package org.polympcnet.cli;

import java.util.Locale;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.Transport;

/**
 * Both parties in this process (threads), linked in memory or over loopback TCP, with the dealer
 * as a third thread, or without one when the parties make their correlations by OT.
 */
final class InProcessRun {
    private InProcessRun() {}

    static RunResult run(OpSettings s, Transport transport, long[] input) throws Exception {
        int n = input.length;
        LocalSession session = new LocalSession(s.fp(), s.truncation(), transport, s.timeoutMillis())
                .withCorrelations(s.correlations());
        LocalSession.Result<PartyProtocol.Outcome> r = session.run(s.sessionParams(Integer.toString(n)),
                p -> PartyProtocol.run(p, s, n, input),
                p -> PartyProtocol.run(p, s, n, null));
        Traffic[] traffic = {
            Traffic.own(r.peer()[0], r.dealerLink()[0]),
            Traffic.own(r.peer()[1], r.dealerLink()[1]),
        };
        long online = Math.max(r.party0().onlineNanos(), r.party1().onlineNanos());
        return new RunResult(n, r.party1().revealed(), traffic, online, transport.name().toLowerCase(Locale.ROOT), null);
    }
}
