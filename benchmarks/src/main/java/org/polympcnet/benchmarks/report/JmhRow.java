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
 * One row of JMH's CSV output ({@code -rf csv}): a benchmark's primary score, or one of its
 * auxiliary counters ({@code Benchmark} column {@code pkg.Class.method:counter}), with its
 * {@code Param: x} columns. Empty parameter cells (a class without that parameter) are dropped.
 * {@code group} is the last segment of the class's package (ops, ot, crypto, nn ...): which
 * table it belongs to.
 */
public record JmhRow(String file, int line, String group, String benchmarkClass, String method, String counter, String mode,
                     int samples, double score, double error, String unit, Map<String, String> params) {

    /** The primary score's row, not a counter. */
    public boolean primary() {
        return counter == null;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Class.method, as a reader knows the benchmark. */
    public String name() {
        return benchmarkClass + "." + method;
    }

    public static List<JmhRow> read(Path path) {
        String name = path.getFileName().toString();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            for (String need : List.of("Benchmark", "Mode", "Samples", "Score", "Unit")) {
                if (!header.contains(need)) {
                    throw new ReportException(path + ":1: not JMH CSV output: no column '" + need + "' (header " + String.join(",", header) + ")");
                }
            }
            String errorColumn = null;
            for (String h : header) if (h.startsWith("Score Error")) errorColumn = h;
            List<JmhRow> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                int line = (int) rec.getRecordNumber() + 1;
                String bench = rec.get("Benchmark");
                String counter = null;
                int colon = bench.indexOf(':');
                if (colon >= 0) {
                    counter = bench.substring(colon + 1);
                    bench = bench.substring(0, colon);
                }
                int dot = bench.lastIndexOf('.');
                if (dot <= 0) throw new ReportException(path + ":" + line + ": Benchmark '" + bench + "' is not Class.method");
                String qualifiedClass = bench.substring(0, dot);
                int classDot = qualifiedClass.lastIndexOf('.');
                String cls = qualifiedClass.substring(classDot + 1);
                String pkg = classDot < 0 ? "" : qualifiedClass.substring(0, classDot);
                String group = pkg.substring(pkg.lastIndexOf('.') + 1);
                Map<String, String> params = new LinkedHashMap<>();
                for (String h : header) {
                    if (h.startsWith("Param: ") && !rec.get(h).isBlank()) params.put(h.substring(7), rec.get(h));
                }
                rows.add(new JmhRow(name, line, group, cls, bench.substring(dot + 1), counter, rec.get("Mode"),
                        parseInt(path, line, "Samples", rec.get("Samples")), parse(path, line, "Score", rec.get("Score")),
                        errorColumn == null ? Double.NaN : parse(path, line, errorColumn, rec.get(errorColumn)),
                        rec.get("Unit"), Collections.unmodifiableMap(params)));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof ReportException re) throw re;
            throw new ReportException(path + ": cannot read as JMH CSV: " + e.getMessage(), e);
        }
    }

    private static double parse(Path path, int line, String column, String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("NaN")) return Double.NaN;
        try {
            // JMH formats with the JVM's default locale; a decimal comma is the one variant seen.
            return Double.parseDouble(t.indexOf('.') < 0 ? t.replace(',', '.') : t);
        } catch (NumberFormatException e) {
            throw new ReportException(path + ":" + line + ": " + column + " '" + text + "' is not a number");
        }
    }

    private static int parseInt(Path path, int line, String column, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ReportException(path + ":" + line + ": " + column + " '" + text + "' is not an integer");
        }
    }
}
