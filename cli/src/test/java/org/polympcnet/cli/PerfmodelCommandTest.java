package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.ops.MillionaireDRelu;
import org.polympcnet.protocols.ops.MillionaireDigits;
import org.polympcnet.protocols.ops.MillionaireRelu;
import org.polympcnet.protocols.ops.Relu;

/** polympc perfmodel and calibrate: tidy rows per layer and total, a Gantt chart, single ops, clear errors. */
class PerfmodelCommandTest {
    @TempDir
    Path dir;

    /** conv, relu, max pool, flatten, linear, poly, linear on 1 x 8 x 8 images. */
    static Path writeModel(Path dir) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> w = new LinkedHashMap<>();
        for (Object[] t : new Object[][] {{"c1.w", new int[] {4, 1, 3, 3}}, {"c1.b", new int[] {4}}, {"fc1.w", new int[] {16, 64}},
                {"fc1.b", new int[] {16}}, {"fc2.w", new int[] {10, 16}}, {"fc2.b", new int[] {10}}}) {
            shapes.put((String) t[0], (int[]) t[1]);
            w.put((String) t[0], new float[(int) Model.size((int[]) t[1])]);
        }
        List<Layer> layers = List.of(
                new Layer.Conv2d("c1", List.of(), 1, 4, 3, 1, 1, "c1.w", "c1.b"),
                new Layer.Act("r1", List.of(), "relu", null),
                new Layer.Pool("p1", List.of(), "max", 2, 2),
                new Layer.Flatten("f", List.of()),
                new Layer.Linear("fc1", List.of(), 64, 16, "fc1.w", "fc1.b"),
                new Layer.Act("q1", List.of(), "poly", new double[] {0.05, 1, 0}),
                new Layer.Linear("fc2", List.of(), 16, 10, "fc2.w", "fc2.b"));
        Model m = new Model("tiny", "synthetic", new int[] {1, 8, 8}, 10, new double[] {0.5}, new double[] {0.25}, layers, shapes, w, Map.of());
        Path d = dir.resolve("tiny");
        ModelFile.write(d, m);
        return d;
    }

    static Map<String, String> metrics(List<TidyRow> rows, String layer) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TidyRow r : rows) if (layer.equals(r.configMap().get("layer"))) m.put(r.metric(), r.value());
        return m;
    }

    /** --relu-protocol millionaire: the single op's per-party bytes and a model's ReLU layer follow the millionaire's formulas. */
    @Test
    void millionaireReluProtocol() throws Exception {
        Path out = dir.resolve("mill.csv");
        Cli.Run r = Cli.run("perfmodel", "--op", "drelu", "--n", "4096", "--hw", "zcu104", "--relu-protocol", "millionaire", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<TidyRow> rows = TidyRow.read(out);
        assertEquals("millionaire-cryptflow2", rows.get(0).configMap().get("protocol"));
        Map<String, String> m = new java.util.HashMap<>();
        for (TidyRow x : rows) m.put(x.metric(), x.value());
        MillionaireDigits d = MillionaireDigits.of("dealer");
        for (int p = 0; p < 2; p++) assertEquals(Long.toString(MillionaireDRelu.onlineBytes(d, p, 4096)), m.get("online_bytes_p" + p));
        assertEquals(Integer.toString(Math.max(MillionaireDRelu.onlineRounds(d, 0), MillionaireDRelu.onlineRounds(d, 1))), m.get("online_rounds"));

        Path model = writeModel(dir), pm = dir.resolve("pm-mill.csv");
        Cli.Run rm = Cli.run("perfmodel", "--model", model.toString(), "--hw", "zcu104", "--relu-protocol", "millionaire", "--out", pm.toString());
        assertEquals(0, rm.exit(), rm.err());
        List<TidyRow> layers = TidyRow.read(pm);
        assertEquals("millionaire-cryptflow2", layers.get(0).configMap().get("comparison"));
        assertEquals(MillionaireRelu.onlineBytes(d, 0, 4 * 8 * 8), Long.parseLong(metrics(layers, "r1").get("online_bytes")));
    }

    @Test
    void modelRowsPerLayerAndTotalAndAGanttChart() throws Exception {
        Path model = writeModel(dir), out = dir.resolve("pm.csv"), png = dir.resolve("pm.png");
        Cli.Run r = Cli.run("perfmodel", "--model", model.toString(), "--hw", "zcu104", "--net", "lan", "--out", out.toString(), "--gantt", png.toString());
        assertEquals(0, r.exit(), r.err());
        List<TidyRow> rows = TidyRow.read(out);
        List<String> layers = rows.stream().map(x -> x.configMap().get("layer")).distinct().collect(Collectors.toList());
        assertEquals(List.of("c1", "r1", "p1", "f", "fc1", "q1", "fc2", "total"), layers);
        Map<String, String> c1 = rows.get(0).configMap();
        assertEquals("tiny", c1.get("model"));
        assertEquals("zcu104", c1.get("hw"));
        assertEquals("lan", c1.get("net"));
        assertEquals("linear0", c1.get("engine"));
        assertEquals(List.of("start", "end", "latency", "online_bytes", "rounds", "tiles"), new ArrayList<>(metrics(rows, "r1").keySet()));
        assertEquals(Relu.onlineBytes(4 * 8 * 8), Long.parseLong(metrics(rows, "r1").get("online_bytes")));
        double total = Double.parseDouble(metrics(rows, "total").get("latency"));
        for (String l : layers.subList(0, 7)) assertTrue(Double.parseDouble(metrics(rows, l).get("end")) <= total + 1e-9);
        byte[] image = Files.readAllBytes(png);
        assertEquals((byte) 0x89, image[0]);
        assertTrue(r.out().contains("perfmodel: tiny on zcu104"), r.out());
    }

    @Test
    void sweepPicksAnAllocationNoSlowerThanTheStandardOne() throws Exception {
        Path model = writeModel(dir), out = dir.resolve("pm.csv"), sweep = dir.resolve("sweep.csv");
        Cli.Run r = Cli.run("perfmodel", "--model", model.toString(), "--hw", "zcu104", "--net", "gbe", "--sweep", "--sweep-out", sweep.toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        double best = Double.NaN, standard = Double.NaN;
        for (TidyRow row : TidyRow.read(sweep)) {
            if (!row.metric().equals("latency")) continue;
            if (row.configMap().get("choice").equals("best")) best = Double.parseDouble(row.value());
            if (row.configMap().get("choice").equals("standard")) standard = Double.parseDouble(row.value());
        }
        assertTrue(best <= standard || Double.isNaN(standard), best + " vs " + standard);
        assertEquals(best, Double.parseDouble(metrics(TidyRow.read(out), "total").get("latency")), 1e-9);
    }

    @Test
    void latencyTableForTheTrainer() throws Exception {
        Path model = writeModel(dir), out = dir.resolve("pm.csv"), table = dir.resolve("table.csv");
        Cli.Run r = Cli.run("perfmodel", "--model", model.toString(), "--hw", "zcu104", "--net", "lan", "--out", out.toString(),
                "--table", table.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Double> ms = new LinkedHashMap<>();
        for (TidyRow row : TidyRow.read(table)) {
            if (row.metric().equals("latency")) ms.put(row.configMap().get("layer") + ":" + row.configMap().get("choice"), Double.parseDouble(row.value()));
        }
        assertEquals(List.of("r1:relu", "r1:poly", "p1:max", "p1:avg", "q1:relu", "q1:poly"), new ArrayList<>(ms.keySet()));
        assertTrue(ms.get("r1:poly") < ms.get("r1:relu") && ms.get("p1:avg") < ms.get("p1:max"), ms.toString());
    }

    @Test
    void singleOpOnTheCpuWithAQuickCalibration() throws Exception {
        Path cal = dir.resolve("cal.json"), out = dir.resolve("relu.csv");
        Cli.Run c = Cli.run("calibrate", "--quick", "--out", cal.toString());
        assertEquals(0, c.exit(), c.err());
        Cli.Run r = Cli.run("perfmodel", "--op", "relu", "--n", "4096", "--hw", "cpu", "--calibration", cal.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<TidyRow> rows = TidyRow.read(out);
        Map<String, String> config = rows.get(0).configMap();
        for (String k : List.of("op", "n", "truncation", "fracBits", "hw", "net")) assertTrue(config.containsKey(k), k);
        assertEquals("online_time", rows.get(0).metric());
        assertEquals("cpu", config.get("engine"));
        assertTrue(Double.parseDouble(rows.get(0).value()) > 0);
        assertEquals(Long.toString(Relu.onlineBytes(4096)), rows.stream().filter(x -> x.metric().equals("online_bytes_p0")).findFirst().get().value());
    }

    @Test
    void referenceArchitecturesNeedNoModelDirectory() throws Exception {
        for (String ref : List.of("mnist-cnn", "cifar-vgg")) {
            Path out = dir.resolve(ref + ".csv"), png = dir.resolve(ref + ".png");
            Cli.Run r = Cli.run("perfmodel", "--reference", ref, "--hw", "zcu104", "--net", "lan", "--out", out.toString(), "--gantt", png.toString());
            assertEquals(0, r.exit(), r.err());
            List<TidyRow> rows = TidyRow.read(out);
            assertEquals(ref, rows.get(0).configMap().get("model"));
            assertTrue(rows.stream().anyMatch(x -> "total".equals(x.configMap().get("layer")) && x.metric().equals("latency")));
            assertTrue(rows.stream().anyMatch(x -> "relu1".equals(x.configMap().get("layer"))));
            assertTrue(Files.size(png) > 1000);
            Files.delete(out);
            Files.delete(png);
        }
        String out = dir.resolve("x.csv").toString();
        assertOneError(Cli.run("perfmodel", "--reference", "alexnet", "--hw", "zcu104", "--out", out), 2, "alexnet", "mnist-cnn");
        assertOneError(Cli.run("perfmodel", "--op", "square", "--n", "64", "--hw", "zcu104", "--relu-protocol", "millionaire", "--out", out), 2,
                "--relu-protocol");
        // FSS: one flight of 8 bytes an element (the spec of issue 8), priced on the FSS engine.
        Cli.Run fss = Cli.run("perfmodel", "--op", "relu", "--n", "64", "--hw", "zcu104", "--relu-protocol", "fss", "--out", out);
        assertEquals(0, fss.exit(), fss.err());
        Map<String, String> fm = new java.util.HashMap<>();
        for (TidyRow x : TidyRow.read(Path.of(out))) fm.put(x.metric(), x.value());
        assertEquals("1", fm.get("online_rounds"));
        assertEquals("512", fm.get("online_bytes_p0"));
        Files.delete(Path.of(out));
        assertOneError(Cli.run("perfmodel", "--reference", "mnist-cnn", "--op", "relu", "--n", "4", "--hw", "zcu104", "--out", out), 2,
                "one of --model DIR, --reference NAME or --op");
    }

    private void assertOneError(Cli.Run r, int exit, String... fragments) throws Exception {
        assertEquals(exit, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(Errors.PREFIX), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in " + r.err());
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".csv") || p.getFileName().toString().endsWith(".tmp")),
                    "no output or temp file");
        }
    }

    @Test
    void badInputGetsOneClearError() throws Exception {
        String out = dir.resolve("x.csv").toString();
        assertOneError(Cli.run("perfmodel", "--model", dir.resolve("absent").toString(), "--hw", "zcu104", "--out", out), 1, "--model", "absent");
        assertOneError(Cli.run("perfmodel", "--model", dir.toString(), "--hw", "zcu104", "--out", out), 1, "model.json", "not found");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--n", "64", "--hw", "tpu", "--out", out), 2, "--hw", "tpu");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--n", "64", "--hw", "cpu", "--out", out), 2, "--calibration");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--n", "64", "--hw", "cpu", "--calibration", dir.resolve("no.json").toString(),
                "--out", out), 1, "no.json", "polympc calibrate");
        assertOneError(Cli.run("perfmodel", "--op", "sigmoid", "--n", "64", "--hw", "zcu104", "--out", out), 2, "sigmoid");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--hw", "zcu104", "--out", out), 2, "--n");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--n", "4", "--hw", "zcu104", "--net", "moon", "--out", out), 2, "moon");
        assertOneError(Cli.run("perfmodel", "--op", "relu", "--n", "4", "--hw", "zcu104", "--out", dir.resolve("none/x.csv").toString()), 1,
                "none/x.csv");
    }
}
