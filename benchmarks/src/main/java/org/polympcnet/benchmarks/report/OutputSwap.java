package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a new report next to the old one and swaps it in: everything goes to a hidden staging
 * folder in OUT first; only when all of it is written do tables/ and plots/ replace the old
 * folders (one rename each) and REPORT.md its old file. A failure before the swap leaves the old
 * report untouched; after it, no table or plot of an earlier run survives (each folder is
 * replaced whole, so a table whose source has gone is gone too).
 */
final class OutputSwap implements AutoCloseable {
    static final String TABLES = "tables", PLOTS = "plots", REPORT = "REPORT.md";

    private final Path out, staging;
    private boolean done;

    OutputSwap(Path out) {
        this.out = out;
        try {
            Files.createDirectories(out);
            this.staging = Files.createTempDirectory(out, ".report-");
            Files.createDirectory(staging.resolve(TABLES));
            Files.createDirectory(staging.resolve(PLOTS));
        } catch (IOException e) {
            throw new ReportException("cannot write the report into " + out + ": " + e.getMessage(), e);
        }
    }

    Path tables() {
        return staging.resolve(TABLES);
    }

    Path plots() {
        return staging.resolve(PLOTS);
    }

    void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new ReportException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ReportException("cannot copy " + from + ": " + e.getMessage(), e);
        }
    }

    Path staged(String name) {
        return staging.resolve(name);
    }

    /** Puts the staged report in place of the old one. */
    void commit() {
        try {
            for (String dir : new String[] {TABLES, PLOTS}) {
                Path old = out.resolve(dir);
                Path trash = staging.resolve("old-" + dir);
                if (Files.exists(old)) Files.move(old, trash, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging.resolve(dir), old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging.resolve(REPORT), out.resolve(REPORT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(REPORT), out.resolve(REPORT), StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new ReportException("cannot put the report in place in " + out + ": " + e.getMessage(), e);
        } finally {
            deleteStaging();
        }
    }

    @Override
    public void close() {
        if (!done) deleteStaging();
    }

    private void deleteStaging() {
        if (!Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A stray hidden folder is harmless; the next run makes its own.
        }
    }
}
