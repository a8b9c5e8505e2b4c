package org.polympcnet.models.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polympcnet.perfmodel.latency.LatencyTable;

/**
 * Modelled latency of a network's nonlinear layers (activations and pools) for given choices:
 * a fixed choice costs its row of the {@link LatencyTable}; a gate costs the softmax(alpha)
 * weighted mean of its two rows, the expectation the search minimises.
 */
public final class ExpectedLatency {
    private ExpectedLatency() {}

    /**
     * Seconds per layer, in model order.
     *
     * @param probabilities softmax(alpha) of each gate (may be empty when no choice is a gate)
     */
    public static Map<String, Double> perLayer(LatencyTable table, NetSpec spec, Choices choices, Map<String, double[]> probabilities) {
        Map<String, Double> r = new LinkedHashMap<>();
        for (NetSpec.Node n : spec.nodes()) {
            if (n instanceof NetSpec.Act a) {
                r.put(a.name(), seconds(table, a.name(), choices.of(a.name()), Choices.RELU, Choices.POLY, probabilities));
            } else if (n instanceof NetSpec.Pool p) {
                String c = p.searchable() ? choices.of(p.name()) : Choices.AVG;
                r.put(p.name(), seconds(table, p.name(), c, Choices.MAX, Choices.AVG, probabilities));
            }
        }
        return r;
    }

    /** Total seconds of the nonlinear layers. */
    public static double total(LatencyTable table, NetSpec spec, Choices choices, Map<String, double[]> probabilities) {
        double t = 0;
        for (double s : perLayer(table, spec, choices, probabilities).values()) t += s;
        return t;
    }

    private static double seconds(LatencyTable t, String layer, String choice, String first, String second, Map<String, double[]> probs) {
        if (!choice.equals(Choices.GATE)) return t.seconds(layer, choice);
        double[] p = probs.get(layer);
        if (p == null) throw new IllegalArgumentException("gate " + layer + " has no probabilities");
        return p[0] * t.seconds(layer, first) + p[1] * t.seconds(layer, second);
    }
}
