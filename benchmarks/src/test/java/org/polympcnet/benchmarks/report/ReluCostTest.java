package org.polympcnet.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ReLU cost per comparison protocol and the accuracy-latency fronts per protocol, from small
 * synthetic raw files in the relucost stage's, JMH's and the trainer's schemas: gmw and fss are
 * there, the millionaire is not, so each of its expected sources is named.
 */
class ReluCostTest {
    @TempDir
    Path tmp;
    Path raw, out;
    StringWriter errText;

    static final String TIDY = "experiment,config,metric,value,unit\n";
    static final String JMH = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: correlations\",\"Param: n\"\n";

    /** The rows polympc perfmodel --op relu writes for one setting (the online_time row also names the engine). */
    static String perfmodel(String stats, int n, String hw, String net, double ms, long on0, long on1, int rounds, long off0, long off1) {
        String c = "perfmodel,op=relu;n=" + n + ";protocol=" + stats + ";correlations=dealer;truncation=local;fracBits=16;hw=" + hw + ";net=" + net;
        return c + ";engine=relu0,online_time," + ms + ",ms\n" + c + ",online_bytes_p0," + on0 + ",bytes\n" + c + ",online_bytes_p1," + on1
                + ",bytes\n" + c + ",online_rounds," + rounds + ",rounds\n" + c + ",offline_bytes_p0," + off0 + ",bytes\n" + c + ",offline_bytes_p1,"
                + off1 + ",bytes\n";
    }

    /** One JMH online point of a ReLU benchmark with its counters. */
    static String jmh(String clsMethod, int n, double elements, double error, double bytes, double rounds, double off0, double off1) {
        String b = "\"org.polympcnet.benchmarks.ops." + clsMethod;
        String tail = ",dealer," + n + "\n";
        return b + "\",\"thrpt\",1,3," + elements / n + ",1.0,\"ops/s\"" + tail
                + b + ":elements\",\"thrpt\",1,3," + elements + "," + error + ",\"ops/s\"" + tail
                + b + ":onlineBytesPerElem\",\"thrpt\",1,3," + bytes + ",NaN,\"#\"" + tail
                + b + ":onlineRounds\",\"thrpt\",1,3," + rounds + ",NaN,\"#\"" + tail
                + b + ":offlineBytesPerElemP0\",\"thrpt\",1,3," + off0 + ",NaN,\"#\"" + tail
                + b + ":offlineBytesPerElemP1\",\"thrpt\",1,3," + off1 + ",NaN,\"#\"" + tail;
    }

    static String train(String experiment, String config, double acc, double latencyS) {
        return experiment + "," + config + ",test_accuracy," + acc + ",percent\n"
                + experiment + "," + config + ",modelled_activation_latency_s_zcu104_lan," + latencyS + ",s\n";
    }

