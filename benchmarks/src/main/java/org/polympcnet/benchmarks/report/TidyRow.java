package org.polympcnet.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a tidy raw file (DESIGN.md, results): {@code experiment,config,metric,value,unit},
 * config being {@code key=value} pairs joined by ';'. Reading checks the header and names the file
 * and line of anything malformed.
 */
public record TidyRow(String file, int line, String experiment, Map<String, String> config, String metric,
                      String value, String unit) {
    static final List<String> HEADER = List.of("experiment", "config", "metric", "value", "unit");

    /** The value as a number; NaN when it is empty or not a number (a figure the writer could not observe). */
    public double num() {
        try {
            return value.isBlank() ? Double.NaN : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public String get(String key) {
        return config.get(key);
    }

    /** Where the figure comes from, for messages: {@code train.csv:12}. */
    public String where() {
        return file + ":" + line;
    }

    static Map<String, String> parseConfig(String config) {
        Map<String, String> m = new LinkedHashMap<>();
        if (config == null || config.isBlank()) return m;
        for (String kv : config.split(";")) {
            if (kv.isBlank()) continue;
            int eq = kv.indexOf('=');
            if (eq <= 0) m.put(kv.trim(), "");
            else m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(m);
    }

    public static List<TidyRow> read(Path path) {
        String name = path.getFileName().toString();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderNames().equals(HEADER)) {
                throw new ReportException(path + ":1: header is " + String.join(",", p.getHeaderNames())
                        + ", want " + String.join(",", HEADER));
            }
            List<TidyRow> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                int line = (int) rec.getRecordNumber() + 1;
                if (rec.size() != 5) throw new ReportException(path + ":" + line + ": want 5 fields, got " + rec.size());
                rows.add(new TidyRow(name, line, rec.get(0), parseConfig(rec.get(1)), rec.get(2), rec.get(3), rec.get(4)));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ReportException(path + ": cannot read as tidy CSV: " + e.getMessage(), e);
        }
    }
}
