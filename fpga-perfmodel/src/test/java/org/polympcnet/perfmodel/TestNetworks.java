package org.polympcnet.perfmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;

/** Small networks built in code (zero weights: the model needs only shapes), for scheduler and table tests. */
public final class TestNetworks {
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();

    public TestNetworks conv(String name, int in, int out, int k, int stride, int pad, String... inputs) {
        tensor(name + ".w", out, in, k, k);
        tensor(name + ".b", out);
        layers.add(new Layer.Conv2d(name, List.of(inputs), in, out, k, stride, pad, name + ".w", name + ".b"));
        return this;
    }

    public TestNetworks linear(String name, int in, int out) {
        tensor(name + ".w", out, in);
        tensor(name + ".b", out);
        layers.add(new Layer.Linear(name, List.of(), in, out, name + ".w", name + ".b"));
        return this;
    }

    public TestNetworks act(String name, String kind) {
        layers.add(new Layer.Act(name, List.of(), kind, kind.equals("poly") ? new double[] {0.05, 1, 0} : null));
        return this;
    }

    public TestNetworks pool(String name, String kind, int k, int s) {
        layers.add(new Layer.Pool(name, List.of(), kind, k, s));
        return this;
    }

    public TestNetworks add(String name, String a, String b) {
        layers.add(new Layer.Add(name, List.of(a, b)));
        return this;
    }

    public TestNetworks flatten(String name) {
        layers.add(new Layer.Flatten(name, List.of()));
        return this;
    }

    public Model build(String name, int c, int h, int w, int classes) {
        double[] mean = new double[c], std = new double[c];
        java.util.Arrays.fill(mean, 0.5);
        java.util.Arrays.fill(std, 0.25);
        return new Model(name, "synthetic", new int[] {c, h, w}, classes, mean, std, layers, shapes, weights, Map.of());
    }

    private void tensor(String name, int... shape) {
        shapes.put(name, shape);
        weights.put(name, new float[(int) Model.size(shape)]);
    }

    /** A LeNet-sized CNN for 28 x 28 images: conv, relu, max pool, conv, relu, avg pool, two linear layers. */
    public static Model mnistCnn() {
        return new TestNetworks().conv("c1", 1, 8, 5, 1, 2).act("r1", "relu").pool("p1", "max", 2, 2)
                .conv("c2", 8, 16, 5, 1, 0).act("r2", "relu").pool("p2", "avg", 2, 2).flatten("f")
                .linear("fc1", 16 * 5 * 5, 64).act("r3", "poly").linear("fc2", 64, 10).build("mnist-cnn", 1, 28, 28, 10);
    }

    /** A residual block: two branches that the FPGA may run side by side. */
    public static Model residual() {
        return new TestNetworks().conv("stem", 2, 4, 3, 1, 1).act("r0", "relu")
                .conv("a", 4, 4, 3, 1, 1).act("ra", "relu").conv("b", 4, 4, 3, 1, 1).add("res", "b", "r0").act("r1", "poly")
                .pool("p", "avg", 3, 3).flatten("f").linear("fc", 4 * 4 * 4, 5).build("residual", 2, 12, 12, 5);
    }
}
