package org.polympcnet.models.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch norm over the channels of an NCHW tensor, written in elementary ops so that SameDiff
 * differentiates through the batch statistics. One graph serves training and evaluation: the
 * scalar placeholder {@link Network#BN_TRAIN} (1 or 0) picks the batch's mean and variance or
 * the running ones, which are placeholders fed by the trainer (an exponential average of the
 * batch statistics, updated from the graph's batch-statistics outputs after each weight step).
 * On export the layer is folded into the conv before it ({@link BatchNormFolding}).
 */
public final class BatchNorm {
    public static final double EPSILON = 1e-5;
    /** Weight of a new batch in the running averages (PyTorch's default). */
    public static final double MOMENTUM = 0.1;

    private BatchNorm() {}

    public static String gamma(String conv) {
        return conv + "/bn_gamma";
    }

    public static String beta(String conv) {
        return conv + "/bn_beta";
    }

    public static String runningMean(String conv) {
        return conv + "/bn_running_mean";
    }

    public static String runningVar(String conv) {
        return conv + "/bn_running_var";
    }

    public static String batchMean(String conv) {
        return conv + "/bn_batch_mean";
    }

    public static String batchVar(String conv) {
        return conv + "/bn_batch_var";
    }

    static SDVariable apply(SameDiff sd, String conv, SDVariable z, int channels, SDVariable train) {
        DataType t = z.dataType() == null || !z.dataType().isFPType() ? DataType.FLOAT : z.dataType();
        SDVariable gamma = sd.var(gamma(conv), Nd4j.ones(t, channels));
        SDVariable beta = sd.var(beta(conv), Nd4j.zeros(t, channels));
        SDVariable rm = sd.placeHolder(runningMean(conv), t, channels);
        SDVariable rv = sd.placeHolder(runningVar(conv), t, channels);
        SDVariable bm = z.mean(batchMean(conv), false, 0, 2, 3);
        SDVariable notTrain = train.rsub(1.0);
        SDVariable m = bm.mul(train).add(rm.mul(notTrain));
        // One centring serves the batch variance and the output: in training m is the batch mean,
        // so d is z minus it; in evaluation the variance computed from d is unused (weight 0).
        // This saves a full-size subtraction and its gradient per layer. d * d rather than
        // square(d): square's gradient is ND4J's pow derivative, several times slower than a
        // product's. (ND4J's own batchnorm op cannot be used: its M2.1 gradient fails to build,
        // "axis must be specified".)
        SDVariable d = z.sub(m.reshape(1, channels, 1, 1));
        SDVariable bv = d.mul(d).mean(batchVar(conv), false, 0, 2, 3);
        SDVariable v = bv.mul(train).add(rv.mul(notTrain));
        SDVariable inv = sd.math().rsqrt(v.add(EPSILON)).mul(gamma);
        return d.mul(inv.reshape(1, channels, 1, 1)).add(conv + "/bn", beta.reshape(1, channels, 1, 1));
    }
}
