package org.polympcnet.cli;

import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.SessionParams;

/**
 * What both parties of an op run must agree on, validated from the command line. {@link
 * #sessionParams} is what the handshake compares field by field.
 *
 * @param comparison relu and drelu: how the comparison is computed; null for square and poly
 * @param correlations "dealer" or "ot"
 */
record OpSettings(OpKind op, FixedPoint fp, Truncation.Mode truncation, ComparisonProtocol comparison,
        String correlations, Coefficients coeffs, int timeoutMillis) {

    static final String DEALER = "dealer";
    static final String OT = "ot";

    /** True when the parties make their own correlations by OT over their link (no dealer). */
    boolean dealerFree() {
        return OT.equals(correlations);
    }

    /**
     * The millionaires' digit layout, which follows the correlation source (4-bit digits with a
     * dealer, 5-bit over OT). Derived from {@code correlations}, which the handshake checks, so the
     * parties agree on it.
     */
    MillionaireDigits millionaireDigits() {
        return MillionaireDigits.of(correlations);
    }

    /** "gmw-carry-tree", "millionaire-cryptflow2" or "beaver-square". */
    String protocolName() {
        return op.protocol(comparison);
    }

    /** The documented online bytes of each party, [p0, p1]. */
    long[] formulaBytes(int n) {
        return new long[] {op.formulaBytes(0, this, n), op.formulaBytes(1, this, n)};
    }

    /** The documented online rounds of each party, [p0, p1]. */
    int[] formulaRounds() {
        return new int[] {op.formulaRounds(0, this), op.formulaRounds(1, this)};
    }

    /** n is the real count at party 0 and {@link SessionParams#FROM_PEER} at party 1, which does not know it. */
    SessionParams sessionParams(String n) {
        SessionParams p = new SessionParams()
                .put("program", "op")
                .put("op", op.cliName())
                .put("protocol", protocolName())
                .put("n", n)
                .put("fracBits", fp.fracBits())
                .put("truncation", truncation.json())
                .put("correlations", correlations);
        if (coeffs != null) p.put("coeffs", coeffs.canonical());
        return p;
    }
}
