package org.polympcnet.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH points as tables: one for the protocol ops, one for OT and the PRG, one for whole-network
 * secure inference. Each row is one benchmark method at one parameter set: the primary score with
 * JMH's 99.9 % error, elements per second, and the traffic counters the harness records.
 */
final class JmhTables {
    /** The files reproduce.sh's jmh stage writes for the ops table and for the OT and PRG table. */
    static final List<String> OPS_FILES = List.of("jmh-ops.csv", "jmh-ops-ot.csv"), OT_PRG_FILES = List.of("jmh-ot.csv", "jmh-prg.csv");

    private JmhTables() {}

    static List<Section> all(RawDir raw) {
        List<Path> files = raw.glob("jmh-*.csv");
        Section ops = new Section("jmh-ops", "Protocol ops under JMH: throughput, bytes and rounds per element");
        Section ot = new Section("jmh-ot-prg", "Oblivious transfer and the PRG under JMH");
        Section nn = new Section("jmh-inference", "Whole-network secure inference under JMH");
        List<Section> all = List.of(ops, ot, nn);
        if (files.isEmpty()) {
            for (Section s : all) s.missing("jmh-*.csv");
            return all;
        }
        Map<String, JmhPoint> points = JmhPoint.group(raw.allJmh());
        ops(ops, points.values());
        otPrg(ot, points.values());
        inference(nn, points.values());
        for (Section s : all) {
            if (s.table == null) {
                s.missing("jmh-*.csv (no " + s.name.substring(4) + " benchmarks in " + names(files) + ")");
            }
        }
        // A table fed by two of reproduce.sh's files still shows when one is lost: name the lost one.
        if (ops.table != null) for (String f : OPS_FILES) ModelTables.expect(raw, ops, f);
        if (ot.table != null) for (String f : OT_PRG_FILES) ModelTables.expect(raw, ot, f);
        return all;
    }

    private static String names(List<Path> files) {
        List<String> n = new ArrayList<>();
        for (Path p : files) n.add(p.getFileName().toString());
        return String.join(", ", n);
    }

    private static void ops(Section s, Iterable<JmhPoint> points) {
        MarkdownTable t = new MarkdownTable("benchmark", "params", "elements/s", "online B/elem", "online rounds",
                "offline B/elem p0", "offline B/elem p1", "all-phases B/elem");
        for (JmhPoint p : points) {
            if (!p.group.equals("ops")) continue;
            double online = p.counter("onlineBytesPerElem");
            if (Double.isNaN(online)) online = Math.max(p.counter("onlineBytesPerElemP0"), p.counter("onlineBytesPerElemP1"));
            double rounds = p.counter("onlineRounds");
            if (Double.isNaN(rounds)) rounds = Math.max(p.counter("onlineRoundsP0"), p.counter("onlineRoundsP1"));
            double off0 = p.counter("offlineBytesPerElemP0"), off1 = p.counter("offlineBytesPerElemP1");
            t.row(p.benchmarkClass + "." + p.method, p.paramText(),
                    MarkdownTable.withError(p.counter("elements"), p.counterError("elements")),
                    online, rounds, off0, off1, p.counter("totalBytesPerElem"));
            for (String f : p.files) s.source(f);
        }
        if (!t.isEmpty()) s.table = t.render();
        s.note("Both parties run for real on two threads of one JVM over in-memory channels (no network); elements/s is JMH's "
                + "`:elements` counter with its 99.9 % error; bytes are per element, the busier party for the online figure. "
                + "`online` times the online phase alone, `offline` the preparation, `allPhases` both (its bytes: every link, "
                + "both parties, once).");
    }

    private static final Set<String> OT_GROUPS = Set.of("ot", "crypto");

    private static void otPrg(Section s, Iterable<JmhPoint> points) {
        MarkdownTable t = new MarkdownTable("benchmark", "params", "score", "unit", "per second", "bytes per item");
        for (JmhPoint p : points) {
            if (!OT_GROUPS.contains(p.group) || p.primary == null) continue;
            double rate = !Double.isNaN(p.counter("ots")) ? p.counter("ots")
                    : !Double.isNaN(p.counter("bytes")) ? p.counter("bytes") : p.counter("elements");
            double perItem = !Double.isNaN(p.counter("bytesPerOt")) ? p.counter("bytesPerOt") : p.counter("bytesPerElem");
            t.row(p.benchmarkClass + "." + p.method, p.paramText(), MarkdownTable.withError(p.primary.score(), p.primary.error()),
                    p.primary.unit(), rate, perItem);
            for (String f : p.files) s.source(f);
        }
        if (!t.isEmpty()) s.table = t.render();
        s.note("OT: party 0 sends, party 1 receives, both on their own thread; `per second` is OTs per second (`:ots`), "
                + "`bytes per item` both parties' traffic per OT. PRG: bytes of output per second (`:bytes`).");
    }

    private static void inference(Section s, Iterable<JmhPoint> points) {
        MarkdownTable t = new MarkdownTable("benchmark", "params", "images/s", "ms/image", "online B/image", "online rounds/image",
                "offline B/image");
        for (JmhPoint p : points) {
            if (!p.group.equals("nn")) continue;
            double perSec = p.counter("images");
            // The model folder's name is the model's name (NAME in results/models/NAME).
            String params = p.paramText().replaceAll("model=[^,]*[/\\\\]([^/\\\\,]+)", "model=$1");
            t.row(p.benchmarkClass + "." + p.method, params, MarkdownTable.withError(perSec, p.counterError("images")),
                    1e3 / perSec, p.counter("onlineBytesPerImage"), p.counter("onlineRoundsPerImage"), p.counter("offlineBytesPerImage"));
            for (String f : p.files) s.source(f);
        }
        if (!t.isEmpty()) s.table = t.render();
        s.note("Both parties on two threads with in-memory channels: server (party 0) holds the weights, client (party 1) the images.");
    }
}
