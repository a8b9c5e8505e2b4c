package org.polympcnet.protocols.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small networks built in code, with seeded He-style random weights. */
final class TestModels {
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final SplittableRandom rnd;

    TestModels(long seed) {
        rnd = new SplittableRandom(seed);
    }

    TestModels conv(String name, int in, int out, int k, int stride, int pad, String... inputs) {
        tensor(name + ".w", Math.sqrt(2.0 / (in * k * k)), out, in, k, k);
        tensor(name + ".b", 0.1, out);
        layers.add(new Layer.Conv2d(name, List.of(inputs), in, out, k, stride, pad, name + ".w", name + ".b"));
        return this;
    }

    TestModels linear(String name, int in, int out) {
        tensor(name + ".w", Math.sqrt(2.0 / in), out, in);
        tensor(name + ".b", 0.1, out);
        layers.add(new Layer.Linear(name, List.of(), in, out, name + ".w", name + ".b"));
        return this;
    }

    TestModels relu(String name) {
        layers.add(new Layer.Act(name, List.of(), "relu", null));
        return this;
    }

    TestModels poly(String name, double a, double b, double c) {
        layers.add(new Layer.Act(name, List.of(), "poly", new double[] {a, b, c}));
        return this;
    }

    TestModels pool(String name, String kind, int k, int s) {
        layers.add(new Layer.Pool(name, List.of(), kind, k, s));
        return this;
    }

    TestModels add(String name, String a, String b) {
        layers.add(new Layer.Add(name, List.of(a, b)));
        return this;
    }

    TestModels flatten(String name) {
        layers.add(new Layer.Flatten(name, List.of()));
        return this;
    }

    Model build(String name, int c, int h, int w, int classes) {
        double[] mean = new double[c], std = new double[c];
        java.util.Arrays.fill(mean, 0.5);
        java.util.Arrays.fill(std, 0.25);
        return new Model(name, "synthetic", new int[] {c, h, w}, classes, mean, std, layers, shapes, weights, Map.of());
    }

    private void tensor(String name, double scale, int... shape) {
        shapes.put(name, shape);
        float[] v = new float[(int) Model.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale * Math.sqrt(3));
        weights.put(name, v);
    }

    /** Images of pixels in [0, 1]. */
    static double[][] images(int count, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[count][size];
        for (double[] img : x) for (int i = 0; i < size; i++) img[i] = r.nextDouble();
        return x;
    }

    static Model reluCnn() {
        return new TestModels(1).conv("c1", 1, 4, 3, 1, 1).relu("r1").pool("p1", "max", 2, 2)
                .conv("c2", 4, 6, 3, 1, 0).relu("r2").flatten("f").linear("fc", 6 * 2 * 2, 10).build("relu-cnn", 1, 8, 8, 10);
    }

    static Model polyCnn() {
        return new TestModels(2).conv("c1", 1, 4, 3, 1, 1).poly("q1", 0.05, 1.0, 0.0).pool("p1", "avg", 2, 2)
                .conv("c2", 4, 6, 3, 1, 0).poly("q2", 0.05, 1.0, 0.0).flatten("f").linear("fc", 6 * 2 * 2, 10).build("poly-cnn", 1, 8, 8, 10);
    }

    static Model residual() {
        return new TestModels(3).conv("stem", 2, 4, 3, 1, 1).relu("r0")
                .conv("a", 4, 4, 3, 1, 1).relu("ra").conv("b", 4, 4, 3, 1, 1).add("res", "b", "r0").relu("r1")
                .pool("p", "avg", 3, 3).flatten("f").linear("fc", 4 * 2 * 2, 5).build("residual", 2, 6, 6, 5);
    }
}
