package org.polympcnet.cli;

import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.SessionParams;

/**
 * What both parties of {@code polympc infer} must agree on, validated from the command line.
 *
 * @param correlations "dealer" or "ot"
 * @param comparison how ReLU layers and max pool compare (--protocol); the handshake checks it
 * @param batch images per batch, or null at a server not told (it takes the client's)
 */
record InferSettings(FixedPoint fp, Truncation.Mode truncation, String correlations, ComparisonProtocol comparison, Integer batch,
        int timeoutMillis) {
    /** The default --batch of a client or an in-process run. */
    static final int DEFAULT_BATCH = 16;
    /** Largest batch either party accepts, from its own command line or from the peer: bounds memory. */
    static final int MAX_BATCH = 4096;

    boolean dealerFree() {
        return OpSettings.OT.equals(correlations);
    }

    /**
     * The session handshake's fields. dataset, images, input and classes come from the client's
     * dataset: the server, which reads no images, passes {@link SessionParams#FROM_PEER} for the
     * dataset's name and the number of images, and its model's input shape and classes, so a
     * dataset that does not fit the model fails both parties.
     */
    SessionParams sessionParams(String dataset, String images, String input, int classes) {
        return new SessionParams()
                .put("program", "infer")
                .put("dataset", dataset)
                .put("fracBits", fp.fracBits())
                .put("truncation", truncation.json())
                .put("correlations", correlations)
                .put("protocol", comparison.statsName())
                .put("images", images)
                .put("batch", batch == null ? SessionParams.FROM_PEER : batch.toString())
                .put("input", input)
                .put("classes", classes);
    }

    static String shape(int[] chw) {
        return chw[0] + "x" + chw[1] + "x" + chw[2];
    }
}
