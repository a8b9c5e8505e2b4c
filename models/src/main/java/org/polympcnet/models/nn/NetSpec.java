package org.polympcnet.models.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A network's architecture, independent of ND4J and of the export format: its nodes in
 * topological order, each reading the output of earlier nodes ({@code "input"} is the image).
 * The trainer builds its SameDiff graph from it ({@link Network}) and the exporter the
 * protocols model, so both always describe the same layers under the same names.
 *
 * <p>Activation and pool nodes are where the search places its gates; what each one becomes
 * (ReLU, X2Act or gate; max, avg or gate) is a {@link Choices} decision, not part of the spec.
 */
public record NetSpec(String name, int[] input, int classes, List<Node> nodes) {
    public static final String INPUT = "input";

    /** One node of the graph. */
    public sealed interface Node {
        String name();

        /** Names of the nodes read, in order. */
        List<String> inputs();
    }

    /** conv2d with square kernel; {@code batchNorm} adds a batch norm after it (folded on export). */
    public record Conv(String name, String input, int in, int out, int kernel, int stride, int pad, boolean batchNorm) implements Node {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** Fully connected layer on a flat input. */
    public record Linear(String name, String input, int in, int out) implements Node {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** An activation: ReLU, X2Act or a gate between them. */
    public record Act(String name, String input) implements Node {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /**
     * A pool of kernel x kernel windows, no padding. {@code searchable} pools may be max, avg or a
     * gate; a fixed one (a global average pool at the end of ResNet) is always avg.
     */
    public record Pool(String name, String input, int kernel, int stride, boolean searchable) implements Node {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    /** Element-wise sum (residual connection). */
    public record Add(String name, String left, String right) implements Node {
        public List<String> inputs() {
            return List.of(left, right);
        }
    }

    /** [C, H, W] to [C*H*W], keeping that order. */
    public record Flatten(String name, String input) implements Node {
        public List<String> inputs() {
            return List.of(input);
        }
    }

    public NetSpec {
        input = input.clone();
        nodes = List.copyOf(nodes);
        Set<String> seen = new HashSet<>();
        seen.add(INPUT);
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!seen.contains(in)) throw new IllegalArgumentException(name + ": node " + n.name() + " reads '" + in + "', not an earlier node");
            }
            if (!seen.add(n.name())) throw new IllegalArgumentException(name + ": two nodes named " + n.name());
        }
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    /** Names of the activation nodes, in order. */
    public List<String> activations() {
        List<String> r = new ArrayList<>();
        for (Node n : nodes) if (n instanceof Act) r.add(n.name());
        return r;
    }

    /** Names of the searchable pool nodes, in order. */
    public List<String> searchablePools() {
        List<String> r = new ArrayList<>();
        for (Node n : nodes) if (n instanceof Pool p && p.searchable()) r.add(n.name());
        return r;
    }

    /** The last node: its output is the logits. */
    public String output() {
        return nodes.get(nodes.size() - 1).name();
    }
}
