package org.polympcnet.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polympcnet.protocols.nn.Layer;
import org.polympcnet.protocols.nn.Model;
import org.polympcnet.protocols.nn.ModelFile;
import org.polympcnet.protocols.nn.PlainInference;
import org.polympcnet.protocols.nn.SecureInference;
import org.polympcnet.protocols.ops.Truncation;
import org.polympcnet.protocols.ring.FixedPoint;
import org.polympcnet.protocols.session.LocalSession;
import org.polympcnet.protocols.session.SessionParams;
import org.polympcnet.protocols.session.Transport;

/**
 * Export to the model format and back: the protocols' plaintext inference and secure inference
 * (both parties in this process) of the exported model give ND4J's logits.
 */
class ExporterTest {
    private static final int IMAGES = 4;
    private static final double[] MEAN = {0.3}, STD = {0.4};

    /** A cnn on 1x12x12 with every kind of layer choice, and batch norm that is not the identity. */
    private static Network network() {
        NetSpec spec = Architectures.build("cnn", new int[] {1, 12, 12}, 4);
        Choices c = Choices.forMode(spec, "relu").with(Map.of("act1", Choices.POLY, "act3", Choices.POLY, "pool2", Choices.AVG));
        Network net = Network.build(spec, c, PolyInit.STPAI, X2Act.DEFAULT_SCALE, 5, null);
        SplittableRandom r = new SplittableRandom(9);
        for (String conv : net.batchNorms()) {
            randomise(net.array(BatchNorm.gamma(conv)), r, 0.5, 1.5);
            randomise(net.array(BatchNorm.beta(conv)), r, -0.3, 0.3);
            randomise(net.runningStats().get(BatchNorm.runningMean(conv)), r, -0.5, 0.5);
            randomise(net.runningStats().get(BatchNorm.runningVar(conv)), r, 0.5, 2.0);
        }
        for (String a : new String[] {"act1", "act3"}) {
            net.array(X2Act.w2(a)).assign(0.05);
            net.array(X2Act.w1(a)).assign(0.9);
            net.array(X2Act.b(a)).assign(0.1);
        }
        return net;
    }

    private static void randomise(INDArray a, SplittableRandom r, double lo, double hi) {
        for (int i = 0; i < a.length(); i++) a.putScalar(i, lo + (hi - lo) * r.nextDouble());
    }

    private static double[][] pixels() {
        SplittableRandom r = new SplittableRandom(11);
        double[][] px = new double[IMAGES][144];
        for (double[] im : px) for (int k = 0; k < im.length; k++) im[k] = r.nextDouble();
        return px;
    }

    private static double[][] nd4jLogits(Network net, double[][] px) {
        float[] x = new float[IMAGES * 144];
        for (int i = 0; i < IMAGES; i++) for (int k = 0; k < 144; k++) x[i * 144 + k] = (float) ((px[i][k] - MEAN[0]) / STD[0]);
        INDArray logits = net.logits(Nd4j.create(x, new long[] {IMAGES, 1, 12, 12}, 'c'));
        double[][] out = new double[IMAGES][];
        for (int i = 0; i < IMAGES; i++) out[i] = logits.getRow(i).dup().toDoubleVector();
        return out;
    }

    @Test
    void exportedModelGivesNd4jLogitsInPlaintextAndUnder2pc(@TempDir Path dir) throws Exception {
        Network net = network();
        double[][] px = pixels();
        double[][] want = nd4jLogits(net, px);

        ModelFile.write(dir, Exporter.export(net, "probe-run", "synthetic", MEAN, STD, Map.of("testAccuracy", 12.5)));
        Model m = ModelFile.load(dir, true);
        assertEquals("probe-run", m.name, "the model is named after the run, not the architecture");
        assertEquals(12.5, m.metrics().get("testAccuracy"));
        assertTrue(m.layers.get(1) instanceof Layer.Act a && a.kind().equals("poly") && Math.abs(a.coeffs()[0] - 0.05) < 1e-7);
        assertEquals("max", ((Layer.Pool) m.layers.get(2)).kind());
        // act2 is the one ReLU: conv2's 32 channels of 6x6.
        assertEquals(32 * 6 * 6, m.reluCount());

        PlainInference plain = new PlainInference(m);
        double plainErr = 0;
        for (int i = 0; i < IMAGES; i++) {
            double[] got = plain.logits(PlainInference.preprocess(m, px[i]));
            for (int k = 0; k < got.length; k++) plainErr = Math.max(plainErr, Math.abs(got[k] - want[i][k]) / (1 + Math.abs(want[i][k])));
        }
        System.out.printf("export: plaintext vs ND4J, max relative logit error %.2e%n", plainErr);
        assertTrue(plainErr < 1e-4, "plaintext logits differ from ND4J's by " + plainErr);

        FixedPoint fp = FixedPoint.standard();
        LocalSession s = new LocalSession(fp, Truncation.Mode.LOCAL, Transport.MEMORY, 60_000);
        Model arch = new Model(m.name, m.dataset, m.input, m.classes, m.mean, m.std, m.layers, m.tensorShapes(), null, m.metrics());
        var r = s.run(new SessionParams().put("model", m.name), p -> {
            new SecureInference(p, m).infer(null, IMAGES);
            return null;
        }, p -> {
            long[] x = new long[IMAGES * 144];
            for (int i = 0; i < IMAGES; i++) {
                double[] pre = PlainInference.preprocess(m, px[i]);
                for (int k = 0; k < 144; k++) x[i * 144 + k] = fp.encode(pre[k]);
            }
            return new SecureInference(p, arch).infer(x, IMAGES);
        });
        assertNull(r.party0(), "the server learns no logits");
        double secureErr = 0;
        for (int i = 0; i < IMAGES; i++) {
            for (int k = 0; k < m.classes; k++) secureErr = Math.max(secureErr, Math.abs(fp.decode(r.party1()[i * m.classes + k]) - want[i][k]));
        }
        System.out.printf("export: 2PC (f = 16) vs ND4J, max logit error %.2e%n", secureErr);
        assertTrue(secureErr < 5e-3, "secure logits differ from ND4J's by " + secureErr);
    }

    @Test
    void foldingABatchNormKeepsTheConvOutput() {
        // One output channel, two weights: gamma (w.x + b - mean) / sqrt(var + eps) + beta.
        float[] w = {0.5f, -1.5f}, b = {0.25f};
        double[] x = {2, 3};
        double gamma = 1.3, beta = -0.2, mean = 0.7, var = 2.5;
        double want = gamma * (w[0] * x[0] + w[1] * x[1] + b[0] - mean) / Math.sqrt(var + BatchNorm.EPSILON) + beta;
        BatchNormFolding.fold(w, b, new float[] {(float) gamma}, new float[] {(float) beta}, new float[] {(float) mean}, new float[] {(float) var},
                BatchNorm.EPSILON);
        assertEquals(want, w[0] * x[0] + w[1] * x[1] + b[0], 1e-5);
    }
}
