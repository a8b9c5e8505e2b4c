package org.polympcnet.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured JMH point: a benchmark method at one set of parameters, its primary score and its
 * auxiliary counters (the per-element bytes and rounds, {@code :elements} per second).
 */
final class JmhPoint {
    final String group, benchmarkClass, method;
    final Map<String, String> params;
    JmhRow primary;
    final Map<String, JmhRow> counters = new LinkedHashMap<>();
    final List<String> files = new ArrayList<>();

    JmhPoint(String group, String benchmarkClass, String method, Map<String, String> params) {
        this.group = group;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
        this.params = params;
    }

    double counter(String name) {
        JmhRow r = counters.get(name);
        return r == null ? Double.NaN : r.score();
    }

    double counterError(String name) {
        JmhRow r = counters.get(name);
        return r == null ? Double.NaN : r.error();
    }

    /** The n (or m, or size^2 for a matrix product) a point's per-element figures refer to. */
    double elements() {
        if (params.containsKey("n")) return Double.parseDouble(params.get("n"));
        if (params.containsKey("m")) return Double.parseDouble(params.get("m"));
        if (params.containsKey("size")) {
            double s = Double.parseDouble(params.get("size"));
            return s * s;
        }
        if (params.containsKey("bytes")) return Double.parseDouble(params.get("bytes"));
        return Double.NaN;
    }

    private static String paramKey(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\u0000');
        return sb.toString();
    }

    /** Compares keys part by part; parts that are both numbers (after "name=") compare as numbers. */
    static int compareKeys(String a, String b) {
        String[] x = a.split("\u0000"), y = b.split("\u0000");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = comparePart(x[i], y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static int comparePart(String a, String b) {
        int ea = a.indexOf('='), eb = b.indexOf('=');
        if (ea > 0 && eb > 0 && a.substring(0, ea).equals(b.substring(0, eb))) {
            try {
                return Double.compare(Double.parseDouble(a.substring(ea + 1)), Double.parseDouble(b.substring(eb + 1)));
            } catch (NumberFormatException e) {
                // not numbers: compare as text
            }
        }
        return a.compareTo(b);
    }

    String paramText() {
        List<String> kv = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) kv.add(e.getKey() + "=" + e.getValue());
        return String.join(", ", kv);
    }

    /**
     * Points by class, method and parameters, sorted so that a table reads down the sizes: by
     * class, method, then each parameter (numbers as numbers). A later file's point of the same
     * key replaces an earlier one's counters.
     */
    static Map<String, JmhPoint> group(List<JmhRow> rows) {
        Map<String, JmhPoint> out = new java.util.TreeMap<>(JmhPoint::compareKeys);
        for (JmhRow r : rows) {
            String key = r.benchmarkClass() + "\u0000" + r.method() + "\u0000" + paramKey(r.params());
            JmhPoint p = out.computeIfAbsent(key, k -> new JmhPoint(r.group(), r.benchmarkClass(), r.method(), r.params()));
            if (!p.files.contains(r.file())) p.files.add(r.file());
            if (r.primary()) p.primary = r;
            else p.counters.put(r.counter(), r);
        }
        return out;
    }
}
