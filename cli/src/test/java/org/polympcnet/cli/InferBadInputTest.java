package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.protocols.nn.Model;

/**
 * Bad input to polympc infer ends with one error line naming the argument or file, a non-zero
 * exit (2 for usage, 1 at run time), and no output file, not even a partial one or a temp file.
 */
class InferBadInputTest {
    @TempDir
    Path dir;

    private Path modelDir;

    @BeforeEach
    void writeModel() {
        Model m = InferModels.tiny(InferInProcessTest.shape(), InferInProcessTest.classes());
        modelDir = InferModels.write(dir.resolve("model"), m);
    }

    private Cli.Run infer(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve("out.csv").toString(), "--summary", dir.resolve("s.csv").toString(),
                "--layers", dir.resolve("l.csv").toString()));
        return InferCli.run(all.toArray(String[]::new));
    }

    private void assertOneErrorAndNoOutput(Cli.Run r, int exit, String... fragments) throws Exception {
        assertEquals(exit, r.exit(), r.err());
        assertTrue(r.err().startsWith(Errors.PREFIX), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        try (var s = Files.list(dir)) {
            assertEquals(List.of("model"), s.map(p -> p.getFileName().toString()).toList(), "no output or temp files");
        }
        assertEquals("", r.out());
    }

    @Test
    void missingModelDirectory() throws Exception {
        Path missing = dir.resolve("no-such-model");
        assertOneErrorAndNoOutput(infer("--model", missing.toString(), "--dataset", "synthetic"), 1, "--model " + missing + ": no such directory");
    }

    @Test
    void modelDirectoryWithoutModelJson() throws Exception {
        Files.delete(modelDir.resolve("model.json"));
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic"), 1, modelDir.resolve("model.json") + ": not found");
    }

    @Test
    void corruptWeightsNameTheFile() throws Exception {
        Path w = modelDir.resolve("weights.bin");
        byte[] b = Files.readAllBytes(w);
        b[b.length / 2] ^= 0x40;
        Files.write(w, b);
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic"), 1, w + ": sha256 is",
                "corrupt or mismatched weights");
    }

    @Test
    void missingTensorIsNamed() throws Exception {
        Path json = modelDir.resolve("model.json");
        String text = Files.readString(json);
        // Rename the tensor entry "fc.b" so that the layer's bias names a tensor that is not there.
        Files.writeString(json, text.replace("\"fc.b\" : {", "\"fc.bias\" : {"));
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic"), 1, "tensor 'fc.b' is not in tensors");
    }

    @Test
    void unknownDataset() throws Exception {
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "imagenet"), 2, "--dataset: unknown dataset 'imagenet'");
    }

    @Test
    void datasetFilesThatAreNotThere() throws Exception {
        Path missing = dir.resolve("no-idx-here");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "mnist", "--data-dir", missing.toString()), 1,
                "--data-dir " + missing + ": no such directory");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "cifar10"), 1, "cifar10", "--data-dir");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic", "--data-dir", dir.toString()), 1,
                "synthetic images are generated", "--data-dir");
    }

    @Test
    void badLimit() throws Exception {
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic", "--limit", "0"), 2,
                "--limit must be a positive number of images, got 0");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic", "--limit", "ten"), 2, "--limit", "ten");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic", "--batch", "0"), 2, "--batch must be in 1..");
    }

    @Test
    void imagesThatDoNotFitTheModel() throws Exception {
        int[] in = InferInProcessTest.shape();
        Model other = InferModels.tiny(new int[] {in[0], in[1] + 4, in[2] + 4}, InferInProcessTest.classes());
        InferModels.write(modelDir, other);
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic"), 1, "--dataset synthetic has images",
                "but --model tiny takes");
    }

    @Test
    void optionsOfTheWrongParty() throws Exception {
        assertOneErrorAndNoOutput(InferCli.run("--party", "0", "--listen", "7000", "--model", modelDir.toString(), "--correlations", "ot",
                "--dataset", "synthetic"), 2, "--dataset is not for party 0");
        assertOneErrorAndNoOutput(InferCli.run("--party", "1", "--connect", "localhost:7000", "--dataset", "synthetic",
                "--out", dir.resolve("out.csv").toString()), 2, "--dealer");
        assertOneErrorAndNoOutput(InferCli.run("--model", modelDir.toString(), "--dataset", "synthetic"), 2, "needs --out");
        assertOneErrorAndNoOutput(infer("--model", modelDir.toString(), "--dataset", "synthetic", "--listen", "7000"), 2,
                "--listen is for runs across two processes");
    }

    @Test
    void unwritableOutput() throws Exception {
        Cli.Run r = InferCli.run("--model", modelDir.toString(), "--dataset", "synthetic",
                "--out", dir.resolve("no-such-dir").resolve("out.csv").toString());
        assertOneErrorAndNoOutput(r, 1, "cannot write", "no such directory");
    }
}
