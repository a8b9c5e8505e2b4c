package org.polympcnet.models.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.polympcnet.perfmodel.latency.LatencyTable;

/**
 * The latency-aware part of PolyMPCNet's search loss:
 * {@code loss = CE + lambda * sum over gates g of softmax(alpha_g) . [t_g(relu), t_g(poly)] / T},
 * with t_g the seconds of gate g's layer as each choice from the performance model's
 * {@link LatencyTable} (pools: [max, avg]) and T the seconds of all gated layers as ReLU and max
 * pool. Dividing by T makes lambda free of units and of the hardware: lambda = 1 prices the whole
 * ReLU latency of the network at one nat of cross-entropy.
 */
public final class SearchLoss {
    private final double lambda;
    private final Map<String, double[]> seconds;
    private final double reference;

    private SearchLoss(double lambda, Map<String, double[]> seconds) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        this.lambda = lambda;
        this.seconds = seconds;
        double t = 0;
        for (double[] s : seconds.values()) t += s[0];
        this.reference = t;
    }

    /** The term for every activation and searchable pool of {@code spec}, priced by {@code table}. */
    public static SearchLoss of(LatencyTable table, NetSpec spec, double lambda) {
        Map<String, double[]> s = new LinkedHashMap<>();
        for (String a : spec.activations()) s.put(a, choiceSeconds(table, a, LatencyTable.ACTIVATION_CHOICES));
        for (String p : spec.searchablePools()) s.put(p, choiceSeconds(table, p, LatencyTable.POOL_CHOICES));
        return new SearchLoss(lambda, s);
    }

    private static double[] choiceSeconds(LatencyTable t, String layer, List<String> choices) {
        return new double[] {t.seconds(layer, choices.get(0)), t.seconds(layer, choices.get(1))};
    }

    public double lambda() {
        return lambda;
    }

    /** T: seconds of every gated layer as ReLU / max pool. */
    public double referenceSeconds() {
        return reference;
    }

    /** [seconds as ReLU or max, seconds as poly or avg] of a gated layer. */
    public double[] seconds(String layer) {
        double[] s = seconds.get(layer);
        if (s == null) throw new IllegalArgumentException("no gate named " + layer);
        return s.clone();
    }

    /** The normalised expected latency, sum of p_g . t_g / T, in the graph. */
    SDVariable define(SameDiff sd, Map<String, SDVariable> gateProbabilities) {
        SDVariable total = null;
        for (var e : gateProbabilities.entrySet()) {
            double[] s = seconds(e.getKey());
            double norm = reference > 0 ? reference : 1;
            SDVariable t = sd.constant(e.getKey() + "/latency", Nd4j.createFromArray((float) (s[0] / norm), (float) (s[1] / norm)).castTo(DataType.FLOAT));
            SDVariable term = e.getValue().mul(t).sum();
            total = total == null ? term : total.add(term);
        }
        return sd.identity(Network.LATENCY, total);
    }
}
