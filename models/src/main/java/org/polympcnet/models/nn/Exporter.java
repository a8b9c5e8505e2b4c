package org.polympcnet.models.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;

/**
 * Turns a trained {@link Network} into the protocols' {@link Model} (DESIGN.md, model format):
 * conv weights from SameDiff's [kh, kw, in, out] to [out, in, kh, kw], linear weights from
 * [in, out] to [out, in], batch norm folded into its conv ({@link BatchNormFolding}), X2Act
 * as a poly act with {@code [a, b, c] = [s*w2, w1, b]}, pools as their kind. Every choice must
 * be fixed (no gate left): take the search's argmax first.
 */
public final class Exporter {
    private Exporter() {}

    /**
     * The trained network with its weights; {@code ModelFile.write} puts it on disk.
     *
     * @param name the model's name: the run's, since the report matches a model's rows in train.csv,
     *     infer-*.csv and perfmodel-*.csv by it (the architecture is in the layers)
     */
    public static Model export(Network net, String name, String dataset, double[] mean, double[] std, Map<String, Double> metrics) {
        return build(name, net.spec(), net.choices(), dataset, mean, std, net, metrics);
    }

    /**
     * The architecture alone (no weights), for the latency table: a gate is written as ReLU / max
     * pool and a poly act with the identity's coefficients, since the table prices both choices
     * of every activation and pool whatever the model says.
     */
    public static Model architecture(NetSpec spec, Choices choices, String dataset) {
        double[] mean = new double[spec.input()[0]], std = new double[spec.input()[0]];
        java.util.Arrays.fill(std, 1);
        return build(spec.name(), spec, choices, dataset, mean, std, null, null);
    }

    private static Model build(String name, NetSpec spec, Choices choices, String dataset, double[] mean, double[] std, Network net, Map<String, Double> metrics) {
        List<Layer> layers = new ArrayList<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> weights = net == null ? null : new LinkedHashMap<>();
        for (NetSpec.Node n : spec.nodes()) {
            List<String> in = n.inputs();
            if (n instanceof NetSpec.Conv c) {
                String w = c.name() + ".weight", b = c.name() + ".bias";
                layers.add(new Layer.Conv2d(c.name(), in, c.in(), c.out(), c.kernel(), c.stride(), c.pad(), w, b));
                shapes.put(w, new int[] {c.out(), c.in(), c.kernel(), c.kernel()});
                shapes.put(b, new int[] {c.out()});
                if (net != null) {
                    float[] wt = convWeight(net.array(c.name() + "/w"), c);
                    float[] bias = floats(net.array(c.name() + "/b"));
                    if (c.batchNorm()) {
                        BatchNormFolding.fold(wt, bias, floats(net.array(BatchNorm.gamma(c.name()))), floats(net.array(BatchNorm.beta(c.name()))),
                                floats(net.runningStats().get(BatchNorm.runningMean(c.name()))),
                                floats(net.runningStats().get(BatchNorm.runningVar(c.name()))), BatchNorm.EPSILON);
                    }
                    weights.put(w, wt);
                    weights.put(b, bias);
                }
            } else if (n instanceof NetSpec.Linear l) {
                String w = l.name() + ".weight", b = l.name() + ".bias";
                layers.add(new Layer.Linear(l.name(), in, l.in(), l.out(), w, b));
                shapes.put(w, new int[] {l.out(), l.in()});
                shapes.put(b, new int[] {l.out()});
                if (net != null) {
                    weights.put(w, transpose(floats(net.array(l.name() + "/w")), l.in(), l.out()));
                    weights.put(b, floats(net.array(l.name() + "/b")));
                }
            } else if (n instanceof NetSpec.Act a) {
                String kind = choices.of(a.name());
                if (kind.equals(Choices.POLY)) {
                    double[] coeffs = net == null ? new double[] {0, 1, 0}
                            : X2Act.coefficients(scalar(net, X2Act.w2(a.name())), scalar(net, X2Act.w1(a.name())), scalar(net, X2Act.b(a.name())), net.scale());
                    layers.add(new Layer.Act(a.name(), in, "poly", coeffs));
                } else if (kind.equals(Choices.RELU) || net == null) {
                    layers.add(new Layer.Act(a.name(), in, "relu", null));
                } else {
                    throw new IllegalStateException("activation " + a.name() + " is still a gate: fix the search's choices before export");
                }
            } else if (n instanceof NetSpec.Pool p) {
                String kind = p.searchable() ? choices.of(p.name()) : Choices.AVG;
                if (kind.equals(Choices.GATE)) {
                    if (net != null) throw new IllegalStateException("pool " + p.name() + " is still a gate: fix the search's choices before export");
                    kind = Choices.MAX;
                }
                layers.add(new Layer.Pool(p.name(), in, kind, p.kernel(), p.stride()));
            } else if (n instanceof NetSpec.Add a) {
                layers.add(new Layer.Add(a.name(), in));
            } else if (n instanceof NetSpec.Flatten f) {
                layers.add(new Layer.Flatten(f.name(), in));
            }
        }
        return new Model(name, dataset, spec.input(), spec.classes(), mean, std, layers, shapes, weights, metrics);
    }

    /** SameDiff's [kh, kw, in, out] to the format's [out, in, kh, kw]. */
    static float[] convWeight(INDArray yxio, NetSpec.Conv c) {
        float[] src = floats(yxio);
        int k = c.kernel(), in = c.in(), out = c.out();
        float[] dst = new float[src.length];
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < k; x++) {
                for (int i = 0; i < in; i++) {
                    int base = ((y * k + x) * in + i) * out;
                    for (int o = 0; o < out; o++) dst[((o * in + i) * k + y) * k + x] = src[base + o];
                }
            }
        }
        return dst;
    }

    /** [rows, cols] row-major to [cols, rows]. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        return t;
    }

    /** The array's elements in row-major order, a copy. */
    static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static double scalar(Network net, String name) {
        return net.array(name).getDouble(0);
    }
}
