package org.polympcnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;

/**
 * Small networks built in code for the infer tests, with seeded He-style random weights, for any
 * input shape (the builder tracks the shape, so linear layers get the right width), written to a
 * directory as model.json + weights.bin.
 */
final class InferModels {
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final Map<String, int[]> outShapes = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final SplittableRandom rnd;
    private final int[] input;
    private int[] x;

    InferModels(long seed, int[] input) {
        this.rnd = new SplittableRandom(seed);
        this.input = input.clone();
        this.x = input.clone();
        outShapes.put("input", input.clone());
    }

    InferModels conv(String name, int out, int k, int stride, int pad) {
        int in = x[0];
        tensor(name + ".w", Math.sqrt(2.0 / (in * k * k)), out, in, k, k);
        tensor(name + ".b", 0.1, out);
        layers.add(new Layer.Conv2d(name, List.of(), in, out, k, stride, pad, name + ".w", name + ".b"));
        return shape(name, new int[] {out, (x[1] + 2 * pad - k) / stride + 1, (x[2] + 2 * pad - k) / stride + 1});
    }

    InferModels linear(String name, int out) {
        int in = x[0];
        tensor(name + ".w", Math.sqrt(2.0 / in), out, in);
        tensor(name + ".b", 0.1, out);
        layers.add(new Layer.Linear(name, List.of(), in, out, name + ".w", name + ".b"));
        return shape(name, new int[] {out});
    }

    InferModels relu(String name) {
        layers.add(new Layer.Act(name, List.of(), "relu", null));
        return shape(name, x);
    }

    InferModels poly(String name, double a, double b, double c) {
        layers.add(new Layer.Act(name, List.of(), "poly", new double[] {a, b, c}));
        return shape(name, x);
    }

    InferModels pool(String name, String kind, int k, int s) {
        layers.add(new Layer.Pool(name, List.of(), kind, k, s));
        return shape(name, new int[] {x[0], (x[1] - k) / s + 1, (x[2] - k) / s + 1});
    }

    /** A residual block on the current activation: conv, relu, conv, add the block's input, relu. */
    InferModels residual(String name) {
        String from = layers.isEmpty() ? "input" : layers.get(layers.size() - 1).name();
        conv(name + ".a", x[0], 3, 1, 1).relu(name + ".ra").conv(name + ".b", x[0], 3, 1, 1);
        layers.add(new Layer.Add(name + ".add", List.of(name + ".b", from)));
        shape(name + ".add", x);
        return relu(name + ".r");
    }

    InferModels flatten(String name) {
        layers.add(new Layer.Flatten(name, List.of()));
        return shape(name, new int[] {(int) Model.size(x)});
    }

    Model build(String name, int classes) {
        double[] mean = new double[input[0]], std = new double[input[0]];
        Arrays.fill(mean, 0.5);
        Arrays.fill(std, 0.25);
        return new Model(name, "synthetic", input, classes, mean, std, layers, shapes, weights, Map.of());
    }

    private InferModels shape(String name, int[] s) {
        x = s.clone();
        outShapes.put(name, x);
        return this;
    }

    private void tensor(String name, double scale, int... shape) {
        shapes.put(name, shape);
        float[] v = new float[(int) Model.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale * Math.sqrt(3));
        weights.put(name, v);
    }

    static Path write(Path dir, Model m) {
        ModelFile.write(dir, m);
        return dir;
    }

    /** ReLU CNN with max pool. */
    static Model reluCnn(int[] in, int classes) {
        return new InferModels(1, in).conv("c1", 3, 3, 2, 1).relu("r1").pool("p1", "max", 2, 2)
                .conv("c2", 4, 3, 1, 0).relu("r2").flatten("f").linear("fc", classes).build("relu-cnn", classes);
    }

    /** The same shape with polynomial activations and avg pool. */
    static Model polyCnn(int[] in, int classes) {
        return new InferModels(2, in).conv("c1", 3, 3, 2, 1).poly("q1", 0.05, 1.0, 0.0).pool("p1", "avg", 2, 2)
                .conv("c2", 4, 3, 1, 0).poly("q2", 0.05, 1.0, 0.0).flatten("f").linear("fc", classes).build("poly-cnn", classes);
    }

    /** Mixed: ReLU then polynomial, max pool. */
    static Model maxPoolCnn(int[] in, int classes) {
        return new InferModels(3, in).conv("c1", 2, 3, 2, 1).relu("r1").pool("p1", "max", 3, 3)
                .conv("c2", 4, 3, 1, 1).poly("q2", 0.05, 1.0, 0.0).pool("p2", "max", 2, 2).flatten("f").linear("fc", classes)
                .build("maxpool-cnn", classes);
    }

    /** A stem, one residual block, avg pool, a classifier. */
    static Model residualNet(int[] in, int classes) {
        return new InferModels(4, in).conv("stem", 3, 3, 3, 0).relu("r0").residual("block")
                .pool("p", "avg", 3, 3).flatten("f").linear("fc", classes).build("residual", classes);
    }

    /** The smallest network: a linear layer after a 4x4 average pool, then ReLU, then a classifier. */
    static Model tiny(int[] in, int classes) {
        return new InferModels(5, in).pool("p", "avg", 4, 4).flatten("f").linear("h", 8).relu("r").linear("fc", classes)
                .build("tiny", classes);
    }
}
