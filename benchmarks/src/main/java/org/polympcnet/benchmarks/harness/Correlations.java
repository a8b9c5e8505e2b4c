package org.polympcnet.benchmarks.harness;

import java.util.Locale;

/**
 * Where a benchmark session's correlated randomness comes from, as the CLI's
 * {@code --correlations} names it. DEALER: a trusted third party on a third thread, one link to
 * each party (semi-honest parties, a dealer that colludes with neither). OT: no third party; the
 * two parties make every correlation by oblivious transfer over their own link
 * ({@link org.polympcnet.protocols.correlation.ot.OtCorrelations}), in its OFFLINE phase.
 */
public enum Correlations {
    DEALER, OT;

    /** "dealer" or "ot", as a JMH {@code @Param} spells it. */
    public static Correlations of(String name) {
        for (Correlations c : values()) if (c.json().equals(name)) return c;
        throw new IllegalArgumentException("correlations must be dealer or ot, got '" + name + "'");
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
