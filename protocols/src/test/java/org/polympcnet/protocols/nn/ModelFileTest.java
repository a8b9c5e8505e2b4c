package org.polympcnet.protocols.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    /** conv(1->2, 3x3, pad 1) - relu - avgpool 2 - conv(2->2) - add(residual) - poly - flatten - linear(2*2*2 -> 3). */
    static Model tiny() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> w = new LinkedHashMap<>();
        tensor(shapes, w, "c1.w", 2, 1, 3, 3);
        tensor(shapes, w, "c1.b", 2);
        tensor(shapes, w, "c2.w", 2, 2, 3, 3);
        tensor(shapes, w, "c2.b", 2);
        tensor(shapes, w, "fc.w", 3, 8);
        tensor(shapes, w, "fc.b", 3);
        List<Layer> layers = List.of(
                new Layer.Conv2d("c1", List.of(), 1, 2, 3, 1, 1, "c1.w", "c1.b"),
                new Layer.Act("r1", List.of(), "relu", null),
                new Layer.Pool("p1", List.of(), "avg", 2, 2),
                new Layer.Conv2d("c2", List.of(), 2, 2, 3, 1, 1, "c2.w", "c2.b"),
                new Layer.Add("res", List.of("c2", "p1")),
                new Layer.Act("q1", List.of(), "poly", new double[] {0.1, 1, 0}),
                new Layer.Flatten("flat", List.of()),
                new Layer.Linear("fc", List.of(), 8, 3, "fc.w", "fc.b"));
        return new Model("tiny", "synthetic", new int[] {1, 4, 4}, 3, new double[] {0.5}, new double[] {0.25}, layers, shapes, w,
                Map.of("accuracy", 0.5));
    }

    private static void tensor(Map<String, int[]> shapes, Map<String, float[]> w, String name, int... shape) {
        shapes.put(name, shape);
        float[] v = new float[(int) Model.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(name.hashCode() + i);
        w.put(name, v);
    }

    @Test
    void writeThenLoadGivesTheSameModel(@TempDir Path dir) {
        Model m = tiny();
        assertEquals(2 * 4 * 4, m.reluCount());
        assertArrayEquals(new int[] {2, 2, 2}, m.shape("res"));
        ModelFile.write(dir, m);
        Model back = ModelFile.load(dir, true);
        assertEquals(m.layers.size(), back.layers.size());
        assertArrayEquals(m.tensor("c2.w"), back.tensor("c2.w"));
        assertEquals(32.0, back.metrics().get("reluCount"));
        Model client = ModelFile.load(dir, false);
        assertFalse(client.hasWeights());
        assertArrayEquals(new int[] {3}, client.outputShape());
        assertEquals(ModelFile.sha256(readAll(dir.resolve("weights.bin"))), ModelFile.declaredSha256(dir));
    }

    @Test
    void corruptWeightsAreRejectedByHash(@TempDir Path dir) throws Exception {
        ModelFile.write(dir, tiny());
        byte[] b = Files.readAllBytes(dir.resolve("weights.bin"));
        b[5] ^= 1;
        Files.write(dir.resolve("weights.bin"), b);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(dir, true));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("sha256"), e.getMessage());
        ModelFile.load(dir, false); // the client never reads weights.bin
    }

    @Test
    void everyBadFieldIsNamed(@TempDir Path dir) throws Exception {
        ModelFile.write(dir, tiny());
        Path json = dir.resolve("model.json");
        ObjectMapper mapper = new ObjectMapper();
        String good = Files.readString(json);
        Map<String, java.util.function.Consumer<ObjectNode>> edits = new LinkedHashMap<>();
        edits.put("layers[0].kernel: missing", r -> ((ObjectNode) r.get("layers").get(0)).remove("kernel"));
        edits.put("format is 'other/2'", r -> r.put("format", "other/2"));
        edits.put(".kind: 'gelu'", r -> ((ObjectNode) r.get("layers").get(1)).put("kind", "gelu"));
        edits.put("classes: 4 but the last layer outputs [3]", r -> r.put("classes", 4));
        edits.put("'fc'.in: 9 but its input has 8 features", r -> ((ObjectNode) r.get("layers").get(7)).put("in", 9));
        edits.put("tensors.c1.w.shape", r -> ((ArrayNode) r.get("tensors").get("c1.w").get("shape")).set(2, 5));
        edits.put("inputs: 'nothing' is not an earlier layer", r -> ((ObjectNode) r.get("layers").get(4)).putArray("inputs").add("c2").add("nothing"));
        edits.put("preprocess.std[0] must be positive", r -> ((ArrayNode) r.get("preprocess").get("std")).set(0, 0.0));
        for (var c : edits.entrySet()) {
            ObjectNode root = (ObjectNode) mapper.readTree(good);
            c.getValue().accept(root);
            Files.writeString(json, mapper.writeValueAsString(root));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(dir, false), c.getKey());
            assertTrue(e.getMessage().contains(c.getKey()) && e.getMessage().contains("model.json"), e.getMessage());
        }
        Files.writeString(json, "{ not json");
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelFile.load(dir, false)).getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelFile.load(dir.resolve("nope"), false)).getMessage().contains("not found"));
    }

    @Test
    void truncatedWeightsNameTheTensor(@TempDir Path dir) throws Exception {
        ModelFile.write(dir, tiny());
        byte[] b = Files.readAllBytes(dir.resolve("weights.bin"));
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 8);
        Files.write(dir.resolve("weights.bin"), cut);
        String json = Files.readString(dir.resolve("model.json"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("model.json"), json.replace(ModelFile.sha256(b), ModelFile.sha256(cut)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(dir, true));
        assertTrue(e.getMessage().contains("fc.b") && e.getMessage().contains("does not fit"), e.getMessage());
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
