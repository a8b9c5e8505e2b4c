package org.polympcnet.perfmodel.latency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.perfmodel.cost.ComparisonCosts;
import org.polympcnet.perfmodel.cost.ComparisonProtocols;
import org.polympcnet.perfmodel.cost.LayerCosts;
import org.polympcnet.perfmodel.cost.OpCost;
import org.polympcnet.perfmodel.hardware.HardwareProfile;
import org.polympcnet.perfmodel.schedule.CryptoScheduler;
import org.polympcnet.perfmodel.schedule.Workload;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.net.NetworkProfile;
import org.polympcnet.protocols.ops.Truncation;

/**
 * The latency table of the latency-aware trainer: for each activation layer of a model, the
 * latency of running it as a 2P-ReLU and as the polynomial, and for each pool as max and as avg,
 * on a hardware profile over a network profile. Each choice is the op alone, scheduled by the
 * {@link CryptoScheduler} (so on the FPGA its tiles overlap their flights), in seconds.
 *
 * <p>The trainer's loss weighs softmax(alpha) of each gate by its row: {@code seconds(layer)}
 * gives {relu, poly} or {max, avg}.
 */
public final class LatencyTable {
    public static final List<String> ACTIVATION_CHOICES = List.of("relu", "poly");
    public static final List<String> POOL_CHOICES = List.of("max", "avg");

    /** One layer's choices: its type ("act" or "pool"), elements per batch, seconds per choice. */
    public record Entry(String layer, String type, long elements, Map<String, Double> seconds) {
        public Entry {
            seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        }

        public double seconds(String choice) {
            Double s = seconds.get(choice);
            if (s == null) throw new IllegalArgumentException("layer " + layer + " has no choice '" + choice + "' (has " + seconds.keySet() + ")");
            return s;
        }
    }

    private final Map<String, Entry> entries;
    private final String hardware, network, comparison;

    private LatencyTable(Map<String, Entry> entries, String hardware, String network, String comparison) {
        this.entries = Collections.unmodifiableMap(entries);
        this.hardware = hardware;
        this.network = network;
        this.comparison = comparison;
    }

    /** Batch 1, local truncation, 16 fractional bits: as inference runs by default. */
    public static LatencyTable forModel(Model model, HardwareProfile hw, NetworkProfile net) {
        return forModel(model, hw, net, 1, Truncation.Mode.LOCAL, 16);
    }

    public static LatencyTable forModel(Model model, HardwareProfile hw, NetworkProfile net, int batch, Truncation.Mode mode, int fracBits) {
        return forModel(model, hw, net, batch, mode, fracBits, ComparisonProtocols.DEFAULT);
    }

    /** As above, with ReLUs and max pools costed by the comparison protocol `comparison`. */
    public static LatencyTable forModel(Model model, HardwareProfile hw, NetworkProfile net, int batch, Truncation.Mode mode, int fracBits,
                                        ComparisonCosts comparison) {
        LayerCosts costs = new LayerCosts(model, batch, mode, fracBits).withComparison(comparison);
        CryptoScheduler scheduler = new CryptoScheduler(hw, net);
        Map<String, Entry> rows = new LinkedHashMap<>();
        for (int i = 0; i < model.layers.size(); i++) {
            Layer l = model.layers.get(i);
            int[] in = model.shape(model.inputsOf(i).get(0));
            if (l instanceof Layer.Act) {
                int n = costs.elements(in);
                Map<String, Double> s = new LinkedHashMap<>();
                for (String kind : ACTIVATION_CHOICES) s.put(kind, activationSeconds(scheduler, costs, kind, n));
                rows.put(l.name(), new Entry(l.name(), "act", n, s));
            } else if (l instanceof Layer.Pool p) {
                Map<String, Double> s = new LinkedHashMap<>();
                for (String kind : POOL_CHOICES) s.put(kind, seconds(scheduler, kind + "pool", costs.pool(kind, in, p.kernel(), p.stride()), null));
                rows.put(l.name(), new Entry(l.name(), "pool", costs.elements(model.shape(l.name())), s));
            }
        }
        return new LatencyTable(rows, hw.describe(), net.name(), comparison.protocol());
    }

    /** Seconds of an activation of n elements as "relu" or "poly", alone on this hardware and network. */
    public static double activationSeconds(HardwareProfile hw, NetworkProfile net, String kind, int n) {
        return activationSeconds(hw, net, kind, n, ComparisonProtocols.DEFAULT);
    }

    /** As above, a ReLU by the comparison protocol `comparison`. */
    public static double activationSeconds(HardwareProfile hw, NetworkProfile net, String kind, int n, ComparisonCosts comparison) {
        LayerCosts costs = LayerCosts.withoutModel(1, Truncation.Mode.LOCAL, 16).withComparison(comparison);
        return activationSeconds(new CryptoScheduler(hw, net), costs, kind, n);
    }

    /** Seconds of a pool as "max" or "avg" over a [C, H, W] input, alone on this hardware and network. */
    public static double poolSeconds(HardwareProfile hw, NetworkProfile net, String kind, int[] chw, int kernel, int stride) {
        return poolSeconds(hw, net, kind, chw, kernel, stride, ComparisonProtocols.DEFAULT);
    }

    /** As above, a max pool's ReLUs by the comparison protocol `comparison`. */
    public static double poolSeconds(HardwareProfile hw, NetworkProfile net, String kind, int[] chw, int kernel, int stride,
                                     ComparisonCosts comparison) {
        LayerCosts costs = LayerCosts.withoutModel(1, Truncation.Mode.LOCAL, 16).withComparison(comparison);
        return seconds(new CryptoScheduler(hw, net), kind + "pool", costs.pool(kind, chw, kernel, stride), null);
    }

    private static double activationSeconds(CryptoScheduler s, LayerCosts costs, String kind, int n) {
        return seconds(s, kind, costs.activation(kind, n), size -> costs.activation(kind, size));
    }

    private static double seconds(CryptoScheduler s, String name, OpCost whole, java.util.function.IntFunction<OpCost> atSize) {
        return s.schedule(Workload.ofOp(name, whole, atSize)).makespan();
    }

    /** Layer name -> its choices, in model order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry entry(String layer) {
        Entry e = entries.get(layer);
        if (e == null) throw new IllegalArgumentException("no activation or pool layer named '" + layer + "' (have " + entries.keySet() + ")");
        return e;
    }

    /** Seconds of one layer's choice ("relu", "poly", "max", "avg"). */
    public double seconds(String layer, String choice) {
        return entry(layer).seconds(choice);
    }

    public String hardware() {
        return hardware;
    }

    public String network() {
        return network;
    }

    /** The comparison protocol of its ReLU and max-pool latencies, by its stats name ("gmw-carry-tree", "fss-dcf" ...). */
    public String comparison() {
        return comparison;
    }
}
