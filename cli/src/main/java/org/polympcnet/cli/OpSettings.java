package org.polympcnet.cli;

import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.SessionParams;

/**
 * What both parties of an op run must agree on, validated from the command line. {@link
 * #sessionParams} is what the handshake compares field by field.
 */
record OpSettings(OpKind op, FixedPoint fp, Truncation.Mode truncation, String correlations,
        Coefficients coeffs, int timeoutMillis) {

    /** n is the real count at party 0 and {@link SessionParams#FROM_PEER} at party 1, which does not know it. */
    SessionParams sessionParams(String n) {
        SessionParams p = new SessionParams()
                .put("program", "op")
                .put("op", op.cliName())
                .put("n", n)
                .put("fracBits", fp.fracBits())
                .put("truncation", truncation.json())
                .put("correlations", correlations);
        if (coeffs != null) p.put("coeffs", coeffs.canonical());
        return p;
    }
}
