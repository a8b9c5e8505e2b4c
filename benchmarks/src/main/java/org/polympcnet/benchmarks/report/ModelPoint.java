package org.polympcnet.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polympcnet.benchmarks.report.Figures.Point;

/**
 * One trained or searched model as train.csv gives it: its test accuracy, its modelled activation
 * latency per hardware and network ("zcu104/lan" to ms), and the comparison protocol that latency
 * was modelled with. What the accuracy-against-latency plots draw.
 */
record ModelPoint(String run, String experiment, String act, ReluProtocol protocol, double accuracy, Map<String, Double> latencyMs) {

    /** Models with a test accuracy and at least one modelled activation latency, in file order. */
    static List<ModelPoint> read(List<TidyRow> rows) {
        List<ModelPoint> out = new ArrayList<>();
        for (Point p : Figures.byConfig(rows, null, Set.of("hw", "net")).values()) {
            TidyRow acc = p.metrics.get("test_accuracy");
            if (acc == null || Double.isNaN(acc.num())) continue;
            Map<String, Double> latency = new LinkedHashMap<>();
            for (Map.Entry<String, TidyRow> m : p.metrics.entrySet()) {
                if (!m.getKey().startsWith("modelled_activation_latency")) continue;
                TidyRow r = m.getValue();
                double ms = Figures.millis(r);
                if (Double.isNaN(ms) && m.getKey().contains("latency_s")) ms = r.num() * 1e3;
                if (!Double.isNaN(ms)) latency.put(Plots.latencyKey(r.config(), r.metric()), ms);
            }
            if (latency.isEmpty()) continue;
            out.add(new ModelPoint(p.get("run"), acc.experiment(), p.get("act"), ReluProtocol.ofModel(acc), acc.num(),
                    Collections.unmodifiableMap(latency)));
        }
        return out;
    }

    /** The hardware and network the plots use: zcu104/lan (what the search optimises) when any model has it. */
    static String preferredKey(List<ModelPoint> points) {
        for (ModelPoint m : points) if (m.latencyMs.containsKey("zcu104/lan")) return "zcu104/lan";
        return points.isEmpty() ? null : points.get(0).latencyMs.keySet().iterator().next();
    }

    /** No comparison in the network (all-polynomial activations, average pools): the same latency under every protocol. */
    boolean comparisonFree() {
        return "poly".equals(act);
    }
}
