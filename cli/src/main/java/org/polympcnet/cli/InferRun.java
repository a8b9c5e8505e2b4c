package org.polympcnet.cli;

import org.polympcnet.protocols.nn.Model;

/**
 * The outcome of one {@code polympc infer} run in this process.
 *
 * @param architecture the model as this process knows it (the client: the architecture the server showed)
 * @param dataset the client's dataset (the server learns its name in the session handshake)
 * @param traffic [party 0, party 1], from this process's channels
 * @param outcomes [party 0, party 1], null for a party not run here
 * @param transport "memory" or "tcp"
 * @param party null if both parties ran here, else which one did
 */
record InferRun(Model architecture, String dataset, int images, int batch, Traffic[] traffic, InferParty.Outcome[] outcomes, String transport,
        Integer party) {
    int batches() {
        return (images + batch - 1) / batch;
    }
}
