package org.polympcnet.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polympcnet.benchmarks.report.Figures.Point;

/**
 * Modelled against measured latency, with the relative error, from {@code polympc compare-latency}
 * (compare-latency*.csv): one row per joined key, and per file the totals and error summary.
 */
final class LatencyValidationTable {
    /** One joined pair, for the scatter plot. */
    record Pair(String file, String key, double modelledMs, double measuredMs) {}

    private LatencyValidationTable() {}

    static Section table(RawDir raw, List<Pair> pairs) {
        Section s = new Section("modelled-vs-measured", "Modelled against measured latency");
        List<Path> files = raw.glob("compare-latency*.csv");
        if (files.isEmpty()) return s.missing("compare-latency*.csv");
        MarkdownTable t = new MarkdownTable("comparison", "key", "modelled ms", "measured ms (median)", "runs", "relative error");
        MarkdownTable totals = new MarkdownTable("comparison", "rows", "sum modelled ms", "sum measured ms", "relative error of sum",
                "mean abs relative error", "max abs relative error", "rows within 20 %");
        for (Path f : files) {
            String name = ModelTables.stem(f, "");
            s.source(f.getFileName().toString());
            for (Point p : Figures.byConfig(raw.tidy(f), "compare-latency").values()) {
                if (p.config.containsKey("total")) {
                    s.headlines.add(String.format(java.util.Locale.ROOT,
                            "Modelled against measured latency (`%s`): mean absolute relative error %s over %s rows, %s of them within 20 %%.",
                            name, pct(p.num("mean_abs_relative_error")), MarkdownTable.num(p.num("rows")), MarkdownTable.num(p.num("rows_within_20pct"))));
                    totals.row(name, p.num("rows"), p.num("modelled"), p.num("measured_median"), pct(p.num("relative_error")),
                            pct(p.num("mean_abs_relative_error")), pct(p.num("max_abs_relative_error")), p.num("rows_within_20pct"));
                    continue;
                }
                String key = key(p.config);
                t.row(name, key, p.num("modelled"), p.num("measured_median"), p.num("measured_runs"), pct(p.num("relative_error")));
                pairs.add(new Pair(name, key, p.num("modelled"), p.num("measured_median")));
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!totals.isEmpty()) sb.append(totals.render()).append('\n');
        if (!t.isEmpty()) sb.append(t.render());
        s.table = sb.length() == 0 ? null : sb.toString();
        s.note("Relative error = (modelled - measured) / measured. Measured: the median of repeated runs on this shared 2-core machine.");
        return s;
    }

    static String pct(double ratio) {
        return Double.isNaN(ratio) ? "—" : MarkdownTable.num(100 * ratio) + " %";
    }

    private static String key(Map<String, String> config) {
        List<String> kv = new ArrayList<>();
        for (Map.Entry<String, String> e : config.entrySet()) kv.add(e.getKey() + "=" + e.getValue());
        return String.join(";", kv);
    }
}
