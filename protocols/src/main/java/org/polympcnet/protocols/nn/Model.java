package org.polympcnet.protocols.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated network: its layers in order, the shape each produces, and (for the server) its
 * weights. Built by {@link ModelFile#load} or by hand in tests and the trainer's export; the
 * constructor checks the graph and every tensor shape, naming the layer and field that is wrong.
 */
public final class Model {
    public static final String FORMAT = "polympcnet-model/1";
    public static final String INPUT = "input";

    public final String name, dataset;
    public final int[] input; // [C, H, W]
    public final int classes;
    public final double[] mean, std;
    public final List<Layer> layers;
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> weights;
    private final Map<String, int[]> tensorShapes;
    private final Map<String, Double> metrics;

    public Model(String name, String dataset, int[] input, int classes, double[] mean, double[] std, List<Layer> layers,
                 Map<String, int[]> tensorShapes, Map<String, float[]> weights, Map<String, Double> metrics) {
        this.name = name;
        this.dataset = dataset;
        this.input = input.clone();
        this.classes = classes;
        this.mean = mean.clone();
        this.std = std.clone();
        this.layers = List.copyOf(layers);
        this.tensorShapes = new LinkedHashMap<>(tensorShapes);
        this.weights = weights == null ? null : new HashMap<>(weights);
        this.metrics = metrics == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metrics);
        if (input.length != 3) throw new ModelFormatException("input: want [C, H, W], got " + input.length + " numbers");
        if (mean.length != input[0] || std.length != input[0]) {
            throw new ModelFormatException("preprocess: mean and std need one value per input channel (" + input[0] + ")");
        }
        inferShapes();
    }

    /** Output shape of a layer ([C, H, W] or [features]); "input" is the image. */
    public int[] shape(String layer) {
        int[] s = shapes.get(layer);
        if (s == null) throw new IllegalArgumentException("no layer named '" + layer + "'");
        return s.clone();
    }

    public int[] outputShape() {
        return shape(layers.get(layers.size() - 1).name());
    }

    public boolean hasWeights() {
        return weights != null;
    }

    public float[] tensor(String name) {
        if (weights == null) throw new IllegalStateException("model " + this.name + " was loaded without weights");
        float[] t = weights.get(name);
        if (t == null) throw new ModelFormatException("tensor '" + name + "' is missing");
        return t;
    }

    public Map<String, int[]> tensorShapes() {
        return Collections.unmodifiableMap(tensorShapes);
    }

    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** Elements that pass through ReLU layers per image: the ReLU count that PolyMPCNet reduces. */
    public long reluCount() {
        long total = 0;
        for (Layer l : layers) if (l instanceof Layer.Act a && a.isRelu()) total += size(shapes.get(l.name()));
        return total;
    }

    public static long size(int[] shape) {
        long s = 1;
        for (int d : shape) s *= d;
        return s;
    }

    /** The layers a layer reads: its explicit inputs, or the previous layer (the image for the first). */
    public List<String> inputsOf(int index) {
        Layer l = layers.get(index);
        if (!l.inputs().isEmpty()) return l.inputs();
        return List.of(index == 0 ? INPUT : layers.get(index - 1).name());
    }

    private void inferShapes() {
        shapes.put(INPUT, input.clone());
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String where = "layers[" + i + "] '" + l.name() + "'";
            if (l.name() == null || l.name().isEmpty()) throw new ModelFormatException("layers[" + i + "].name: missing");
            if (shapes.containsKey(l.name())) throw new ModelFormatException(where + ": name is used twice");
            List<String> in = inputsOf(i);
            for (String s : in) {
                if (!shapes.containsKey(s)) throw new ModelFormatException(where + ".inputs: '" + s + "' is not an earlier layer");
            }
            int[] x = shapes.get(in.get(0));
            int[] out;
            if (l instanceof Layer.Conv2d c) {
                requireRank(where, x, 3);
                if (x[0] != c.in()) throw new ModelFormatException(where + ".in: " + c.in() + " but its input has " + x[0] + " channels");
                positive(where, "out", c.out());
                positive(where, "kernel", c.kernel());
                positive(where, "stride", c.stride());
                if (c.pad() < 0) throw new ModelFormatException(where + ".pad: must be >= 0");
                int ho = (x[1] + 2 * c.pad() - c.kernel()) / c.stride() + 1, wo = (x[2] + 2 * c.pad() - c.kernel()) / c.stride() + 1;
                if (ho <= 0 || wo <= 0) throw new ModelFormatException(where + ".kernel: " + c.kernel() + " does not fit input " + x[1] + "x" + x[2]);
                tensorShape(where, "weight", c.weight(), new int[] {c.out(), c.in(), c.kernel(), c.kernel()});
                tensorShape(where, "bias", c.bias(), new int[] {c.out()});
                out = new int[] {c.out(), ho, wo};
            } else if (l instanceof Layer.Linear f) {
                if (size(x) != f.in()) throw new ModelFormatException(where + ".in: " + f.in() + " but its input has " + size(x) + " features");
                positive(where, "out", f.out());
                tensorShape(where, "weight", f.weight(), new int[] {f.out(), f.in()});
                tensorShape(where, "bias", f.bias(), new int[] {f.out()});
                out = new int[] {f.out()};
            } else if (l instanceof Layer.Act a) {
                if (a.kind().equals("poly")) {
                    if (a.coeffs() == null || a.coeffs().length != 3) throw new ModelFormatException(where + ".coeffs: poly needs [a, b, c]");
                } else if (!a.kind().equals("relu")) {
                    throw new ModelFormatException(where + ".kind: '" + a.kind() + "' (want relu or poly)");
                }
                out = x.clone();
            } else if (l instanceof Layer.Pool p) {
                requireRank(where, x, 3);
                if (!p.kind().equals("avg") && !p.kind().equals("max")) throw new ModelFormatException(where + ".kind: '" + p.kind() + "' (want avg or max)");
                positive(where, "kernel", p.kernel());
                positive(where, "stride", p.stride());
                int ho = (x[1] - p.kernel()) / p.stride() + 1, wo = (x[2] - p.kernel()) / p.stride() + 1;
                if (ho <= 0 || wo <= 0) throw new ModelFormatException(where + ".kernel: " + p.kernel() + " does not fit input " + x[1] + "x" + x[2]);
                out = new int[] {x[0], ho, wo};
            } else if (l instanceof Layer.Add) {
                if (in.size() != 2) throw new ModelFormatException(where + ".inputs: add needs exactly two inputs");
                if (!java.util.Arrays.equals(x, shapes.get(in.get(1)))) {
                    throw new ModelFormatException(where + ": inputs have shapes " + java.util.Arrays.toString(x) + " and "
                            + java.util.Arrays.toString(shapes.get(in.get(1))));
                }
                out = x.clone();
            } else if (l instanceof Layer.Flatten) {
                out = new int[] {(int) size(x)};
            } else {
                throw new ModelFormatException(where + ".type: unknown");
            }
            if (!(l instanceof Layer.Add) && in.size() != 1) throw new ModelFormatException(where + ".inputs: " + l.type() + " takes one input");
            shapes.put(l.name(), out);
        }
        if (layers.isEmpty()) throw new ModelFormatException("layers: empty");
        int[] o = outputShape();
        if (o.length != 1 || o[0] != classes) {
            throw new ModelFormatException("classes: " + classes + " but the last layer outputs " + java.util.Arrays.toString(o));
        }
    }

    private void tensorShape(String where, String field, String tensor, int[] want) {
        if (tensor == null) throw new ModelFormatException(where + "." + field + ": missing");
        int[] got = tensorShapes.get(tensor);
        if (got == null) throw new ModelFormatException(where + "." + field + ": tensor '" + tensor + "' is not in tensors");
        if (!java.util.Arrays.equals(got, want)) {
            throw new ModelFormatException("tensors." + tensor + ".shape: " + java.util.Arrays.toString(got) + " but " + where
                    + " needs " + java.util.Arrays.toString(want));
        }
        if (weights != null) {
            float[] w = weights.get(tensor);
            if (w == null || w.length != size(want)) throw new ModelFormatException("tensor '" + tensor + "' is missing or has the wrong size");
        }
    }

    private static void requireRank(String where, int[] x, int rank) {
        if (x.length != rank) throw new ModelFormatException(where + ": needs a [C, H, W] input, got " + java.util.Arrays.toString(x));
    }

    private static void positive(String where, String field, int v) {
        if (v <= 0) throw new ModelFormatException(where + "." + field + ": must be positive, got " + v);
    }

    /** Tensor names in file order. */
    public List<String> tensorNames() {
        return new ArrayList<>(tensorShapes.keySet());
    }
}
