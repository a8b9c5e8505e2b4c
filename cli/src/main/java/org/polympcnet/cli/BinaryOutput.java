package org.polympcnet.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes bytes (a PNG) as {@link AtomicOutput} writes text: to a temp file beside the target, then renamed. */
final class BinaryOutput {
    private BinaryOutput() {}

    /** Fails now, before any work, if the target cannot be written (as AtomicOutput.begin does). */
    static void check(Path target) {
        AtomicOutput.begin(target).close();
    }

    static void write(Path target, byte[] data) {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            Files.write(tmp, data);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + AtomicOutput.describe(e), e);
        } finally {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // moved already, or a stray hidden temp file at worst
            }
        }
    }
}
