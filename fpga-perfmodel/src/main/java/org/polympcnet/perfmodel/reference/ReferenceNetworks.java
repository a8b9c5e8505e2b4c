package org.polympcnet.perfmodel.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;

/**
 * Built-in reference architectures for the performance model when no trained model is at hand
 * (reproduce.sh's perfmodel stage before the train stage has run). Architecture only: the model
 * needs shapes, not weights. Each is rendered to model.json and read back with
 * {@link ModelFile#fromArchitecture}, so it passes the same checks as a model a server shows a
 * client. All activations are ReLU and pools max: the baseline before the latency-aware search
 * replaces any of them.
 */
public final class ReferenceNetworks {
    /** model.json states a weights hash; these architectures have no weights.bin. */
    private static final String NO_WEIGHTS = "0".repeat(64);

    private ReferenceNetworks() {}

    public static List<String> names() {
        return List.of("mnist-cnn", "cifar-vgg");
    }

    /** A reference architecture by name; unknown names are an error that lists the known ones. */
    public static Model get(String name) {
        Model m;
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "mnist-cnn":
                // LeNet-sized: the small-CNN scale of the paper's (Fashion-)MNIST experiments.
                m = new Builder().conv("conv1", 1, 8, 5, 1, 2).relu("relu1").maxPool("pool1")
                        .conv("conv2", 8, 16, 5, 1, 0).relu("relu2").maxPool("pool2").flatten("flatten")
                        .linear("fc1", 16 * 5 * 5, 100).relu("relu3").linear("fc2", 100, 10)
                        .build("mnist-cnn", "fashion-mnist", 1, 28, 28, 10);
                break;
            case "cifar-vgg":
                // Two VGG blocks at CIFAR-10 scale (32 x 32 x 3): the layer sizes where ReLU dominates.
                m = new Builder().conv("conv1", 3, 64, 3, 1, 1).relu("relu1").conv("conv2", 64, 64, 3, 1, 1).relu("relu2").maxPool("pool1")
                        .conv("conv3", 64, 128, 3, 1, 1).relu("relu3").conv("conv4", 128, 128, 3, 1, 1).relu("relu4").maxPool("pool2")
                        .flatten("flatten").linear("fc1", 128 * 8 * 8, 256).relu("relu5").linear("fc2", 256, 10)
                        .build("cifar-vgg", "cifar-10", 3, 32, 32, 10);
                break;
            default:
                throw new IllegalArgumentException("unknown reference architecture '" + name + "': use one of " + String.join(", ", names()));
        }
        byte[] json = ModelFile.architectureJson(m, NO_WEIGHTS);
        return ModelFile.fromArchitecture(json, "built-in reference architecture " + m.name);
    }

    private static final class Builder {
        private final Map<String, int[]> shapes = new LinkedHashMap<>();
        private final List<Layer> layers = new ArrayList<>();

        Builder conv(String name, int in, int out, int k, int stride, int pad) {
            shapes.put(name + ".weight", new int[] {out, in, k, k});
            shapes.put(name + ".bias", new int[] {out});
            layers.add(new Layer.Conv2d(name, List.of(), in, out, k, stride, pad, name + ".weight", name + ".bias"));
            return this;
        }

        Builder linear(String name, int in, int out) {
            shapes.put(name + ".weight", new int[] {out, in});
            shapes.put(name + ".bias", new int[] {out});
            layers.add(new Layer.Linear(name, List.of(), in, out, name + ".weight", name + ".bias"));
            return this;
        }

        Builder relu(String name) {
            layers.add(new Layer.Act(name, List.of(), "relu", null));
            return this;
        }

        Builder maxPool(String name) {
            layers.add(new Layer.Pool(name, List.of(), "max", 2, 2));
            return this;
        }

        Builder flatten(String name) {
            layers.add(new Layer.Flatten(name, List.of()));
            return this;
        }

        Model build(String name, String dataset, int c, int h, int w, int classes) {
            double[] mean = new double[c], std = new double[c];
            Arrays.fill(mean, 0.5);
            Arrays.fill(std, 0.25);
            return new Model(name, dataset, new int[] {c, h, w}, classes, mean, std, layers, shapes, null, Map.of());
        }
    }
}
