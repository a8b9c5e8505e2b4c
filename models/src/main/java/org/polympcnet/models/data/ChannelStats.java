package org.polympcnet.models.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Mean and standard deviation per channel of pixels scaled to [0, 1]: the {@code mean} and
 * {@code std} of a model's {@code preprocess} field ({@code (x - mean[c]) / std[c]}). The
 * standard deviation is the population one (divided by the pixel count, not count - 1), as
 * torchvision's usual Normalize constants are.
 */
public record ChannelStats(double[] mean, double[] std) {
    public ChannelStats {
        if (mean.length != std.length) throw new IllegalArgumentException("mean has " + mean.length + " channels, std " + std.length);
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public int channels() {
        return mean.length;
    }

    /**
     * Computes the statistics exactly from the bytes: per channel the sums of b and b^2 fit in a
     * long for any data set that fits in memory, so no floating-point error accumulates.
     */
    static ChannelStats of(Dataset d) {
        int c = d.channels(), plane = d.height() * d.width(), n = d.size();
        double[] mean = new double[c], std = new double[c];
        if (n == 0) {
            Arrays.fill(mean, Double.NaN);
            Arrays.fill(std, Double.NaN);
            return new ChannelStats(mean, std);
        }
        byte[] px = d.pixelArray();
        int base = d.pixelOffset();
        int imageSize = c * plane;
        for (int ch = 0; ch < c; ch++) {
            long s1 = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                int off = base + i * imageSize + ch * plane;
                for (int k = 0; k < plane; k++) {
                    int b = px[off + k] & 0xff;
                    s1 += b;
                    s2 += b * b;
                }
            }
            double count = (double) n * plane;
            double m = s1 / count;
            double var = Math.max(0, s2 / count - m * m);
            mean[ch] = m / 255.0;
            std[ch] = Math.sqrt(var) / 255.0;
        }
        return new ChannelStats(mean, std);
    }

    @Override
    public String toString() {
        return "mean " + format(mean) + ", std " + format(std);
    }

    static String format(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.6f", v[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelStats s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
