package org.polympcnet.models.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic data set for tests: class-dependent Gaussian blobs plus noise, any shape, fully
 * determined by the seed (java.util.Random, whose algorithm the JDK specifies, so the same seed
 * gives the same bytes on every JVM).
 *
 * <p>Each class k has, per channel, a blob centre, width and brightness drawn once from the
 * seed; image i has label {@code i % classes} (balanced, every class present in any run of
 * {@code classes} images), its class's blobs shifted by up to a pixel or so, and Gaussian noise
 * (sigma 0.08), clamped to [0, 1] and stored as bytes like every other source. The classes are
 * separable by a small network, which is what a training test needs.
 */
public final class SyntheticDataset {
    public static final String NAME = "synthetic";

    /** Defaults of {@code --dataset synthetic}: MNIST-shaped, small, seed 1. */
    public static final int DEFAULT_CHANNELS = 1, DEFAULT_SIDE = 28, DEFAULT_CLASSES = 10;
    public static final int DEFAULT_TRAIN = 2_000, DEFAULT_VALIDATION = 500, DEFAULT_TEST = 500;
    public static final long DEFAULT_SEED = 1;

    private final long seed;
    private final int channels, height, width, classes;
    private final double[][] centreY, centreX, sigma, brightness;

    public SyntheticDataset(long seed, int channels, int height, int width, int classes) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("synthetic image shape must be positive, got " + channels + " x " + height + " x " + width);
        }
        if (classes < 2 || classes > 256) throw new IllegalArgumentException("synthetic classes must be 2..256, got " + classes);
        this.seed = seed;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        centreY = new double[classes][channels];
        centreX = new double[classes][channels];
        sigma = new double[classes][channels];
        brightness = new double[classes][channels];
        Random r = new Random(seed);
        for (int k = 0; k < classes; k++) {
            for (int c = 0; c < channels; c++) {
                centreY[k][c] = (0.2 + 0.6 * r.nextDouble()) * (height - 1);
                centreX[k][c] = (0.2 + 0.6 * r.nextDouble()) * (width - 1);
                sigma[k][c] = Math.max(0.6, (0.08 + 0.12 * r.nextDouble()) * Math.min(height, width));
                brightness[k][c] = 0.5 + 0.5 * r.nextDouble();
            }
        }
    }

    /** The default synthetic splits ({@code --dataset synthetic}). */
    public static DatasetSplits defaultSplits() {
        return new SyntheticDataset(DEFAULT_SEED, DEFAULT_CHANNELS, DEFAULT_SIDE, DEFAULT_SIDE, DEFAULT_CLASSES)
                .splits(DEFAULT_TRAIN, DEFAULT_VALIDATION, DEFAULT_TEST);
    }

    /** Three splits of the given sizes, each drawn from its own stream of the same seed. */
    public DatasetSplits splits(int train, int validation, int test) {
        return new DatasetSplits(generate(train, 1), generate(validation, 2), generate(test, 3));
    }

    /** {@code n} images drawn from stream {@code stream} of this seed. */
    public Dataset generate(int n, int stream) {
        if (n < 0) throw new IllegalArgumentException("image count must not be negative, got " + n);
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + stream);
        int plane = height * width, imageSize = channels * plane;
        byte[] pixels = new byte[n * imageSize];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % classes;
            labels[i] = k;
            double dy = r.nextGaussian() * 0.05 * height, dx = r.nextGaussian() * 0.05 * width;
            for (int c = 0; c < channels; c++) {
                double cy = centreY[k][c] + dy, cx = centreX[k][c] + dx;
                double inv = 1.0 / (2 * sigma[k][c] * sigma[k][c]), amp = brightness[k][c];
                int off = i * imageSize + c * plane;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
                        double v = amp * Math.exp(-d2 * inv) + 0.08 * r.nextGaussian();
                        v = v < 0 ? 0 : v > 1 ? 1 : v;
                        pixels[off + y * width + x] = (byte) Math.round(v * 255);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) names.add("class" + k);
        String source = String.format("synthetic blobs, seed %d, stream %d, %d x %d x %d, %d classes", seed, stream, channels, height, width, classes);
        return new Dataset(NAME, source, channels, height, width, names, pixels, labels);
    }
}
