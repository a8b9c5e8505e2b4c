package org.polympcnet.cli;

import java.io.IOException;
import java.net.ServerSocket;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.PeerException;
import org.polympcnet.protocols.net.TcpChannel;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.session.Handshake;
import org.polympcnet.protocols.session.SessionParams;

/**
 * One party of a run across processes or machines. Order: reach the peer, handshake, then the
 * dealer (or, with {@code --correlations ot}, the base OTs on the peer link). Peer first so that a
 * missing peer is reported as such (not as a dealer timeout), and a mismatch, including one party
 * with a dealer and the other without, fails both parties before either fetches anything.
 */
final class TwoProcessRun {
    private TwoProcessRun() {}

    /** Party 0 (owns the input): listens for party 1. dealer is null with --correlations ot. */
    static RunResult party0(OpSettings s, int listenPort, Endpoint dealer, long[] input) {
        TcpChannel peer;
        try (ServerSocket server = TcpChannel.listen(listenPort)) {
            peer = TcpChannel.accept(server, "party 1", s.timeoutMillis());
        } catch (IOException e) {
            throw new CliException("closing the listening socket on port " + listenPort + " failed: " + e.getMessage(), e);
        }
        return session(0, s, peer, dealer, Integer.toString(input.length), input);
    }

    /** Party 1 (learns the output): connects to party 0, which tells it n. */
    static RunResult party1(OpSettings s, Endpoint party0, Endpoint dealer) {
        TcpChannel peer = TcpChannel.connect(party0.host(), party0.port(), "party 0", s.timeoutMillis());
        return session(1, s, peer, dealer, SessionParams.FROM_PEER, null);
    }

    private static RunResult session(int id, OpSettings s, TcpChannel peer, Endpoint dealerAt, String n, long[] input) {
        try {
            SessionParams agreed = Handshake.run(peer, id, s.sessionParams(n));
            int count = count(agreed.get("n"), peer.peerName());
            TcpChannel toDealer = null;
            CorrelationSource correlations;
            if (s.dealerFree()) {
                // Both parties get here right after the handshake: the base OTs run on the peer link.
                correlations = new OtCorrelations(id, peer);
            } else {
                toDealer = TcpChannel.connect(dealerAt.host(), dealerAt.port(), "the dealer", s.timeoutMillis());
                try {
                    correlations = new DealerClient(id, toDealer);
                } catch (RuntimeException e) {
                    toDealer.close();
                    throw e;
                }
            }
            PartyProtocol.Outcome out;
            try (correlations) { // with a dealer, closing ends its session (counted as offline traffic)
                out = PartyProtocol.run(new Party(id, peer, correlations, s.fp(), s.truncation()), s, count, input);
            }
            Traffic mine = Traffic.own(peer.stats(), toDealer == null ? CommStats.empty() : toDealer.stats());
            Traffic theirs = Traffic.ofPeer(peer.stats(), s.dealerFree());
            Traffic[] traffic = id == 0 ? new Traffic[] {mine, theirs} : new Traffic[] {theirs, mine};
            return new RunResult(count, out.revealed(), traffic, out.onlineNanos(), "tcp", id);
        } finally {
            peer.close();
        }
    }

    private static int count(String n, String from) {
        try {
            int v = Integer.parseInt(n);
            if (v > 0) return v;
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new PeerException(from + " sent an invalid number of values '" + n + "'");
    }
}
