package org.polympcnet.cli;

import java.util.Locale;
import org.polympcnet.protocols.nn.InferenceHandshake;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.Transport;

/**
 * Both parties of {@code polympc infer} in this process (two threads), linked in memory or over
 * loopback TCP, with the dealer as a third thread or, with {@code --correlations ot}, without one.
 * The client thread still learns the model only through the inference handshake, as it would
 * across processes; only the plaintext reference, run by {@link InferRows}, uses the weights.
 */
final class InferInProcess {
    private InferInProcess() {}

    static InferRun run(InferSettings s, Transport transport, Model model, String sha, InferImages data, int images, InferRows rows)
            throws Exception {
        int batch = s.batch();
        LocalSession session = new LocalSession(s.fp(), s.truncation(), transport, s.timeoutMillis()).withCorrelations(s.correlations());
        LocalSession.Result<InferParty.Outcome> r = session.run(
                s.sessionParams(data.name(), Integer.toString(images), InferSettings.shape(model.input), model.classes),
                p -> {
                    InferenceHandshake.offer(p.peer, model, sha);
                    return InferParty.serve(p, model, s.comparison().relu(), images, batch);
                },
                p -> {
                    Model architecture = InferenceHandshake.accept(p.peer, model, sha);
                    return InferParty.query(p, architecture, s.comparison().relu(), data, images, batch, rows);
                });
        Traffic[] traffic = {Traffic.own(r.peer()[0], r.dealerLink()[0]), Traffic.own(r.peer()[1], r.dealerLink()[1])};
        return new InferRun(model, data.name(), images, batch, traffic, new InferParty.Outcome[] {r.party0(), r.party1()},
                transport.name().toLowerCase(Locale.ROOT), null);
    }
}
