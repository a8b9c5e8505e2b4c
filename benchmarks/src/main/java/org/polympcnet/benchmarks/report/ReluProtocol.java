package org.polympcnet.benchmarks.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison protocols by which ReLU, DReLU and max pool compute a sign, as the report expects
 * them: the name {@code polympc op --protocol} and {@code --relu-protocol} take, the name the stats
 * and the performance model write, the JMH class that measures its ReLU, and the raw file of
 * reproduce.sh's relucost stage. Every protocol listed here is an expected source: one whose files
 * or rows are absent is named as missing, not left out unnoticed.
 */
enum ReluProtocol {
    GMW("gmw", "gmw-carry-tree", "ReluBenchmark", "online"),
    MILLIONAIRE("millionaire", "millionaire-cryptflow2", "MillionaireReluBenchmark", "online"),
    FSS("fss", "fss-dcf", "FssReluBenchmark", "relu");

    /** As the CLI's --protocol and --relu-protocol spell it. */
    final String cli;
    /** As STATS.json's "protocol" and the perf model's config spell it. */
    final String stats;
    /** The JMH class (package ops) of its ReLU. */
    final String benchmark;
    /** That class's method timing the ReLU's online phase alone (FssReluBenchmark has relu and drelu, both online). */
    final String onlineMethod;

    ReluProtocol(String cli, String stats, String benchmark, String onlineMethod) {
        this.cli = cli;
        this.stats = stats;
        this.benchmark = benchmark;
        this.onlineMethod = onlineMethod;
    }

    /** Class.method of its online ReLU point, as the report names it. */
    String jmhOnline() {
        return benchmark + "." + onlineMethod;
    }

    /** reproduce.sh's relucost stage: the perf model's ReLU at one n, on zcu104 and cpu over lan and wan. */
    String perfmodelFile() {
        return "relu-perfmodel-" + cli + ".csv";
    }

    /** By either name (or a stats name that starts with the CLI name and a dash). */
    static Optional<ReluProtocol> of(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ReluProtocol p : values()) if (n.equals(p.cli) || n.equals(p.stats) || n.startsWith(p.cli + "-")) return Optional.of(p);
        return Optional.empty();
    }

    /** The protocol whose ReLU a JMH class measures. */
    static Optional<ReluProtocol> ofBenchmark(String benchmarkClass) {
        for (ReluProtocol p : values()) if (p.benchmark.equals(benchmarkClass)) return Optional.of(p);
        return Optional.empty();
    }

    /**
     * The protocol a trained model's latencies were modelled with: the trainer's config field
     * {@code comparison} (the stats name, as the perf model writes it too), else the run name
     * reproduce.sh gives a search under another protocol ({@code search-fss-l0.5-cnn}), else gmw, the
     * trainer's default and its only protocol before {@code --relu-protocol}.
     */
    static ReluProtocol ofModel(TidyRow r) {
        String v = r.get("comparison");
        if (v != null && !v.isBlank()) {
            return of(v).orElseThrow(() -> new ReportException(r.where() + ": unknown comparison protocol '" + v + "' (config comparison); "
                    + "known: gmw, millionaire, fss"));
        }
        String run = r.get("run");
        if (run != null) {
            for (ReluProtocol p : values()) if (p != GMW && run.startsWith("search-" + p.cli + "-")) return p;
        }
        return GMW;
    }
}
