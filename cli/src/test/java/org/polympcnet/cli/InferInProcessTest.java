package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.ops.Relu;

/**
 * polympc infer with both parties in this process, on small networks written to a temp dir and
 * the synthetic dataset: the secure predictions agree with plaintext on every image, the logits
 * stay within fixed-point error, and the summary and per-layer files carry the documented figures.
 */
class InferInProcessTest {
    static final String DATASET = "synthetic";

    @TempDir
    Path dir;

    private static InferImages data;

    /** The test split of the synthetic set, loaded once for every test class. */
    static synchronized InferImages data() {
        if (data == null) data = InferData.open(DATASET, null);
        return data;
    }

    static int[] shape() {
        return data().shape();
    }

    static int classes() {
        return data().classes();
    }

    /** One row of FILE.csv. */
    record Row(int image, int label, int securePred, String plainPred, String maxLogitError) {}

    static List<Row> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("image,label,secure_pred,plain_pred,max_logit_error", lines.get(0));
        return lines.stream().skip(1).map(l -> {
            String[] f = l.split(",", -1);
            assertEquals(5, f.length, l);
            return new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4]);
        }).toList();
    }

    /** metric -> value of a tidy file, all rows sharing one experiment. */
    static Map<String, String> metrics(Path csv, String experiment) {
        Map<String, String> m = new HashMap<>();
        for (TidyRow r : TidyRow.read(csv)) {
            assertEquals(experiment, r.experiment());
            m.put(r.metric(), r.value());
        }
        return m;
    }

    private Cli.Run infer(Model m, int limit, int batch, String... extra) {
        Path modelDir = InferModels.write(dir.resolve(m.name), m);
        List<String> args = new java.util.ArrayList<>(List.of("--model", modelDir.toString(), "--dataset", DATASET,
                "--limit", "" + limit, "--batch", "" + batch, "--out", dir.resolve("out.csv").toString(),
                "--summary", dir.resolve("summary.csv").toString(), "--layers", dir.resolve("layers.csv").toString()));
        args.addAll(List.of(extra));
        return InferCli.run(args.toArray(String[]::new));
    }

    private void assertAgreesWithPlaintext(Model m, int limit) throws IOException {
        List<Row> rows = rows(dir.resolve("out.csv"));
        assertEquals(limit, rows.size());
        InferImages data = data();
        PlainInference plain = new PlainInference(m);
        for (int i = 0; i < limit; i++) {
            Row r = rows.get(i);
            assertEquals(i, r.image());
            assertEquals(data.label(i), r.label());
            double[] want = plain.logits(InferParty.preprocess(m, data, i));
            assertEquals(InferParty.argmax(want), Integer.parseInt(r.plainPred()), "image " + i + ": plaintext column");
            assertEquals(r.securePred(), Integer.parseInt(r.plainPred()), m.name + " image " + i + ": secure and plaintext predictions agree");
            double err = Double.parseDouble(r.maxLogitError());
            assertTrue(err < 1e-2, m.name + " image " + i + ": max logit error " + err);
        }
        Map<String, String> s = metrics(dir.resolve("summary.csv"), "infer");
        assertEquals(1.0, Double.parseDouble(s.get("agreement")));
        assertTrue(Double.parseDouble(s.get("max_logit_error")) < 1e-2);
        assertEquals("" + limit, s.get("images"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"relu-cnn, 10, 4", "poly-cnn, 9, 9", "maxpool-cnn, 7, 3", "residual, 6, 4"})
    void securePredictionsAgreeWithPlaintextOnEveryImage(String name, int limit, int batch) throws Exception {
        BiFunction<int[], Integer, Model> build = switch (name) {
            case "relu-cnn" -> InferModels::reluCnn;
            case "poly-cnn" -> InferModels::polyCnn;
            case "maxpool-cnn" -> InferModels::maxPoolCnn;
            default -> InferModels::residualNet;
        };
        Model m = build.apply(shape(), classes());
        Cli.Run r = infer(m, limit, batch);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertAgreesWithPlaintext(m, limit);
        assertTrue(r.out().contains("agreement with plaintext 1.0000 (" + limit + "/" + limit + ")"), r.out());
        assertTrue(r.out().contains("projected wan"), r.out());
    }

    @Test
    void summaryAndLayersCarryTimeBytesAndRounds() throws Exception {
        Model m = InferModels.reluCnn(shape(), classes());
        int limit = 10, batch = 4; // batches of 4, 4, 2
        Cli.Run r = infer(m, limit, batch);
        assertEquals(0, r.exit(), r.err());

        Map<String, String> s = metrics(dir.resolve("summary.csv"), "infer");
        String config = TidyRow.read(dir.resolve("summary.csv")).get(0).config();
        assertTrue(config.startsWith("model=relu-cnn;dataset=synthetic;correlations=dealer;transport=memory;batch=4;"), config);
        for (String k : List.of("secure_accuracy", "plain_accuracy", "agreement", "max_logit_error", "online_time_per_image",
                "projected_online_time_per_image_lan", "projected_online_time_per_image_wan", "online_bytes_per_image_p0",
                "online_bytes_per_image_p1", "online_rounds_per_batch", "online_rounds_per_image", "offline_bytes_per_image_p0",
                "offline_bytes_per_image_p1", "relu_count", "wall_time")) {
            assertTrue(s.containsKey(k), k + " in " + s.keySet());
        }
        assertEquals("3", s.get("batches"));
        assertEquals(m.reluCount() + "", s.get("relu_count"));
        double lan = Double.parseDouble(s.get("projected_online_time_per_image_lan"));
        double wan = Double.parseDouble(s.get("projected_online_time_per_image_wan"));
        double measured = Double.parseDouble(s.get("online_time_per_image"));
        assertTrue(measured > 0 && lan > measured && wan > lan, measured + " " + lan + " " + wan);

        // Per layer: the ReLU layers' online bytes are exactly Relu.onlineBytes of their sizes, 8 rounds a batch.
        List<TidyRow> layers = TidyRow.read(dir.resolve("layers.csv"));
        Set<String> names = new TreeSet<>();
        for (TidyRow t : layers) {
            assertEquals("infer_layers", t.experiment());
            names.add(t.configMap().get("layer"));
        }
        assertEquals(new TreeSet<>(List.of("c1", "r1", "p1", "c2", "r2", "f", "fc")), names);
        int perImage = (int) Model.size(m.shape("r1"));
        long want = 2 * Relu.onlineBytes(4 * perImage) + Relu.onlineBytes(2 * perImage);
        for (int p = 0; p < 2; p++) {
            assertEquals((double) want / limit, layerMetric(layers, "r1", "online_bytes_sent_per_image_p" + p), 1e-9);
            assertEquals(Relu.onlineRounds(), layerMetric(layers, "r1", "online_rounds_per_batch_p" + p), 1e-9);
            assertEquals(0.0, layerMetric(layers, "f", "online_bytes_sent_per_image_p" + p), "flatten is local");
        }
        assertEquals(perImage, layerMetric(layers, "r1", "elements_per_image"), 1e-9);
    }

    static double layerMetric(List<TidyRow> rows, String layer, String metric) {
        for (TidyRow t : rows) if (layer.equals(t.configMap().get("layer")) && t.metric().equals(metric)) return Double.parseDouble(t.value());
        throw new AssertionError("no " + metric + " for layer " + layer);
    }

    @Test
    void dealerFreeOnATinyModel() throws Exception {
        Model m = InferModels.tiny(shape(), classes());
        Cli.Run r = infer(m, 5, 5, "--correlations", "ot");
        assertEquals(0, r.exit(), r.err());
        assertAgreesWithPlaintext(m, 5);
        Map<String, String> s = metrics(dir.resolve("summary.csv"), "infer");
        assertTrue(TidyRow.read(dir.resolve("summary.csv")).get(0).config().contains("correlations=ot"));
        // Without a dealer both parties see the same offline traffic: it is all on their one link.
        assertEquals(s.get("offline_bytes_per_image_p0"), s.get("offline_bytes_per_image_p1"));
    }

    @Test
    void overLoopbackTcpWithFaithfulTruncation() throws Exception {
        Model m = InferModels.residualNet(shape(), classes());
        Cli.Run r = infer(m, 3, 2, "--transport", "tcp", "--trunc", "faithful");
        assertEquals(0, r.exit(), r.err());
        assertAgreesWithPlaintext(m, 3);
        assertTrue(TidyRow.read(dir.resolve("summary.csv")).get(0).config().contains("transport=tcp"));
    }

    @Test
    void limitAboveTheTestSplitTakesEveryImageAndOnlyOutIsRequired() throws Exception {
        Model m = InferModels.tiny(shape(), classes());
        Path modelDir = InferModels.write(dir.resolve("tiny"), m);
        int all = data().count();
        Cli.Run r = InferCli.run("--model", modelDir.toString(), "--dataset", DATASET, "--limit", "" + (all + 100), "--batch", "64",
                "--out", dir.resolve("out.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(all, rows(dir.resolve("out.csv")).size());
        assertFalse(Files.exists(dir.resolve("summary.csv")));
        assertEquals(ModelFile.declaredSha256(modelDir), ModelFile.weightsSha256(m));
    }
}
