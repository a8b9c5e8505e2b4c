package org.polympcnet.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tidy rows grouped by config: one {@link Point} per distinct config (one run of one setting),
 * holding its metrics by name. The order is that of the file.
 */
final class Figures {
    /** The metrics of one config. */
    static final class Point {
        final Map<String, String> config;
        final Map<String, TidyRow> metrics = new LinkedHashMap<>();

        Point(Map<String, String> config) {
            this.config = config;
        }

        String get(String key) {
            return config.get(key);
        }

        /** The metric's value, NaN when absent. */
        double num(String metric) {
            TidyRow r = metrics.get(metric);
            return r == null ? Double.NaN : r.num();
        }

        boolean has(String metric) {
            return metrics.containsKey(metric);
        }

        /** The larger of the two parties' values of metric_p0 and metric_p1 (NaN if neither). */
        double maxParty(String metric) {
            double a = num(metric + "_p0"), b = num(metric + "_p1");
            if (Double.isNaN(a)) return b;
            if (Double.isNaN(b)) return a;
            return Math.max(a, b);
        }
    }

    private Figures() {}

    static Map<String, Point> byConfig(List<TidyRow> rows, String experiment) {
        return byConfig(rows, experiment, Set.of());
    }

    /**
     * As above, with the config fields in {@code ignore} left out of the grouping: the trainer may
     * put hw and net in the config of its latency rows only, and those rows still belong to the
     * run's other metrics. The point's config is that of its first row.
     */
    static Map<String, Point> byConfig(List<TidyRow> rows, String experiment, Set<String> ignore) {
        Map<String, Point> out = new LinkedHashMap<>();
        for (TidyRow r : rows) {
            if (experiment != null && !experiment.equals(r.experiment())) continue;
            Map<String, String> key = new LinkedHashMap<>(r.config());
            key.keySet().removeAll(ignore);
            Point p = out.computeIfAbsent(r.experiment() + "|" + key, k -> new Point(r.config()));
            // A metric that repeats under different ignored fields (latency on zcu104 and on cpu) keeps each.
            String name = r.metric();
            for (String f : ignore) if (r.config().containsKey(f) && name.startsWith("modelled")) name += "_" + r.config().get(f);
            p.metrics.put(name, r);
        }
        return out;
    }

    /** Milliseconds from a value in ns, us, ms or s (a tidy row's unit); NaN for other units. */
    static double millis(TidyRow r) {
        double v = r.num();
        String u = r.unit().trim();
        return switch (u) {
            case "ns" -> v / 1e6;
            case "us", "µs" -> v / 1e3;
            case "ms" -> v;
            case "s" -> v * 1e3;
            default -> Double.NaN;
        };
    }
}
