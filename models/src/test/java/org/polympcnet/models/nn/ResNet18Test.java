package org.polympcnet.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polympcnet.protocols.nn.Model;

/** ResNet-18 (CIFAR variant) with gates everywhere: one forward and backward pass on a CIFAR-shaped batch of 2. */
class ResNet18Test {
    @Test
    void forwardAndBackwardOnACifarBatch() {
        NetSpec spec = Architectures.build("resnet18", new int[] {3, 32, 32}, 10);
        assertEquals(17, spec.activations().size(), "stem + 2 per basic block x 8");
        Network net = Network.build(spec, Choices.forMode(spec, "search"), PolyInit.STPAI, X2Act.DEFAULT_SCALE, 1, null);
        assertEquals(17, net.alphas().size(), "a gate at every activation");
        Random r = new Random(2);
        float[] x = new float[2 * 3 * 32 * 32], y = new float[2 * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        y[3] = 1;
        y[10 + 7] = 1;
        INDArray f = Nd4j.create(x, new long[] {2, 3, 32, 32}, 'c'), l = Nd4j.create(y, new long[] {2, 10}, 'c');
        long t0 = System.nanoTime();
        var res = net.gradients(net.feed(f, l, true), List.of(Network.LOSS, Network.LOGITS), net.weights());
        System.out.printf("resnet18: forward + backward of batch 2 in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertArrayEquals(new long[] {2, 10}, res.getOutputs().get(Network.LOGITS).shape());
        assertTrue(Double.isFinite(res.getOutputs().get(Network.LOSS).getDouble(0)));
        for (String w : net.weights()) {
            INDArray g = res.getGradients().get(w);
            assertEquals(net.array(w).length(), g.length(), w);
            assertTrue(Double.isFinite(g.sumNumber().doubleValue()), w + " has a non-finite gradient");
        }
        assertTrue(res.getGradients().get("fc/w").norm2Number().doubleValue() > 0);
        // The export's architecture is a valid model of the format: residual adds, 1x1 projections, global pool.
        Model arch = Exporter.architecture(spec, Choices.forMode(spec, "relu"), "cifar10");
        assertArrayEquals(new int[] {10}, arch.outputShape());
        assertEquals(17, arch.layers.stream().filter(a -> a instanceof org.polympcnet.protocols.nn.Layer.Act).count());
        assertTrue(Map.of("gap", 1).containsKey(spec.nodes().get(spec.nodes().size() - 3).name()));
    }
}
