package org.polympcnet.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link Network} hands out stays the caller's: ND4J's session memory manager recycles the
 * arrays of one call in the next, so logits, outputs and gradients kept past a call must not
 * change when the graph runs again, and the same input must give the same logits every time.
 */
class NetworkTest {
    private static final int B = 6;

    private static Network network() {
        NetSpec spec = Architectures.build("cnn", new int[] {1, 12, 12}, 4);
        Choices c = Choices.forMode(spec, "relu").with(Map.of("act1", Choices.POLY, "pool2", Choices.AVG));
        return Network.build(spec, c, PolyInit.STPAI, X2Act.DEFAULT_SCALE, 3, null);
    }

    private static INDArray images(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[B * 144];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return Nd4j.create(x, new long[] {B, 1, 12, 12}, 'c');
    }

    private static INDArray labels(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] y = new float[B * 4];
        for (int i = 0; i < B; i++) y[i * 4 + r.nextInt(4)] = 1;
        return Nd4j.create(y, new long[] {B, 4}, 'c');
    }

    private static float[] values(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float f : v) m = Math.max(m, Math.abs(f));
        return m;
    }

    @Test
    void logitsKeptPastLaterCallsStayAndRepeatExactly() {
        Network net = network();
        INDArray x = images(1);
        INDArray first = net.logits(x);
        float[] firstValues = values(first);
        for (int call = 0; call < 3; call++) {
            net.logits(images(100 + call));
            net.gradients(net.feed(images(200 + call), labels(call), true), List.of(Network.LOSS, Network.LOGITS), net.weights());
            assertArrayEquals(firstValues, values(first), "kept logits changed after call " + call);
            assertArrayEquals(firstValues, values(net.logits(x)), "same input, other logits at call " + call);
        }
    }

    @Test
    void gradientsAndOutputsKeptPastLaterCallsStay() {
        Network net = network();
        List<String> outputs = new ArrayList<>(List.of(Network.LOSS, Network.LOGITS));
        outputs.addAll(net.batchStatOutputs());
        OutAndGrad kept = net.gradients(net.feed(images(1), labels(1), true), outputs, net.weights());
        Map<String, float[]> before = new HashMap<>();
        kept.getGradients().forEach((k, v) -> before.put("grad " + k, values(v)));
        kept.getOutputs().forEach((k, v) -> before.put("out " + k, values(v)));
        for (int call = 0; call < 3; call++) {
            net.gradients(net.feed(images(50 + call), labels(50 + call), true), outputs, net.weights());
            net.logits(images(70 + call));
        }
        kept.getGradients().forEach((k, v) -> assertArrayEquals(before.get("grad " + k), values(v), "gradient of " + k + " changed"));
        kept.getOutputs().forEach((k, v) -> assertArrayEquals(before.get("out " + k), values(v), "output " + k + " changed"));
        OutAndGrad again = net.gradients(net.feed(images(1), labels(1), true), outputs, net.weights());
        // Equal up to float summation order (a gradient that is zero in exact arithmetic, such as a
        // conv bias before batch norm, comes out as noise of 1e-8).
        again.getGradients().forEach((k, v) -> assertArrayEquals(before.get("grad " + k), values(v), 1e-5f * (1 + maxAbs(before.get("grad " + k))),
                "same batch, other gradient of " + k));
    }
}
