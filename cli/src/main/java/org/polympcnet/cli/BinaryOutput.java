package org.polympcnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.polympcnet.protocols.io.AtomicFile;

/** Writes bytes (a PNG) as {@link AtomicOutput} writes text: to a temp file beside the target, then renamed. */
final class BinaryOutput {
    private BinaryOutput() {}

    /** Fails now, before any work, if the target cannot be written (as AtomicOutput.begin does). */
    static void check(Path target) {
        AtomicOutput.begin(target).close();
    }

    static void write(Path target, byte[] data) {
        try {
            AtomicFile.write(target.toAbsolutePath(), data);
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + AtomicOutput.describe(e), e);
        }
    }
}