    @BeforeEach
    void rawFiles() throws IOException {
        raw = tmp.resolve("raw");
        out = tmp.resolve("results");
        Files.createDirectories(raw);
        int n = 1024;
        StringBuilder gmw = new StringBuilder(TIDY), fss = new StringBuilder(TIDY);
        String[][] settings = {{"zcu104", "lan"}, {"zcu104", "wan"}, {"cpu", "lan"}, {"cpu", "wan"}};
        double[] gmwMs = {10, 400, 20, 500}, fssMs = {2.5, 45, 4, 50};
        for (int i = 0; i < 4; i++) {
            // gmw: 38.5 B per ReLU from each party, 8 rounds, 40 B offline to party 1 (152 B to party 0 for the session).
            gmw.append(perfmodel("gmw-carry-tree", n, settings[i][0], settings[i][1], gmwMs[i], 39424, 39424, 8, 152, 40960));
            // fss: 8 B per ReLU from each party, 1 round, DCF keys of 2,032 B to party 0 and 2,048 B to party 1.
            fss.append(perfmodel("fss-dcf", n, settings[i][0], settings[i][1], fssMs[i], 8192, 8192, 1, 2032L * n, 2048L * n));
        }
        write("relu-perfmodel-gmw.csv", gmw.toString());
        write("relu-perfmodel-fss.csv", fss.toString());
        // gmw measured at 1024 and 4096, fss at 1024 and 2048: the table shows n = 1024, the largest both share. FssReluBenchmark
        // names its online methods after their ops; its drelu (faster) is not the ReLU's figure.
        write("jmh-ops.csv", JMH + jmh("ReluBenchmark.online", 1024, 2_000_000, 50_000, 38.5, 8, 0.25, 40)
                + jmh("ReluBenchmark.online", 4096, 3_000_000, 0, 38.5, 8, 0.1, 40)
                + jmh("FssReluBenchmark.relu", 1024, 1_500_000, 100_000, 8, 1, 2032.25, 2048.25)
                + jmh("FssReluBenchmark.drelu", 1024, 2_500_000, 0, 8, 1, 1008.5, 1009.5)
                + jmh("FssReluBenchmark.relu", 2048, 1_700_000, 0, 8, 1, 2032, 2048));
        write("train.csv", TIDY
                + train("train", "run=relu-cnn;act=relu", 91, 0.010)
                + train("train", "run=poly-cnn;act=poly", 88, 0.001)
                + train("search", "run=search-l0.5-cnn;act=search;lambda=0.5", 90, 0.004)
                + train("search", "run=search-fss-l0.5-cnn;act=search;lambda=0.5;comparison=fss-dcf", 90.5, 0.003)
                // No protocol field: the run name reproduce.sh gives it says fss.
                + train("search", "run=search-fss-l2-cnn;act=search;lambda=2", 89, 0.002));
        // The ReLU baseline's latency table under fss (the relucost stage): relu and max choices sum to 6 ms on zcu104/lan.
        write("relu-baseline-fss.csv", TIDY + table("fss-dcf", "act1", "act", "relu", 2.0) + table("fss-dcf", "act1", "act", "poly", 0.3)
                + table("fss-dcf", "pool1", "pool", "max", 1.0) + table("fss-dcf", "pool1", "pool", "avg", 0.1)
                + table("fss-dcf", "act2", "act", "relu", 3.0) + table("fss-dcf", "act2", "act", "poly", 0.3));
    }

