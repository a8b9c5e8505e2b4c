package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.ops.FssRelu;

/**
 * polympc infer --protocol fss (dealer mode), both parties in this process: ReLU layers and max
 * pool's comparisons by FSS agree with plaintext on every image, a ReLU layer costs 8 bytes an
 * element a party and one round a batch, and --correlations ot is refused with one clear error.
 */
class InferFssTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"relu-cnn, memory", "maxpool-cnn, memory", "relu-cnn, tcp"})
    void fssAgreesWithPlaintextAndCostsOneRoundAReluLayer(String name, String transport) throws Exception {
        int[] in = InferInProcessTest.shape();
        int classes = InferInProcessTest.classes();
        Model m = name.equals("relu-cnn") ? InferModels.reluCnn(in, classes) : InferModels.maxPoolCnn(in, classes);
        Path modelDir = InferModels.write(dir.resolve(m.name), m);
        int limit = 7, batch = 4; // batches of 4 and 3
        Cli.Run r = InferCli.run("--model", modelDir.toString(), "--dataset", InferInProcessTest.DATASET, "--limit", "" + limit,
                "--batch", "" + batch, "--protocol", "fss", "--transport", transport, "--out", dir.resolve("out.csv").toString(),
                "--summary", dir.resolve("summary.csv").toString(), "--layers", dir.resolve("layers.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());

        List<InferInProcessTest.Row> rows = InferInProcessTest.rows(dir.resolve("out.csv"));
        assertEquals(limit, rows.size());
        InferImages data = InferInProcessTest.data();
        PlainInference plain = new PlainInference(m);
        for (int i = 0; i < limit; i++) {
            double[] want = plain.logits(InferParty.preprocess(m, data, i));
            assertEquals(InferParty.argmax(want), rows.get(i).securePred(), m.name + " image " + i);
            assertTrue(Double.parseDouble(rows.get(i).maxLogitError()) < 1e-2, "image " + i + ": " + rows.get(i).maxLogitError());
        }
        Map<String, String> s = InferInProcessTest.metrics(dir.resolve("summary.csv"), "infer");
        assertEquals(1.0, Double.parseDouble(s.get("agreement")));
        assertTrue(TidyRow.read(dir.resolve("summary.csv")).get(0).config().contains("correlations=dealer;protocol=fss-dcf;"));

        List<TidyRow> layers = TidyRow.read(dir.resolve("layers.csv"));
        int perImage = (int) Model.size(m.shape("r1"));
        long want = FssRelu.onlineBytes(4 * perImage) + FssRelu.onlineBytes(3 * perImage);
        for (int p = 0; p < 2; p++) {
            assertEquals((double) want / limit, InferInProcessTest.layerMetric(layers, "r1", "online_bytes_sent_per_image_p" + p), 1e-9);
            assertEquals(1.0, InferInProcessTest.layerMetric(layers, "r1", "online_rounds_per_batch_p" + p), 1e-9);
        }
        if (name.equals("maxpool-cnn")) {
            // A 3 x 3 window's tournament: 9 -> 5 -> 3 -> 2 -> 1, one FSS round a level.
            assertEquals(4.0, InferInProcessTest.layerMetric(layers, "p1", "online_rounds_per_batch_p0"), 1e-9);
        }
    }

    @Test
    void fssWithoutTheDealerIsOneClearUsageError() throws Exception {
        Model m = InferModels.tiny(InferInProcessTest.shape(), InferInProcessTest.classes());
        Path modelDir = InferModels.write(dir.resolve("tiny"), m);
        Path out = dir.resolve("out.csv");
        Cli.Run r = InferCli.run("--model", modelDir.toString(), "--dataset", InferInProcessTest.DATASET, "--limit", "2",
                "--protocol", "fss", "--correlations", "ot", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--protocol fss needs the dealer (--correlations dealer)"), r.err());
        assertFalse(Files.exists(out));
    }
}
