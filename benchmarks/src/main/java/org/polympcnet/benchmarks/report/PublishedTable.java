package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Figures other systems published (CrypTen, CrypTFlow2, Cheetah, PASNet), from the curated file
 * results/published/figures.csv, each with its source. They are shown in their own table, never
 * mixed with our measurements: different hardware, networks, models and datasets.
 */
final class PublishedTable {
    static final List<String> HEADER = List.of("system", "venue", "workload", "metric", "value", "unit", "setting", "source");

    private PublishedTable() {}

    static Section table(Path file) {
        Section s = new Section("published", "Published figures of other systems (not measured here)");
        s.sourceFolder = "published/";
        if (file == null || !Files.isRegularFile(file)) return s.missing(file == null ? "figures.csv" : file.getFileName().toString());
        s.source(file.getFileName().toString());
        MarkdownTable t = new MarkdownTable("system", "venue", "workload", "metric", "published value", "unit", "setting", "source");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r)) {
            if (!p.getHeaderNames().equals(HEADER)) {
                throw new ReportException(file + ":1: header is " + String.join(",", p.getHeaderNames()) + ", want " + String.join(",", HEADER));
            }
            for (CSVRecord rec : p) {
                if (rec.size() != HEADER.size()) {
                    throw new ReportException(file + ":" + rec.getRecordNumber() + ": want " + HEADER.size() + " fields, got " + rec.size());
                }
                if (rec.get("source").isBlank()) {
                    throw new ReportException(file + ": record " + rec.getRecordNumber() + " (" + rec.get("system") + ", " + rec.get("metric")
                            + ") has no source: every published figure must name where it was published");
                }
                t.row(rec.get("system"), rec.get("venue"), rec.get("workload"), rec.get("metric"), rec.get("value"), rec.get("unit"),
                        rec.get("setting"), rec.get("source"));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!t.isEmpty()) s.table = t.render();
        s.note("**These are published figures, quoted from each source, not our measurements.** They come from other hardware, "
                + "networks, models and datasets (mostly ImageNet-scale networks), so they set the scale of the field rather than "
                + "a like-for-like comparison with the tables above.");
        return s;
    }
}