    /** One latency-table row of polympc perfmodel --table for the ReLU baseline on zcu104/lan. */
    static String table(String comparison, String layer, String type, String choice, double ms) {
        return "latency-table,model=relu-cnn" + (comparison == null ? "" : ";comparison=" + comparison) + ";batch=1;hw=zcu104;net=lan;layer="
                + layer + ";type=" + type + ";choice=" + choice + ",latency," + ms + ",ms\n";
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(raw.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Report.Result run() {
        errText = new StringWriter();
        return Report.generate(raw, out, null, new PrintWriter(errText, true));
    }

    @Test
    void tableRowsPlotsAndTheMissingProtocolNamed() throws IOException {
        Report.Result r = run();
        String t = Files.readString(out.resolve("tables/relu-cost.md"));
        // gmw: 39424 / 1024 = 38.5 B, 152 / 1024 = 0.1484 B offline to party 0, 40 to party 1; JMH at n = 1024.
        assertTrue(t.contains("| gmw (gmw-carry-tree) | 1,024 | 38.5 | 38.5 | 0.1484 | 40 | 8 | 10 | 400 | 20 | 500 | 1,024 | 2,000,000 ± 50,000 | 38.5 | 8 | 0.25 / 40 |"), t);
        assertTrue(t.contains("| fss (fss-dcf) | 1,024 | 8 | 8 | 2,032 | 2,048 | 1 | 2.5 | 45 | 4 | 50 | 1,024 | 1,500,000 ± 100,000 | 8 | 1 | 2,032 / 2,048 |"), t);
        assertFalse(t.contains("| millionaire"), t);
        String e = errText.toString();
        assertTrue(e.contains("table relu-cost: missing source results/raw/relu-perfmodel-millionaire.csv (the table is shown"), e);
        assertTrue(e.contains("table relu-cost: missing source results/raw/jmh-ops.csv (no MillionaireReluBenchmark.online point with the dealer)"), e);
        assertTrue(e.contains("table search-by-protocol: missing source results/raw/train.csv (no searched model with --relu-protocol millionaire)"), e);
        assertFalse(e.contains("relu-baseline-millionaire.csv"), "no baseline is expected for a protocol without searches: " + e);

        // Each protocol's models against its own ReLU baseline: gmw's from train.csv (10 ms), fss's from its latency table (6 ms).
        String fronts = Files.readString(out.resolve("tables/search-by-protocol.md"));
        assertTrue(fronts.contains("| gmw | relu-cnn | ReLU baseline | 91 | 10 | — | yes |"), fronts);
        assertTrue(fronts.contains("| gmw | search-l0.5-cnn | searched | 90 | 4 | 2.5x | yes |"), fronts);
        assertTrue(fronts.contains("| gmw | poly-cnn | all-poly (no comparison) | 88 | 1 | 10x | yes |"), fronts);
        assertTrue(fronts.contains("| fss | relu-cnn | ReLU baseline | 91 | 6 | — | yes |"), fronts);
        assertTrue(fronts.contains("| fss | search-fss-l2-cnn | searched | 89 | 2 | 3x | yes |"), fronts);
        assertTrue(fronts.contains("| fss | search-fss-l0.5-cnn | searched | 90.5 | 3 | 2x | yes |"), fronts);
        assertTrue(fronts.contains("| fss | poly-cnn | all-poly (no comparison) | 88 | 1 | 6x | yes |"), fronts);
        assertFalse(fronts.contains("| millionaire |"), fronts);
        assertFalse(e.contains("--relu-protocol fss") || e.contains("--relu-protocol gmw"), e);
        for (String p : List.of("relu-cost-latency.png", "relu-cost-bytes.png", "relu-cost-throughput.png", "accuracy-vs-latency-by-protocol.png",
                "accuracy-vs-latency.png")) {
            assertTrue(Files.size(out.resolve("plots").resolve(p)) > 1000, p);
        }
        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.contains("- ReLU by fss: 8 B online and 2,048 B offline per ReLU (busier party), rounds: 1; modelled 2.5 ms on zcu104 "
                + "over lan, 45 ms over wan for n = 1,024; JMH 1,500,000 ReLUs/s online at n = 1,024 (dealer, both parties on one machine)."), report);
        assertTrue(r.sections().stream().anyMatch(s -> s.name().equals("relu-cost") && s.sources().contains("relu-perfmodel-fss.csv")));
    }

    @Test
    void eachModelCarriesItsProtocolAndEachProtocolItsFront() throws IOException {
        List<ModelPoint> models = ModelPoint.read(TidyRow.read(raw.resolve("train.csv")));
        assertEquals(List.of(ReluProtocol.GMW, ReluProtocol.GMW, ReluProtocol.GMW, ReluProtocol.FSS, ReluProtocol.FSS),
                models.stream().map(ModelPoint::protocol).toList());
        assertEquals("zcu104/lan", ModelPoint.preferredKey(models));
        assertEquals(4.0, models.get(2).latencyMs().get("zcu104/lan"), 1e-12);
        // fss's front: the all-poly model (88 % at 1 ms) and both fss searches, each more accurate and slower.
        List<double[]> front = ProtocolPlots.front(List.of(new double[] {3, 90.5}, new double[] {2, 89}), List.of(new double[] {1, 88}));
        assertEquals(List.of(1.0, 2.0, 3.0), front.stream().map(p -> p[0]).toList());
        // A faster, less accurate all-poly point does not push a protocol's slower points off: only a dominating one does.
        assertEquals(1, ProtocolPlots.front(List.of(new double[] {3, 90.5}), List.of(new double[] {1, 91})).size());
    }

    @Test
    void aFileOfAnotherProtocolOrAnUnknownProtocolIsAnError() throws IOException {
        write("relu-perfmodel-fss.csv", TIDY + perfmodel("gmw-carry-tree", 1024, "zcu104", "lan", 1, 1, 1, 1, 1, 1));
        ReportException e = assertThrows(ReportException.class, this::run);
        assertTrue(e.getMessage().contains("relu-perfmodel-fss.csv:2: protocol 'gmw-carry-tree', want fss-dcf"), e.getMessage());

        rawFiles();
        // A latency table without a comparison is gmw's: not the fss baseline's.
        write("relu-baseline-fss.csv", TIDY + table(null, "act1", "act", "relu", 2.0));
        e = assertThrows(ReportException.class, this::run);
        assertTrue(e.getMessage().contains("relu-baseline-fss.csv:2: comparison 'null', want fss-dcf"), e.getMessage());

        rawFiles();
        write("train.csv", TIDY + train("search", "run=s;act=search;comparison=garbled", 90, 0.001));
        e = assertThrows(ReportException.class, this::run);
        assertTrue(e.getMessage().contains("train.csv:2: unknown comparison protocol 'garbled' (config comparison)"), e.getMessage());
    }

    /**
     * A model searched under fss is modelled with fss, but secure inference ran gmw (its infer file
     * names no protocol): the gains table does not hold the two against each other.
     */
    @Test
    void aGainModelledWithAnotherProtocolThanMeasuredIsNotJudged() throws IOException {
        write("train.csv", TIDY + train("train", "run=relu-cnn;dataset=d;act=relu", 91, 0.010)
                + train("search", "run=search-fss-l2-cnn;dataset=d;act=search;comparison=fss-dcf", 89, 0.002));
        for (String[] m : new String[][] {{"relu-cnn", "6", "8"}, {"search-fss-l2-cnn", "2", "2"}}) {
            String infer = "infer,model=" + m[0] + ";dataset=d;correlations=dealer,";
            write("infer-" + m[0] + ".csv", TIDY + infer + "online_time_per_image," + m[1] + ",ms/image\n"
                    + infer + "online_bytes_per_image_p0,1000,bytes/image\n" + infer + "online_bytes_per_image_p1,1000,bytes/image\n");
            String pm = "perfmodel,model=" + m[0] + ";hw=cpu;net=none;layer=total,";
            write("perfmodel-" + m[0] + "-cpu-none.csv", TIDY + pm + "latency," + m[2] + ",ms\n" + pm + "online_bytes,1000,bytes\n");
        }
        run();
        String gains = Files.readString(out.resolve("tables/gains.md"));
        assertTrue(gains.contains("| search-fss-l2-cnn | relu-cnn | — | 4 | 3 | 0.75 | 1 | 1 | 1 | not comparable (modelled with fss, measured with gmw) |"), gains);
        String models = Files.readString(out.resolve("tables/models.md"));
        assertTrue(models.contains("| search-fss-l2-cnn | d | search | fss | 89 |"), models);
    }

    @Test
    void everyProtocolIsKnownByEachOfItsNames() {
        for (ReluProtocol p : ReluProtocol.values()) {
            assertEquals(p, ReluProtocol.of(p.cli).orElseThrow());
            assertEquals(p, ReluProtocol.of(p.stats).orElseThrow());
            assertEquals(p, ReluProtocol.ofBenchmark(p.benchmark).orElseThrow());
        }
        assertEquals("fss", OpCostTables.protocol("fss-dcf"));
        assertEquals("square pair", OpCostTables.protocol("beaver-square"));
        assertTrue(ReluProtocol.of("poly").isEmpty());
    }
}
