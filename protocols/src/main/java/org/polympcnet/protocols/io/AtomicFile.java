package org.polympcnet.protocols.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Files that appear complete or not at all: written to a hidden temp file beside the target (same
 * directory, so the rename stays on one file system and is atomic), then renamed over it. Every
 * module that writes results or models goes through here, so a killed run never leaves half a file.
 *
 * <p>The temp file is created with {@link Files#createFile} under a random name rather than with
 * {@link Files#createTempFile}: the latter makes the file owner-only (0600), which would carry over
 * to results and exported models through the rename; created plainly, the file gets the usual
 * permissions of the user's umask (0644 under the common 022), as any other tool's output does.
 */
public final class AtomicFile {
    private static final SecureRandom NAMES = new SecureRandom();

    private AtomicFile() {}

    /** A new, empty hidden file ".NAME.RANDOM.tmp" in target's directory (which must exist). */
    public static Path createSiblingTemp(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(NAMES.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 8) throw e;
            }
        }
    }

    /** Renames tmp over target, atomically where the file system can. */
    public static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes data to target through a sibling temp file; on failure target is untouched and no temp file stays. */
    public static void write(Path target, byte[] data) throws IOException {
        Path tmp = createSiblingTemp(target);
        try {
            Files.write(tmp, data);
            moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
