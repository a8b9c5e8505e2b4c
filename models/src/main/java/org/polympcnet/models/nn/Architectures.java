package org.polympcnet.models.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The architectures {@code polympc train --arch} knows, each with an activation (a gate in
 * search mode) after every conv or hidden linear layer:
 *
 * <ul>
 *   <li>{@code cnn}: the small CNN for (Fashion-)MNIST: conv 3x3 (16) + BN + act, pool 2,
 *       conv 3x3 (32) + BN + act, pool 2, linear (128) + act, linear (classes);
 *   <li>{@code probe}: the throughput probe of the issue: conv 3x3 (16) + act, pool 2, conv 3x3
 *       (32) + act, pool 2, linear (classes); no batch norm;
 *   <li>{@code vgg}: VGG-style: two conv 3x3 + BN + act per stage at 32, 64, 128 channels, a pool
 *       after each stage, linear (256) + act, linear (classes);
 *   <li>{@code resnet18}: ResNet-18, CIFAR variant (He et al. 2016: 3x3 stem, no stem pool, four
 *       stages of two basic blocks at 64, 128, 256, 512 channels, stride 2 and a 1x1 projection at
 *       the start of stages 2-4), a global average pool and linear (classes).
 * </ul>
 */
public final class Architectures {
    public static final List<String> NAMES = List.of("cnn", "probe", "vgg", "resnet18");

    private Architectures() {}

    /** The architecture {@code name} for images [C, H, W] and {@code classes} classes. */
    public static NetSpec build(String name, int[] chw, int classes) {
        return switch (name) {
            case "cnn" -> cnn(chw, classes);
            case "probe" -> probe(chw, classes);
            case "vgg" -> vgg(chw, classes);
            case "resnet18" -> resnet18(chw, classes);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "': use " + String.join(", ", NAMES));
        };
    }

    static NetSpec cnn(int[] chw, int classes) {
        Builder b = new Builder("cnn", chw);
        b.conv("conv1", 16, 3, 1, 1, true).act("act1").pool("pool1", 2);
        b.conv("conv2", 32, 3, 1, 1, true).act("act2").pool("pool2", 2);
        b.flatten("flatten").linear("fc1", 128).act("act3").linear("fc2", classes);
        return b.spec(classes);
    }

    static NetSpec probe(int[] chw, int classes) {
        Builder b = new Builder("probe", chw);
        b.conv("conv1", 16, 3, 1, 1, false).act("act1").fixedAvgPool("pool1", 2);
        b.conv("conv2", 32, 3, 1, 1, false).act("act2").fixedAvgPool("pool2", 2);
        b.flatten("flatten").linear("fc", classes);
        return b.spec(classes);
    }

    static NetSpec vgg(int[] chw, int classes) {
        Builder b = new Builder("vgg", chw);
        int[] widths = {32, 64, 128};
        int layer = 1;
        for (int s = 0; s < widths.length; s++) {
            for (int r = 0; r < 2; r++, layer++) b.conv("conv" + layer, widths[s], 3, 1, 1, true).act("act" + layer);
            b.pool("pool" + (s + 1), 2);
        }
        b.flatten("flatten").linear("fc1", 256).act("act" + layer).linear("fc2", classes);
        return b.spec(classes);
    }

    static NetSpec resnet18(int[] chw, int classes) {
        Builder b = new Builder("resnet18", chw);
        b.conv("stem", 64, 3, 1, 1, true).act("stem_act");
        int[] widths = {64, 128, 256, 512};
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < 2; k++) {
                String p = "l" + (s + 1) + "b" + (k + 1);
                int stride = s > 0 && k == 0 ? 2 : 1;
                String blockIn = b.last;
                int[] inShape = b.shape.clone();
                b.conv(p + "_conv1", widths[s], 3, stride, 1, true).act(p + "_act1");
                b.conv(p + "_conv2", widths[s], 3, 1, 1, true);
                String main = b.last;
                int[] mainShape = b.shape.clone();
                String shortcut = blockIn;
                if (stride != 1 || inShape[0] != widths[s]) {
                    b.last = blockIn;
                    b.shape = inShape;
                    b.conv(p + "_proj", widths[s], 1, stride, 0, true);
                    shortcut = b.last;
                }
                b.add(p + "_add", main, shortcut, mainShape).act(p + "_act2");
            }
        }
        b.fixedAvgPool("gap", b.shape[1]).flatten("flatten").linear("fc", classes);
        return b.spec(classes);
    }

    /** Appends nodes, each reading the previous one, tracking the [C, H, W] or [F] shape. */
    private static final class Builder {
        final String name;
        final int[] input;
        final List<NetSpec.Node> nodes = new ArrayList<>();
        String last = NetSpec.INPUT;
        int[] shape;

        Builder(String name, int[] chw) {
            if (chw.length != 3) throw new IllegalArgumentException("images must be [C, H, W]");
            this.name = name;
            this.input = chw.clone();
            this.shape = chw.clone();
        }

        Builder conv(String n, int out, int k, int stride, int pad, boolean bn) {
            nodes.add(new NetSpec.Conv(n, last, shape[0], out, k, stride, pad, bn));
            shape = new int[] {out, (shape[1] + 2 * pad - k) / stride + 1, (shape[2] + 2 * pad - k) / stride + 1};
            return at(n);
        }

        Builder act(String n) {
            nodes.add(new NetSpec.Act(n, last));
            return at(n);
        }

        Builder pool(String n, int k) {
            return pool(n, k, true);
        }

        Builder fixedAvgPool(String n, int k) {
            return pool(n, k, false);
        }

        private Builder pool(String n, int k, boolean searchable) {
            if (shape[1] < k || shape[2] < k) throw new IllegalArgumentException(name + ": " + n + " pools " + k + "x" + k + " over " + shape[1] + "x" + shape[2]);
            nodes.add(new NetSpec.Pool(n, last, k, k, searchable));
            shape = new int[] {shape[0], (shape[1] - k) / k + 1, (shape[2] - k) / k + 1};
            return at(n);
        }

        Builder flatten(String n) {
            nodes.add(new NetSpec.Flatten(n, last));
            int f = 1;
            for (int d : shape) f *= d;
            shape = new int[] {f};
            return at(n);
        }

        Builder linear(String n, int out) {
            nodes.add(new NetSpec.Linear(n, last, shape[0], out));
            shape = new int[] {out};
            return at(n);
        }

        Builder add(String n, String left, String right, int[] s) {
            nodes.add(new NetSpec.Add(n, left, right));
            shape = s;
            return at(n);
        }

        private Builder at(String n) {
            last = n;
            return this;
        }

        NetSpec spec(int classes) {
            return new NetSpec(name, input, classes, nodes);
        }
    }
}
