package org.polympcnet.protocols.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polympcnet.protocols.ops.ReluProtocol;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/** Whole networks under 2PC against the plaintext reference. */
class SecureInferenceTest {
    private static final FixedPoint FP = FixedPoint.standard();

    private record Outcome(double maxError, int agree, int total, List<SecureInference.LayerCost> costs) {}

    private static Outcome run(Model m, int images, int batch, Truncation.Mode mode, Transport t) throws Exception {
        return run(m, images, batch, mode, t, ReluProtocol.GMW);
    }

    private static Outcome run(Model m, int images, int batch, Truncation.Mode mode, Transport t, ReluProtocol relu) throws Exception {
        int size = (int) Model.size(m.input);
        double[][] pix = TestModels.images(images, size, 99);
        PlainInference plain = new PlainInference(m);
        LocalSession s = new LocalSession(FP, mode, t, 30_000);
        var r = s.run(new SessionParams().put("model", m.name), p -> {
            SecureInference si = new SecureInference(p, m, relu);
            for (int start = 0; start < images; start += batch) si.infer(null, Math.min(batch, images - start));
            return new Object[] {null, si.layerCosts()};
        }, p -> {
            // The client holds no weights: it works from the architecture alone.
            Model arch = withoutWeights(m);
            SecureInference si = new SecureInference(p, arch, relu);
            long[][] out = new long[images][];
            for (int start = 0; start < images; start += batch) {
                int b = Math.min(batch, images - start);
                long[] x = new long[b * size];
                for (int i = 0; i < b; i++) {
                    double[] pre = PlainInference.preprocess(m, pix[start + i]);
                    for (int k = 0; k < size; k++) x[i * size + k] = FP.encode(pre[k]);
                }
                long[] logits = si.infer(x, b);
                for (int i = 0; i < b; i++) out[start + i] = java.util.Arrays.copyOfRange(logits, i * m.classes, (i + 1) * m.classes);
            }
            return new Object[] {out, si.layerCosts()};
        });
        assertNull(r.party0()[0], "the server learns no output");
        long[][] secure = (long[][]) r.party1()[0];
        double maxErr = 0;
        int agree = 0;
        for (int i = 0; i < images; i++) {
            double[] want = plain.logits(PlainInference.preprocess(m, pix[i]));
            int a = 0, b = 0;
            for (int k = 0; k < want.length; k++) {
                maxErr = Math.max(maxErr, Math.abs(FP.decode(secure[i][k]) - want[k]));
                if (want[k] > want[a]) a = k;
                if (secure[i][k] > secure[i][b]) b = k;
            }
            if (a == b) agree++;
        }
        @SuppressWarnings("unchecked")
        List<SecureInference.LayerCost> costs = (List<SecureInference.LayerCost>) r.party0()[1];
        return new Outcome(maxErr, agree, images, costs);
    }

    static Model withoutWeights(Model m) {
        return new Model(m.name, m.dataset, m.input, m.classes, m.mean, m.std, m.layers, m.tensorShapes(), null, m.metrics());
    }

    private static void check(Outcome o, String what) {
        System.out.printf("%s: max logit error %.2e, agreement %d/%d%n", what, o.maxError, o.agree, o.total);
        assertTrue(o.maxError < 2e-3, what + ": max logit error " + o.maxError);
        assertEquals(o.total, o.agree, what + ": predictions agree on every image");
    }

    @Test
    void reluCnnWithMaxPool() throws Exception {
        Outcome o = run(TestModels.reluCnn(), 12, 5, Truncation.Mode.LOCAL, Transport.MEMORY);
        check(o, "relu-cnn");
        SecureInference.LayerCost r1 = o.costs.get(1);
        assertEquals("act:relu", r1.type);
        // 12 images of 4x8x8 ReLUs, in batches 5, 5, 2: exact bytes and 8 rounds a batch.
        assertEquals(org.polympcnet.protocols.ops.Relu.onlineBytes(5 * 256) * 2 + org.polympcnet.protocols.ops.Relu.onlineBytes(2 * 256),
                r1.onlineBytesSent);
        assertEquals(3 * 8, r1.onlineRounds);
    }

    /** ReLU layers and max pool's comparisons by FSS: one round each, 8 bytes a ReLU a party. */
    @Test
    void reluCnnWithMaxPoolByFss() throws Exception {
        Outcome o = run(TestModels.reluCnn(), 12, 5, Truncation.Mode.LOCAL, Transport.MEMORY, ReluProtocol.FSS);
        check(o, "relu-cnn/fss");
        SecureInference.LayerCost r1 = o.costs.get(1);
        assertEquals("act:relu", r1.type);
        assertEquals(8L * (5 * 256 * 2 + 2 * 256), r1.onlineBytesSent);
        assertEquals(3, r1.onlineRounds, "one round a batch");
        for (SecureInference.LayerCost c : o.costs) {
            if (c.type.equals("pool:max")) assertTrue(c.onlineRounds <= 3 * 4, "a max pool level is one round: " + c.onlineRounds);
        }
    }

    @Test
    void polyCnnWithAvgPool() throws Exception {
        Outcome o = run(TestModels.polyCnn(), 12, 12, Truncation.Mode.LOCAL, Transport.MEMORY);
        check(o, "poly-cnn");
        assertEquals(1, o.costs.get(1).onlineRounds, "a polynomial layer takes one round");
    }

    @Test
    void residualBlockWithFaithfulTruncation() throws Exception {
        check(run(TestModels.residual(), 6, 4, Truncation.Mode.FAITHFUL, Transport.MEMORY), "residual/faithful");
    }

    @Test
    void residualBlockOverTcp() throws Exception {
        check(run(TestModels.residual(), 4, 4, Truncation.Mode.LOCAL, Transport.TCP), "residual/tcp");
    }
}
