package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** polympc compare-latency: joins on config keys, medians of repeated runs, per-row and total error. */
class CompareLatencyCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String... rows) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "experiment,config,metric,value,unit\n" + String.join("\n", rows) + "\n");
        return p;
    }

    private static Map<String, Double> values(Path out, String config) {
        Map<String, Double> m = new HashMap<>();
        for (TidyRow r : TidyRow.read(out)) if (r.config().equals(config)) m.put(r.metric(), Double.parseDouble(r.value()));
        return m;
    }

    @Test
    void joinsOnKeysAndComparesWithTheMedianOfRuns() throws Exception {
        Path model = csv("model.csv",
                "perfmodel,op=relu;n=4096;truncation=local;fracBits=16;hw=cpu;net=none;engine=cpu,online_time,2.0,ms",
                "perfmodel,op=relu;n=4096;truncation=local;fracBits=16;hw=cpu;net=none,online_bytes_p0,157696,bytes",
                "perfmodel,op=poly;n=4096;truncation=local;fracBits=16;hw=cpu;net=none;engine=cpu,online_time,0.001,s",
                "perfmodel,op=square;n=4096;truncation=local;fracBits=16;hw=cpu;net=none;engine=cpu,online_time,0.5,ms");
        Path meas = csv("meas.csv",
                "op,op=relu;n=4096;transport=memory;truncation=local;fracBits=16;correlations=dealer,online_time,1.0,ms",
                "op,op=relu;n=4096;transport=memory;truncation=local;fracBits=16;correlations=dealer,online_time,2.5,ms",
                "op,op=relu;n=4096;transport=memory;truncation=local;fracBits=16;correlations=dealer,online_time,1.6,ms",
                "op,op=relu;n=4096;transport=memory;truncation=local;fracBits=16;correlations=dealer,wall_time,99,ms",
                "op,op=poly;n=4096;transport=memory;truncation=local;fracBits=16;correlations=dealer,online_time,1250,us");
        Path out = dir.resolve("cmp.csv");
        Cli.Run r = Cli.run("compare-latency", "--modelled", model.toString(), "--measured", meas.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Double> relu = values(out, "op=relu;n=4096;truncation=local;fracBits=16");
        assertEquals(2.0, relu.get("modelled"));
        assertEquals(1.6, relu.get("measured_median"));
        assertEquals(3, relu.get("measured_runs"));
        assertEquals(0.25, relu.get("relative_error"), 1e-12);
        Map<String, Double> poly = values(out, "op=poly;n=4096;truncation=local;fracBits=16");
        assertEquals(-0.2, poly.get("relative_error"), 1e-12);
        Map<String, Double> total = values(out, "total=all");
        assertEquals(3.0, total.get("modelled"), 1e-12);
        assertEquals(2.85, total.get("measured_median"), 1e-12);
        assertEquals(2, total.get("rows"));
        assertEquals(1, total.get("rows_within_20pct"));
        assertEquals(0.225, total.get("mean_abs_relative_error"), 1e-12);
        assertTrue(r.err().contains("1 modelled row(s) have no measured counterpart"), r.err());
    }

    @Test
    void measuredRunsThatDifferOutsideTheKeyNeedAFilter() throws Exception {
        Path model = csv("model.csv", "perfmodel,op=relu;n=64;truncation=local;fracBits=16,online_time,2.0,ms");
        Path meas = csv("meas.csv",
                "op,op=relu;n=64;transport=memory;truncation=local;fracBits=16,online_time,1.0,ms",
                "op,op=relu;n=64;transport=tcp;truncation=local;fracBits=16,online_time,3.0,ms");
        Path out = dir.resolve("cmp.csv");
        Cli.Run bad = Cli.run("compare-latency", "--modelled", model.toString(), "--measured", meas.toString(), "--out", out.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("meas.csv:3") && bad.err().contains("--where"), bad.err());
        assertTrue(Files.notExists(out));
        Cli.Run ok = Cli.run("compare-latency", "--modelled", model.toString(), "--measured", meas.toString(), "--out", out.toString(),
                "--where", "transport=tcp");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(3.0, values(out, "op=relu;n=64;truncation=local;fracBits=16").get("measured_median"));
    }

    @Test
    void modelledBytesEqualWhatPolympcOpCounts() throws Exception {
        // perfmodel --op writes polympc op's config keys and metric names; its exact counts equal the channels' counts.
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 100; i++) in.append(i % 9 - 4).append('\n');
        Path input = Files.writeString(dir.resolve("in.txt"), in);
        for (String op : List.of("relu", "square")) {
            Path meas = dir.resolve(op + "-meas.csv"), model = dir.resolve(op + "-model.csv");
            assertEquals(0, Cli.run("op", op, "--input", input.toString(), "--output", dir.resolve("o.txt").toString(),
                    "--stats-csv", meas.toString()).exit());
            assertEquals(0, Cli.run("perfmodel", "--op", op, "--n", "100", "--hw", "zcu104", "--out", model.toString()).exit());
            Map<String, String> m = new HashMap<>(), x = new HashMap<>();
            for (TidyRow r : TidyRow.read(model)) m.put(r.metric(), r.value());
            for (TidyRow r : TidyRow.read(meas)) x.put(r.metric(), r.value());
            for (String metric : List.of("online_bytes_p0", "online_bytes_p1", "online_rounds", "offline_bytes_p0", "offline_bytes_p1")) {
                assertEquals(x.get(metric), m.get(metric), op + " " + metric);
            }
        }
    }

    @Test
    void noJoinIsAnError() throws Exception {
        Path model = csv("model.csv", "perfmodel,op=relu;n=64,online_time,2.0,ms");
        Path meas = csv("meas.csv", "op,op=relu;n=65,online_time,2.0,ms");
        Cli.Run r = Cli.run("compare-latency", "--modelled", model.toString(), "--measured", meas.toString(), "--out", dir.resolve("c.csv").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no row of") && r.err().contains("model.csv"), r.err());
        Path bad = csv("bad.csv", "op,op=relu;n=64,online_time,fast,ms");
        Cli.Run r2 = Cli.run("compare-latency", "--modelled", model.toString(), "--measured", bad.toString(), "--out", dir.resolve("c.csv").toString());
        assertEquals(1, r2.exit());
        assertTrue(r2.err().contains("bad.csv:2: value 'fast' is not a number"), r2.err());
        Cli.Run r3 = Cli.run("compare-latency", "--modelled", dir.resolve("nope.csv").toString(), "--measured", meas.toString(),
                "--out", dir.resolve("c.csv").toString());
        assertEquals(1, r3.exit());
        assertTrue(r3.err().contains("nope.csv: no such file"), r3.err());
    }

    @Test
    void measureRunsOpsAndSequencesAndModelsThemOnTheCpu() throws Exception {
        Path cal = dir.resolve("cal.json");
        assertEquals(0, Cli.run("calibrate", "--quick", "--out", cal.toString()).exit());
        Path meas = dir.resolve("meas.csv"), model = dir.resolve("model.csv"), out = dir.resolve("cmp.csv");
        Cli.Run r = Cli.run("compare-latency", "--measure", "--calibration", cal.toString(), "--point", "relu,square:64",
                "--point", "matmul+relu:8", "--runs", "2", "--warmup", "1", "--deadline", "60", "--tolerated-wait", "1e9",
                "--measured", meas.toString(), "--modelled", model.toString(), "--out", out.toString());
        // Every run is kept (a busy test machine would discard them all): the mechanics, not the figures.
        assertEquals(0, r.exit(), r.err() + r.out());
        List<TidyRow> modelled = TidyRow.read(model);
        for (String op : List.of("relu", "square", "matmul+relu")) {
            assertTrue(modelled.stream().anyMatch(x -> op.equals(x.configMap().get("op")) && x.metric().equals("online_time")
                    && Double.parseDouble(x.value()) > 0), op);
        }
        assertTrue(modelled.stream().anyMatch(x -> "matmul+relu".equals(x.configMap().get("op")) && x.metric().equals("online_rounds")
                && x.value().equals("9")), "matmul (1 round, local truncation) then relu (8 rounds)");
        for (TidyRow m : TidyRow.read(meas)) {
            assertEquals("online_time", m.metric());
            assertEquals("warm", m.configMap().get("jvm"));
        }
        assertEquals(3, values(out, "total=all").get("rows"));
        assertEquals(6, TidyRow.read(meas).size());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".compare-latency")), "scratch directory removed");
        }
    }

    @Test
    void measureArgumentsAreChecked() throws Exception {
        String out = dir.resolve("x.csv").toString();
        Cli.Run r = Cli.run("compare-latency", "--measure", "--out", out);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--calibration"), r.err());
        r = Cli.run("compare-latency", "--out", out);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--measure"), r.err());
        Path cal = dir.resolve("cal.json");
        assertEquals(0, Cli.run("calibrate", "--quick", "--out", cal.toString()).exit());
        r = Cli.run("compare-latency", "--measure", "--calibration", cal.toString(), "--point", "relu+matmul:4", "--out", out);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("relu+matmul:4") && r.err().contains("matmul can only come first"), r.err());
        r = Cli.run("compare-latency", "--measure", "--calibration", cal.toString(), "--point", "relu", "--out", out);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("OPS:N"), r.err());
        assertTrue(!Files.exists(Path.of(out)));
    }
}
