package org.polympcnet.perfmodel.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison protocols the cost model knows, by name: the GMW carry tree, the millionaires'
 * protocol (with the dealer's digit layout, as the model assumes a dealer) and FSS ("fss-dcf", the
 * dealer's DCF keys). To add one: write its {@link ComparisonCosts} and list it here.
 */
public final class ComparisonProtocols {
    /** The protocol secure inference uses unless told otherwise. */
    public static final ComparisonCosts DEFAULT = GmwCarryTreeCosts.INSTANCE;

    private static final Map<String, ComparisonCosts> KNOWN = new LinkedHashMap<>();

    static {
        register(GmwCarryTreeCosts.INSTANCE);
        register(MillionaireCosts.DEALER); // the perf model's correlations come from the dealer
        register(FssCosts.INSTANCE);
    }

    private ComparisonProtocols() {}

    private static void register(ComparisonCosts c) {
        KNOWN.put(c.protocol(), c);
    }

    /** The protocol of this name; an unknown name is an error that lists the known ones. */
    public static ComparisonCosts of(String protocol) {
        ComparisonCosts c = KNOWN.get(protocol.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("no cost model for comparison protocol '" + protocol + "': the model knows " + String.join(", ", names()));
        }
        return c;
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }
}
