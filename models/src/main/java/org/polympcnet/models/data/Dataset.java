package org.polympcnet.models.data;

import java.util.List;
import java.util.Objects;

/**
 * Labelled images of one shape, [N, C, H, W]. Pixels are kept as the unsigned bytes every
 * source here holds (IDX, CIFAR-10 batches, the npm packages; see the package documentation), a
 * quarter of the memory of floats, and handed out as floats in [0, 1] ({@code byte / 255}),
 * channel-major and row-major within a channel: exactly the [C, H, W] layout of DESIGN.md's
 * model format, so {@link #image(int)} can be fed to the model's preprocess step unchanged.
 *
 * <p>A data set is immutable. {@link #slice(int, int)} is a view that shares the arrays.
 */
public final class Dataset {
    /** byte b as a float in [0, 1]: b / 255f, correctly rounded, looked up. */
    private static final float[] UNIT = new float[256];

    static {
        for (int b = 0; b < 256; b++) UNIT[b] = b / 255f;
    }

    private final String name;
    private final String source;
    private final int channels, height, width;
    private final List<String> classNames;
    private final byte[] pixels;
    private final int[] labels;
    private final int start, size;

    /**
     * @param pixels {@code labels.length * channels * height * width} unsigned bytes, image after
     *     image, each [C, H, W]
     * @param labels class of each image, in [0, classNames.size())
     */
    public Dataset(String name, String source, int channels, int height, int width, List<String> classNames, byte[] pixels, int[] labels) {
        this(name, source, channels, height, width, List.copyOf(classNames), pixels, labels, 0, labels.length, true);
    }

    private Dataset(String name, String source, int channels, int height, int width, List<String> classNames, byte[] pixels, int[] labels,
                    int start, int size, boolean check) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = classNames;
        this.pixels = pixels;
        this.labels = labels;
        this.start = start;
        this.size = size;
        if (check) {
            if (channels <= 0 || height <= 0 || width <= 0) {
                throw new IllegalArgumentException(name + ": image shape must be positive, got " + channels + " x " + height + " x " + width);
            }
            if (classNames.isEmpty()) throw new IllegalArgumentException(name + ": no classes");
            if ((long) labels.length * imageSize() != pixels.length) {
                throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes for " + labels.length + " images of "
                        + imageSize());
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= classNames.size()) {
                    throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i + " is outside [0, " + classNames.size() + ")");
                }
            }
        }
    }

    /** Data-set name: fashion-mnist, mnist, cifar10 or synthetic. */
    public String name() {
        return name;
    }

    /** Where the images came from (package and cache folder, or files), for logs and reports. */
    public String source() {
        return source;
    }

    /** Number of images, N. */
    public int size() {
        return size;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** C * H * W, the floats in one image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** [N, C, H, W]. */
    public int[] shape() {
        return new int[] {size, channels, height, width};
    }

    /** [C, H, W] of every image: the {@code input} field of a model for this data. */
    public int[] imageShape() {
        return new int[] {channels, height, width};
    }

    /** Number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** Name of each class, by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Label of image i. */
    public int label(int i) {
        return labels[start + Objects.checkIndex(i, size)];
    }

    /** The labels, a copy. */
    public int[] labels() {
        int[] out = new int[size];
        System.arraycopy(labels, start, out, 0, size);
        return out;
    }

    /** Pixels of image i in [0, 1], [C, H, W]. */
    public float[] image(int i) {
        float[] out = new float[imageSize()];
        image(i, out, 0);
        return out;
    }

    /** Writes the pixels of image i in [0, 1] into {@code dst} from {@code offset}. */
    public void image(int i, float[] dst, int offset) {
        int n = imageSize();
        int src = (start + Objects.checkIndex(i, size)) * n;
        for (int k = 0; k < n; k++) dst[offset + k] = UNIT[pixels[src + k] & 0xff];
    }

    /** The raw bytes (0..255) of image i, [C, H, W], a copy. */
    public byte[] imageBytes(int i) {
        int n = imageSize();
        byte[] out = new byte[n];
        System.arraycopy(pixels, (start + Objects.checkIndex(i, size)) * n, out, 0, n);
        return out;
    }

    /** Images [from, to) in [0, 1] as one [to - from, C, H, W] array. */
    public float[] images(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        int n = imageSize();
        float[] out = new float[(to - from) * n];
        for (int i = from; i < to; i++) image(i, out, (i - from) * n);
        return out;
    }

    /** All images in [0, 1] as one [N, C, H, W] array. */
    public float[] images() {
        return images(0, size);
    }

    /**
     * A mini-batch: the images at {@code indices} into {@code images} ([B, C, H, W], B =
     * indices.length) and their labels into {@code batchLabels}. The trainer shuffles indices
     * and reuses both buffers, so a batch allocates nothing.
     */
    public void gather(int[] indices, float[] images, int[] batchLabels) {
        int n = imageSize();
        if (images.length < indices.length * n) {
            throw new IllegalArgumentException("image buffer holds " + images.length + " floats, the batch needs " + indices.length * n);
        }
        if (batchLabels.length < indices.length) {
            throw new IllegalArgumentException("label buffer holds " + batchLabels.length + " labels, the batch needs " + indices.length);
        }
        for (int b = 0; b < indices.length; b++) {
            image(indices[b], images, b * n);
            batchLabels[b] = label(indices[b]);
        }
    }

    /** Images [from, to), a view sharing this data set's arrays. */
    public Dataset slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Dataset(name, source, channels, height, width, classNames, pixels, labels, start + from, to - from, false);
    }

    /** The first {@code min(n, size())} images ({@code --limit N}). */
    public Dataset limit(int n) {
        if (n < 0) throw new IllegalArgumentException("limit must not be negative, got " + n);
        return n >= size ? this : slice(0, n);
    }

    /** Images per class, by label. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int i = 0; i < size; i++) counts[labels[start + i]]++;
        return counts;
    }

    /** Mean and standard deviation per channel of these images' pixels in [0, 1]. */
    public ChannelStats channelStats() {
        return ChannelStats.of(this);
    }

    byte[] pixelArray() {
        return pixels;
    }

    /** Offset in {@link #pixelArray()} of image 0 of this view. */
    int pixelOffset() {
        return start * imageSize();
    }

    @Override
    public String toString() {
        return name + " [" + size + ", " + channels + ", " + height + ", " + width + "], " + classes() + " classes, from " + source;
    }
}
