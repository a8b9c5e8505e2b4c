package org.polympcnet.cli;

import java.io.IOException;
import java.net.ServerSocket;
import org.polympcnet.protocols.correlation.CorrelationSource;
import org.polympcnet.protocols.correlation.dealer.DealerClient;
import org.polympcnet.protocols.correlation.ot.OtCorrelations;
import org.polympcnet.protocols.net.CommStats;
import org.polympcnet.protocols.net.TcpChannel;
import org.polympcnet.protocols.nn.InferenceHandshake;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.ops.Party;
import org.polympcnet.protocols.session.Handshake;
import org.polympcnet.protocols.session.SessionParams;

/**
 * One party of {@code polympc infer} across processes or machines. Order: reach the peer, the
 * session handshake (fixed point, truncation, correlation source, the client's dataset, number of
 * images, batch, the image shape and classes), the model handshake (the server shows the architecture and the sha256
 * of its weights; a client with its own model.json checks both), then the dealer or, with
 * {@code --correlations ot}, the base OTs on the peer link, then the batches. Every mismatch fails
 * both parties before either fetches a correlation.
 */
final class InferTwoProcess {
    private InferTwoProcess() {}

    /** The server (party 0): holds the weights, reads no images; learns the count and batch from the client. */
    static InferRun server(InferSettings s, int listenPort, Endpoint dealer, Model model, String sha) {
        TcpChannel peer;
        try (ServerSocket server = TcpChannel.listen(listenPort)) {
            peer = TcpChannel.accept(server, "party 1", s.timeoutMillis());
        } catch (IOException e) {
            throw new CliException("closing the listening socket on port " + listenPort + " failed: " + e.getMessage(), e);
        }
        try {
            SessionParams agreed = Handshake.run(peer, 0, s.sessionParams(SessionParams.FROM_PEER, SessionParams.FROM_PEER, InferSettings.shape(model.input), model.classes));
            int images = InferParty.agreedCount(agreed, "images", Integer.MAX_VALUE, peer.peerName());
            int batch = InferParty.agreedCount(agreed, "batch", InferSettings.MAX_BATCH, peer.peerName());
            InferenceHandshake.offer(peer, model, sha);
            return finish(0, s, peer, dealer, model, agreed.get("dataset"), images, batch, p -> InferParty.serve(p, model, s.comparison().relu(), images, batch));
        } finally {
            peer.close();
        }
    }

    /**
     * The client (party 1): holds the images, learns the architecture from the server and alone the
     * logits. expected/expectedSha: its own model.json and the hash it states, or null.
     */
    static InferRun client(InferSettings s, Endpoint server, Endpoint dealer, Model expected, String expectedSha, InferImages data,
                           int images, InferRows rows) {
        TcpChannel peer = TcpChannel.connect(server.host(), server.port(), "party 0", s.timeoutMillis());
        try {
            Handshake.run(peer, 1, s.sessionParams(data.name(), Integer.toString(images), InferSettings.shape(data.shape()), data.classes()));
            Model architecture = InferenceHandshake.accept(peer, expected, expectedSha);
            int batch = s.batch();
            return finish(1, s, peer, dealer, architecture, data.name(), images, batch, p -> InferParty.query(p, architecture, s.comparison().relu(), data, images, batch, rows));
        } finally {
            peer.close();
        }
    }

    private interface Work {
        InferParty.Outcome run(Party p) throws Exception;
    }

    private static InferRun finish(int id, InferSettings s, TcpChannel peer, Endpoint dealerAt, Model model, String dataset, int images,
                                   int batch, Work work) {
        TcpChannel toDealer = null;
        try {
            CorrelationSource correlations;
            if (s.dealerFree()) {
                correlations = new OtCorrelations(id, peer);
            } else {
                toDealer = TcpChannel.connect(dealerAt.host(), dealerAt.port(), "the dealer", s.timeoutMillis());
                correlations = new DealerClient(id, toDealer);
            }
            InferParty.Outcome out;
            try (correlations) { // with a dealer, closing ends its session (counted as offline traffic)
                out = work.run(new Party(id, peer, correlations, s.fp(), s.truncation()));
            }
            Traffic mine = Traffic.own(peer.stats(), toDealer == null ? CommStats.empty() : toDealer.stats());
            Traffic theirs = Traffic.ofPeer(peer.stats(), s.dealerFree());
            Traffic[] traffic = id == 0 ? new Traffic[] {mine, theirs} : new Traffic[] {theirs, mine};
            InferParty.Outcome[] outcomes = new InferParty.Outcome[2];
            outcomes[id] = out;
            return new InferRun(model, dataset, images, batch, traffic, outcomes, "tcp", id);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException(e.getMessage(), e);
        } finally {
            if (toDealer != null) toDealer.close();
        }
    }
}
