package org.polympcnet.models.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polympcnet.models.data.Dataset;

/**
 * Mini-batches of a data set as the network's placeholders: images preprocessed as the model
 * format says ({@code (x - mean[c]) / std[c]} on pixels in [0, 1]) into [B, C, H, W], labels
 * one-hot [B, classes]. The float buffers are reused from batch to batch.
 */
final class Batches {
    private final Dataset data;
    private final float[] mean, invStd;
    private float[] images = new float[0], oneHot = new float[0];
    private int[] labels = new int[0];

    Batches(Dataset data, double[] mean, double[] std) {
        this.data = data;
        this.mean = new float[mean.length];
        this.invStd = new float[std.length];
        for (int c = 0; c < mean.length; c++) {
            this.mean[c] = (float) mean[c];
            this.invStd[c] = (float) (1 / std[c]);
        }
    }

    /** The images at {@code indices}: [features, labels]. */
    INDArray[] of(int[] indices) {
        int b = indices.length, size = data.imageSize(), plane = data.height() * data.width(), k = data.classes();
        if (images.length != b * size) {
            images = new float[b * size];
            oneHot = new float[b * k];
            labels = new int[b];
        }
        data.gather(indices, images, labels);
        for (int i = 0; i < b; i++) {
            for (int c = 0; c < data.channels(); c++) {
                int off = i * size + c * plane;
                float m = mean[c], s = invStd[c];
                for (int p = 0; p < plane; p++) images[off + p] = (images[off + p] - m) * s;
            }
        }
        java.util.Arrays.fill(oneHot, 0f);
        for (int i = 0; i < b; i++) oneHot[i * k + labels[i]] = 1f;
        return new INDArray[] {Nd4j.create(images, new long[] {b, data.channels(), data.height(), data.width()}, 'c'),
            Nd4j.create(oneHot, new long[] {b, k}, 'c')};
    }

    /** Labels of the last batch made. */
    int[] labels() {
        return labels;
    }

    /** Images [from, to) in order. */
    INDArray[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        return of(idx);
    }
}
