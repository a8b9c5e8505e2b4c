package org.polympcnet.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report from a fixture raw folder (src/test/resources/report-fixture: real JMH and polympc op
 * output, and small hand-made trainer, inference, perfmodel and compare-latency files in their
 * documented schemas): every table and plot it should make, the figures in their rows, a missing
 * raw file named rather than shown, nothing stale, and a malformed file rejected with the old
 * report kept.
 */
class ReportTest {
    @TempDir
    Path tmp;
    Path raw, out, published;
    StringWriter errText;
    PrintWriter err;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Paths.get(getClass().getResource("/report-fixture").toURI());
        raw = tmp.resolve("raw");
        out = tmp.resolve("results");
        Files.createDirectories(raw);
        try (Stream<Path> files = Files.list(fixture.resolve("raw"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, raw.resolve(f.getFileName()));
        }
        published = tmp.resolve("published.csv");
        Files.copy(fixture.resolve("published.csv"), published);
        // A Gantt chart as polympc perfmodel --gantt leaves it (any PNG will do for the copy).
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", raw.resolve("gantt-cnn-poly-zcu104-lan.png").toFile());
        newErr();
    }

    private void newErr() {
        errText = new StringWriter();
        err = new PrintWriter(errText, true);
    }

    private Report.Result run() {
        newErr();
        return Report.generate(raw, out, published, err);
    }

    private String read(String rel) throws IOException {
        return Files.readString(out.resolve(rel), StandardCharsets.UTF_8);
    }

