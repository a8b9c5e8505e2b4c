package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw results folder, read once per report. Files are found by name or glob and parsed on
 * first use; every lookup is remembered, so the report can list which raw files fed it and which
 * files were present but used by no table.
 */
public final class RawDir {
    private final Path dir;
    private final Map<Path, List<TidyRow>> tidy = new HashMap<>();
    private final Map<Path, List<JmhRow>> jmh = new HashMap<>();
    private final List<Path> used = new ArrayList<>();

    public RawDir(Path dir) {
        if (!Files.isDirectory(dir)) throw new ReportException(dir + ": no such directory (the raw results folder)");
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** The file named name in the raw folder, if it exists. */
    public Optional<Path> file(String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) return Optional.empty();
        markUsed(p);
        return Optional.of(p);
    }

    /** Files matching a glob such as {@code infer-*.csv}, sorted by name. */
    public List<Path> glob(String pattern) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, pattern)) {
            for (Path p : ds) if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) out.add(p);
        } catch (IOException e) {
            throw new ReportException(dir + ": cannot list: " + e.getMessage(), e);
        }
        out.sort(null);
        for (Path p : out) markUsed(p);
        return out;
    }

    public List<TidyRow> tidy(Path p) {
        return tidy.computeIfAbsent(p, TidyRow::read);
    }

    public List<JmhRow> jmh(Path p) {
        return jmh.computeIfAbsent(p, JmhRow::read);
    }

    /** Rows of every JMH CSV file (jmh-*.csv). */
    public List<JmhRow> allJmh() {
        List<JmhRow> all = new ArrayList<>();
        for (Path p : glob("jmh-*.csv")) all.addAll(jmh(p));
        return all;
    }

    /** Raw files some table or plot read. */
    public List<String> usedNames() {
        List<String> names = new ArrayList<>();
        for (Path p : used) names.add(p.getFileName().toString());
        return names;
    }

    private void markUsed(Path p) {
        if (!used.contains(p)) used.add(p);
    }
}
