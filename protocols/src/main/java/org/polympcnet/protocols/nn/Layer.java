package org.polympcnet.protocols.nn;

import java.util.List;

/**
 * One layer of a model (DESIGN.md, model format). {@code inputs} names the layers it reads
 * ("input" for the image); empty means the previous layer.
 */
public sealed interface Layer {
    String name();

    List<String> inputs();

    String type();

    /** conv2d: weight [out, in, k, k], bias [out]. */
    record Conv2d(String name, List<String> inputs, int in, int out, int kernel, int stride, int pad, String weight, String bias)
            implements Layer {
        public String type() { return "conv2d"; }
    }

    /** linear: weight [out, in], bias [out]. */
    record Linear(String name, List<String> inputs, int in, int out, String weight, String bias) implements Layer {
        public String type() { return "linear"; }
    }

    /** act: relu, or poly with coefficients a, b, c of a x^2 + b x + c. */
    record Act(String name, List<String> inputs, String kind, double[] coeffs) implements Layer {
        public String type() { return "act"; }

        public boolean isRelu() { return kind.equals("relu"); }
    }

    /** pool: avg or max, kernel x kernel windows, no padding. */
    record Pool(String name, List<String> inputs, String kind, int kernel, int stride) implements Layer {
        public String type() { return "pool"; }
    }

    /** add: element-wise sum of two layers' outputs (residual connections). */
    record Add(String name, List<String> inputs) implements Layer {
        public String type() { return "add"; }
    }

    /** flatten: [C, H, W] to [C*H*W], keeping that order. */
    record Flatten(String name, List<String> inputs) implements Layer {
        public String type() { return "flatten"; }
    }
}