    private Set<String> list(String dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(out.resolve(dir))) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Test
    void everyTableAndPlotFromTheFixture() throws IOException {
        Report.Result r = run();
        assertEquals(Set.of("op-costs.md", "jmh-ops.md", "relu-vs-poly.md", "relu-cost.md", "search-by-protocol.md", "models.md", "infer-layers.md",
                "modelled-vs-measured.md", "published.md"), list("tables"));
        assertEquals(Set.of("accuracy-vs-latency.png", "accuracy-vs-latency-by-protocol.png", "relu-cost-latency.png", "relu-cost-bytes.png",
                "relu-cost-throughput.png", "op-cost-vs-size.png", "modelled-vs-measured.png",
                "training-cnn-poly.png", "training-loss-cnn-poly.png", "gantt-cnn-poly-zcu104-lan.png"), list("plots"));
        for (String p : list("plots")) {
            byte[] b = Files.readAllBytes(out.resolve("plots").resolve(p));
            assertTrue(b.length > 8 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', p + " is a PNG");
        }
        // The fixture has no OT, PRG or inference JMH points: those two tables name what they lack; the
        // ops table lacks reproduce.sh's jmh-ops-ot.csv. Its train.csv lists three models (cnn-relu,
        // search-l1, search-l2) whose later files are absent: 4 perfmodel files, infer and infer-layers
        // and the training log each, all named; and the gains table, which needs the ReLU baseline's
        // secure inference, names that file too. The fixture has gmw's and the millionaire's relucost files and JMH
        // ReLU points but not fss's (2), and searched models only under gmw (2: millionaire, fss).
        assertEquals(2 + 1 + 3 * 7 + 1 + 2 + 2, r.missing().size(), r.missing().toString());
        String e = errText.toString();
        assertTrue(e.contains("table relu-cost: missing source results/raw/relu-perfmodel-fss.csv (the table is shown"), e);
        assertTrue(e.contains("table relu-cost: missing source results/raw/jmh-ops.csv (no FssReluBenchmark.relu point with the dealer)"), e);
        for (String p : List.of("millionaire", "fss")) {
            assertTrue(e.contains("table search-by-protocol: missing source results/raw/train.csv (no searched model with "
                    + "--relu-protocol " + p + ") (the table is shown without the figures it would give)"), e);
        }
        assertTrue(e.contains("table jmh-ot-prg: missing source results/raw/jmh-*.csv"), e);
        assertTrue(e.contains("table jmh-inference: missing source"), e);
        assertTrue(e.contains("table jmh-ops: missing source results/raw/jmh-ops-ot.csv (the table is shown without the figures it would give)"), e);
        for (String m : List.of("cnn-relu", "search-l1", "search-l2")) {
            for (String hw : List.of("zcu104-lan", "zcu104-wan", "cpu-lan", "cpu-wan")) {
                assertTrue(e.contains("table models: missing source results/raw/perfmodel-" + m + "-" + hw + ".csv"), e);
            }
            assertTrue(e.contains("table models: missing source results/raw/infer-" + m + ".csv"), e);
            assertTrue(e.contains("table infer-layers: missing source results/raw/infer-layers-" + m + ".csv"), e);
            assertTrue(e.contains("plot training: missing source results/raw/train-log-" + m + ".csv"), e);
        }
        assertTrue(e.contains("table gains: missing source results/raw/infer-cnn-relu.csv (not shown)"), e);
        assertFalse(e.contains("cnn-poly"), "every file of cnn-poly is there: " + e);

        String models = read("tables/models.md");
        // Trainer, secure inference and the four perfmodel totals joined on the model name.
        assertTrue(models.contains("| cnn-poly | synthetic | poly | none | 89.25 | 90 | 0 | 0.8 | 40.8 | 3.2 | 43.2 | 1.75 | 2.5 | 30.25 | 11,000 | 0.4 | dealer |"), models);
        assertTrue(models.contains("| cnn-relu | synthetic | relu | gmw | 91.5 | — | 1,200 |"), models);
        assertTrue(models.contains("| search-l1 | synthetic | search | gmw | 90.5 | — | 400 |"), models);

        // The relucost stage's real output at n = 2^20: gmw 38.5 B online per ReLU for both parties, 8 rounds; the
        // millionaire 75.25 from party 0, 21.125 from party 1, 6 rounds; JMH at the largest n both were measured at.
        String relu = read("tables/relu-cost.md");
        assertTrue(relu.contains("| gmw (gmw-carry-tree) | 1,048,576 | 38.5 | 38.5 |"), relu);
        assertTrue(relu.contains("| millionaire (millionaire-cryptflow2) | 1,048,576 | 75.25 | 21.125 |"), relu);
        assertTrue(relu.contains("| 8 | 108.26 | 957.621 |"), relu);
        assertTrue(relu.contains("| 6 | 211.024 | 1,728 |"), relu);
        assertTrue(relu.contains("| 16,384 | 2,392,809"), relu);
        // gmw's searches against the ReLU baseline trained under gmw (4 ms modelled): search-l1 at 2 ms is 2x lower.
        String byProtocol = read("tables/search-by-protocol.md");
        assertTrue(byProtocol.contains("| gmw | cnn-relu | ReLU baseline | 91.5 | 4 | — | yes |"), byProtocol);
        assertTrue(byProtocol.contains("| gmw | search-l1 | searched | 90.5 | 2 | 2x | yes |"), byProtocol);
        assertTrue(byProtocol.contains("| gmw | search-l2 | searched | 88 | 3 | 1.333x | no |"), byProtocol);
        assertTrue(byProtocol.contains("| gmw | cnn-poly | all-poly (no comparison) | 89.25 | 1 | 4x | yes |"), byProtocol);
        assertTrue(models.contains("`raw/train.csv`") && models.contains("`raw/infer-cnn-poly.csv`")
                && models.contains("`raw/perfmodel-cnn-poly-zcu104-wan.csv`"), models);

        String ratio = read("tables/relu-vs-poly.md");
        // polympc op at n = 4096, dealer: 38.5 / 8 bytes, 8 / 1 rounds, and the millionaire's busier party 77.25 / 8.
        assertTrue(ratio.contains("| polympc op | gmw | dealer | 4096 | 4.813x | 8x |"), ratio);
        assertTrue(ratio.contains("| polympc op | millionaire | dealer | 4096 | 9.656x | 6x |"), ratio);
        // JMH at n = 1024: time ratio = poly elements/s over ReLU elements/s from the fixture's JMH file.
        String time = MarkdownTable.ratio(11309637.472869 / 1810962.409158);
        assertTrue(ratio.contains("| JMH online | gmw | dealer | 1024 | 4.813x | 8x | " + time + " |"), ratio);

        String ops = read("tables/jmh-ops.md");
        assertTrue(ops.contains("| MillionaireReluBenchmark.online | correlations=dealer, n=16384 | 2,392,809 | 77.25 | 6 |"), ops);

        String cmp = read("tables/modelled-vs-measured.md");
        assertTrue(cmp.contains("| compare-latency-cnn-poly | model=cnn-poly;layer=conv1 | 0.5 | 0.4 | 5 | 25 % |"), cmp);
        assertTrue(cmp.contains("| compare-latency-cnn-poly | 2 | 0.7 | 0.65 | 7.692 % | 22.5 % | 25 % | 1 |"), cmp);

        String published0 = read("tables/published.md");
        assertTrue(published0.contains("| SystemX | Venue 2020 | ImageNet | latency | 63 | ms | FPGA | Author et al., Paper, abstract |"), published0);
        assertTrue(published0.contains("not our measurements"), published0);

        String report = read("REPORT.md");
        assertTrue(report.contains("## Published figures of other systems (not measured here)"), report);
        // Ours come before the published table, which is last and apart.
        assertTrue(report.indexOf("## Models:") < report.indexOf("## Published figures"), report);
        assertTrue(report.contains("![") && report.contains("(plots/accuracy-vs-latency.png)"), report);
        assertTrue(report.contains("cores 2"), "ENV.json summarised");
        // At a glance: findings computed from the same raw figures.
        assertTrue(report.contains("- One ReLU by gmw (dealer) costs 4.813x the online bytes, 8x the rounds and "), report);
        assertTrue(report.contains("- `cnn-poly`: 89.25 % test accuracy, 0 ReLUs, 0.8 ms modelled on zcu104 over lan, 1.75 ms per image measured in 2PC (dealer, one machine), secure accuracy 90 %."), report);
        assertTrue(report.contains("mean absolute relative error 22.5 % over 2 rows, 1 of them within 20 %."), report);
        assertNoStaging();
    }

    @Test
    void aMissingRawFileIsNamedAndNothingStaleSurvives() throws IOException {
        run();
        assertTrue(Files.exists(out.resolve("plots/accuracy-vs-latency.png")));
        Files.writeString(out.resolve("tables/from-an-old-run.md"), "stale");

        // One per-model file gone: the table stays, and names the file whose figures it lost.
        Files.delete(raw.resolve("perfmodel-cnn-poly-cpu-lan.csv"));
        run();
        assertTrue(errText.toString().contains("table models: missing source results/raw/perfmodel-cnn-poly-cpu-lan.csv"
                + " (the table is shown without the figures it would give)"), errText.toString());
        assertTrue(read("tables/models.md").contains("**Missing source: `results/raw/perfmodel-cnn-poly-cpu-lan.csv`**"));
        assertFalse(read("tables/models.md").contains("| 3.2 |"), "the cpu/lan figure is not carried over");

        Files.delete(raw.resolve("train.csv"));
        run();
        String line = "table models: missing source results/raw/train.csv";
        assertTrue(errText.toString().contains(line), errText.toString());
        assertTrue(read("REPORT.md").contains(line), "REPORT.md names the table and the file");
        assertTrue(read("tables/models.md").contains("**Missing source: `results/raw/train.csv`**"));
        // The trainer's figures are gone from the table, not carried over.
        assertFalse(read("tables/models.md").contains("89.25"));
        assertFalse(read("tables/models.md").contains("cnn-relu"));
        assertFalse(Files.exists(out.resolve("plots/accuracy-vs-latency.png")), "plot without its source removed");
        assertTrue(errText.toString().contains("plot accuracy-vs-latency: missing source results/raw/train.csv"));
        assertFalse(Files.exists(out.resolve("tables/from-an-old-run.md")), "stale table removed");

        // Every source of a table gone: the table file goes too, and the report says why.
        Files.delete(raw.resolve("ops-cli.csv"));
        Files.delete(raw.resolve("jmh-ops.csv"));
        Files.delete(raw.resolve("relu-perfmodel-gmw.csv"));
        Files.delete(raw.resolve("relu-perfmodel-millionaire.csv"));
        run();
        assertFalse(Files.exists(out.resolve("tables/relu-cost.md")));
        assertFalse(Files.exists(out.resolve("plots/relu-cost-latency.png")));
        assertFalse(Files.exists(out.resolve("tables/op-costs.md")));
        assertFalse(Files.exists(out.resolve("tables/relu-vs-poly.md")));
        assertFalse(Files.exists(out.resolve("tables/jmh-ops.md")));
        assertFalse(Files.exists(out.resolve("plots/op-cost-vs-size.png")));
        String report = read("REPORT.md");
        assertTrue(report.contains("table op-costs: missing source results/raw/ops-cli.csv (not shown)"), report);
        assertTrue(report.contains("table jmh-ops: missing source results/raw/jmh-*.csv (not shown)"), report);
        assertFalse(report.contains("38.5"), "no op figure survives in REPORT.md");
        assertNoStaging();
    }

    @Test
    void aMalformedRawFileIsAnErrorAndTheOldReportStays() throws IOException {
        run();
        String before = read("REPORT.md");
        Set<String> tables = list("tables");
        List<String> lines = new ArrayList<>(Files.readAllLines(raw.resolve("infer-cnn-poly.csv")));
        lines.set(2, "infer,model=cnn-poly,relu_count,0");
        Files.write(raw.resolve("infer-cnn-poly.csv"), lines);
        ReportException e = assertThrows(ReportException.class, this::run);
        assertTrue(e.getMessage().contains("infer-cnn-poly.csv:3: want 5 fields, got 4"), e.getMessage());
        assertEquals(before, read("REPORT.md"));
        assertEquals(tables, list("tables"));
        assertNoStaging();
    }

    @Test
    void aPublishedFigureWithoutSourceIsRejected() throws IOException {
        Files.writeString(published, "system,venue,workload,metric,value,unit,setting,source\nX,V,W,latency,1,ms,lan,\n");
        ReportException e = assertThrows(ReportException.class, this::run);
        assertTrue(e.getMessage().contains("has no source"), e.getMessage());
    }

    @Test
    void paretoFrontKeepsOnlyUnbeatenPoints() {
        List<double[]> front = Plots.paretoFront(List.of(new double[] {4, 91.5}, new double[] {1, 89.25},
                new double[] {2, 90.5}, new double[] {3, 88.0}, new double[] {2, 85.0}));
        assertEquals(3, front.size());
        assertEquals(List.of(1.0, 2.0, 4.0), front.stream().map(p -> p[0]).toList());
        assertEquals(List.of(89.25, 90.5, 91.5), front.stream().map(p -> p[1]).toList());
    }

    @Test
    void latencyKeyFromConfigOrMetricName() {
        assertEquals("zcu104/lan", Plots.latencyKey(java.util.Map.of("hw", "zcu104", "net", "lan"), "modelled_activation_latency_s"));
        assertEquals("cpu/wan", Plots.latencyKey(java.util.Map.of(), "modelled_activation_latency_s_cpu_wan"));
    }

    private void assertNoStaging() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".report-")), "no staging folder left");
        }
    }

    /**
     * The searched-against-ReLU gain: a ReLU model whose measured online time and bytes per image
     * are 3x and 2.2x those of cnn-poly, against a performance model that says 4x and 2x: latency
     * exactly at the 0.75 bound passes; a little less measured gain fails. Without the ReLU
     * model's inference there is no pair and no gains table.
     */
    @Test
    void gainOfAModelOverItsReluBaselineMeasuredAgainstModelled() throws IOException {
        run();
        assertFalse(Files.exists(out.resolve("tables/gains.md")));
        String relu = Files.readString(raw.resolve("infer-cnn-poly.csv"))
                .replace("model=cnn-poly", "model=cnn-relu")
                .replace("online_time_per_image,1.75,", "online_time_per_image,5.25,")
                .replace("online_bytes_per_image_p0,5000,", "online_bytes_per_image_p0,11000,")
                .replace("online_bytes_per_image_p1,6000,", "online_bytes_per_image_p1,13200,");
        Files.writeString(raw.resolve("infer-cnn-relu.csv"), relu);
        String head = "experiment,config,metric,value,unit\n";
        String cfg = ";batch=1;truncation=local;fracBits=16;hw=cpu;net=none;layer=total,";
        Files.writeString(raw.resolve("perfmodel-cnn-relu-cpu-none.csv"), head
                + "perfmodel,model=cnn-relu" + cfg + "latency,8.0,ms\n" + "perfmodel,model=cnn-relu" + cfg + "online_bytes,4000,bytes\n");
        Files.writeString(raw.resolve("perfmodel-cnn-poly-cpu-none.csv"), head
                + "perfmodel,model=cnn-poly" + cfg + "latency,2.0,ms\n" + "perfmodel,model=cnn-poly" + cfg + "online_bytes,2000,bytes\n");
        run();
        String gains = read("tables/gains.md");
        // modelled 8/2 = 4, measured 5.25/1.75 = 3 (0.75 of modelled: exactly at the bound); bytes 2 and 24200/11000 = 2.2.
        assertTrue(gains.contains("| cnn-poly | cnn-relu | 0 | 4 | 3 | 0.75 | 2 | 2.2 | 1.1 | yes |"), gains);
        Files.writeString(raw.resolve("infer-cnn-relu.csv"), relu.replace("online_time_per_image,5.25,", "online_time_per_image,5.0,"));
        run();
        assertTrue(read("tables/gains.md").contains("| no |"), read("tables/gains.md"));
    }
}
