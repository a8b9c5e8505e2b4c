package org.polympcnet.models.nn;

/**
 * Folds an evaluation-mode batch norm into the conv before it, as the model format wants:
 * {@code gamma (conv(x) + b - mean) / sqrt(var + eps) + beta} is the conv with weights
 * {@code w[o] * k[o]} and bias {@code (b[o] - mean[o]) * k[o] + beta[o]}, where
 * {@code k = gamma / sqrt(var + eps)}. Secure inference then needs no batch-norm op at all.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {}

    /**
     * Folds in place.
     *
     * @param weight [out, in, kh, kw] row-major
     * @param bias [out]
     */
    public static void fold(float[] weight, float[] bias, float[] gamma, float[] beta, float[] mean, float[] var, double eps) {
        int out = bias.length;
        if (weight.length % out != 0) throw new IllegalArgumentException(weight.length + " weights for " + out + " output channels");
        int per = weight.length / out;
        for (int o = 0; o < out; o++) {
            double k = gamma[o] / Math.sqrt(var[o] + eps);
            for (int i = 0; i < per; i++) weight[o * per + i] = (float) (weight[o * per + i] * k);
            bias[o] = (float) ((bias[o] - mean[o]) * k + beta[o]);
        }
    }
}
