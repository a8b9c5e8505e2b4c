package org.polympcnet.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.polympcnet.benchmarks.report.Figures.Point;

/**
 * The ReLU alone, per comparison protocol: what the performance model says one costs (bytes online
 * and offline per ReLU, rounds, and the latency of n of them on zcu104 and cpu over lan and wan:
 * reproduce.sh's relucost stage, relu-perfmodel-PROTOCOL.csv) and what JMH measured (ReLUs per second
 * online, bytes and rounds per ReLU: each protocol's ReLU benchmark in jmh-*.csv). Every protocol of
 * {@link ReluProtocol} is expected; a missing file or benchmark is named.
 */
final class ReluCostTable {
    /** The hardware and network settings of the relucost stage, in column order. */
    static final List<String> SETTINGS = List.of("zcu104/lan", "zcu104/wan", "cpu/lan", "cpu/wan");

    /** What is known of one protocol's ReLU. */
    static final class Row {
        final ReluProtocol protocol;
        /** The perf model's n, and its figures per ReLU (busier party for rounds). */
        double n = Double.NaN, onlineP0 = Double.NaN, onlineP1 = Double.NaN, offlineP0 = Double.NaN, offlineP1 = Double.NaN,
                rounds = Double.NaN;
        /** Modelled latency of n ReLUs (ms) per setting of {@link #SETTINGS}. */
        final Map<String, Double> ms = new LinkedHashMap<>();
        /** JMH's online ReLU points by n (dealer), and the one the table shows. */
        final Map<Double, JmhPoint> jmhByN = new LinkedHashMap<>();
        JmhPoint jmh;

        Row(ReluProtocol protocol) {
            this.protocol = protocol;
        }

        boolean modelled() {
            return !Double.isNaN(n);
        }

        double jmhOnlineBytes() {
            if (jmh == null) return Double.NaN;
            double b = jmh.counter("onlineBytesPerElem");
            return Double.isNaN(b) ? Math.max(jmh.counter("onlineBytesPerElemP0"), jmh.counter("onlineBytesPerElemP1")) : b;
        }

        double jmhRounds() {
            if (jmh == null) return Double.NaN;
            double r = jmh.counter("onlineRounds");
            return Double.isNaN(r) ? Math.max(jmh.counter("onlineRoundsP0"), jmh.counter("onlineRoundsP1")) : r;
        }
    }

    private ReluCostTable() {}

    /** The table; fills {@code rows} (one per protocol with any figure) for the plots. */
    static Section table(RawDir raw, List<Row> rows) {
        Section s = new Section("relu-cost", "ReLU cost per comparison protocol: bytes, rounds, throughput, projected latency");
        Map<ReluProtocol, Row> byProtocol = new LinkedHashMap<>();
        for (ReluProtocol p : ReluProtocol.values()) byProtocol.put(p, new Row(p));
        for (Row r : byProtocol.values()) modelled(raw, s, r);
        measured(raw, s, byProtocol);
        for (Row r : byProtocol.values()) if (r.modelled() || r.jmh != null) rows.add(r);
        if (rows.isEmpty()) return s;
        MarkdownTable t = new MarkdownTable("protocol", "modelled n", "online B/ReLU p0", "online B/ReLU p1", "offline B/ReLU p0",
                "offline B/ReLU p1", "rounds", "zcu104 lan ms", "zcu104 wan ms", "cpu lan ms", "cpu wan ms",
                "JMH n", "JMH online ReLUs/s", "JMH online B/ReLU", "JMH rounds", "JMH offline B/ReLU p0 / p1");
        for (Row r : rows) {
            t.row(r.protocol.cli + " (" + r.protocol.stats + ")", r.modelled() ? r.n : null, r.onlineP0, r.onlineP1, r.offlineP0, r.offlineP1,
                    r.rounds, r.ms.get("zcu104/lan"), r.ms.get("zcu104/wan"), r.ms.get("cpu/lan"), r.ms.get("cpu/wan"),
                    r.jmh == null ? null : r.jmh.elements(),
                    r.jmh == null ? null : MarkdownTable.withError(r.jmh.counter("elements"), r.jmh.counterError("elements")),
                    r.jmhOnlineBytes(), r.jmhRounds(),
                    r.jmh == null ? null : MarkdownTable.num(r.jmh.counter("offlineBytesPerElemP0")) + " / "
                            + MarkdownTable.num(r.jmh.counter("offlineBytesPerElemP1")));
            s.headlines.add(headline(r));
        }
        s.table = t.render();
        s.note("Modelled: `polympc perfmodel --op relu --n N --relu-protocol P` (the dealer's correlations), bytes per ReLU = the op's "
                + "bytes / n (offline: each party's link to the dealer), rounds of the busier party, latency of all n ReLUs on the "
                + "zcu104 profile and on this machine's calibrated cpu profile over the lan (3 Gbit/s, 0.3 ms) and wan (400 Mbit/s, 40 ms) "
                + "links. JMH (measured, its own counters; offline: each party's dealer link per ReLU, the key size for fss): the protocol's ReLU benchmark, its online method (`ReluBenchmark.online`, "
                + "`MillionaireReluBenchmark.online`, `FssReluBenchmark.relu`), dealer, both parties on two threads of one JVM; at the "
                + "largest n every listed protocol was measured at, so the throughputs compare (ReLUs/s with JMH's 99.9 % error).");
        return s;
    }

