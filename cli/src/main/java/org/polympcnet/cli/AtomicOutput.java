package org.polympcnet.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polympcnet.protocols.io.AtomicFile;

/**
 * A file that appears complete or not at all: written to a temp file in the target's directory
 * (so the final rename stays on one file system and is atomic), renamed over the target on
 * {@link #commit()}, deleted on {@link #close()} if never committed. Readers of OUT or STATS.json
 * therefore never see a partial file, whatever goes wrong.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private BufferedWriter writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Creates the temp file now, so an unwritable destination fails before any protocol work. */
    static AtomicOutput begin(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new CliException("cannot write " + target + ": it is a directory");
        if (dir == null || !Files.isDirectory(dir)) throw new CliException("cannot write " + target + ": no such directory");
        try {
            Path tmp = AtomicFile.createSiblingTemp(abs);
            // A killed JVM (SIGTERM, Ctrl-C) still runs shutdown hooks: do not leave the temp behind.
            tmp.toFile().deleteOnExit();
            return new AtomicOutput(target, tmp);
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + describe(e), e);
        }
    }

    Writer writer() {
        if (writer == null) {
            try {
                writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("cannot write " + target + ": " + describe(e), e);
            }
        }
        return writer;
    }

    void commit() {
        try {
            if (writer != null) writer.close();
            AtomicFile.moveOver(temp, target);
            committed = true;
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + describe(e), e);
        }
    }

    /** Writes the whole text atomically. */
    static void write(Path target, String text) {
        try (AtomicOutput out = begin(target)) {
            out.writer().write(text);
            out.commit();
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + describe(e), e);
        }
    }

    @Override
    public void close() {
        if (committed) return;
        try {
            if (writer != null) writer.close();
        } catch (IOException ignored) {
            // the temp file is deleted next anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a stray hidden temp file is harmless, and deleteOnExit tries again
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
