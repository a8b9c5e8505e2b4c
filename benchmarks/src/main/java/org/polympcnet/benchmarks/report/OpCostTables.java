package org.polympcnet.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polympcnet.benchmarks.report.Figures.Point;

/**
 * The cost of each protocol op as {@code polympc op} measured it (results/raw/ops-cli.csv): bytes
 * and rounds per party, offline traffic, online throughput, projected LAN/WAN time; and the ReLU
 * against the polynomial activation that replaces it, per comparison protocol and correlation
 * source, from the CLI runs and from the JMH points.
 */
final class OpCostTables {
    static final String OPS_CLI = "ops-cli.csv";

    private OpCostTables() {}

    /** Short name of a comparison protocol as the CLI's --protocol spells it. */
    static String protocol(String p) {
        if (p == null) return "—";
        if (p.equals("beaver-square")) return "square pair";
        return ReluProtocol.of(p).map(r -> r.cli).orElse(p);
    }

    static Section cli(RawDir raw) {
        Section s = new Section("op-costs", "Op costs: bytes, rounds and throughput per op (polympc op)");
        Optional<Path> f = raw.file(OPS_CLI);
        if (f.isEmpty()) return s.missing(OPS_CLI);
        s.source(OPS_CLI);
        MarkdownTable t = new MarkdownTable("op", "protocol", "correlations", "transport", "n",
                "online B/elem p0", "online B/elem p1", "rounds p0", "rounds p1", "offline B/elem p0", "offline B/elem p1",
                "online elem/s", "online ms", "projected lan ms", "projected wan ms");
        for (Point p : Figures.byConfig(raw.tidy(f.get()), "op").values()) {
            t.row(p.get("op"), protocol(p.get("protocol")), p.get("correlations"), p.get("transport"), p.get("n"),
                    p.num("online_bytes_per_element_p0"), p.num("online_bytes_per_element_p1"),
                    p.num("online_rounds_p0"), p.num("online_rounds_p1"),
                    p.num("offline_bytes_per_element_p0"), p.num("offline_bytes_per_element_p1"),
                    p.num("online_throughput"), p.num("online_time"),
                    p.num("projected_online_time_lan"), p.num("projected_online_time_wan"));
        }
        s.table = t.render();
        s.note("Bytes are what each party sent during the op, per element; offline bytes are each party's link to the dealer "
                + "(both directions) or, with `ot`, the one link between the parties. One run per row (times are noisy on a shared "
                + "2-core machine); projected times add rounds x RTT and bytes / bandwidth of the lan (3 Gbit/s, 0.3 ms) and wan "
                + "(400 Mbit/s, 40 ms) profiles to the measured online time.");
        return s;
    }

