package org.polympcnet.protocols.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.protocols.io.AtomicFile;

/**
 * Reads and writes the model interchange format (DESIGN.md): model.json + weights.bin
 * (little-endian float32, row-major). Loading verifies the format tag, every field, the sha256 of
 * weights.bin and every tensor's shape and extent; errors name the file and the field. The client
 * of secure inference loads without weights and never opens weights.bin. Writing is atomic:
 * both files go to temp names first and are renamed into place, weights before model.json.
 */
public final class ModelFile {
    public static final String JSON = "model.json", WEIGHTS = "weights.bin";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {}

    /** Loads model.json (and weights.bin when withWeights) from dir. */
    public static Model load(Path dir, boolean withWeights) {
        Path json = dir.resolve(JSON);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(json));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(json + ": not found");
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(json + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ModelFormatException(json + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root, json.toString(), withWeights ? dir.resolve(WEIGHTS) : null);
    }

    /**
     * A model's architecture (no weights) from model.json bytes received from a peer: what the
     * client of secure inference learns. source names the sender in errors.
     */
    public static Model fromArchitecture(byte[] modelJson, String source) {
        try {
            return parse(MAPPER.readTree(modelJson), source, null);
        } catch (IOException e) {
            throw new ModelFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Model parse(JsonNode root, String json, Path weightsFile) {
        Fields f = new Fields(json);
        String format = f.text(root, "format");
        if (!Model.FORMAT.equals(format)) throw new ModelFormatException(json + ": format is '" + format + "', want '" + Model.FORMAT + "'");
        int[] input = f.ints(root, "input");
        JsonNode pre = f.obj(root, "preprocess");
        double[] mean = f.doubles(pre, "mean", "preprocess.mean"), std = f.doubles(pre, "std", "preprocess.std");
        for (int i = 0; i < std.length; i++) if (!(std[i] > 0)) throw new ModelFormatException(json + ": preprocess.std[" + i + "] must be positive");

        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, Long> offsets = new LinkedHashMap<>();
        JsonNode tensors = f.obj(root, "tensors");
        for (var it = tensors.fields(); it.hasNext(); ) {
            var e = it.next();
            String where = "tensors." + e.getKey();
            shapes.put(e.getKey(), f.ints(e.getValue(), "shape", where + ".shape"));
            offsets.put(e.getKey(), f.nonNegativeLong(e.getValue(), "offset", where + ".offset"));
        }
        List<Layer> layers = new ArrayList<>();
        JsonNode ls = root.get("layers");
        if (ls == null || !ls.isArray()) throw new ModelFormatException(json + ": layers: missing or not an array");
        for (int i = 0; i < ls.size(); i++) layers.add(parseLayer(f, ls.get(i), "layers[" + i + "]"));

        Map<String, float[]> weights = null;
        if (weightsFile != null) weights = readWeights(weightsFile, f.text(root, "sha256"), shapes, offsets);
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonNode m = root.get("metrics");
        if (m != null && m.isObject()) m.fields().forEachRemaining(e -> { if (e.getValue().isNumber()) metrics.put(e.getKey(), e.getValue().asDouble()); });
        try {
            return new Model(f.text(root, "name"), f.text(root, "dataset"), input, f.integer(root, "classes", "classes"), mean, std,
                    layers, shapes, weights, metrics);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(json + ": " + e.getMessage(), e);
        }
    }

    /** The sha256 of weights.bin as model.json states it, without reading the weights. */
    public static String declaredSha256(Path dir) {
        try {
            JsonNode root = MAPPER.readTree(Files.readAllBytes(dir.resolve(JSON)));
            return new Fields(dir.resolve(JSON).toString()).text(root, "sha256");
        } catch (IOException e) {
            throw new ModelFormatException(dir.resolve(JSON) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Layer parseLayer(Fields f, JsonNode n, String where) {
        if (n == null || !n.isObject()) throw new ModelFormatException(f.file + ": " + where + ": not an object");
        String name = f.text(n, "name", where + ".name"), type = f.text(n, "type", where + ".type");
        List<String> inputs = new ArrayList<>();
        JsonNode in = n.get("inputs");
        if (in != null) {
            if (!in.isArray()) throw new ModelFormatException(f.file + ": " + where + ".inputs: not an array");
            in.forEach(x -> inputs.add(x.asText()));
        }
        switch (type) {
            case "conv2d":
                return new Layer.Conv2d(name, inputs, f.integer(n, "in", where + ".in"), f.integer(n, "out", where + ".out"),
                        f.integer(n, "kernel", where + ".kernel"), f.integer(n, "stride", where + ".stride"), f.integer(n, "pad", where + ".pad"),
                        f.text(n, "weight", where + ".weight"), f.text(n, "bias", where + ".bias"));
            case "linear":
                return new Layer.Linear(name, inputs, f.integer(n, "in", where + ".in"), f.integer(n, "out", where + ".out"),
                        f.text(n, "weight", where + ".weight"), f.text(n, "bias", where + ".bias"));
            case "act": {
                String kind = f.text(n, "kind", where + ".kind");
                double[] c = kind.equals("poly") ? f.doubles(n, "coeffs", where + ".coeffs") : null;
                return new Layer.Act(name, inputs, kind, c);
            }
            case "pool":
                return new Layer.Pool(name, inputs, f.text(n, "kind", where + ".kind"), f.integer(n, "kernel", where + ".kernel"),
                        f.integer(n, "stride", where + ".stride"));
            case "add":
                return new Layer.Add(name, inputs);
            case "flatten":
                return new Layer.Flatten(name, inputs);
            default:
                throw new ModelFormatException(f.file + ": " + where + ".type: '" + type + "' (want conv2d, linear, act, pool, add or flatten)");
        }
    }

    private static Map<String, float[]> readWeights(Path file, String sha, Map<String, int[]> shapes, Map<String, Long> offsets) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file + ": not found");
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        String got = sha256(bytes);
        if (!got.equalsIgnoreCase(sha)) {
            throw new ModelFormatException(file + ": sha256 is " + got + " but model.json says " + sha + " (corrupt or mismatched weights)");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> w = new LinkedHashMap<>();
        for (var e : shapes.entrySet()) {
            long size = Model.size(e.getValue()), off = offsets.get(e.getKey());
            if (off % 4 != 0 || off + 4 * size > bytes.length) {
                throw new ModelFormatException(file + ": tensor '" + e.getKey() + "' (offset " + off + ", " + size
                        + " floats) does not fit in " + bytes.length + " bytes");
            }
            float[] t = new float[(int) size];
            bb.asFloatBuffer().get((int) (off / 4), t);
            w.put(e.getKey(), t);
        }
        return w;
    }

    /** Writes model.json + weights.bin into dir (created if needed), atomically. */
    public static void write(Path dir, Model m) {
        try {
            Files.createDirectories(dir);
            byte[] weights = weightsBytes(m);
            writeAtomically(dir.resolve(WEIGHTS), weights);
            writeAtomically(dir.resolve(JSON), MAPPER.writeValueAsBytes(toJson(m, sha256(weights))));
        } catch (IOException e) {
            throw new ModelFormatException("cannot write model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** weights.bin of a model with weights: its tensors in order, little-endian float32. */
    static byte[] weightsBytes(Model m) {
        long total = 0;
        for (String t : m.tensorNames()) total += 4 * Model.size(m.tensorShapes().get(t));
        ByteBuffer bb = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        for (String t : m.tensorNames()) for (float v : m.tensor(t)) bb.putFloat(v);
        return bb.array();
    }

    /** The sha256 that model.json states for this model's weights.bin. */
    public static String weightsSha256(Model m) {
        return sha256(weightsBytes(m));
    }

    /** model.json for the architecture alone, stating the given weights hash: what a server shows a client. */
    public static byte[] architectureJson(Model m, String weightsSha256) {
        try {
            return MAPPER.writeValueAsBytes(toJson(m, weightsSha256));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render model " + m.name, e);
        }
    }

    /** The hex sha256 stated in a model.json's bytes. */
    public static String statedSha256(byte[] modelJson, String source) {
        try {
            return new Fields(source).text(MAPPER.readTree(modelJson), "sha256");
        } catch (IOException e) {
            throw new ModelFormatException(source + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(Model m, String sha) {
        List<String> names = m.tensorNames();
        long offset = 0;
        ObjectNode tensors = MAPPER.createObjectNode();
        for (String t : names) {
            ObjectNode tn = tensors.putObject(t);
            tn.put("offset", offset);
            ArrayNode sh = tn.putArray("shape");
            for (int d : m.tensorShapes().get(t)) sh.add(d);
            offset += 4 * Model.size(m.tensorShapes().get(t));
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Model.FORMAT);
        root.put("name", m.name);
        root.put("dataset", m.dataset);
        ArrayNode in = root.putArray("input");
        for (int d : m.input) in.add(d);
        root.put("classes", m.classes);
        ObjectNode pre = root.putObject("preprocess");
        pre.put("scale", "pixels / 255");
        ArrayNode mean = pre.putArray("mean"), std = pre.putArray("std");
        for (double v : m.mean) mean.add(v);
        for (double v : m.std) std.add(v);
        ArrayNode layers = root.putArray("layers");
        for (Layer l : m.layers) layers.add(layerJson(l));
        root.set("tensors", tensors);
        root.put("sha256", sha);
        ObjectNode metrics = root.putObject("metrics");
        m.metrics().forEach(metrics::put);
        metrics.put("reluCount", m.reluCount());
        return root;
    }

    private static ObjectNode layerJson(Layer l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", l.name());
        n.put("type", l.type());
        if (!l.inputs().isEmpty()) {
            ArrayNode in = n.putArray("inputs");
            l.inputs().forEach(in::add);
        }
        if (l instanceof Layer.Conv2d c) {
            n.put("in", c.in()).put("out", c.out()).put("kernel", c.kernel()).put("stride", c.stride()).put("pad", c.pad());
            n.put("weight", c.weight()).put("bias", c.bias());
        } else if (l instanceof Layer.Linear f) {
            n.put("in", f.in()).put("out", f.out()).put("weight", f.weight()).put("bias", f.bias());
        } else if (l instanceof Layer.Act a) {
            n.put("kind", a.kind());
            if (a.coeffs() != null) {
                ArrayNode c = n.putArray("coeffs");
                for (double v : a.coeffs()) c.add(v);
            }
        } else if (l instanceof Layer.Pool p) {
            n.put("kind", p.kind()).put("kernel", p.kernel()).put("stride", p.stride());
        }
        return n;
    }

    static void writeAtomically(Path target, byte[] data) throws IOException {
        AtomicFile.write(target, data);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Field readers that name the file and field in every error. */
    private static final class Fields {
        final String file;

        Fields(String file) {
            this.file = file;
        }

        private JsonNode need(JsonNode n, String key, String where) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) throw new ModelFormatException(file + ": " + where + ": missing");
            return v;
        }

        String text(JsonNode n, String key) {
            return text(n, key, key);
        }

        String text(JsonNode n, String key, String where) {
            JsonNode v = need(n, key, where);
            if (!v.isTextual()) throw new ModelFormatException(file + ": " + where + ": not a string");
            return v.asText();
        }

        JsonNode obj(JsonNode n, String key) {
            JsonNode v = need(n, key, key);
            if (!v.isObject()) throw new ModelFormatException(file + ": " + key + ": not an object");
            return v;
        }

        int integer(JsonNode n, String key, String where) {
            JsonNode v = need(n, key, where);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new ModelFormatException(file + ": " + where + ": not an integer");
            return v.asInt();
        }

        long nonNegativeLong(JsonNode n, String key, String where) {
            JsonNode v = need(n, key, where);
            if (!v.isIntegralNumber() || v.asLong() < 0) throw new ModelFormatException(file + ": " + where + ": not a non-negative integer");
            return v.asLong();
        }

        int[] ints(JsonNode n, String key) {
            return ints(n, key, key);
        }

        int[] ints(JsonNode n, String key, String where) {
            JsonNode v = need(n, key, where);
            if (!v.isArray()) throw new ModelFormatException(file + ": " + where + ": not an array");
            int[] r = new int[v.size()];
            for (int i = 0; i < r.length; i++) {
                if (!v.get(i).isIntegralNumber() || v.get(i).asInt() <= 0) {
                    throw new ModelFormatException(file + ": " + where + "[" + i + "]: not a positive integer");
                }
                r[i] = v.get(i).asInt();
            }
            return r;
        }

        double[] doubles(JsonNode n, String key, String where) {
            JsonNode v = need(n, key, where);
            if (!v.isArray()) throw new ModelFormatException(file + ": " + where + ": not an array");
            double[] r = new double[v.size()];
            for (int i = 0; i < r.length; i++) {
                if (!v.get(i).isNumber()) throw new ModelFormatException(file + ": " + where + "[" + i + "]: not a number");
                r[i] = v.get(i).asDouble();
            }
            return r;
        }
    }
}