    /** The relucost stage's file of one protocol: every setting's point, checked to be that protocol's ReLU. */
    private static void modelled(RawDir raw, Section s, Row r) {
        String name = r.protocol.perfmodelFile();
        Optional<Path> f = raw.file(name);
        if (f.isEmpty()) {
            s.missing(name);
            return;
        }
        s.source(name);
        // The online_time row also names the engine: grouped without it, each setting is one point.
        for (Point p : Figures.byConfig(raw.tidy(f.get()), "perfmodel", Set.of("engine")).values()) {
            TidyRow first = p.metrics.values().iterator().next();
            if (!"relu".equals(p.get("op"))) throw new ReportException(first.where() + ": op '" + p.get("op") + "', want relu");
            if (ReluProtocol.of(p.get("protocol")).orElse(null) != r.protocol) {
                throw new ReportException(first.where() + ": protocol '" + p.get("protocol") + "', want " + r.protocol.stats + " (the file's name)");
            }
            double n = parseN(first, p.get("n"));
            if (r.modelled() && n != r.n) throw new ReportException(first.where() + ": n " + p.get("n") + ", but the file's first row has n " + (long) r.n);
            r.n = n;
            String at = p.get("hw") + "/" + p.get("net");
            TidyRow time = p.metrics.get("online_time");
            if (time != null) r.ms.put(at, Figures.millis(time));
            // Bytes and rounds are the same in every setting (the protocol's, not the hardware's).
            r.onlineP0 = p.num("online_bytes_p0") / n;
            r.onlineP1 = p.num("online_bytes_p1") / n;
            r.offlineP0 = p.num("offline_bytes_p0") / n;
            r.offlineP1 = p.num("offline_bytes_p1") / n;
            r.rounds = p.num("online_rounds");
        }
        for (String at : SETTINGS) if (!r.ms.containsKey(at)) s.missing(name + " (no " + at + " row)");
    }

    private static double parseN(TidyRow where, String n) {
        try {
            double v = Double.parseDouble(n);
            if (v > 0) return v;
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new ReportException(where.where() + ": config n '" + n + "' is not a positive number");
    }

    /** Each protocol's online ReLU points (dealer) from the JMH files, shown at the largest n common to all that have any. */
    private static void measured(RawDir raw, Section s, Map<ReluProtocol, Row> rows) {
        if (raw.glob("jmh-*.csv").isEmpty()) {
            s.missing("jmh-ops.csv");
            return;
        }
        for (JmhPoint p : JmhPoint.group(raw.allJmh()).values()) {
            Optional<ReluProtocol> proto = ReluProtocol.ofBenchmark(p.benchmarkClass);
            if (!p.group.equals("ops") || proto.isEmpty() || !p.method.equals(proto.get().onlineMethod)) continue;
            if (!"dealer".equals(p.params.getOrDefault("correlations", "dealer")) || "faithful".equals(p.params.get("trunc"))) continue;
            if (!(p.counter("elements") > 0) || !(p.elements() > 0)) continue;
            rows.get(proto.get()).jmhByN.put(p.elements(), p);
        }
        Set<Double> common = null;
        for (Row r : rows.values()) {
            if (r.jmhByN.isEmpty()) {
                s.missing("jmh-ops.csv (no " + r.protocol.jmhOnline() + " point with the dealer)");
                continue;
            }
            if (common == null) common = new TreeSet<>(r.jmhByN.keySet());
            else common.retainAll(r.jmhByN.keySet());
        }
        for (Row r : rows.values()) {
            if (r.jmhByN.isEmpty()) continue;
            double n = common != null && !common.isEmpty() ? ((TreeSet<Double>) common).last() : new TreeSet<>(r.jmhByN.keySet()).last();
            r.jmh = r.jmhByN.get(n);
            for (String f : r.jmh.files) s.source(f);
        }
        if (common != null && common.isEmpty()) {
            s.note("The protocols' ReLU benchmarks share no n: each row shows its own largest.");
        }
    }

    private static String headline(Row r) {
        StringBuilder h = new StringBuilder("ReLU by ").append(r.protocol.cli).append(':');
        if (r.modelled()) {
            h.append(String.format(Locale.ROOT, " %s B online and %s B offline per ReLU (busier party), rounds: %s; modelled %s ms on zcu104 "
                            + "over lan, %s ms over wan for n = %s;",
                    MarkdownTable.num(Math.max(r.onlineP0, r.onlineP1)), MarkdownTable.num(Math.max(r.offlineP0, r.offlineP1)),
                    MarkdownTable.num(r.rounds), MarkdownTable.num(val(r.ms.get("zcu104/lan"))), MarkdownTable.num(val(r.ms.get("zcu104/wan"))),
                    MarkdownTable.num(r.n)));
        }
        if (r.jmh != null) {
            h.append(String.format(Locale.ROOT, " JMH %s ReLUs/s online at n = %s (dealer, both parties on one machine);",
                    MarkdownTable.num(r.jmh.counter("elements")), MarkdownTable.num(r.jmh.elements())));
        }
        return h.substring(0, h.length() - 1) + ".";
    }

    private static double val(Double d) {
        return d == null ? Double.NaN : d;
    }
}