    /**
     * ReLU / polynomial, per comparison protocol: online bytes (busier party), rounds, online time
     * and offline bytes, from the CLI at one n; and elements per second from JMH where both the
     * ReLU and the polynomial were measured at the same n and source.
     */
    static Section reluVsPoly(RawDir raw) {
        Section s = new Section("relu-vs-poly", "ReLU against the polynomial activation, per comparison protocol");
        MarkdownTable t = new MarkdownTable("measured by", "ReLU protocol", "correlations", "n",
                "online bytes ReLU / poly", "rounds ReLU / poly", "online time ReLU / poly", "offline bytes ReLU / poly");
        Optional<Path> f = raw.file(OPS_CLI);
        if (f.isEmpty()) {
            s.missing(OPS_CLI);
        } else {
            s.source(OPS_CLI);
            List<Point> points = new ArrayList<>(Figures.byConfig(raw.tidy(f.get()), "op").values());
            for (Point relu : points) {
                if (!"relu".equals(relu.get("op")) || !"memory".equals(relu.get("transport"))) continue;
                Point poly = find(points, "poly", relu.get("correlations"), relu.get("n"));
                if (poly == null) {
                    s.note("No poly run with correlations `" + relu.get("correlations") + "` at n = " + relu.get("n")
                            + " in `raw/" + OPS_CLI + "`: no ratio for ReLU (" + protocol(relu.get("protocol")) + ", "
                            + relu.get("correlations") + ").");
                    continue;
                }
                s.headlines.add(String.format(java.util.Locale.ROOT,
                        "One ReLU by %s (%s) costs %s the online bytes, %s the rounds and %s the online time of one polynomial "
                                + "activation (`polympc op`, n = %s, busier party).",
                        protocol(relu.get("protocol")), relu.get("correlations"),
                        MarkdownTable.ratio(relu.maxParty("online_bytes_per_element") / poly.maxParty("online_bytes_per_element")),
                        MarkdownTable.ratio(relu.maxParty("online_rounds") / poly.maxParty("online_rounds")),
                        MarkdownTable.ratio(relu.num("online_time") / poly.num("online_time")), relu.get("n")));
                t.row("polympc op", protocol(relu.get("protocol")), relu.get("correlations"), relu.get("n"),
                        MarkdownTable.ratio(relu.maxParty("online_bytes_per_element") / poly.maxParty("online_bytes_per_element")),
                        MarkdownTable.ratio(relu.maxParty("online_rounds") / poly.maxParty("online_rounds")),
                        MarkdownTable.ratio(relu.num("online_time") / poly.num("online_time")),
                        MarkdownTable.ratio(relu.maxParty("offline_bytes_per_element") / poly.maxParty("offline_bytes_per_element")));
            }
        }
        List<Path> jmhFiles = raw.glob("jmh-*.csv");
        if (jmhFiles.isEmpty()) {
            s.missing("jmh-*.csv");
        } else {
            Map<String, JmhPoint> jmh = JmhPoint.group(raw.allJmh());
            boolean any = false;
            for (JmhPoint relu : jmh.values()) {
                ReluProtocol rp = ReluProtocol.ofBenchmark(relu.benchmarkClass).orElse(null);
                if (rp == null || !relu.method.equals(rp.onlineMethod)) continue;
                String proto = rp.cli;
                String corr = relu.params.getOrDefault("correlations", "dealer");
                JmhPoint poly = null;
                for (JmhPoint q : jmh.values()) {
                    if (q.benchmarkClass.equals("PolyBenchmark") && q.method.equals("online")
                            && q.params.getOrDefault("correlations", "dealer").equals(corr)
                            && relu.params.get("n").equals(q.params.get("n")) && "local".equals(q.params.getOrDefault("trunc", "local"))) {
                        poly = q;
                    }
                }
                if (poly == null) continue;
                any = true;
                t.row("JMH online", proto, corr, relu.params.get("n"),
                        MarkdownTable.ratio(relu.counter("onlineBytesPerElem") / poly.counter("onlineBytesPerElem")),
                        MarkdownTable.ratio(relu.counter("onlineRounds") / poly.counter("onlineRounds")),
                        MarkdownTable.ratio(poly.counter("elements") / relu.counter("elements")),
                        MarkdownTable.ratio(offline(relu) / offline(poly)));
                for (String file : relu.files) s.source(file);
            }
            if (!any) s.note("The JMH files hold no ReLU and poly `online` points at the same n and correlation source.");
        }
        if (!t.isEmpty()) s.table = t.render();
        s.note("A ratio above 1 is what replacing one ReLU by one polynomial activation saves. Online time from JMH is the inverse "
                + "ratio of elements per second; JMH's polynomial uses local truncation.");
        return s;
    }

    private static double offline(JmhPoint p) {
        return Math.max(p.counter("offlineBytesPerElemP0"), p.counter("offlineBytesPerElemP1"));
    }

    private static Point find(List<Point> points, String op, String correlations, String n) {
        for (Point p : points) {
            if (op.equals(p.get("op")) && "memory".equals(p.get("transport")) && correlations.equals(p.get("correlations"))
                    && n.equals(p.get("n"))) {
                return p;
            }
        }
        return null;
    }
}
